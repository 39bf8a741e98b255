"""What the windows of a center's card editor show."""

from __future__ import annotations

import html
from typing import Any

from aiogram_dialog import DialogManager

from bot.context import Ctx
from bot.services.centers import CARD_FIELDS, MAX_PHONES
from bot.views import center_card, center_value
from handlers.forms import form_data


async def card(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    center = ctx.directory.center(draft.get("center"))
    if center is None:  # closed by the registry in the meantime
        return {"card": ctx.i18n.get("button-stale"), "fields": []}
    field = draft.get("field", "")
    current = center_value(ctx.i18n, center, field) if field in CARD_FIELDS else None
    return {
        "card": center_card(ctx.i18n, center, await ctx.clubs.clubs_per_center(center.id)),
        "fields": [(ctx.i18n.get(f"center-field-{f}"), f) for f in CARD_FIELDS],
        "field_name": ctx.i18n.get(f"center-field-{field}") if field else "",
        "hint": ctx.i18n.get(f"mycenter-hint-{field}", max=MAX_PHONES) if field else "",
        "current": html.escape(current) if current else ctx.i18n.get("mycenter-not-set"),
        "has_value": current is not None,
    }
