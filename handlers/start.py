"""/start: greeting, consent (152-ФЗ), municipality and district, main menu; deep links."""

from __future__ import annotations

import re
from typing import Any

from aiogram import F, Router
from aiogram.filters import CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.context import Ctx, ctx_of
from bot.keyboards.builders import (
    center_card_keyboard,
    consent_keyboard,
)
from bot.keyboards.callbacks import ConsentCb, PlaceCb
from bot.views import center_card, edit_markup, edit_or_send
from handlers.forms import Reply, ask_resume, menu_for, refuse, restart_with, tapped
from handlers.places import ask_place
from storage.repositories.directory import Directory

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
    ctx: Ctx,
) -> None:
    if not ctx.user.has_consent:
        await ask_consent(message, ctx.i18n, ctx.state)
    elif ctx.user.district_id is None:
        await ask_home_place(message, ctx.i18n, ctx.state, ctx.directory)
    else:
        await ctx.state.clear()
        await message.answer(ctx.i18n.get("welcome-back"), reply_markup=menu_for(ctx))


@router.message(CommandStart(deep_link=True))
async def start_deep_link(message: Message, command: CommandObject, ctx: Ctx) -> None:
    match = CENTER_LINK.match(command.args or "")
    center = ctx.directory.center(int(match.group(1))) if match else None
    if center is None:
        await message.answer(ctx.i18n.get("center-not-found"))
    else:
        await message.answer(
            center_card(ctx.i18n, center, await ctx.clubs.clubs_per_center(center.id)),
            reply_markup=center_card_keyboard(ctx.i18n, center),
        )
    if not ctx.user.has_consent:
        await message.answer(ctx.i18n.get("start-greeting"))
    await continue_onboarding(message, ctx)


@router.message(CommandStart())
async def start(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if dialog_manager.has_context():
        await ask_resume(dialog_manager, "start")
        return
    # The state is set (or cleared) by continue_onboarding: a /start in the middle of onboarding
    # writes nothing.
    if not ctx.user.has_consent:
        await message.answer(ctx.i18n.get("start-greeting"))
    await continue_onboarding(message, ctx)


@restart_with("start")
async def start_again(
    callback: CallbackQuery, manager: DialogManager, args: dict[str, Any]
) -> None:
    """«Начать заново» after /start in the middle of a form: the form is dropped, the menu shown."""
    ctx = ctx_of(manager)
    await ctx.state.clear()
    await continue_onboarding(tapped(callback), ctx)


@router.callback_query(ConsentCb.filter(F.agree))
async def consent_given(callback: CallbackQuery, ctx: Ctx) -> None:
    if ctx.user.has_consent:  # a double tap or an old message
        await callback.answer(ctx.i18n.get("consent-already"))
    else:
        username = callback.from_user.username if callback.from_user else None
        await ctx.users.give_consent(ctx.user, ctx.now, username)
        await ctx.audit.write(ctx.user.id, "consent.given", ctx.user.id)
    await edit_markup(callback, None)
    if ctx.user.district_id is None:
        await ask_home_place(tapped(callback), ctx.i18n, ctx.state, ctx.directory)
    else:
        await ctx.state.clear()
        await tapped(callback).answer(ctx.i18n.get("welcome-back"), reply_markup=menu_for(ctx))


@router.callback_query(ConsentCb.filter(~F.agree))
async def consent_declined(callback: CallbackQuery, ctx: Ctx) -> None:
    await ctx.state.clear()
    if ctx.user.has_consent:
        # An old «Не сейчас» button must not silently keep data the user thinks is gone.
        await edit_or_send(callback, ctx.i18n.get("consent-already"))
        return
    await edit_or_send(callback, ctx.i18n.get("consent-declined"))


@router.callback_query(PlaceCb.filter((F.purpose == "home") & (F.level == "dist")))
async def home_district(callback: CallbackQuery, callback_data: PlaceCb, ctx: Ctx) -> None:
    if not ctx.user.has_consent:
        refuse("consent-needed")
    district = ctx.directory.district(callback_data.id)
    if district is None:
        refuse()
    ctx.user.municipality_id = district.municipality_id
    ctx.user.district_id = district.id
    await ctx.state.clear()
    await edit_or_send(callback, ctx.i18n.get("place-saved", district=district.name))
    await tapped(callback).answer(ctx.i18n.get("place-saved-hint"), reply_markup=menu_for(ctx))
