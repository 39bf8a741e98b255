"""The data each window of the report form shows."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.context import Ctx
from bot.services.reports import KINDS, MAX_AGE_DAYS, MAX_DESCRIPTION, MAX_PHOTOS, figures_for
from bot.views import report_summary
from handlers.forms import form_data

EDITABLE = (
    "kind",
    "action",
    "date",
    "place",
    "participants",
    "figures",
    "description",
    "photos",
    "tags",
)


async def form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    kind = draft.get("kind", "")
    figures = draft.get("figures", {})
    return {
        "territories": [(t["label"], t["id"]) for t in draft.get("territories", [])],
        "kinds": [(ctx.i18n.get(f"rep-kind-{k}"), k) for k in KINDS],
        "actions": [(a.name, a.id) for a in ctx.directory.actions()],
        "figure_lines": [
            (f"{ctx.i18n.get(f'rep-figure-{f}')}: {figures.get(f, '—')}", f)
            for f in figures_for(kind)
        ],
        "figure": ctx.i18n.get(f"rep-figure-{draft['figure']}") if draft.get("figure") else "",
        "home": draft.get("home") or "",
        "count": len(draft.get("photos", [])),
        "limit": MAX_PHOTOS,
        "days": MAX_AGE_DAYS,
        "max_length": MAX_DESCRIPTION,
        "summary": report_summary(ctx.i18n, draft, ctx.directory, in_form=True),
        "editable": [
            (ctx.i18n.get(f"rep-edit-{step}"), step)
            for step in EDITABLE
            if step != "figures" or figures_for(kind)
        ],
    }
