"""/lang: Russian or English."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.config import SUPPORTED_LOCALES
from bot.context import Ctx
from bot.keyboards.builders import language_keyboard
from bot.keyboards.callbacks import LangCb
from bot.views import edit_or_send
from handlers.forms import menu_for, refuse, tapped

router = Router(name=__name__)


@router.message(Command("lang"))
async def choose_language(message: Message, ctx: Ctx) -> None:
    await message.answer(ctx.i18n.get("lang-choose"), reply_markup=language_keyboard(ctx.i18n))


@router.callback_query(LangCb.filter())
async def set_language(callback: CallbackQuery, callback_data: LangCb, ctx: Ctx) -> None:
    if callback_data.code not in SUPPORTED_LOCALES:
        refuse()
    await ctx.i18n.set_locale(callback_data.code)
    await edit_or_send(callback, ctx.i18n.get("lang-set"))
    if ctx.user.has_consent and ctx.user.district_id is not None:
        # The reply keyboard carries texts too: send it again in the new language.
        await tapped(callback).answer(ctx.i18n.get("menu-opened"), reply_markup=menu_for(ctx))
