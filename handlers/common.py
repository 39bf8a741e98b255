"""/cancel and «Назад» from any state: back to the main menu."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove
from aiogram_i18n import I18nContext, LazyFilter

from bot.keyboards.builders import main_menu
from bot.wizard import WizardCb
from storage.models import User

router = Router(name=__name__)


@router.callback_query(WizardCb.filter(F.action == "cancel"))
async def cancel_wizard(
    callback: CallbackQuery, user: User, i18n: I18nContext, state: FSMContext
) -> None:
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_reply_markup(reply_markup=None)
        await cancel(callback.message, user, i18n, state)


@router.message(Command("cancel"))
@router.message(LazyFilter("back", "wizard-cancel"))
async def cancel(message: Message, user: User, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    if user.has_consent and user.district_id is not None:
        await message.answer(i18n.get("cancelled"), reply_markup=main_menu(i18n))
    else:
        await message.answer(i18n.get("cancelled-no-menu"), reply_markup=ReplyKeyboardRemove())
