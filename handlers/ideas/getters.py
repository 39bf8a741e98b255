"""The data each window of the idea form shows."""

from __future__ import annotations

import html
from typing import Any

from aiogram_dialog import DialogManager

from bot.context import Ctx
from bot.services.ideas import CATEGORIES, KINDS, MAX_PHOTOS, MAX_TEXT
from bot.views import shown_back
from handlers.forms import form_data


async def form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    address = draft.get("address")
    return {
        "kinds": [(ctx.i18n.get(f"idea-kind-{k}"), k) for k in KINDS],
        "categories": [(ctx.i18n.get(f"idea-cat-{c}"), c) for c in CATEGORIES],
        "count": len(draft.get("photos", [])),
        "limit": MAX_PHOTOS,
        "max_length": MAX_TEXT,
        "kind": ctx.i18n.get(f"idea-kind-{draft['kind']}") if draft.get("kind") else "",
        "category": ctx.i18n.get(f"idea-cat-{draft['category']}") if draft.get("category") else "",
        "place": html.escape(address) if address else ctx.i18n.get("idea-point"),
        "text": shown_back(ctx.i18n, draft.get("text")),
        "photos": len(draft.get("photos", [])),
    }


async def similar(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    found = [await ctx.ideas.get(i) for i in form_data(dialog_manager).get("similar", [])]
    items = [i for i in found if i is not None]
    lines = [
        ctx.i18n.get(
            "idea-nearby-line",
            id=i.id,
            text=html.escape((i.text or "")[:80]) or ctx.i18n.get("idea-text-erased"),
            supporters=i.supporters,
        )
        for i in items
    ]
    return {
        "count": len(items),
        "lines": "\n".join(lines),
        "supportable": [(ctx.i18n.get("idea-support", id=i.id), i.id) for i in items],
    }
