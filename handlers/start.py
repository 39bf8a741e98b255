"""/start: greeting, consent (152-ФЗ), municipality and district, main menu; deep links."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from aiogram import F, Router
from aiogram.filters import CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.keyboards.builders import (
    center_card_keyboard,
    consent_keyboard,
    main_menu,
)
from bot.keyboards.callbacks import ConsentCb, PlaceCb
from bot.views import center_card, edit_markup, edit_or_send
from handlers.forms import Reply, ask_resume, refuse, restart_with, tapped
from handlers.places import ask_place
from storage.models import User
from storage.repositories.audit import AuditRepository
from storage.repositories.clubs import ClubRepository
from storage.repositories.directory import Directory
from storage.repositories.users import UserRepository

router = Router(name=__name__)


class Onboarding(StatesGroup):
    """Consent and the place are buttons that carry what they mean (they work after a restart
    and on any process); the state only lets a typed answer be pointed to them."""

    consent = State()
    place = State()


CENTER_LINK = re.compile(r"^center_(\d{1,9})$")


async def ask_consent(message: Reply, i18n: I18nContext, state: FSMContext) -> None:
    await state.set_state(Onboarding.consent)
    await message.answer(i18n.get("consent-request"), reply_markup=consent_keyboard(i18n))


async def ask_home_place(
    message: Reply, i18n: I18nContext, state: FSMContext, directory: Directory
) -> None:
    await state.set_state(Onboarding.place)
    await ask_place(message, i18n, directory, "home")


async def continue_onboarding(
    message: Reply,
    user: User,
    i18n: I18nContext,
    state: FSMContext,
    directory: Directory,
) -> None:
    if not user.has_consent:
        await ask_consent(message, i18n, state)
    elif user.district_id is None:
        await ask_home_place(message, i18n, state, directory)
    else:
        await state.clear()
        await message.answer(i18n.get("welcome-back"), reply_markup=main_menu(i18n))


@router.message(CommandStart(deep_link=True))
async def start_deep_link(
    message: Message,
    command: CommandObject,
    user: User,
    i18n: I18nContext,
    state: FSMContext,
    directory: Directory,
    clubs: ClubRepository,
) -> None:
    match = CENTER_LINK.match(command.args or "")
    center = directory.center(int(match.group(1))) if match else None
    if center is None:
        await message.answer(i18n.get("center-not-found"))
    else:
        await message.answer(
            center_card(i18n, center, await clubs.clubs_per_center(center.id)),
            reply_markup=center_card_keyboard(i18n, center),
        )
    if not user.has_consent:
        await message.answer(i18n.get("start-greeting"))
    await continue_onboarding(message, user, i18n, state, directory)


@router.message(CommandStart())
async def start(
    message: Message,
    user: User,
    i18n: I18nContext,
    state: FSMContext,
    directory: Directory,
    dialog_manager: DialogManager,
) -> None:
    if dialog_manager.has_context():
        await ask_resume(dialog_manager, "start")
        return
    # The state is set (or cleared) by continue_onboarding: a /start in the middle of onboarding
    # writes nothing.
    if not user.has_consent:
        await message.answer(i18n.get("start-greeting"))
    await continue_onboarding(message, user, i18n, state, directory)


@restart_with("start")
async def start_again(
    callback: CallbackQuery, manager: DialogManager, args: dict[str, Any]
) -> None:
    """«Начать заново» after /start in the middle of a form: the form is dropped, the menu shown."""
    data = manager.middleware_data
    await data["state"].clear()
    await continue_onboarding(
        tapped(callback), data["user"], data["i18n"], data["state"], data["directory"]
    )


@router.callback_query(ConsentCb.filter(F.agree))
async def consent_given(
    callback: CallbackQuery,
    user: User,
    users: UserRepository,
    audit: AuditRepository,
    i18n: I18nContext,
    state: FSMContext,
    directory: Directory,
) -> None:
    if user.has_consent:  # a double tap or an old message
        await callback.answer(i18n.get("consent-already"))
    else:
        username = callback.from_user.username if callback.from_user else None
        await users.give_consent(user, datetime.now(UTC), username)
        await audit.write(user.id, "consent.given", user.id)
    await edit_markup(callback, None)
    if user.district_id is None:
        await ask_home_place(tapped(callback), i18n, state, directory)
    else:
        await state.clear()
        await tapped(callback).answer(i18n.get("welcome-back"), reply_markup=main_menu(i18n))


@router.callback_query(ConsentCb.filter(~F.agree))
async def consent_declined(
    callback: CallbackQuery, user: User, i18n: I18nContext, state: FSMContext
) -> None:
    await state.clear()
    if user.has_consent:
        # An old «Не сейчас» button must not silently keep data the user thinks is gone.
        await edit_or_send(callback, i18n.get("consent-already"))
        return
    await edit_or_send(callback, i18n.get("consent-declined"))


@router.callback_query(PlaceCb.filter((F.purpose == "home") & (F.level == "dist")))
async def home_district(
    callback: CallbackQuery,
    callback_data: PlaceCb,
    user: User,
    audit: AuditRepository,
    i18n: I18nContext,
    state: FSMContext,
    directory: Directory,
) -> None:
    if not user.has_consent:
        await callback.answer(i18n.get("consent-needed"), show_alert=True)
        return
    district = directory.district(callback_data.id)
    if district is None:
        refuse()
    user.municipality_id = district.municipality_id
    user.district_id = district.id
    await state.clear()
    await edit_or_send(callback, i18n.get("place-saved", district=district.name))
    await tapped(callback).answer(i18n.get("place-saved-hint"), reply_markup=main_menu(i18n))
