"""/cancel from any form: back to the main menu."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext, LazyFilter

from handlers.forms import tell_cancelled
from storage.models import User

router = Router(name=__name__)


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
