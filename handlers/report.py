"""/report: a confirmed elder reports a субботник, action or event, with figures and photos."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext, LazyFilter

from bot.config import Settings
from bot.filters.content import Has
from bot.filters.roles import HasRole
from bot.keyboards.builders import MAIN_MENU_KEYS, inline, main_menu
from bot.keyboards.callbacks import ReportCb
from bot.keyboards.wizard import (
    ChoiceCb,
    cancel_only,
    choices,
    edit_choices,
    summary_keyboard,
    text_step,
)
from bot.notify import tell_rendered
from bot.photos import collect_photo, forget_photo_status, refuse_non_photos
from bot.services.reports import (
    FIGURE_LIMITS,
    KINDS,
    MAX_AGE_DAYS,
    MAX_DESCRIPTION,
    MAX_PARTICIPANTS,
    MAX_PHOTOS,
    apply_draft,
    drop_unfit_figures,
    figures_for,
    missing_steps,
    parse_figures,
)
from bot.services.validation import (
    InputError,
    check_date,
    parse_count,
    parse_date,
    parse_id,
    parse_text,
)
from bot.views import report_summary, territory_text
from bot.wizard import SUMMARY, Wizard, WizardCb
from handlers.states import Report as Rp
from storage.models import Report, ReportPhoto, ReportStatus, Role, User
from storage.repositories.directory import Directory
from storage.repositories.elders import ElderRepository
from storage.repositories.reports import ReportRepository
from storage.repositories.users import UserRepository

router = Router(name=__name__)
router.message.filter(HasRole(Role.ELDER))
router.callback_query.filter(HasRole(Role.ELDER))

WZ = "rep"


def _applies(step: str, data: dict[str, Any]) -> bool:
    if step == "territory":
        return len(data.get("territories", [])) > 1
    if step == "action_other":
        return "action_other" in data and not data.get("action_id")
    if step == "figures":
        return bool(figures_for(data.get("kind", "")))
    return True


WIZARD = Wizard(
    WZ,
    (
        ("territory", Rp.territory),
        ("kind", Rp.kind),
        ("action", Rp.action),
        ("action_other", Rp.action_other),
        ("date", Rp.date),
        ("place", Rp.place),
        ("participants", Rp.participants),
        ("figures", Rp.figures),
        ("description", Rp.description),
        ("photos", Rp.photos),
    ),
    _applies,
)
EDITABLE = (
    ("kind", "rep-edit-kind"),
    ("action", "rep-edit-action"),
    ("date", "rep-edit-date"),
    ("place", "rep-edit-place"),
    ("participants", "rep-edit-participants"),
    ("figures", "rep-edit-figures"),
    ("description", "rep-edit-description"),
    ("photos", "rep-edit-photos"),
)
TEXT_STATES = (Rp.action_other, Rp.date_typed, Rp.participants, Rp.figure_value, Rp.description)


def today(settings: Settings) -> date:
    return datetime.now(ZoneInfo(settings.timezone)).date()


def _done_button(i18n: I18nContext) -> tuple[str, CallbackData]:
    return (i18n.get("wizard-done-button"), WizardCb(wizard=WZ, action="done"))


def _figures_keyboard(i18n: I18nContext, data: dict[str, Any]):  # type: ignore[no-untyped-def]
    values = data.get("figures", {})
    options = [
        (f"{i18n.get(f'rep-figure-{f}')}: {values.get(f, '—')}", f)
        for f in figures_for(data.get("kind", ""))
    ]
    return choices(i18n, WZ, "figure", options, extra=[_done_button(i18n)])


async def show(
    step: str,
    message: Message,
    state: FSMContext,
    i18n: I18nContext,
    directory: Directory,
) -> None:
    data = await state.get_data()
    if step == SUMMARY:
        await state.set_state(Rp.summary)
        await message.answer(
            report_summary(i18n, data, directory), reply_markup=summary_keyboard(i18n, WZ)
        )
        return
    await state.set_state(WIZARD.state(step))
    if step == "territory":
        options = [(t["label"], str(t["id"])) for t in data["territories"]]
        markup = choices(i18n, WZ, "territory", options, back=False)
        await message.answer(i18n.get("rep-ask-territory"), reply_markup=markup)
    elif step == "kind":
        options = [(i18n.get(f"rep-kind-{k}"), k) for k in KINDS]
        first = WIZARD.first(data) == "kind" and not data.get("from_summary")
        markup = choices(i18n, WZ, "kind", options, per_row=2, back=not first)
        await message.answer(i18n.get("rep-ask-kind"), reply_markup=markup)
    elif step == "action":
        options = [(a.name, str(a.id)) for a in directory.actions()]
        options.append((i18n.get("rep-action-own"), "own"))
        skip = (i18n.get("wizard-skip"), WizardCb(wizard=WZ, action="skip"))
        markup = choices(i18n, WZ, "action", options, per_row=2, extra=[skip])
        await message.answer(i18n.get("rep-ask-action"), reply_markup=markup)
    elif step == "date":
        options = [(i18n.get(f"rep-date-{d}"), d) for d in ("today", "yesterday", "other")]
        markup = choices(i18n, WZ, "date", options, per_row=3)
        await message.answer(i18n.get("rep-ask-date"), reply_markup=markup)
    elif step == "figures":
        await message.answer(
            i18n.get("rep-ask-figures"), reply_markup=_figures_keyboard(i18n, data)
        )
    elif step == "photos":
        await message.answer(
            i18n.get("rep-ask-photos"),
            reply_markup=inline([_done_button(i18n)], _nav(i18n)),
        )
    else:
        prompts = {
            "action_other": "rep-ask-action-other",
            "place": "rep-ask-place",
            "participants": "rep-ask-participants",
            "description": "rep-ask-description",
        }
        await message.answer(i18n.get(prompts[step]), reply_markup=text_step(i18n, WZ))


def _nav(i18n: I18nContext) -> list[tuple[str, CallbackData]]:
    return [
        (i18n.get("wizard-back"), WizardCb(wizard=WZ, action="back")),
        (i18n.get("wizard-cancel"), WizardCb(wizard=WZ, action="cancel")),
    ]


async def advance(
    step: str, message: Message, state: FSMContext, i18n: I18nContext, directory: Directory
) -> None:
    await show(WIZARD.next(step, await state.get_data()), message, state, i18n, directory)


async def start_report(
    message: Message,
    user: User,
    state: FSMContext,
    i18n: I18nContext,
    directory: Directory,
    elders: ElderRepository,
    draft: dict[str, Any] | None = None,
) -> None:
    territories = [
        {
            "id": r.id,
            "district_id": r.district_id,
            "label": f"{i18n.get(f'tos-role-{r.tos_role}')}: {territory_text(i18n, r)}",
        }
        for r in await elders.confirmed_of_user(user.id)
    ]
    if draft is None:
        draft = {"figures": {}, "photos": []}
        if len(territories) == 1:
            draft["registration_id"] = territories[0]["id"]
            draft["district_id"] = territories[0]["district_id"]
    draft["territories"] = territories
    await state.set_data(draft)
    await message.answer(i18n.get("rep-start"), reply_markup=cancel_only(i18n))
    if draft.get("report_id"):
        await show(SUMMARY, message, state, i18n, directory)
    else:
        await show(WIZARD.first(draft), message, state, i18n, directory)


@router.message(Command("report"))
@router.message(LazyFilter("menu-report"))
async def report(
    message: Message,
    user: User,
    state: FSMContext,
    i18n: I18nContext,
    directory: Directory,
    elders: ElderRepository,
) -> None:
    await start_report(message, user, state, i18n, directory, elders)


async def _choice(
    callback: CallbackQuery, state: FSMContext, i18n: I18nContext, valid: bool
) -> dict[str, Any] | None:
    """The draft, if the tap is a valid choice on a message we can still answer under."""
    if not valid or not isinstance(callback.message, Message):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return None
    await callback.answer()
    return await state.get_data()


@router.callback_query(
    StateFilter(Rp.territory), ChoiceCb.filter((F.wizard == WZ) & (F.step == "territory"))
)
async def territory_chosen(
    callback: CallbackQuery,
    callback_data: ChoiceCb,
    state: FSMContext,
    i18n: I18nContext,
    directory: Directory,
) -> None:
    data = await state.get_data()
    chosen = next(
        (t for t in data.get("territories", []) if str(t["id"]) == callback_data.value), None
    )
    if await _choice(callback, state, i18n, chosen is not None) is None:
        return
    assert chosen is not None and isinstance(callback.message, Message)
    await state.update_data(registration_id=chosen["id"], district_id=chosen["district_id"])
    await advance("territory", callback.message, state, i18n, directory)


@router.callback_query(StateFilter(Rp.kind), ChoiceCb.filter((F.wizard == WZ) & (F.step == "kind")))
async def kind_chosen(
    callback: CallbackQuery,
    callback_data: ChoiceCb,
    state: FSMContext,
    i18n: I18nContext,
    directory: Directory,
) -> None:
    data = await _choice(callback, state, i18n, callback_data.value in KINDS)
    if data is None:
        return
    assert isinstance(callback.message, Message)
    data["kind"] = callback_data.value
    drop_unfit_figures(data)
    await state.set_data(data)
    await advance("kind", callback.message, state, i18n, directory)


@router.callback_query(
    StateFilter(Rp.action), ChoiceCb.filter((F.wizard == WZ) & (F.step == "action"))
)
async def action_chosen(
    callback: CallbackQuery,
    callback_data: ChoiceCb,
    state: FSMContext,
    i18n: I18nContext,
    directory: Directory,
) -> None:
    own = callback_data.value == "own"
    action = None if own else directory.action(parse_id(callback_data.value))
    data = await _choice(callback, state, i18n, own or action is not None)
    if data is None:
        return
    assert isinstance(callback.message, Message)
    if own:
        data.update(action_id=None, action_other="")
        await state.set_data(data)
        await show("action_other", callback.message, state, i18n, directory)
        return
    assert action is not None
    data["action_id"] = action.id
    data.pop("action_other", None)
    await state.set_data(data)
    await advance("action", callback.message, state, i18n, directory)


@router.callback_query(StateFilter(Rp.date), ChoiceCb.filter((F.wizard == WZ) & (F.step == "date")))
async def date_chosen(
    callback: CallbackQuery,
    callback_data: ChoiceCb,
    state: FSMContext,
    i18n: I18nContext,
    settings: Settings,
    directory: Directory,
) -> None:
    offsets = {"today": 0, "yesterday": 1}
    data = await _choice(callback, state, i18n, callback_data.value in (*offsets, "other"))
    if data is None:
        return
    assert isinstance(callback.message, Message)
    if callback_data.value == "other":
        await state.set_state(Rp.date_typed)
        await callback.message.answer(
            i18n.get("rep-ask-date-typed", days=MAX_AGE_DAYS), reply_markup=text_step(i18n, WZ)
        )
        return
    held_on = today(settings) - timedelta(days=offsets[callback_data.value])
    await state.update_data(held_on=held_on.isoformat())
    await advance("date", callback.message, state, i18n, directory)


@router.callback_query(
    StateFilter(Rp.figures), ChoiceCb.filter((F.wizard == WZ) & (F.step == "figure"))
)
async def figure_chosen(
    callback: CallbackQuery, callback_data: ChoiceCb, state: FSMContext, i18n: I18nContext
) -> None:
    data = await state.get_data()
    valid = callback_data.value in figures_for(data.get("kind", ""))
    if await _choice(callback, state, i18n, valid) is None:
        return
    assert isinstance(callback.message, Message)
    await state.set_state(Rp.figure_value)
    await state.update_data(figure=callback_data.value)
    await callback.message.answer(
        i18n.get("rep-ask-figure-value", figure=i18n.get(f"rep-figure-{callback_data.value}")),
        reply_markup=text_step(i18n, WZ),
    )


@router.message(
    StateFilter(*TEXT_STATES, Rp.place, Rp.date, Rp.figures), LazyFilter(*MAIN_MENU_KEYS)
)
async def menu_text_in_form(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("input-menu-text"))


@router.message(StateFilter(*TEXT_STATES, Rp.date), Has(F.text))
async def text_answer(
    message: Message,
    state: FSMContext,
    i18n: I18nContext,
    settings: Settings,
    directory: Directory,
) -> None:
    current = await state.get_state()
    text = message.text or ""
    data = await state.get_data()
    try:
        if current == Rp.action_other.state:
            step = "action_other"
            data["action_other"] = parse_text(text, max_len=200, min_len=2, letters=True)
        elif current in (Rp.date.state, Rp.date_typed.state):  # typed, or «Другая дата»
            step = "date"
            data["held_on"] = parse_date(text, today(settings), MAX_AGE_DAYS).isoformat()
        elif current == Rp.participants.state:
            step = "participants"
            data["participants"] = parse_count(text, 1, MAX_PARTICIPANTS)
        elif current == Rp.figure_value.state:
            figure = data.get("figure", "")
            amount = parse_count(text, 0, FIGURE_LIMITS.get(figure, 0))
            figures = data.setdefault("figures", {})
            if amount:
                figures[figure] = amount
            else:
                figures.pop(figure, None)
            await state.set_data(data)
            await state.set_state(Rp.figures)
            await message.answer(
                i18n.get("rep-ask-figures"), reply_markup=_figures_keyboard(i18n, data)
            )
            return
        else:
            step = "description"
            data["description"] = parse_text(text, max_len=MAX_DESCRIPTION, min_len=3)
    except InputError as exc:
        await message.answer(i18n.get(exc.key, **exc.args_))
        return
    await state.set_data(data)
    await advance(step, message, state, i18n, directory)


@router.message(StateFilter(Rp.figures), Has(F.text))
async def figures_typed(
    message: Message, state: FSMContext, i18n: I18nContext, directory: Directory
) -> None:
    """All the figures in one message: «12 мешков, 5 деревьев, 3 клумбы»."""
    data = await state.get_data()
    try:
        found = parse_figures(message.text or "", data.get("kind", ""))
    except InputError as exc:
        args = dict(exc.args_)
        if "figure" in args:
            args["figure"] = i18n.get(f"rep-figure-{args['figure']}")
        await message.answer(i18n.get(exc.key, **args))
        return
    figures = data.setdefault("figures", {})
    figures.update(found)
    for figure in [f for f, amount in figures.items() if not amount]:
        del figures[figure]
    data.pop("figure", None)
    await state.set_data(data)
    await advance("figures", message, state, i18n, directory)


@router.message(StateFilter(*TEXT_STATES))
async def not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("input-need-text"))


@router.message(StateFilter(Rp.place), Has(F.location))
async def place_point(
    message: Message, state: FSMContext, i18n: I18nContext, directory: Directory
) -> None:
    assert message.location is not None
    await state.update_data(
        lat=message.location.latitude, lon=message.location.longitude, place=None
    )
    await advance("place", message, state, i18n, directory)


@router.message(StateFilter(Rp.place), Has(F.text))
async def place_text(
    message: Message, state: FSMContext, i18n: I18nContext, directory: Directory
) -> None:
    try:
        place = parse_text(message.text, max_len=300, min_len=3, letters=True)
    except InputError as exc:
        await message.answer(i18n.get(exc.key, **exc.args_))
        return
    await state.update_data(place=place, lat=None, lon=None)
    await advance("place", message, state, i18n, directory)


@router.message(StateFilter(Rp.place))
async def place_other(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("rep-ask-place"))


@router.message(StateFilter(Rp.photos), Has(F.photo))
async def photo(message: Message, bot: Bot, state: FSMContext, i18n: I18nContext) -> None:
    markup = inline([_done_button(i18n)], _nav(i18n))
    await collect_photo(message, bot, state, i18n, MAX_PHOTOS, markup)


refuse_non_photos(router, Rp.photos)


@router.callback_query(
    StateFilter(Rp.figures, Rp.photos), WizardCb.filter((F.wizard == WZ) & (F.action == "done"))
)
async def step_done(
    callback: CallbackQuery, state: FSMContext, i18n: I18nContext, directory: Directory
) -> None:
    data = await state.get_data()
    step = "figures" if await state.get_state() == Rp.figures.state else "photos"
    if step == "photos" and not data.get("photos"):
        await callback.answer(i18n.get("rep-photos-none"), show_alert=True)
        return
    await callback.answer()
    forget_photo_status(data)
    data.pop("figure", None)
    await state.set_data(data)
    if isinstance(callback.message, Message):
        await advance(step, callback.message, state, i18n, directory)


@router.callback_query(
    StateFilter(Rp.action), WizardCb.filter((F.wizard == WZ) & (F.action == "skip"))
)
async def action_skipped(
    callback: CallbackQuery, state: FSMContext, i18n: I18nContext, directory: Directory
) -> None:
    await callback.answer()
    data = await state.get_data()
    data.pop("action_id", None)
    data.pop("action_other", None)
    await state.set_data(data)
    if isinstance(callback.message, Message):
        await advance("action", callback.message, state, i18n, directory)


@router.callback_query(
    StateFilter(*[s for _, s in WIZARD.steps], Rp.date_typed, Rp.figure_value),
    WizardCb.filter((F.wizard == WZ) & (F.action == "back")),
)
async def back(
    callback: CallbackQuery, state: FSMContext, i18n: I18nContext, directory: Directory
) -> None:
    await callback.answer()
    current = await state.get_state()
    data = await state.get_data()
    if current == Rp.date_typed.state:
        target: str | None = "date"
    elif current == Rp.figure_value.state:
        target = "figures"
    else:
        step = WIZARD.step_of(current)
        target = WIZARD.previous(step, data) if step else None
    if isinstance(callback.message, Message):
        await show(target or WIZARD.first(data), callback.message, state, i18n, directory)


@router.callback_query(
    StateFilter(Rp.summary), WizardCb.filter((F.wizard == WZ) & (F.action == "edit"))
)
async def edit_menu(callback: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await callback.answer()
    data = await state.get_data()
    options = [
        (i18n.get(key), step) for step, key in EDITABLE if step != "figures" or _applies(step, data)
    ]
    if isinstance(callback.message, Message):
        await callback.message.answer(
            i18n.get("wizard-edit-which"), reply_markup=edit_choices(i18n, WZ, options)
        )


@router.callback_query(
    StateFilter(Rp.summary), ChoiceCb.filter((F.wizard == WZ) & (F.step == "goto"))
)
async def edit_step(
    callback: CallbackQuery,
    callback_data: ChoiceCb,
    state: FSMContext,
    i18n: I18nContext,
    directory: Directory,
) -> None:
    step = callback_data.value
    data = await _choice(callback, state, i18n, step in dict(EDITABLE))
    if data is None:
        return
    assert isinstance(callback.message, Message)
    # A new kind may ask for other figures: walk on through them; other steps return at once.
    data["from_summary"] = step != "kind"
    if step == "photos":
        data["photos"] = []
    await state.set_data(data)
    await show(step, callback.message, state, i18n, directory)


@router.callback_query(
    StateFilter(Rp.summary), WizardCb.filter((F.wizard == WZ) & (F.action == "submit"))
)
async def submit(
    callback: CallbackQuery,
    bot: Bot,
    user: User,
    state: FSMContext,
    i18n: I18nContext,
    settings: Settings,
    directory: Directory,
    reports: ReportRepository,
    users: UserRepository,
) -> None:
    data = await state.get_data()
    missing = missing_steps(data)
    if missing or not data.get("district_id"):
        names = ", ".join(i18n.get(f"rep-step-{m}") for m in missing) or "—"
        await callback.answer(i18n.get("rep-incomplete", steps=names), show_alert=True)
        return
    # The date was valid when typed; a draft left for weeks may have aged out since.
    try:
        check_date(date.fromisoformat(data["held_on"]), today(settings), MAX_AGE_DAYS)
    except InputError as exc:
        await callback.answer(i18n.get(exc.key, **exc.args_), show_alert=True)
        return
    existing = await reports.get(data["report_id"]) if data.get("report_id") else None
    if data.get("report_id") and (existing is None or existing.author_id != user.id):
        await callback.answer(i18n.get("rep-not-yours"), show_alert=True)
        return
    report = existing or Report(author_id=user.id)
    apply_draft(report, data, ReportPhoto)
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = datetime.now(UTC)
    report.moderated_by = report.moderated_at = report.moderator_comment = None
    await reports.add(report)
    await state.clear()
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_reply_markup(reply_markup=None)
        await callback.message.answer(
            i18n.get("rep-sent", id=str(report.id)), reply_markup=main_menu(i18n)
        )
    await notify_staff(bot, report, users, settings, directory, i18n)


@router.callback_query(WizardCb.filter((F.wizard == WZ) & (F.action == "submit")))
async def submit_again(callback: CallbackQuery, i18n: I18nContext) -> None:
    """A second tap on «Отправить»: the draft became a report with the first one."""
    await callback.answer(i18n.get("rep-already-sent"), show_alert=True)


async def notify_staff(
    bot: Bot,
    report: Report,
    users: UserRepository,
    settings: Settings,
    directory: Directory,
    i18n: I18nContext,
) -> None:
    center_ids = [c.id for c in directory.centers(report.district_id)]

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

    for staff in await users.staff_of(center_ids):
        await tell_rendered(bot, staff, settings, i18n, render)
