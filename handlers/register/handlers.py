"""/register: the commands around a ТОС elder's application, and what each window of the form does
with an answer."""

from __future__ import annotations

import html
from typing import Any

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.state import State
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardMarkup,
    Message,
)
from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext, LazyFilter

from bot.context import Ctx, ctx_of
from bot.keyboards.builders import closable, inline
from bot.keyboards.callbacks import RegDecisionCb
from bot.notify import tell_rendered
from bot.services.elders import (
    TOS_ROLES,
    apply_for_territory,
    parse_answer,
    territory_parts,
)
from bot.services.validation import InputError
from bot.views import registration_summary, territory_text
from handlers.forms import (
    answer_lines,
    ask_contact,
    ask_resume,
    form_data,
    go,
    menu_for,
    next_needed,
    refuse,
    restart_with,
    say_error,
    start_form,
    take_phone,
    tapped,
)
from handlers.register.states import NewTerritoryCb
from handlers.register.states import RegisterForm as F
from storage.models import ElderRegistration, RegistrationStatus, User
from storage.repositories.directory import Directory
from storage.repositories.notices import NoticeCopyRepository

router = Router(name=__name__)

ORDER = (
    F.role,
    F.municipality,
    F.district,
    F.committee,
    F.committee_other,
    F.street,
    F.house,
    F.entrance,
    F.full_name,
    F.phone,
)
TEXT_STEPS = {
    F.committee_other: "committee_other",
    F.street: "street",
    F.house: "house",
    F.entrance: "entrance",
    F.full_name: "full_name",
}


@router.message(Command("register"))
async def register(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not ctx.user.has_consent:
        refuse("reg-need-consent")
    if dialog_manager.has_context():
        await ask_resume(dialog_manager, "register")
        return
    registrations = await ctx.elders.of_user(ctx.user.id)
    if not registrations:
        await start_registration(dialog_manager, ctx.user)
        return
    lines = [ctx.i18n.get("reg-status-title")]
    for reg in registrations:
        lines.append(
            ctx.i18n.get(
                "reg-status-line",
                id=str(reg.id),
                role=ctx.i18n.get(f"tos-role-{reg.tos_role}"),
                territory=html.escape(territory_text(ctx.i18n, reg)),
                status=ctx.i18n.get(f"reg-status-{reg.status.value}"),
            )
        )
    lines.append(ctx.i18n.get("reg-status-new"))
    new = [(ctx.i18n.get("reg-new-button"), NewTerritoryCb())]
    await answer_lines(message, lines, closable(ctx.i18n, new, close="screen-close"))


@router.callback_query(NewTerritoryCb.filter())
async def new_territory(callback: CallbackQuery, dialog_manager: DialogManager, ctx: Ctx) -> None:
    """«➕ Новая территория» under one's applications, or «📝 Зарегистрироваться» under «only
    elders report»: the form, for someone who has consented (an old button after /deleteme is
    not)."""
    if not ctx.user.has_consent:
        refuse("reg-need-consent")
    if dialog_manager.has_context():
        await ask_resume(dialog_manager, "register")
        return
    await start_registration(dialog_manager, ctx.user)


async def start_registration(manager: DialogManager, user: User) -> None:
    draft = {"full_name": user.full_name, "phone": user.phone}
    await start_form(manager, F.role, draft)


@restart_with("register")
async def register_again(
    callback: CallbackQuery, manager: DialogManager, args: dict[str, Any]
) -> None:
    await start_registration(manager, ctx_of(manager).user)


@router.message(Command("report", "myreports"))
@router.message(LazyFilter("menu-report"))
async def elder_only(message: Message, ctx: Ctx) -> None:
    """Reached only by users who are not (yet) confirmed elders: the report routers come first."""
    pending = any(
        r.status is RegistrationStatus.PENDING for r in await ctx.elders.of_user(ctx.user.id)
    )
    if pending:
        await message.answer(ctx.i18n.get("elder-only-pending"))
        return
    register_button = inline([(ctx.i18n.get("elder-only-register"), NewTerritoryCb())])
    await message.answer(ctx.i18n.get("elder-only-none"), reply_markup=register_button)


# --- Answers ------------------------------------------------------------------------------------


def _needed(state: State, draft: dict[str, Any], directory: Directory) -> bool:
    if state is F.municipality:
        return len(directory.municipalities()) > 1
    if state is F.committee_other:
        return draft.get("committee_id") is None and "committee_other" in draft
    if state in (F.street, F.house, F.entrance):
        return TEXT_STEPS[state] in territory_parts(draft.get("tos_role", ""))
    if state is F.full_name:
        return not draft.get("full_name")
    if state is F.phone:
        return not draft.get("phone")
    return True


async def advance(manager: DialogManager, after: State) -> None:
    directory = ctx_of(manager).directory
    await next_needed(
        manager,
        after,
        ORDER,
        lambda state, draft: _needed(state, draft, directory),
        F.summary,
        enter,
    )


async def enter(manager: DialogManager, state: State) -> None:
    if state is F.phone:
        await ask_contact(manager, "reg-ask-phone")
    await go(manager, state)


async def on_role(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    if item not in TOS_ROLES:
        refuse("button-stale")
    draft = form_data(manager)
    draft["tos_role"] = item
    for part in ("street", "house", "entrance"):  # a part the new role has no use for goes
        if part not in territory_parts(item):
            draft.pop(part, None)
    await advance(manager, F.role)


async def on_municipality(
    cb: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    municipality = ctx_of(manager).directory.municipality(int(item)) if item.isdigit() else None
    if municipality is None:
        refuse("button-stale")
    form_data(manager)["municipality_id"] = municipality.id
    await go(manager, F.district)


async def on_district(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    district = ctx_of(manager).directory.district(int(item)) if item.isdigit() else None
    if district is None:
        refuse("button-stale")
    draft = form_data(manager)
    if draft.get("district_id") != district.id:  # another district: its committee is asked anew
        draft.pop("committee_id", None)
        draft.pop("committee_other", None)
    draft["district_id"] = district.id
    draft["municipality_id"] = district.municipality_id
    await advance(manager, F.district)


async def on_committee(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    committee = ctx.directory.committee(int(item)) if item.isdigit() else None
    district = ctx.directory.district(draft.get("district_id"))
    if (
        committee is None
        or district is None
        or committee.municipality.id != district.municipality_id
    ):
        refuse("button-stale")
    draft["committee_id"] = committee.id
    draft.pop("committee_other", None)
    await advance(manager, F.committee)


async def committee_not_listed(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    form_data(manager).update(committee_id=None, committee_other="")
    await go(manager, F.committee_other)


async def on_text(message: Message, widget: Any, manager: DialogManager) -> None:
    state = manager.current_context().state
    step = TEXT_STEPS[state]
    form_data(manager)[step] = parse_answer(step, message.text)
    await advance(manager, state)


async def on_contact(message: Message, widget: Any, manager: DialogManager) -> None:
    await take_phone(manager, message)
    await advance(manager, F.phone)


async def edit_menu(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await go(manager, F.edit)


# Editing these re-walks the steps after them (a new role may need an entrance, a new district a
# new committee); the others return straight to the summary.
EDIT_TARGETS = {
    "role": F.role,
    "district": F.municipality,
    "committee": F.committee,
    "territory": F.street,
    "name": F.full_name,
    "phone": F.phone,
}
REWALK = ("role", "district", "territory")


async def on_edit(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    draft = form_data(manager)
    target = EDIT_TARGETS.get(item)
    if target is None or (item == "territory" and not territory_parts(draft.get("tos_role", ""))):
        refuse("button-stale")
    if target is F.municipality and not _needed(F.municipality, draft, ctx_of(manager).directory):
        target = F.district
    draft["from_summary"] = item not in REWALK
    if item in ("name", "phone"):
        draft["full_name" if item == "name" else "phone"] = None
    await enter(manager, target)


async def submit(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    try:
        reg = await apply_for_territory(ctx.elders, ctx.user, draft)
    except InputError as exc:
        if "status" in exc.args_:
            exc.args_["status"] = ctx.i18n.get(f"reg-status-{exc.args_['status']}")
        await say_error(manager, exc)
        return
    await manager.done()
    await tapped(cb).answer(ctx.i18n.get("reg-sent"), reply_markup=menu_for(ctx))
    await notify_deciders(ctx, reg, draft)


async def notify_deciders(
    ctx: Ctx,
    reg: ElderRegistration,
    data: dict[str, Any],
) -> None:
    def render(t: I18nContext) -> tuple[str, InlineKeyboardMarkup]:
        summary = registration_summary(t, data, ctx.directory, title=False)
        buttons = [
            (t.get("reg-confirm"), RegDecisionCb(id=reg.id, confirm=True)),
            (t.get("reg-reject"), RegDecisionCb(id=reg.id, confirm=False)),
        ]
        return t.get("reg-new-application", id=str(reg.id), summary=summary), inline(buttons)

    center_ids = [c.id for c in ctx.directory.centers(reg.district_id)]
    copies = NoticeCopyRepository(ctx.users.session)
    for recipient in await ctx.users.deciders(center_ids, ctx.settings.admin_ids):
        sent = await tell_rendered(ctx, recipient, render)
        if sent is not None:
            copies.add("elder", reg.id, sent.chat.id, sent.message_id)
