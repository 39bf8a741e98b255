"""The data each window of the application form shows."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.context import Ctx
from bot.services.elders import TOS_ROLES, territory_parts
from bot.views import registration_summary
from handlers.forms import form_data

EDITABLE = ("role", "district", "committee", "territory", "name", "phone")


async def form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    municipalities = ctx.directory.municipalities()
    municipality_id = draft.get("municipality_id") or (
        municipalities[0].id if len(municipalities) == 1 else None
    )
    district = ctx.directory.district(draft.get("district_id"))
    committees = (
        ctx.directory.committees(district.municipality_id, district.id)
        if district is not None
        else []
    )
    has_territory = bool(territory_parts(draft.get("tos_role", "")))
    return {
        "roles": [(ctx.i18n.get(f"tos-role-{code}"), code) for code in TOS_ROLES],
        "municipalities": [(m.name, m.id) for m in municipalities],
        "districts": [(d.name, d.id) for d in ctx.directory.districts(municipality_id or 0)],
        "committees": [(k.name, k.id) for k in committees],
        "summary": registration_summary(ctx.i18n, draft, ctx.directory)
        if draft.get("tos_role")
        else "",
        "editable": [
            (ctx.i18n.get(f"reg-edit-{item}"), item)
            for item in EDITABLE
            if item != "territory" or has_territory
        ],
    }
