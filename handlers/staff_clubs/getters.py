"""The data the windows of a club's or an event's form show."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.context import Ctx
from bot.services.clubs import AGE_GROUPS, CATEGORIES, CLUB_MINUTES, CLUB_TIMES, MAX_DESCRIPTION
from handlers.forms import form_data


async def form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    days = form_data(dialog_manager).get("days", [])
    return {
        "categories": [(ctx.i18n.get(f"club-cat-{c}"), c) for c in CATEGORIES],
        "age_groups": [(ctx.i18n.get(f"club-age-{a}"), a) for a in AGE_GROUPS],
        "max_length": MAX_DESCRIPTION,
        "days": [
            (("☑️ " if d in days else "⬜ ") + ctx.i18n.get(f"weekday-{d}"), str(d))
            for d in range(7)
        ],
        "times": [(t, t) for t in CLUB_TIMES],
        "lengths": [(ctx.i18n.get("minutes-button", minutes=m), str(m)) for m in CLUB_MINUTES],
    }
