"""The texts of the bot (Fluent files in locales/), with room for long user text.

Fluent refuses to put more than 2 500 characters into one placeable (a guard against runaway
expansion), below what a Telegram message holds (4 096). User text is never expanded by Fluent,
so a long value goes around it: a short marker is formatted in its place and the value is put
back afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiogram_i18n.cores import FluentRuntimeCore

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
LONG_VALUE = 1000  # longer string values go around Fluent


class BotTextsCore(FluentRuntimeCore):
    def get(self, message_id: str, locale: str | None = None, /, **kwargs: Any) -> str:
        long_values: dict[str, str] = {}
        for name, value in kwargs.items():
            if isinstance(value, str) and len(value) > LONG_VALUE:
                marker = f"\ue000{len(long_values)}\ue000"  # private-use characters: never typed
                long_values[marker] = value
                kwargs[name] = marker
        text = super().get(message_id, locale, **kwargs)
        for marker, value in long_values.items():
            text = text.replace(marker, value)
        return text


def create_core(default_locale: str) -> BotTextsCore:
    return BotTextsCore(path=LOCALES_DIR / "{locale}", default_locale=default_locale)
