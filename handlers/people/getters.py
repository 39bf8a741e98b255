"""What the windows of the people dialog show."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.context import Ctx
from bot.permissions import effective_role
from bot.services.contest_flow import stages_of
from bot.services.roles import Post, post_of
from bot.views import person_name, place_name, role_name
from handlers.forms import form_data
from handlers.people.handlers import post_suffix
from storage.models import Role


async def person(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    target = await ctx.users.get(draft.get("person", 0))
    if target is None:
        return {"who": "—", "about": ctx.i18n.get("button-stale"), "has_role": False}
    role = effective_role(target, ctx.settings)
    about = ctx.i18n.get(
        "people-about",
        role=role_name(ctx.i18n, role.value),
        post=post_suffix(ctx.i18n, post_of(target, ctx.directory)),
        place=place_name(target, ctx.directory) or "—",
        username=f"@{target.username}" if target.username else "—",
    )
    new_role = draft.get("role", "")
    post = Post(
        ctx.directory.center(draft.get("center")),
        ctx.directory.district(draft.get("office")),
        ctx.directory.municipality(draft.get("mun")) if draft.get("scoped") else None,
    )
    shown = post_suffix(ctx.i18n, post) if new_role != "resident" else ""
    return {
        "who": person_name(target),
        "about": about,
        "has_role": role is not Role.RESIDENT,
        "city_admin": ctx.actor.is_city_admin,
        "new_role": role_name(ctx.i18n, new_role) if new_role else "",
        "new_post": shown,
    }


async def matches(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    return {"found": draft.get("found", []), "more": bool(draft.get("more"))}


async def stages(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    contest = await ctx.contests.get(form_data(dialog_manager).get("contest", 0))
    found = stages_of(contest) if contest else []
    return {"stages": [(ctx.i18n.get(f"jury-stage-{s}"), s) for s in found]}
