"""The data the windows of a club's or an event's form show."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.services.clubs import AGE_GROUPS, CATEGORIES, MAX_DESCRIPTION


async def form(dialog_manager: DialogManager, i18n: I18nContext, **_: Any) -> dict[str, Any]:
    return {
        "categories": [(i18n.get(f"club-cat-{c}"), c) for c in CATEGORIES],
        "age_groups": [(i18n.get(f"club-age-{a}"), a) for a in AGE_GROUPS],
        "max_length": MAX_DESCRIPTION,
    }
