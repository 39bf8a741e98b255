"""The data the windows of a club's or an event's form show."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.context import Ctx
from bot.services.clubs import AGE_GROUPS, CATEGORIES, MAX_DESCRIPTION


async def form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    return {
        "categories": [(ctx.i18n.get(f"club-cat-{c}"), c) for c in CATEGORIES],
        "age_groups": [(ctx.i18n.get(f"club-age-{a}"), a) for a in AGE_GROUPS],
        "max_length": MAX_DESCRIPTION,
    }
