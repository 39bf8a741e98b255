"""/mydata and /deleteme (152-ФЗ: a user sees and deletes their own data)."""

from __future__ import annotations

import html
import logging

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove

from bot.context import Ctx
from bot.keyboards.builders import deleteme_keyboard
from bot.keyboards.callbacks import DeleteMeCb
from bot.services.privacy import erase_user
from bot.views import (
    edit_markup,
    edit_or_send,
    home_text,
    local_time,
    muted_text,
    place_name,
    reminder_text,
    role_name,
    short_messages,
    territory_text,
)
from handlers.forms import tapped

router = Router(name=__name__)
logger = logging.getLogger(__name__)


@router.message(Command("mydata"))
async def my_data(message: Message, ctx: Ctx) -> None:
    consent = local_time(ctx.user.consent_at, ctx.settings) if ctx.user.consent_at else None
    lines = [
        ctx.i18n.get("mydata-title"),
        ctx.i18n.get("mydata-id", id=str(ctx.user.id)),
        ctx.i18n.get(
            "mydata-lang",
            lang=ctx.i18n.get(f"lang-name-{ctx.user.locale or ctx.settings.default_locale}"),
        ),
        ctx.i18n.get("mydata-role", role=role_name(ctx.i18n, ctx.user.role.value)),
    ]
    if consent is None:
        lines.append(ctx.i18n.get("mydata-no-consent"))
    else:
        lines.append(ctx.i18n.get("mydata-consent", date=consent.strftime("%d.%m.%Y %H:%M")))
        if ctx.user.username:
            lines.append(ctx.i18n.get("mydata-username", username=html.escape(ctx.user.username)))
        place = place_name(ctx.user, ctx.directory)
        if place:
            lines.append(ctx.i18n.get("mydata-place", place=place))
        home = home_text(ctx.i18n, ctx.user)
        committee = ctx.directory.committee(ctx.user.committee_id)
        if home or committee:
            where = ", ".join(p for p in (home, committee.name if committee else "") if p)
            lines.append(ctx.i18n.get("mydata-home", home=html.escape(where)))
    if ctx.user.full_name:
        lines.append(ctx.i18n.get("mydata-name", name=html.escape(ctx.user.full_name)))
    if ctx.user.phone:
        lines.append(ctx.i18n.get("mydata-phone", phone=html.escape(ctx.user.phone)))
    for reg in await ctx.elders.of_user(ctx.user.id):
        lines.append(
            ctx.i18n.get(
                "mydata-territory",
                role=ctx.i18n.get(f"tos-role-{reg.tos_role}"),
                territory=html.escape(territory_text(ctx.i18n, reg)),
                status=ctx.i18n.get(f"reg-status-{reg.status.value}"),
            )
        )
    staff_center = ctx.directory.center(ctx.user.staff_center_id)
    if staff_center is not None:
        lines.append(ctx.i18n.get("mydata-center", center=html.escape(staff_center.name)))
    for access in await ctx.receptions.accesses_of(ctx.user.id):  # a receiving specialist's view
        center = ctx.directory.center(access.center_id)
        lines.append(
            ctx.i18n.get(
                "mydata-specialist",
                specialist=html.escape(access.specialist),
                center=html.escape(center.name if center else ""),
            )
        )
    counts = await ctx.users.footprint(ctx.user.id)
    if any(counts.values()):
        lines.append(ctx.i18n.get("mydata-linked", **counts))
    lines.append(
        ctx.i18n.get(
            "mydata-settings",
            reminders=reminder_text(ctx.i18n, ctx.user.club_reminder_min),
            muted=muted_text(ctx.i18n, ctx.user.muted),
        )
    )
    lines.append(ctx.i18n.get("mydata-footer"))
    for chunk in short_messages(lines):  # an elder with territories: more than one short message
        await message.answer(chunk)


@router.message(Command("deleteme"))
async def delete_me(message: Message, ctx: Ctx) -> None:
    await message.answer(ctx.i18n.get("deleteme-confirm"), reply_markup=deleteme_keyboard(ctx.i18n))


@router.callback_query(DeleteMeCb.filter(F.confirm))
async def delete_me_confirmed(callback: CallbackQuery, ctx: Ctx) -> None:
    await erase_user(ctx.user, ctx.users, ctx.audit, ctx.state)
    logger.info("A user erased their personal data")
    await edit_markup(callback, None)
    await tapped(callback).answer(ctx.i18n.get("deleteme-done"), reply_markup=ReplyKeyboardRemove())


@router.callback_query(DeleteMeCb.filter(~F.confirm))
async def delete_me_cancelled(callback: CallbackQuery, ctx: Ctx) -> None:
    await edit_or_send(callback, ctx.i18n.get("deleteme-kept"))
