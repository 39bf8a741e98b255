"""/invite (admins): the «Слёт общественности» or another city event — title → day → time →
place → whom (the year's awarded, the confirmed elders or the centers' staff) → where (a district
or the city) → the count → «Отправить»; each guest answers «✅ Приду» / «Не смогу», those coming
are reminded the day before. /invitations: the answers, and who comes as CSV."""

from __future__ import annotations

import html
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button
from aiogram_i18n import I18nContext

from bot.context import Ctx, ctx_of
from bot.exports import csv_bytes, header_row
from bot.keyboards.builders import Rows, closable
from bot.keyboards.callbacks import RowId
from bot.permissions import may_invite
from bot.services.recognition import (
    GUESTS,
    answer_invitation,
    create_invitation,
    invitation_of,
    parse_place,
    parse_title,
)
from bot.views import district_names, when_text
from handlers.forms import (
    Reply,
    Tr,
    answer_lines,
    chosen,
    day_and_time,
    form_data,
    form_dialog,
    go,
    queue_announcement,
    refuse,
    saved_as,
    show_unless_form,
    shown_by,
    start_form,
    summary,
    tapped,
    typed,
)
from storage.models import CityInvitation

router = Router(name=__name__)

DAYS_AHEAD = 21  # the Слёт is planned two or three weeks ahead


class InviteCb(CallbackData, prefix="inv"):
    """yes / no (a guest's answer), csv (who comes), new (the form)."""

    action: str
    id: RowId = 0


class InviteForm(StatesGroup):
    title = State()
    day = State()
    clock = State()
    place = State()
    guests = State()
    district = State()
    summary = State()


# --- The guests' answers --------------------------------------------------------------------------


@router.callback_query(InviteCb.filter(F.action.in_(("yes", "no"))))
async def answer(callback: CallbackQuery, callback_data: InviteCb, ctx: Ctx) -> None:
    coming = callback_data.action == "yes"
    invitation = await answer_invitation(
        ctx.invitations, await ctx.invitations.get(callback_data.id), ctx.user, coming, ctx.now
    )
    key = "invite-coming" if coming else "invite-not-coming"
    when = when_text(invitation.starts_at, ctx.settings)
    await callback.answer(ctx.i18n.get(key, when=when), show_alert=True)


# --- Admins: the list and the answers -----------------------------------------------------------


@router.message(Command("invitations"))
@router.message(Command("invite"))
async def invitations_command(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not ctx.actor.is_admin:
        refuse("invite-admins-only")
    await show_unless_form(dialog_manager, message, "invitations", show_invitations)


@shown_by("invitations")
async def show_invitations(reply: Reply, ctx: Ctx) -> None:
    lines = [ctx.i18n.get("invite-title")]
    rows: Rows = []
    for invitation in await ctx.invitations.recent():
        answers = await ctx.invitations.answers(invitation.id)
        coming = sum(1 for _, yes in answers if yes)
        lines.append(
            ctx.i18n.get(
                "invite-line",
                title=html.escape(invitation.title),
                when=when_text(invitation.starts_at, ctx.settings),
                coming=coming,
                not_coming=len(answers) - coming,
            )
        )
        label = ctx.i18n.get("invite-csv", title=invitation.title)[:64]
        rows.append([(label, InviteCb(action="csv", id=invitation.id))])
    if len(lines) == 1:
        lines.append(ctx.i18n.get("invite-none"))
    rows.append([(ctx.i18n.get("invite-new"), InviteCb(action="new"))])
    await answer_lines(reply, lines, closable(ctx.i18n, *rows, close="screen-close"))


@router.callback_query(InviteCb.filter(F.action == "csv"))
async def who_comes(callback: CallbackQuery, callback_data: InviteCb, ctx: Ctx) -> None:
    invitation = await ctx.invitations.get(callback_data.id)
    if invitation is None or not may_invite(ctx.actor, invitation.district_id):
        refuse("invite-not-yours")
    rows: list[list[object]] = [list(header_row(ctx.i18n, "invite-csv-head"))]
    for name, coming in await ctx.invitations.answers(invitation.id):
        rows.append(
            [name or "—", ctx.i18n.get("invite-answer-yes" if coming else "invite-answer-no")]
        )
    await tapped(callback).answer_document(
        BufferedInputFile(csv_bytes(rows), filename=f"invitation-{invitation.id}.csv"),
        caption=ctx.i18n.get("invite-csv-caption", title=html.escape(invitation.title)),
    )


@router.callback_query(InviteCb.filter(F.action == "new"))
async def new_invitation(callback: CallbackQuery, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not ctx.actor.is_admin:
        refuse("invite-admins-only")
    await start_form(dialog_manager, InviteForm.title, {})


# --- The form -------------------------------------------------------------------------------------


async def usual_title(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    form_data(manager)["title"] = ctx_of(manager).i18n.get("invite-default-title")
    await go(manager, InviteForm.day)


async def on_guests(
    callback: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    if item not in GUESTS:
        refuse()
    form_data(manager)["guests"] = item
    await go(manager, InviteForm.district)


async def on_district(
    callback: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    district_id = int(item) or None
    if not may_invite(ctx_of(manager).actor, district_id):
        refuse("invite-not-yours")
    form_data(manager)["district_id"] = district_id
    await go(manager, InviteForm.summary)


async def submit(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    invitation = await create_invitation(
        ctx.invitations, ctx.audit, ctx.actor, form_data(manager), ctx.now
    )
    await queue_announcement(
        ctx,
        "guests",
        invitation.id,
        "results",
        _text(ctx.i18n, invitation, ctx),
        button_text=ctx.i18n.get("invite-yes"),
        button_data=InviteCb(action="yes", id=invitation.id).pack(),
        more_buttons=[[ctx.i18n.get("invite-no"), InviteCb(action="no", id=invitation.id).pack()]],
    )
    await manager.done()
    await tapped(callback).answer(ctx.i18n.get("invite-sent"))


def _text(i18n: I18nContext, invitation: CityInvitation, ctx: Ctx) -> str:
    return i18n.get(
        "invite-message",
        title=html.escape(invitation.title),
        when=when_text(invitation.starts_at, ctx.settings),
        place=html.escape(invitation.place),
    )


async def _form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    invited = [d for d in ctx.directory.all_districts() if may_invite(ctx.actor, d.id)]
    districts = [(name, str(d.id)) for d, name in district_names(invited)]
    if may_invite(ctx.actor, None):
        districts.insert(0, (ctx.i18n.get("invite-whole-city"), "0"))
    out: dict[str, Any] = {
        "guest_lists": [
            (ctx.i18n.get(f"invite-guests-{g}", year=str(ctx.now.year)), g) for g in GUESTS
        ],
        "districts": districts,
    }
    if dialog_manager.current_context().state == InviteForm.summary:
        invitation = invitation_of(draft, ctx.now.year)
        district = ctx.directory.district(invitation.district_id)
        out["preview"] = _text(ctx.i18n, invitation, ctx)
        out["whom"] = ctx.i18n.get(f"invite-guests-{invitation.guests}", year=str(invitation.year))
        out["where"] = district.name if district else ctx.i18n.get("invite-whole-city")
        out["reach"] = await ctx.invitations.reach(invitation)
    return out


invite_dialog = form_dialog(
    "invite",
    typed(
        "invite-ask-title",
        saved_as("title", parse_title, InviteForm.day),
        InviteForm.title,
        Button(Tr("invite-default-title-button"), id="usual", on_click=usual_title),
    ),
    *day_and_time(InviteForm.day, InviteForm.clock, InviteForm.place, DAYS_AHEAD),
    typed("invite-ask-place", saved_as("place", parse_place, InviteForm.guests), InviteForm.place),
    chosen("invite-ask-guests", "guest_lists", on_guests, InviteForm.guests),
    chosen("invite-ask-district", "districts", on_district, InviteForm.district, width=2),
    summary("invite-summary", "invite", submit, InviteForm.summary),
    getter=_form,
)
