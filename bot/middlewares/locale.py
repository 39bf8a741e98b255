"""aiogram-i18n locale manager: the user's stored choice (/lang), else DEFAULT_LOCALE.

Telegram's interface language is deliberately not used: many Russian-speaking users run Telegram in
English, and the bot's audience expects Russian unless they ask otherwise."""

from __future__ import annotations

from typing import Any

from aiogram_i18n.managers import BaseManager

from bot.config import SUPPORTED_LOCALES
from storage.models import User


class UserLocaleManager(BaseManager):
    async def get_locale(self, user: User | None = None, **_: Any) -> str:
        if user is not None and user.locale in SUPPORTED_LOCALES:
            return user.locale
        return self.default_locale or "ru"

    async def set_locale(self, locale: str, user: User | None = None, **_: Any) -> None:
        if user is not None:
            user.locale = locale
