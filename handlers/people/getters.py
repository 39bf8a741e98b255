"""What the windows of the people dialog show."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.permissions import Actor, effective_role
from bot.services.contest_flow import stages_of
from bot.services.roles import Post, post_of
from bot.views import person_name, place_name, role_name
from handlers.forms import form_data
from handlers.people.handlers import post_suffix
from storage.models import Role
from storage.repositories.contests import ContestRepository
from storage.repositories.directory import Directory
from storage.repositories.users import UserRepository


async def person(
    dialog_manager: DialogManager,
    actor: Actor,
    users: UserRepository,
    directory: Directory,
    settings: Settings,
    i18n: I18nContext,
    **_: Any,
) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    target = await users.get(draft.get("person", 0))
    if target is None:
        return {"who": "—", "about": i18n.get("button-stale"), "has_role": False}
    role = effective_role(target, settings)
    held = post_suffix(i18n, post_of(target, directory)).strip().rstrip(".")
    about = i18n.get(
        "people-about",
        role=role_name(i18n, role.value),
        center=held or "—",
        place=place_name(target, directory) or "—",
        username=f"@{target.username}" if target.username else "—",
    )
    new_role = draft.get("role", "")
    post = Post(
        directory.center(draft.get("center")),
        directory.district(draft.get("office")),
        directory.municipality(draft.get("mun")) if draft.get("scoped") else None,
    )
    shown = post_suffix(i18n, post).strip().rstrip(".") if new_role != "resident" else ""
    return {
        "who": person_name(target),
        "about": about,
        "has_role": role is not Role.RESIDENT,
        "city_admin": actor.is_city_admin,
        "new_role": role_name(i18n, new_role) if new_role else "",
        "new_center": shown,
    }


async def matches(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    return {"found": draft.get("found", []), "more": bool(draft.get("more"))}


async def stages(
    dialog_manager: DialogManager, contests: ContestRepository, i18n: I18nContext, **_: Any
) -> dict[str, Any]:
    contest = await contests.get(form_data(dialog_manager).get("contest", 0))
    found = stages_of(contest) if contest else []
    return {"stages": [(i18n.get(f"jury-stage-{s}"), s) for s in found]}
