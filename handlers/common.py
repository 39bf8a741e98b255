"""/cancel and «Назад» from any state: back to the main menu."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext, LazyFilter

from bot.wizard import WizardCb
from handlers.forms import tell_cancelled
from storage.models import User

router = Router(name=__name__)


@router.callback_query(WizardCb.filter(F.action == "cancel"))
async def cancel_wizard(
    callback: CallbackQuery,
    user: User,
    i18n: I18nContext,
    state: FSMContext,
    dialog_manager: DialogManager,
) -> None:
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_reply_markup(reply_markup=None)
        await cancel(callback.message, user, i18n, state, dialog_manager)


@router.message(Command("cancel"))
@router.message(LazyFilter("back", "wizard-cancel"))
async def cancel(
    message: Message,
    user: User,
    i18n: I18nContext,
    state: FSMContext,
    dialog_manager: DialogManager,
) -> None:
    await state.clear()
    if dialog_manager.has_context():
        await dialog_manager.reset_stack()
    await tell_cancelled(message, user, i18n)
