"""/register: a ТОС elder's application for a territory, and its status."""

from __future__ import annotations

import html
from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext, LazyFilter

from bot.config import Settings
from bot.contact import take_own_phone
from bot.filters.content import Has
from bot.keyboards.builders import MAIN_MENU_KEYS, inline, main_menu
from bot.keyboards.callbacks import PlaceCb, RegDecisionCb
from bot.keyboards.wizard import (
    ChoiceCb,
    cancel_only,
    choices,
    contact_keyboard,
    edit_choices,
    summary_keyboard,
    text_step,
)
from bot.notify import tell_rendered
from bot.services.elders import TOS_ROLES, parse_full_name, parse_house
from bot.services.validation import InputError, parse_count, parse_id, parse_text
from bot.views import registration_summary, territory_text
from bot.wizard import SUMMARY, Wizard, WizardCb
from handlers.places import ask_place
from handlers.states import Registration as R
from storage.models import ElderRegistration, RegistrationStatus, User
from storage.repositories.directory import Directory
from storage.repositories.elders import ElderRepository
from storage.repositories.notices import NoticeCopyRepository
from storage.repositories.users import UserRepository

router = Router(name=__name__)

WZ = "reg"


def _applies(step: str, data: dict[str, Any]) -> bool:
    role = TOS_ROLES.get(data.get("tos_role", ""))
    if step == "committee_other":
        return data.get("committee_id") is None and "committee_other" in data
    if step in ("street", "house", "entrance"):
        return role is not None and bool(getattr(role, step))
    if step == "full_name":
        return not data.get("full_name")
    if step == "phone":
        return not data.get("phone")
    return True


WIZARD = Wizard(
    WZ,
    (
        ("role", R.role),
        ("district", R.district),
        ("committee", R.committee),
        ("committee_other", R.committee_other),
        ("street", R.street),
        ("house", R.house),
        ("entrance", R.entrance),
        ("full_name", R.full_name),
        ("phone", R.phone),
    ),
    _applies,
)

TEXT_STEPS = {
    R.committee_other: "committee_other",
    R.street: "street",
    R.house: "house",
    R.entrance: "entrance",
    R.full_name: "full_name",
}
EDITABLE = (
    ("role", "reg-edit-role"),
    ("district", "reg-edit-district"),
    ("committee", "reg-edit-committee"),
    ("street", "reg-edit-territory"),
    ("full_name", "reg-edit-name"),
    ("phone", "reg-edit-phone"),
)
# Editing these re-walks the steps after them (a new role may need an entrance, a new district a
# new committee); the others return straight to the summary.
REWALK = ("role", "district", "street")


def _parse(step: str, text: str) -> Any:
    if step == "house":
        return parse_house(text)
    if step == "entrance":
        return parse_count(text, 1, 99)
    if step == "full_name":
        return parse_full_name(text)
    return parse_text(text, max_len=100, min_len=2, letters=True)  # the street, a committee


async def show(
    step: str,
    message: Message,
    state: FSMContext,
    i18n: I18nContext,
    directory: Directory,
) -> None:
    data = await state.get_data()
    if step == SUMMARY:
        await state.set_state(R.summary)
        await message.answer(
            registration_summary(i18n, data, directory), reply_markup=summary_keyboard(i18n, WZ)
        )
        return
    await state.set_state(WIZARD.state(step))
    if step == "role":
        options = [(i18n.get(f"tos-role-{code}"), code) for code in TOS_ROLES]
        await message.answer(
            i18n.get("reg-ask-role"), reply_markup=choices(i18n, WZ, "role", options, back=False)
        )
    elif step == "district":
        await ask_place(message, i18n, directory, WZ)
    elif step == "committee":
        district = directory.district(data.get("district_id"))
        assert district is not None
        committees = directory.committees(district.municipality_id, district.id)
        options = [(k.name, str(k.id)) for k in committees]
        options.append((i18n.get("reg-committee-other"), "other"))
        await message.answer(
            i18n.get("reg-ask-committee"),
            reply_markup=choices(i18n, WZ, "committee", options, per_row=2),
        )
    elif step == "phone":
        await message.answer(i18n.get("reg-ask-phone"), reply_markup=contact_keyboard(i18n))
    else:
        prompts = {
            "committee_other": "reg-ask-committee-other",
            "street": "reg-ask-street",
            "house": "reg-ask-house",
            "entrance": "reg-ask-entrance",
            "full_name": "reg-ask-name",
        }
        await message.answer(i18n.get(prompts[step]), reply_markup=text_step(i18n, WZ))


async def advance(
    step: str, message: Message, state: FSMContext, i18n: I18nContext, directory: Directory
) -> None:
    await show(WIZARD.next(step, await state.get_data()), message, state, i18n, directory)


@router.message(Command("register"))
async def register(
    message: Message,
    user: User,
    state: FSMContext,
    i18n: I18nContext,
    elders: ElderRepository,
    directory: Directory,
) -> None:
    if not user.has_consent:
        await message.answer(i18n.get("reg-need-consent"))
        return
    registrations = await elders.of_user(user.id)
    if registrations:
        lines = [i18n.get("reg-status-title")]
        for reg in registrations:
            lines.append(
                i18n.get(
                    "reg-status-line",
                    id=str(reg.id),
                    role=i18n.get(f"tos-role-{reg.tos_role}"),
                    territory=html.escape(territory_text(i18n, reg)),
                    status=i18n.get(f"reg-status-{reg.status.value}"),
                )
            )
        lines.append(i18n.get("reg-status-new"))
        await message.answer(
            "\n".join(lines),
            reply_markup=inline([(i18n.get("reg-new-button"), WizardCb(wizard=WZ, action="new"))]),
        )
        return
    await start_wizard(message, user, state, i18n, directory)


@router.message(Command("report", "myreports"))
@router.message(LazyFilter("menu-report"))
async def elder_only(
    message: Message, user: User, elders: ElderRepository, i18n: I18nContext
) -> None:
    """Reached only by users who are not (yet) confirmed elders: the report routers come first."""
    pending = any(r.status is RegistrationStatus.PENDING for r in await elders.of_user(user.id))
    await message.answer(i18n.get("elder-only-pending" if pending else "elder-only-none"))


@router.callback_query(WizardCb.filter((F.wizard == WZ) & (F.action == "new")))
async def new_territory(
    callback: CallbackQuery, user: User, state: FSMContext, i18n: I18nContext, directory: Directory
) -> None:
    await callback.answer()
    if isinstance(callback.message, Message):
        await start_wizard(callback.message, user, state, i18n, directory)


async def start_wizard(
    message: Message, user: User, state: FSMContext, i18n: I18nContext, directory: Directory
) -> None:
    await state.set_data({"full_name": user.full_name, "phone": user.phone})
    await message.answer(i18n.get("reg-start"), reply_markup=cancel_only(i18n))
    await show("role", message, state, i18n, directory)


@router.callback_query(StateFilter(R.role), ChoiceCb.filter((F.wizard == WZ) & (F.step == "role")))
async def role_chosen(
    callback: CallbackQuery,
    callback_data: ChoiceCb,
    state: FSMContext,
    i18n: I18nContext,
    directory: Directory,
) -> None:
    if callback_data.value not in TOS_ROLES or not isinstance(callback.message, Message):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    data = await state.get_data()
    role = TOS_ROLES[callback_data.value]
    data["tos_role"] = role.code
    for part in ("street", "house", "entrance"):  # a part the new role has no use for goes
        if not getattr(role, part):
            data.pop(part, None)
    await state.set_data(data)
    await advance("role", callback.message, state, i18n, directory)


@router.callback_query(
    StateFilter(R.district), PlaceCb.filter((F.level == "dist") & (F.purpose == WZ))
)
async def district_chosen(
    callback: CallbackQuery,
    callback_data: PlaceCb,
    state: FSMContext,
    i18n: I18nContext,
    directory: Directory,
) -> None:
    district = directory.district(callback_data.id)
    if district is None or not isinstance(callback.message, Message):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    data = await state.get_data()
    if data.get("district_id") != district.id:  # another district: its committee is asked anew
        data.pop("committee_id", None)
        data.pop("committee_other", None)
    data["district_id"] = district.id
    await state.set_data(data)
    await advance("district", callback.message, state, i18n, directory)


@router.callback_query(
    StateFilter(R.committee), ChoiceCb.filter((F.wizard == WZ) & (F.step == "committee"))
)
async def committee_chosen(
    callback: CallbackQuery,
    callback_data: ChoiceCb,
    state: FSMContext,
    i18n: I18nContext,
    directory: Directory,
) -> None:
    if not isinstance(callback.message, Message):
        return
    data = await state.get_data()
    if callback_data.value == "other":
        await callback.answer()
        data.update(committee_id=None, committee_other="")
        await state.set_data(data)
        await show("committee_other", callback.message, state, i18n, directory)
        return
    committee = directory.committee(parse_id(callback_data.value))
    district = directory.district(data.get("district_id"))
    if (
        committee is None
        or district is None
        or committee.municipality.id != district.municipality_id
    ):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    data["committee_id"] = committee.id
    data.pop("committee_other", None)
    await state.set_data(data)
    await advance("committee", callback.message, state, i18n, directory)


@router.message(StateFilter(*TEXT_STEPS), LazyFilter(*MAIN_MENU_KEYS))
async def menu_text_in_form(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("input-menu-text"))


@router.message(StateFilter(*TEXT_STEPS), Has(F.text))
async def text_answer(
    message: Message, state: FSMContext, i18n: I18nContext, directory: Directory
) -> None:
    step = WIZARD.step_of(await state.get_state())
    assert step is not None and message.text is not None
    try:
        value = _parse(step, message.text)
    except InputError as exc:
        await message.answer(i18n.get(exc.key, **exc.args_))
        return
    await state.update_data({step: value})
    await advance(step, message, state, i18n, directory)


@router.message(StateFilter(*TEXT_STEPS))
async def not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("input-need-text"))


@router.message(StateFilter(R.phone), Has(F.contact))
async def contact_shared(
    message: Message, state: FSMContext, i18n: I18nContext, directory: Directory
) -> None:
    if await take_own_phone(message, state, i18n):
        await advance("phone", message, state, i18n, directory)


@router.message(StateFilter(R.phone))
async def phone_not_contact(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("reg-phone-by-button"), reply_markup=contact_keyboard(i18n))


@router.callback_query(
    StateFilter(*[s for _, s in WIZARD.steps]),
    WizardCb.filter((F.wizard == WZ) & (F.action == "back")),
)
async def back(
    callback: CallbackQuery, state: FSMContext, i18n: I18nContext, directory: Directory
) -> None:
    await callback.answer()
    step = WIZARD.step_of(await state.get_state())
    data = await state.get_data()
    previous = WIZARD.previous(step, data) if step else None
    if isinstance(callback.message, Message):
        await show(previous or WIZARD.first(data), callback.message, state, i18n, directory)


@router.callback_query(
    StateFilter(R.summary), WizardCb.filter((F.wizard == WZ) & (F.action == "edit"))
)
async def edit_menu(callback: CallbackQuery, i18n: I18nContext) -> None:
    await callback.answer()
    options = [(i18n.get(key), step) for step, key in EDITABLE]
    if isinstance(callback.message, Message):
        await callback.message.answer(
            i18n.get("wizard-edit-which"), reply_markup=edit_choices(i18n, WZ, options)
        )


@router.callback_query(
    StateFilter(R.summary), ChoiceCb.filter((F.wizard == WZ) & (F.step == "goto"))
)
async def edit_step(
    callback: CallbackQuery,
    callback_data: ChoiceCb,
    state: FSMContext,
    i18n: I18nContext,
    directory: Directory,
) -> None:
    step = callback_data.value
    data = await state.get_data()
    if step not in dict(EDITABLE) or (step == "street" and not _applies("street", data)):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    data["from_summary"] = step not in REWALK
    if step in ("full_name", "phone"):
        data[step] = None
    await state.set_data(data)
    if isinstance(callback.message, Message):
        await show(step, callback.message, state, i18n, directory)


@router.callback_query(
    StateFilter(R.summary), WizardCb.filter((F.wizard == WZ) & (F.action == "submit"))
)
async def submit(
    callback: CallbackQuery,
    bot: Bot,
    user: User,
    state: FSMContext,
    i18n: I18nContext,
    settings: Settings,
    directory: Directory,
    elders: ElderRepository,
    users: UserRepository,
) -> None:
    data = await state.get_data()
    if not isinstance(callback.message, Message):
        return
    missing = [s for s, _ in WIZARD.steps if _applies(s, data) and not _filled(s, data)]
    if missing or not data.get("district_id"):
        await callback.answer(i18n.get("reg-incomplete"), show_alert=True)
        return
    reg = ElderRegistration(
        user_id=user.id,
        tos_role=data["tos_role"],
        district_id=data["district_id"],
        committee_id=data.get("committee_id"),
        committee_other=data.get("committee_other") or None,
        street=data.get("street"),
        house=data.get("house"),
        entrance=data.get("entrance"),
    )
    existing = await elders.same_territory_open(reg)
    if existing is not None:
        await callback.answer()
        await callback.message.answer(
            i18n.get(
                "reg-duplicate",
                id=str(existing.id),
                status=i18n.get(f"reg-status-{existing.status.value}"),
            )
        )
        return
    await callback.answer()
    user.full_name, user.phone = data["full_name"], data["phone"]
    await elders.add(reg)
    await state.clear()
    await callback.message.edit_reply_markup(reply_markup=None)
    await callback.message.answer(i18n.get("reg-sent"), reply_markup=main_menu(i18n))
    await notify_deciders(bot, reg, data, users, settings, directory, i18n)


@router.callback_query(WizardCb.filter((F.wizard == WZ) & (F.action == "submit")))
async def submit_again(callback: CallbackQuery, i18n: I18nContext) -> None:
    """A second tap on «Отправить» (the form is already gone)."""
    await callback.answer(i18n.get("reg-already-sent"), show_alert=True)


def _filled(step: str, data: dict[str, Any]) -> bool:
    if step == "role":
        return data.get("tos_role") in TOS_ROLES
    if step == "district":
        return bool(data.get("district_id"))
    if step == "committee":
        return data.get("committee_id") is not None or "committee_other" in data
    return bool(data.get(step))


async def notify_deciders(
    bot: Bot,
    reg: ElderRegistration,
    data: dict[str, Any],
    users: UserRepository,
    settings: Settings,
    directory: Directory,
    i18n: I18nContext,
) -> None:
    def render(t: I18nContext) -> tuple[str, InlineKeyboardMarkup]:
        summary = registration_summary(t, data, directory, title=False)
        buttons = [
            (t.get("reg-confirm"), RegDecisionCb(id=reg.id, confirm=True)),
            (t.get("reg-reject"), RegDecisionCb(id=reg.id, confirm=False)),
        ]
        return t.get("reg-new-application", id=str(reg.id), summary=summary), inline(buttons)

    center_ids = [c.id for c in directory.centers(reg.district_id)]
    copies = NoticeCopyRepository(users.session)
    for recipient in await users.deciders(center_ids, settings.admin_ids):
        sent = await tell_rendered(bot, recipient, settings, i18n, render)
        if sent is not None:
            copies.add("elder", reg.id, sent.chat.id, sent.message_id)
