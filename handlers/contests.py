"""/contests, applying (a form whose draft survives restarts), /myapplications."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext, LazyFilter

from bot.config import Settings
from bot.contact import take_own_phone
from bot.filters.content import Has
from bot.keyboards.builders import MAIN_MENU_KEYS, inline, main_menu
from bot.keyboards.callbacks import ApplicationCb, ContestCb
from bot.keyboards.wizard import (
    ChoiceCb,
    cancel_only,
    choices,
    contact_keyboard,
    edit_choices,
    summary_keyboard,
    text_step,
)
from bot.permissions import effective_role
from bot.photos import collect_photo, forget_photo_status, refuse_non_photos
from bot.services.contests import ADDRESS_PARTS, address_key, may_apply
from bot.services.elders import parse_full_name, parse_house
from bot.services.validation import InputError, parse_count, parse_id, parse_text
from bot.views import local_time, send_album
from bot.wizard import SUMMARY, Wizard, WizardCb
from handlers.forms import outside_forms
from handlers.states import ContestApply as A
from storage.models import (
    Application,
    ApplicationPhoto,
    ApplicationStatus,
    Contest,
    ContestStage,
    Nomination,
    User,
)
from storage.repositories.contests import ContestRepository
from storage.repositories.directory import Directory

router = Router(name=__name__)

WZ = "app"
MAX_PHOTOS = 10
PART_STEPS = ("street", "house", "entrance", "apartment", "committee", "center")


def _nomination(contest: Contest, data: dict[str, Any]) -> Nomination | None:
    return next((n for n in contest.nominations if n.id == data.get("nomination_id")), None)


def _applies(step: str, data: dict[str, Any]) -> bool:
    if step in PART_STEPS:
        return step in ADDRESS_PARTS.get(data.get("address_kind", ""), ())
    if step == "name":
        return not data.get("name")
    if step == "phone":
        return not data.get("phone")
    return True


WIZARD = Wizard(
    WZ,
    tuple(
        (name, getattr(A, name))
        for name in ("nomination", *PART_STEPS, "description", "photos", "name", "phone")
    ),
    _applies,
)
TEXT_STEPS = {
    A.street: "street",
    A.house: "house",
    A.entrance: "entrance",
    A.apartment: "apartment",
    A.description: "description",
    A.name: "name",
}
EDITABLE = (
    ("nomination", "apply-edit-nomination"),
    ("street", "apply-edit-address"),
    ("description", "apply-edit-description"),
    ("photos", "apply-edit-photos"),
    ("name", "apply-edit-responsible"),
)


def deadline_text(contest: Contest, settings: Settings) -> str:
    return local_time(contest.deadline, settings).strftime("%d.%m.%Y %H:%M")


def is_open(contest: Contest) -> bool:
    return contest.stage is ContestStage.APPLY and contest.deadline > datetime.now(UTC)


def address_text(i18n: I18nContext, data: dict[str, Any], directory: Directory) -> str:
    kind = data.get("address_kind", "")
    if kind == "committee":
        committee = directory.committee(data.get("committee"))
        return committee.name if committee else "—"
    if kind == "center":
        center = directory.center(data.get("center"))
        return center.name if center else "—"
    if kind == "street":
        return str(data.get("street", "—"))
    key = {"entrance": "apply-address-entrance", "window": "apply-address-window"}.get(
        kind, "apply-address-house"
    )
    return i18n.get(
        key,
        street=data.get("street", ""),
        house=data.get("house", ""),
        entrance=str(data.get("entrance", "")),
        apartment=str(data.get("apartment", "")),
    )


@router.message(Command("contests"))
@router.message(outside_forms, LazyFilter("menu-contests"))
async def contests_list(
    message: Message, contests: ContestRepository, settings: Settings, i18n: I18nContext
) -> None:
    found = await contests.open(datetime.now(UTC))
    if not found:
        await message.answer(i18n.get("contests-none"))
        return
    lines = [i18n.get("contests-title")]
    rows: list[list[tuple[str, CallbackData]]] = []
    for c in found:
        lines.append(
            i18n.get(
                "contests-line", title=html.escape(c.title), deadline=deadline_text(c, settings)
            )
        )
        rows.append([(c.title[:60], ContestCb(action="card", id=c.id))])
    await message.answer("\n".join(lines), reply_markup=inline(*rows))


@router.callback_query(ContestCb.filter(F.action == "card"))
async def contest_card(
    callback: CallbackQuery,
    callback_data: ContestCb,
    contests: ContestRepository,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    contest = await contests.get(callback_data.id)
    if contest is None or not isinstance(callback.message, Message):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    text = i18n.get(
        "contest-card",
        title=html.escape(contest.title),
        description=html.escape(contest.description),
        deadline=deadline_text(contest, settings),
        nominations="\n".join(f"• {html.escape(n.name)}" for n in contest.nominations),
    )
    if contest.rules:
        text += "\n" + i18n.get("contest-rules", rules=html.escape(contest.rules))
    markup = (
        inline([(i18n.get("contest-apply"), ContestCb(action="apply", id=contest.id))])
        if is_open(contest)
        else None
    )
    await callback.message.answer(text, reply_markup=markup)


@router.callback_query(ContestCb.filter(F.action == "apply"))
async def apply_start(
    callback: CallbackQuery,
    callback_data: ContestCb,
    user: User,
    state: FSMContext,
    contests: ContestRepository,
    settings: Settings,
    directory: Directory,
    i18n: I18nContext,
) -> None:
    contest = await contests.get(callback_data.id)
    if contest is None or not isinstance(callback.message, Message):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    if not is_open(contest):
        await callback.answer(
            i18n.get("contest-closed", deadline=deadline_text(contest, settings)), show_alert=True
        )
        return
    if not user.has_consent:
        await callback.answer(i18n.get("contest-need-consent"), show_alert=True)
        return
    if not may_apply(contest.applicants, effective_role(user, settings).value):
        who = ", ".join(i18n.get(f"contest-who-{w}") for w in contest.applicants.split(","))
        await callback.answer(i18n.get("contest-not-for-you", who=who), show_alert=True)
        return
    if user.district_id is None:
        await callback.answer(i18n.get("contest-need-district"), show_alert=True)
        return
    await callback.answer()
    await state.set_data(
        {
            "contest_id": contest.id,
            "district_id": user.district_id,
            "photos": [],
            "name": user.full_name,
            "phone": user.phone,
        }
    )
    await callback.message.answer(html.escape(contest.title), reply_markup=cancel_only(i18n))
    await show("nomination", callback.message, state, i18n, contests, directory, settings)


async def show(
    step: str,
    message: Message,
    state: FSMContext,
    i18n: I18nContext,
    contests: ContestRepository,
    directory: Directory,
    settings: Settings,
) -> None:
    data = await state.get_data()
    contest = await contests.get(data["contest_id"])
    assert contest is not None
    if step == SUMMARY:
        await state.set_state(A.summary)
        nomination = _nomination(contest, data)
        title = (
            i18n.get("apply-title-edit", id=data["application_id"])
            if data.get("application_id")
            else i18n.get("apply-title-new")
        )
        await message.answer(
            i18n.get(
                "apply-summary",
                title=title,
                contest=html.escape(contest.title),
                nomination=html.escape(nomination.name if nomination else "—"),
                address=html.escape(address_text(i18n, data, directory)),
                description=html.escape(data.get("description") or "—"),
                photos=len(data.get("photos", [])),
                name=html.escape(data.get("name") or "—"),
                phone=html.escape(data.get("phone") or "—"),
            ),
            reply_markup=summary_keyboard(i18n, WZ),
        )
        return
    await state.set_state(WIZARD.state(step))
    if step == "nomination":
        options = [(n.name, str(n.id)) for n in contest.nominations]
        await message.answer(
            i18n.get("apply-ask-nomination"),
            reply_markup=choices(i18n, WZ, "nomination", options, back=False),
        )
    elif step == "committee":
        district = directory.district(data["district_id"])
        assert district is not None
        options = [
            (k.name, str(k.id)) for k in directory.committees(district.municipality_id, district.id)
        ]
        await message.answer(
            i18n.get("apply-ask-committee"),
            reply_markup=choices(i18n, WZ, "committee", options, per_row=2),
        )
    elif step == "center":
        options = [(c.name, str(c.id)) for c in directory.centers(data["district_id"])]
        await message.answer(
            i18n.get("apply-ask-center"), reply_markup=choices(i18n, WZ, "center", options)
        )
    elif step == "photos":
        await message.answer(i18n.get("apply-ask-photos"), reply_markup=_photo_markup(i18n))
    elif step == "phone":
        await message.answer(i18n.get("apply-ask-phone"), reply_markup=contact_keyboard(i18n))
    else:
        await message.answer(i18n.get(f"apply-ask-{step}"), reply_markup=text_step(i18n, WZ))


def _photo_markup(i18n: I18nContext):  # type: ignore[no-untyped-def]
    return inline(
        [(i18n.get("wizard-done-button"), WizardCb(wizard=WZ, action="done"))],
        [
            (i18n.get("wizard-back"), WizardCb(wizard=WZ, action="back")),
            (i18n.get("wizard-cancel"), WizardCb(wizard=WZ, action="cancel")),
        ],
    )


async def advance(
    step: str,
    message: Message,
    state: FSMContext,
    i18n: I18nContext,
    contests: ContestRepository,
    directory: Directory,
    settings: Settings,
) -> None:
    await show(
        WIZARD.next(step, await state.get_data()),
        message,
        state,
        i18n,
        contests,
        directory,
        settings,
    )


@router.callback_query(
    StateFilter(A.nomination, A.committee, A.center), ChoiceCb.filter(F.wizard == WZ)
)
async def chosen(
    callback: CallbackQuery,
    callback_data: ChoiceCb,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    data = await state.get_data()
    contest = await contests.get(data["contest_id"])
    step, value = callback_data.step, callback_data.value
    ok = False
    chosen = parse_id(value)
    if (
        contest is not None
        and chosen is not None
        and step == WIZARD.step_of(await state.get_state())
    ):
        if step == "nomination":
            nomination = next((n for n in contest.nominations if n.id == chosen), None)
            if nomination is not None:
                ok = True
                if data.get("address_kind") != nomination.address:
                    for part in PART_STEPS:
                        data.pop(part, None)
                data.update(nomination_id=nomination.id, address_kind=nomination.address)
        elif step == "committee":
            ok = directory.committee(chosen) is not None
            data["committee"] = chosen
        elif step == "center":
            center = directory.center(chosen)
            ok = center is not None and center.district_id == data["district_id"]
            data["center"] = chosen
    if not ok or not isinstance(callback.message, Message):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    await state.set_data(data)
    await advance(step, callback.message, state, i18n, contests, directory, settings)


@router.message(StateFilter(*TEXT_STEPS), LazyFilter(*MAIN_MENU_KEYS))
async def menu_text_in_form(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("input-menu-text"))


@router.message(StateFilter(*TEXT_STEPS), Has(F.text))
async def text_answer(
    message: Message,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    step = WIZARD.step_of(await state.get_state())
    assert step is not None
    text = message.text or ""
    try:
        if step == "house":
            value: Any = parse_house(text)
        elif step == "entrance":
            value = parse_count(text, 1, 99)
        elif step == "apartment":
            value = parse_count(text, 1, 2000)
        elif step == "description":
            value = parse_text(text, max_len=2000, min_len=3)
        elif step == "name":
            value = parse_full_name(text)
        else:  # the street, a committee
            value = parse_text(text, max_len=100, min_len=2, letters=True)
    except InputError as exc:
        await message.answer(i18n.get(exc.key, **exc.args_))
        return
    await state.update_data({step: value})
    await advance(step, message, state, i18n, contests, directory, settings)


@router.message(StateFilter(*TEXT_STEPS))
async def not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("input-need-text"))


@router.message(StateFilter(A.photos), Has(F.photo))
async def photo(message: Message, bot: Bot, state: FSMContext, i18n: I18nContext) -> None:
    await collect_photo(message, bot, state, i18n, MAX_PHOTOS, _photo_markup(i18n))


refuse_non_photos(router, A.photos)


@router.callback_query(
    StateFilter(A.photos), WizardCb.filter((F.wizard == WZ) & (F.action == "done"))
)
async def photos_done(
    callback: CallbackQuery,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    data = await state.get_data()
    if not data.get("photos"):
        await callback.answer(i18n.get("rep-photos-none"), show_alert=True)
        return
    await callback.answer()
    forget_photo_status(data)
    await state.set_data(data)
    if isinstance(callback.message, Message):
        await advance("photos", callback.message, state, i18n, contests, directory, settings)


@router.message(StateFilter(A.phone), Has(F.contact))
async def contact(
    message: Message,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    if await take_own_phone(message, state, i18n):
        await advance("phone", message, state, i18n, contests, directory, settings)


@router.message(StateFilter(A.phone))
async def phone_not_contact(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("reg-phone-by-button"), reply_markup=contact_keyboard(i18n))


@router.callback_query(
    StateFilter(*[s for _, s in WIZARD.steps]),
    WizardCb.filter((F.wizard == WZ) & (F.action == "back")),
)
async def back(
    callback: CallbackQuery,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    await callback.answer()
    data = await state.get_data()
    step = WIZARD.step_of(await state.get_state())
    previous = WIZARD.previous(step, data) if step else None
    if isinstance(callback.message, Message):
        await show(
            previous or WIZARD.first(data),
            callback.message,
            state,
            i18n,
            contests,
            directory,
            settings,
        )


@router.callback_query(
    StateFilter(A.summary), WizardCb.filter((F.wizard == WZ) & (F.action == "edit"))
)
async def edit_menu(callback: CallbackQuery, i18n: I18nContext) -> None:
    await callback.answer()
    options = [(i18n.get(key), step) for step, key in EDITABLE]
    if isinstance(callback.message, Message):
        await callback.message.answer(
            i18n.get("wizard-edit-which"), reply_markup=edit_choices(i18n, WZ, options)
        )


@router.callback_query(
    StateFilter(A.summary), ChoiceCb.filter((F.wizard == WZ) & (F.step == "goto"))
)
async def edit_step(
    callback: CallbackQuery,
    callback_data: ChoiceCb,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    step = callback_data.value
    if step not in dict(EDITABLE) or not isinstance(callback.message, Message):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    data = await state.get_data()
    # Address and nomination walk on (a new nomination may need other address parts).
    data["from_summary"] = step in ("description", "photos")
    if step == "photos":
        data["photos"] = []
    if step == "name":
        data["name"] = data["phone"] = None
    if step == "street":
        step = WIZARD.next("nomination", {**data, "from_summary": False})
    await state.set_data(data)
    await show(step, callback.message, state, i18n, contests, directory, settings)


@router.callback_query(
    StateFilter(A.summary), WizardCb.filter((F.wizard == WZ) & (F.action == "submit"))
)
async def submit(
    callback: CallbackQuery,
    user: User,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    data = await state.get_data()
    contest = await contests.get(data["contest_id"])
    if contest is None or not isinstance(callback.message, Message):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    if not is_open(contest):
        await callback.answer(
            i18n.get("contest-closed", deadline=deadline_text(contest, settings)), show_alert=True
        )
        return
    nomination = _nomination(contest, data)
    missing = [
        s
        for s, _ in WIZARD.steps
        if _applies(s, data) and not data.get(s) and s not in ("nomination", "photos")
    ]
    if nomination is None or not data.get("photos") or missing:
        await callback.answer(i18n.get("apply-incomplete"), show_alert=True)
        return
    parts = {p: str(data.get(p, "")) for p in ADDRESS_PARTS[nomination.address]}
    key = address_key(parts)
    existing = await contests.live_at(nomination.id, key)
    if existing is not None and existing.id != data.get("application_id"):
        await callback.answer()
        markup = None
        if existing.user_id == user.id:
            markup = inline(
                [
                    (
                        i18n.get("apply-duplicate-open", id=existing.id),
                        ApplicationCb(action="open", id=existing.id),
                    )
                ]
            )
        await callback.message.answer(
            i18n.get("apply-duplicate", id=existing.id), reply_markup=markup
        )
        return
    application = (
        await contests.application(data["application_id"]) if data.get("application_id") else None
    )
    if application is None:
        application = Application(
            contest_id=contest.id, user_id=user.id, status=ApplicationStatus.SUBMITTED
        )
    application.nomination_id = nomination.id
    application.district_id = data["district_id"]
    application.address_text = address_text(i18n, data, directory)
    application.address_key = key
    application.address_parts = {p: data[p] for p in ADDRESS_PARTS[nomination.address]}
    application.description = data["description"]
    application.responsible_name = data["name"]
    application.responsible_phone = data["phone"]
    application.photos = [
        ApplicationPhoto(position=i, file_id=p["file_id"], file_unique_id=p["unique"])
        for i, p in enumerate(data["photos"], start=1)
    ]
    await contests.add_application(application)
    await state.clear()
    await callback.answer()
    await callback.message.edit_reply_markup(reply_markup=None)
    await callback.message.answer(
        i18n.get("apply-sent", id=application.id), reply_markup=main_menu(i18n)
    )


@router.callback_query(WizardCb.filter((F.wizard == WZ) & (F.action == "submit")))
async def submit_again(callback: CallbackQuery, i18n: I18nContext) -> None:
    await callback.answer(i18n.get("apply-already-sent"), show_alert=True)


# --- my applications -------------------------------------------------------------------------


def status_text(i18n: I18nContext, a: Application) -> str:
    return i18n.get(f"app-status-{a.status.value}", place=a.place or 0)


@router.message(Command("myapplications"))
async def my_applications(
    message: Message, user: User, contests: ContestRepository, i18n: I18nContext
) -> None:
    found = await contests.of_user(user.id)
    if not found:
        await message.answer(i18n.get("myapps-empty"))
        return
    lines = [i18n.get("myapps-title")]
    rows: list[list[tuple[str, CallbackData]]] = []
    for a in found[:20]:
        contest = await contests.get(a.contest_id)
        nomination = await contests.nomination(a.nomination_id)
        lines.append(
            i18n.get(
                "myapps-line",
                id=a.id,
                contest=html.escape(contest.title if contest else "—"),
                nomination=html.escape(nomination.name if nomination else "—"),
                status=status_text(i18n, a),
            )
        )
        rows.append([(i18n.get("app-open", id=a.id), ApplicationCb(action="open", id=a.id))])
    await message.answer("\n".join(lines), reply_markup=inline(*rows))


async def _own(
    callback: CallbackQuery,
    application_id: int,
    user: User,
    contests: ContestRepository,
    i18n: I18nContext,
) -> Application | None:
    application = await contests.application(application_id)
    if application is None or application.user_id != user.id:
        await callback.answer(i18n.get("app-not-yours"), show_alert=True)
        return None
    return application


@router.callback_query(ApplicationCb.filter(F.action == "open"))
async def open_application(
    callback: CallbackQuery,
    callback_data: ApplicationCb,
    bot: Bot,
    user: User,
    contests: ContestRepository,
    i18n: I18nContext,
) -> None:
    application = await _own(callback, callback_data.id, user, contests, i18n)
    if application is None:
        return
    await callback.answer()
    contest = await contests.get(application.contest_id)
    nomination = await contests.nomination(application.nomination_id)
    text = "\n".join(
        [
            f"<b>№ {application.id}</b> «{html.escape(contest.title if contest else '')}»",
            html.escape(nomination.name if nomination else ""),
            html.escape(application.address_text),
            html.escape(application.description),
            status_text(i18n, application),
        ]
    )
    markup = None
    if (
        contest is not None
        and is_open(contest)
        and application.status is ApplicationStatus.SUBMITTED
    ):
        markup = inline(
            [
                (i18n.get("app-edit"), ApplicationCb(action="edit", id=application.id)),
                (i18n.get("app-withdraw"), ApplicationCb(action="withdraw", id=application.id)),
            ]
        )
    await send_album(bot, user.id, [p.file_id for p in application.photos], text, markup)


@router.callback_query(ApplicationCb.filter(F.action.in_(("edit", "withdraw"))))
async def change_application(
    callback: CallbackQuery,
    callback_data: ApplicationCb,
    user: User,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    application = await _own(callback, callback_data.id, user, contests, i18n)
    if application is None or not isinstance(callback.message, Message):
        return
    contest = await contests.get(application.contest_id)
    assert contest is not None
    if not is_open(contest):
        await callback.answer(
            i18n.get("contest-closed", deadline=deadline_text(contest, settings)), show_alert=True
        )
        return
    if application.status is not ApplicationStatus.SUBMITTED:
        await callback.answer(i18n.get("app-cannot-change"), show_alert=True)
        return
    await callback.answer()
    if callback_data.action == "withdraw":
        application.status = ApplicationStatus.WITHDRAWN
        await callback.message.answer(i18n.get("app-withdrawn", id=application.id))
        return
    nomination = await contests.nomination(application.nomination_id)
    await state.set_data(
        {
            "contest_id": contest.id,
            "application_id": application.id,
            "district_id": application.district_id,
            "nomination_id": application.nomination_id,
            "address_kind": nomination.address if nomination else "house",
            "description": application.description,
            "name": application.responsible_name,
            "phone": application.responsible_phone,
            **application.address_parts,
            "photos": [
                {"file_id": p.file_id, "unique": p.file_unique_id} for p in application.photos
            ],
        }
    )
    await callback.message.answer(html.escape(contest.title), reply_markup=cancel_only(i18n))
    await show(SUMMARY, callback.message, state, i18n, contests, directory, settings)
