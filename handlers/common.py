"""/cancel from any form: back to the main menu; «❌ Отмена» under a screen that is not a form."""

from __future__ import annotations

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_i18n import LazyFilter

from bot.context import Ctx
from bot.keyboards.callbacks import CloseCb
from bot.views import edit_markup
from handlers.forms import tell_cancelled

router = Router(name=__name__)


@router.message(Command("cancel"))
@router.message(LazyFilter("back", "wizard-cancel"))
async def cancel(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    await ctx.state.clear()
    if dialog_manager.has_context():
        await dialog_manager.reset_stack()
    await tell_cancelled(message, ctx)


@router.callback_query(CloseCb.filter())
async def close_screen(callback: CallbackQuery) -> None:
    if isinstance(callback.message, Message):
        try:
            await callback.message.delete()
        except TelegramBadRequest:  # older than two days: Telegram keeps it, its buttons go
            await edit_markup(callback, None)
