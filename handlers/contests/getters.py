"""The data each window of the application form shows."""

from __future__ import annotations

import html
from typing import Any

from aiogram_dialog import DialogManager

from bot.context import Ctx
from bot.services.contests import MAX_DESCRIPTION, MAX_PHOTOS
from bot.views import shown_back
from handlers.contests.handlers import address_text
from handlers.forms import form_data

EDITABLE = ("nomination", "address", "description", "photos", "responsible")


async def form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    contest = await ctx.contests.get(draft.get("contest_id", 0))
    nominations = list(contest.nominations) if contest is not None else []
    nomination = next((n for n in nominations if n.id == draft.get("nomination_id")), None)
    district = ctx.directory.district(draft.get("district_id"))
    committees = (
        ctx.directory.committees(district.municipality_id, district.id)
        if district is not None
        else []
    )
    title = (
        ctx.i18n.get("apply-title-edit", id=draft["application_id"])
        if draft.get("application_id")
        else ctx.i18n.get("apply-title-new")
    )
    return {
        "contest": html.escape(contest.title if contest else "—"),
        "nominations": [(n.name, n.id) for n in nominations],
        "committees": [(k.name, k.id) for k in committees],
        "centers": [(c.name, c.id) for c in ctx.directory.centers(draft.get("district_id") or 0)],
        "count": len(draft.get("photos", [])),
        "limit": MAX_PHOTOS,
        "max_length": MAX_DESCRIPTION,
        "title": title,
        "nomination": html.escape(nomination.name if nomination else "—"),
        "address": html.escape(address_text(ctx.i18n, draft, ctx.directory)),
        "description": shown_back(ctx.i18n, draft.get("description")) or "—",
        "photos": len(draft.get("photos", [])),
        "name": html.escape(draft.get("name") or "—"),
        "phone": html.escape(draft.get("phone") or "—"),
        "editable": [(ctx.i18n.get(f"apply-edit-{item}"), item) for item in EDITABLE],
    }
