"""/mydata and /deleteme (152-ФЗ: a user sees and deletes their own data)."""

from __future__ import annotations

import html
import logging

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove
from aiogram_i18n import I18nContext

from bot.config import Settings
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
from storage.models import User
from storage.repositories.audit import AuditRepository
from storage.repositories.directory import Directory
from storage.repositories.elders import ElderRepository
from storage.repositories.receptions import ReceptionRepository
from storage.repositories.users import UserRepository

router = Router(name=__name__)
logger = logging.getLogger(__name__)


@router.message(Command("mydata"))
async def my_data(
    message: Message,
    user: User,
    users: UserRepository,
    elders: ElderRepository,
    receptions: ReceptionRepository,
    settings: Settings,
    directory: Directory,
    i18n: I18nContext,
) -> None:
    consent = local_time(user.consent_at, settings) if user.consent_at else None
    lines = [
        i18n.get("mydata-title"),
        i18n.get("mydata-id", id=str(user.id)),
        i18n.get(
            "mydata-lang", lang=i18n.get(f"lang-name-{user.locale or settings.default_locale}")
        ),
        i18n.get("mydata-role", role=role_name(i18n, user.role.value)),
    ]
    if consent is None:
        lines.append(i18n.get("mydata-no-consent"))
    else:
        lines.append(i18n.get("mydata-consent", date=consent.strftime("%d.%m.%Y %H:%M")))
        if user.username:
            lines.append(i18n.get("mydata-username", username=html.escape(user.username)))
        place = place_name(user, directory)
        if place:
            lines.append(i18n.get("mydata-place", place=place))
        home = home_text(i18n, user)
        committee = directory.committee(user.committee_id)
        if home or committee:
            where = ", ".join(p for p in (home, committee.name if committee else "") if p)
            lines.append(i18n.get("mydata-home", home=html.escape(where)))
    if user.full_name:
        lines.append(i18n.get("mydata-name", name=html.escape(user.full_name)))
    if user.phone:
        lines.append(i18n.get("mydata-phone", phone=html.escape(user.phone)))
    for reg in await elders.of_user(user.id):
        lines.append(
            i18n.get(
                "mydata-territory",
                role=i18n.get(f"tos-role-{reg.tos_role}"),
                territory=html.escape(territory_text(i18n, reg)),
                status=i18n.get(f"reg-status-{reg.status.value}"),
            )
        )
    staff_center = directory.center(user.staff_center_id)
    if staff_center is not None:
        lines.append(i18n.get("mydata-center", center=html.escape(staff_center.name)))
    for access in await receptions.accesses_of(user.id):  # a receiving specialist's view
        center = directory.center(access.center_id)
        lines.append(
            i18n.get(
                "mydata-specialist",
                specialist=html.escape(access.specialist),
                center=html.escape(center.name if center else ""),
            )
        )
    counts = await users.footprint(user.id)
    if any(counts.values()):
        lines.append(i18n.get("mydata-linked", **counts))
    lines.append(
        i18n.get(
            "mydata-settings",
            reminders=reminder_text(i18n, user.club_reminder_min),
            muted=muted_text(i18n, user.muted),
        )
    )
    lines.append(i18n.get("mydata-footer"))
    for chunk in short_messages(lines):  # an elder with territories: more than one short message
        await message.answer(chunk)


@router.message(Command("deleteme"))
async def delete_me(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("deleteme-confirm"), reply_markup=deleteme_keyboard(i18n))


@router.callback_query(DeleteMeCb.filter(F.confirm))
async def delete_me_confirmed(
    callback: CallbackQuery,
    user: User,
    users: UserRepository,
    audit: AuditRepository,
    state: FSMContext,
    i18n: I18nContext,
) -> None:
    await erase_user(user, users, audit, state)
    logger.info("A user erased their personal data")
    await edit_markup(callback, None)
    await tapped(callback).answer(i18n.get("deleteme-done"), reply_markup=ReplyKeyboardRemove())


@router.callback_query(DeleteMeCb.filter(~F.confirm))
async def delete_me_cancelled(callback: CallbackQuery, i18n: I18nContext) -> None:
    await edit_or_send(callback, i18n.get("deleteme-kept"))
