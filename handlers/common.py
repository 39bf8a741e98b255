"""/cancel from any form: back to the main menu."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_dialog import DialogManager
from aiogram_i18n import LazyFilter

from bot.context import Ctx
from handlers.forms import tell_cancelled

router = Router(name=__name__)


@router.message(Command("cancel"))
@router.message(LazyFilter("back", "wizard-cancel"))
async def cancel(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    await ctx.state.clear()
    if dialog_manager.has_context():
        await dialog_manager.reset_stack()
    await tell_cancelled(message, ctx)
