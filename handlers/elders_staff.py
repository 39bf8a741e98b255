"""Staff and admins decide on elder applications (/elders, «Подтвердить» / «Отклонить», revoke)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_i18n import LazyFilter

from bot.commands import set_chat_commands
from bot.context import Ctx, ctx_of
from bot.keyboards.builders import Pages, Rows, closable
from bot.keyboards.callbacks import PageCb, RegDecisionCb, RowId
from bot.notify import retire_buttons, tell, tell_with_menu
from bot.permissions import effective_role, may_moderate
from bot.services.validation import parse_text
from bot.views import district_buttons, territory_text
from handlers.forms import (
    Listed,
    answer_for,
    ask_text,
    decided,
    existing,
    of_my_district,
    paged,
    refuse,
)
from storage.models import ElderRegistration, RegistrationStatus, Role, User
from storage.repositories.notices import NoticeCopyRepository


class ElderRevokeCb(CallbackData, prefix="eldr"):
    id: RowId


router = Router(name=__name__)

MAX_REASON = 500

# Four applications a page, their names and territories cut at 32 characters: a page of the
# longest is still one message of ≤ 600 characters (the title ≤ 80, a line ≤ 130).
PAGE = 4


def _decidable(reg: ElderRegistration | None, ctx: Ctx) -> ElderRegistration:
    reg = of_my_district(reg, ctx.actor, "reg-not-your-district")
    if reg.status is not RegistrationStatus.PENDING:
        status = ctx.i18n.get(f"reg-status-{reg.status.value}")
        refuse("reg-already-decided", id=str(reg.id), status=status)
    return reg


async def _after_status_change(
    ctx: Ctx,
    reg: ElderRegistration,
) -> User | None:
    applicant = await ctx.users.get(reg.user_id)
    if applicant is not None:
        await ctx.elders.sync_role(applicant)
        await set_chat_commands(
            ctx.bot, ctx.i18n.core, applicant.id, effective_role(applicant, ctx.settings)
        )
    return applicant


async def tell_decision(ctx: Ctx, applicant: User | None, key: str, **args: str) -> None:
    """The decision, with the menu of the role it leaves: an elder's «📅 Позвать соседей» comes
    and goes with the confirmation (staff keep theirs)."""
    if applicant is None or applicant.role not in (Role.RESIDENT, Role.ELDER):
        await tell(ctx, applicant, key, **args)
        return
    await tell_with_menu(ctx, applicant, applicant.role, lambda t: t.get(key, **args))


@router.callback_query(RegDecisionCb.filter(F.confirm))
async def confirm(callback: CallbackQuery, callback_data: RegDecisionCb, ctx: Ctx) -> None:
    reg = _decidable(await ctx.elders.get(callback_data.id), ctx)
    if not await ctx.elders.decide(
        reg.id, RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, ctx.user.id
    ):
        refuse()
    await ctx.audit.write(ctx.user.id, "elder.confirm", reg.user_id, registration=reg.id)
    await retire_buttons(
        ctx.bot, await NoticeCopyRepository(ctx.elders.session).take("elder", reg.id)
    )
    await decided(callback, ctx.i18n.get("reg-confirmed-staff", id=str(reg.id)))
    applicant = await _after_status_change(ctx, reg)
    await tell_decision(ctx, applicant, "reg-confirmed-user", id=str(reg.id))


@router.callback_query(RegDecisionCb.filter(~F.confirm))
async def reject_ask_reason(
    callback: CallbackQuery, callback_data: RegDecisionCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    reg = _decidable(await ctx.elders.get(callback_data.id), ctx)
    await ask_text(dialog_manager, "elder-reject", "reg-ask-reject-reason", id=str(reg.id))


@dataclass(frozen=True)
class ReasonedDecision:
    expected: RegistrationStatus
    new: RegistrationStatus
    audit_action: str
    staff_key: str
    applicant_key: str


# Both decisions that need a reason: rejecting an application, revoking a confirmed elder.
REASONED = {
    "elder-reject": ReasonedDecision(
        RegistrationStatus.PENDING,
        RegistrationStatus.REJECTED,
        "elder.reject",
        "reg-rejected-staff",
        "reg-rejected-user",
    ),
    "elder-revoke": ReasonedDecision(
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.REVOKED,
        "elder.revoke",
        "elders-revoked",
        "reg-revoked-user",
    ),
}


@answer_for("elder-reject")
async def reject_with_reason(
    message: Message, manager: DialogManager, args: dict[str, Any]
) -> bool:
    return await decide_with_reason(message, manager, REASONED["elder-reject"], int(args["id"]))


@answer_for("elder-revoke")
async def revoke_with_reason(
    message: Message, manager: DialogManager, args: dict[str, Any]
) -> bool:
    return await decide_with_reason(message, manager, REASONED["elder-revoke"], int(args["id"]))


async def decide_with_reason(
    message: Message, manager: DialogManager, decision: ReasonedDecision, reg_id: int
) -> bool:
    ctx = ctx_of(manager)
    reason = parse_text(message.text, max_len=MAX_REASON, min_len=3)
    reg = await ctx.elders.get(reg_id)
    if reg is None or not may_moderate(ctx.actor, reg.district_id):
        await message.answer(ctx.i18n.get("button-stale"))
        return True
    if not await ctx.elders.decide(reg_id, decision.expected, decision.new, ctx.user.id, reason):
        status = ctx.i18n.get(f"reg-status-{reg.status.value}")
        await message.answer(ctx.i18n.get("reg-already-decided", id=str(reg_id), status=status))
        return True
    await ctx.audit.write(ctx.user.id, decision.audit_action, reg.user_id, registration=reg.id)
    await retire_buttons(
        ctx.bot, await NoticeCopyRepository(ctx.elders.session).take("elder", reg.id)
    )
    await message.answer(ctx.i18n.get(decision.staff_key, id=str(reg.id)))
    applicant = await _after_status_change(ctx, reg)
    reason = html.escape(reason)
    await tell_decision(ctx, applicant, decision.applicant_key, id=str(reg.id), reason=reason)
    return True


@router.message(Command("elders"))
@router.message(LazyFilter("menu-elders"))
async def elders_list(message: Message, ctx: Ctx, command: CommandObject | None = None) -> None:
    district_id = _district_for_list(ctx, command.args if command else None)
    if district_id is None and ctx.actor.is_admin:  # the district by a button, not a code
        rows = district_buttons(
            [d for d in ctx.directory.all_districts() if may_moderate(ctx.actor, d.id)],
            lambda n: PageCb(list="elders", page=0, key=n),
        )
        await message.answer(
            ctx.i18n.get("elders-choose-district"), reply_markup=closable(ctx.i18n, *rows)
        )
        return
    if district_id is None:
        refuse("elders-no-center")
    await elders_of_district(message, ctx, district_id)


def _district_for_list(ctx: Ctx, args: str | None) -> int | None:
    """Staff: their district; admins: the district named by its code or name (or none)."""
    if ctx.actor.is_admin and args:
        district = ctx.directory.find_district(args)
        return district.id if district else None
    return ctx.actor.staff_district_id


@paged(router, "elders", command=False)
async def elders_of_district(ctx: Ctx, at: PageCb) -> Listed:
    """A district's elders and applications (`at.key`), with what staff decide on each."""
    if not may_moderate(ctx.actor, at.key):
        refuse("reg-not-your-district")
    district = existing(ctx.directory.district(at.key))
    pages = Pages.of(await ctx.elders.count_of_district(district.id), at.page, PAGE)
    if not pages.total:
        return [ctx.i18n.get("elders-empty", district=html.escape(district.name))], [], pages
    lines = [ctx.i18n.get("elders-title", district=html.escape(district.name[:40]))]
    rows: Rows = []
    for reg, name in await ctx.elders.of_district(district.id, pages.offset, PAGE):
        lines.append(
            ctx.i18n.get(
                "elders-line",
                id=str(reg.id),
                name=html.escape((name or "—")[:32]),
                role=ctx.i18n.get(f"tos-role-{reg.tos_role}"),
                territory=html.escape(territory_text(ctx.i18n, reg)[:32]),
                status=ctx.i18n.get(f"reg-status-{reg.status.value}"),
            )
        )
        if reg.status is RegistrationStatus.CONFIRMED:
            rows.append([(_numbered(ctx, "elders-revoke", reg.id), ElderRevokeCb(id=reg.id))])
        else:
            rows.append(
                [
                    (_numbered(ctx, "reg-confirm", reg.id), RegDecisionCb(id=reg.id, confirm=True)),
                    (_numbered(ctx, "reg-reject", reg.id), RegDecisionCb(id=reg.id, confirm=False)),
                ]
            )
    return lines, rows, pages


def _numbered(ctx: Ctx, key: str, number: int) -> str:
    """A button of a numbered line: «Отозвать № 12»."""
    return ctx.i18n.get("numbered", text=ctx.i18n.get(key), id=str(number))


@router.callback_query(ElderRevokeCb.filter())
async def revoke_ask_reason(
    callback: CallbackQuery, callback_data: ElderRevokeCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    reg = of_my_district(await ctx.elders.get(callback_data.id), ctx.actor, "reg-not-your-district")
    if reg.status is not RegistrationStatus.CONFIRMED:
        refuse()
    await ask_text(dialog_manager, "elder-revoke", "elders-ask-revoke-reason", id=str(reg.id))
