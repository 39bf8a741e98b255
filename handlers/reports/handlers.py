"""/report: the commands that open the form, and what each window does with an answer."""

from __future__ import annotations

import html
from datetime import timedelta
from typing import Any

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button
from aiogram_i18n import I18nContext, LazyFilter

from bot.context import Ctx, ctx_of
from bot.keyboards.builders import inline
from bot.keyboards.callbacks import ReportCb
from bot.notify import tell, tell_rendered
from bot.services.on_behalf import behalf_of
from bot.services.reports import (
    FIGURE_LIMITS,
    KINDS,
    MAX_AGE_DAYS,
    MAX_DESCRIPTION,
    MAX_PARTICIPANTS,
    draft_tags,
    drop_unfit_figures,
    figures_for,
    parse_figures,
    submit_report,
)
from bot.services.validation import InputError, parse_count, parse_date, parse_text
from bot.views import territory_text
from handlers.forms import (
    ask_resume,
    form_data,
    go,
    menu_for,
    next_needed,
    refuse,
    restart_with,
    say_error,
    start_form,
    take_place,
    tapped,
)
from handlers.reports.states import ReportForm as F
from storage.models import Report, User
from storage.repositories.elders import ElderRepository

router = Router(name=__name__)


# --- Opening the form ---------------------------------------------------------------------------


async def start_report(
    manager: DialogManager, user: User, elders: ElderRepository, draft: dict[str, Any] | None
) -> None:
    """A new report, or (with `draft`) a stored one to fix and send again."""
    i18n = ctx_of(manager).i18n
    territories = [
        {
            "id": r.id,
            "district_id": r.district_id,
            "label": f"{i18n.get(f'tos-role-{r.tos_role}')}: {territory_text(i18n, r)}",
            "place": territory_text(i18n, r),
        }
        for r in await elders.confirmed_of_user(user.id)
    ]
    if draft is None:
        draft = {"figures": {}, "photos": []}
    if not draft.get("registration_id") and len(territories) == 1:
        choose_territory(draft, territories[0])
    draft["territories"] = territories
    first = F.summary if draft.get("report_id") else F.kind if len(territories) < 2 else F.territory
    if draft.get(
        "gathering_id"
    ):  # called beforehand: only figures, a few words and photos are left
        first = F.figures if figures_for(draft["kind"]) else F.description
    await start_form(manager, first, draft)


def choose_territory(draft: dict[str, Any], territory: dict[str, Any]) -> None:
    draft["registration_id"] = territory["id"]
    draft["district_id"] = territory["district_id"]
    draft["home"] = territory["place"]


@router.message(Command("report"))
@router.message(LazyFilter("menu-report"))
async def report(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if dialog_manager.has_context():
        await ask_resume(dialog_manager, "report")
        return
    await start_report(dialog_manager, ctx.user, ctx.elders, None)


@restart_with("report")
async def report_again(
    callback: CallbackQuery, manager: DialogManager, args: dict[str, Any]
) -> None:
    ctx = ctx_of(manager)
    await start_report(manager, ctx.user, ctx.elders, None)


# --- Answers ------------------------------------------------------------------------------------


ORDER = (F.kind, F.action, F.date, F.place, F.participants, F.figures, F.description, F.photos)


def _needed(state: State, draft: dict[str, Any]) -> bool:
    if state is F.figures:
        return bool(figures_for(draft.get("kind", "")))
    if state is F.description:
        return not draft.get("description")  # or it came in with the photo
    return True


async def advance(manager: DialogManager, after: Any) -> None:
    await next_needed(manager, after, ORDER, _needed, F.summary)


async def on_territory(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    draft = form_data(manager)
    chosen = next((t for t in draft.get("territories", []) if str(t["id"]) == item), None)
    if chosen is None:
        refuse("button-stale")
    choose_territory(draft, chosen)
    await advance(manager, F.territory)


async def on_kind(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    if item not in KINDS:
        refuse("button-stale")
    draft = form_data(manager)
    draft["kind"] = item
    drop_unfit_figures(draft)
    # A new kind may ask for other figures: walk on through them; other steps return at once.
    draft.pop("from_summary", None)
    await advance(manager, F.kind)


async def on_action(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    action = ctx_of(manager).directory.action(int(item)) if item.isdigit() else None
    if action is None:
        refuse("button-stale")
    draft = form_data(manager)
    draft["action_id"] = action.id
    draft.pop("action_other", None)
    await advance(manager, F.action)


async def skip_action(cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    draft = form_data(manager)
    draft.pop("action_id", None)
    draft.pop("action_other", None)
    await advance(manager, F.action)


async def own_action(cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await go(manager, F.action_other)


async def on_action_other(message: Message, widget: Any, manager: DialogManager) -> None:
    draft = form_data(manager)
    draft["action_other"] = parse_text(message.text, max_len=200, min_len=2, letters=True)
    draft["action_id"] = None
    await advance(manager, F.action)


async def on_date_button(cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    days_ago = {"today": 0, "yesterday": 1}[button.widget_id or "today"]
    held_on = ctx_of(manager).today - timedelta(days=days_ago)
    form_data(manager)["held_on"] = held_on.isoformat()
    await advance(manager, F.date)


async def other_date(cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await go(manager, F.date_typed)


async def on_date_text(message: Message, widget: Any, manager: DialogManager) -> None:
    held_on = parse_date(message.text or "", ctx_of(manager).today, MAX_AGE_DAYS)
    form_data(manager)["held_on"] = held_on.isoformat()
    await advance(manager, F.date)


async def home_place(cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    draft = form_data(manager)
    if not draft.get("home"):  # a hidden button still answers a forged tap
        refuse("button-stale")
    draft.update(place=draft.get("home"), lat=None, lon=None)
    await advance(manager, F.place)


async def on_place(message: Message, widget: Any, manager: DialogManager) -> None:
    if await take_place(manager, message, "place", "rep-ask-place"):
        await advance(manager, F.place)


async def on_participants(message: Message, widget: Any, manager: DialogManager) -> None:
    form_data(manager)["participants"] = parse_count(message.text or "", 1, MAX_PARTICIPANTS)
    await advance(manager, F.participants)


async def on_figure(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    draft = form_data(manager)
    if item not in figures_for(draft.get("kind", "")):
        refuse("button-stale")
    draft["figure"] = item
    await go(manager, F.figure_value)


async def on_figure_value(message: Message, widget: Any, manager: DialogManager) -> None:
    draft = form_data(manager)
    figure = draft.get("figure", "")
    amount = parse_count(message.text or "", 0, FIGURE_LIMITS.get(figure, 0))
    figures = draft.setdefault("figures", {})
    if amount:
        figures[figure] = amount
    else:
        figures.pop(figure, None)
    draft.pop("figure", None)
    await _back_to_figures(manager)


async def _back_to_figures(manager: DialogManager) -> None:
    """The figures' window again, with the number in its line (not a step forward)."""
    trail: list[str] = form_data(manager).get("_trail", [])
    if trail and trail[-1] == F.figures.state:
        trail.pop()
    await manager.switch_to(F.figures)


async def on_figures_text(message: Message, widget: Any, manager: DialogManager) -> None:
    """All the figures in one message: «12 мешков, 5 деревьев, 3 клумбы»."""
    draft = form_data(manager)
    try:
        found = parse_figures(message.text or "", draft.get("kind", ""))
    except InputError as exc:
        if "figure" in exc.args_:
            exc.args_["figure"] = ctx_of(manager).i18n.get(f"rep-figure-{exc.args_['figure']}")
        await say_error(manager, exc)
        return
    figures = draft.setdefault("figures", {})
    figures.update(found)
    for figure in [f for f, amount in figures.items() if not amount]:
        del figures[figure]
    await advance(manager, F.figures)


async def figures_done(cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await advance(manager, F.figures)


async def on_description(message: Message, widget: Any, manager: DialogManager) -> None:
    text = parse_text(message.text, max_len=MAX_DESCRIPTION, min_len=3)
    form_data(manager)["description"] = text
    await advance(manager, F.description)


async def skip_description(cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    form_data(manager)["description"] = ""
    await advance(manager, F.description)


async def photos_done(cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await advance(manager, F.photos)


async def tags_done(cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await advance(manager, F.tags)


async def edit_menu(cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await go(manager, F.edit)


async def on_edit(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    targets = {
        "kind": F.kind,
        "action": F.action,
        "date": F.date,
        "place": F.place,
        "participants": F.participants,
        "figures": F.figures,
        "description": F.description,
        "photos": F.photos,
        "tags": F.tags,
    }
    if item not in targets:
        refuse("button-stale")
    draft = form_data(manager)
    draft["from_summary"] = True
    if item == "photos":
        draft["photos"] = []
    if item == "tags":
        draft["tags"] = draft_tags(draft)
    await go(manager, targets[item])


async def submit(cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    try:
        behalf = behalf_of(ctx.actor, draft)  # staff entering for an elder who phoned
        author_id = behalf.user_id if behalf else ctx.user.id
        if author_id is None:
            raise InputError("behalf-not-yours")
        report = await submit_report(ctx.reports, author_id, draft, ctx.today)
        if behalf is not None:
            report.entered_by = behalf.entered_by
    except InputError as exc:
        steps = exc.args_.get("steps")
        if isinstance(steps, list):
            names = [ctx.i18n.get(f"rep-step-{m}") for m in steps]
            exc.args_["steps"] = ", ".join(names) or "—"
        await say_error(manager, exc)
        return
    await manager.done()
    if behalf is not None:
        person = html.escape(draft.get("person", ""))
        await tapped(cb).answer(ctx.i18n.get("behalf-report-sent", id=report.id, person=person))
        await tell(ctx, author_id, "behalf-report-told", id=str(report.id))
    else:
        await tapped(cb).answer(
            ctx.i18n.get("rep-sent", id=str(report.id)), reply_markup=menu_for(ctx)
        )
    await notify_staff(ctx, report)


async def notify_staff(
    ctx: Ctx,
    report: Report,
) -> None:
    center_ids = [c.id for c in ctx.directory.centers(report.district_id)]

    def render(t: I18nContext) -> tuple[str, InlineKeyboardMarkup]:
        text = t.get(
            "rep-new-for-staff",
            id=str(report.id),
            kind=t.get(f"rep-kind-{report.kind}"),
            date=report.held_on.strftime("%d.%m.%Y"),
        )
        return text, inline(
            [(t.get("rep-open", id=str(report.id)), ReportCb(action="mod", id=report.id))]
        )

    for staff in await ctx.users.staff_of(center_ids):
        await tell_rendered(ctx, staff, render)
