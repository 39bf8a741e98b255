"""Catch-alls, included last: unknown commands, unexpected messages, stale buttons."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.types import CallbackQuery, Message
from aiogram_dialog.utils import CB_SEP

from bot.context import Ctx
from bot.filters.content import Has

router = Router(name=__name__)


@router.message(Has(F.text.startswith("/")))
async def unknown_command(message: Message, ctx: Ctx) -> None:
    # The same words whether the command exists for others or not at all: no hints.
    await message.answer(ctx.i18n.get("unknown-command"))


@router.message(~StateFilter(None))
async def unexpected_in_wizard(message: Message, ctx: Ctx) -> None:
    await message.answer(ctx.i18n.get("wizard-hint"))


@router.message()
async def unexpected(message: Message, ctx: Ctx) -> None:
    await message.answer(ctx.i18n.get("unknown-input"))


# Before the forms: a button that is no form's (an old version's, another role's) is answered
# as stale even while a form is open — the form would otherwise redraw itself over that message.
stray_buttons = Router(name=f"{__name__}.buttons")


@stray_buttons.callback_query(Has(F.data.func(lambda data: CB_SEP not in data)))
@router.callback_query()  # last of all: a form's button the user may no longer use (a revoked role)
async def stale_button(callback: CallbackQuery, ctx: Ctx) -> None:
    await callback.answer(ctx.i18n.get("button-stale"), show_alert=True)
