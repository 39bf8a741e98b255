"""Main-menu buttons of features that are not built yet answer politely."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.types import Message
from aiogram_i18n import I18nContext, LazyFilter

router = Router(name=__name__)


@router.message(StateFilter(None), LazyFilter("menu-idea"))
async def not_ready(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("menu-not-ready"))
