"""What the windows of the people dialog show."""

from __future__ import annotations

import html
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.permissions import effective_role
from bot.services.contest_flow import stages_of
from bot.views import person_name, place_name, role_name
from handlers.forms import form_data
from storage.models import Role
from storage.repositories.contests import ContestRepository
from storage.repositories.directory import Directory
from storage.repositories.users import UserRepository


async def person(
    dialog_manager: DialogManager,
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
    center = directory.center(target.staff_center_id)
    about = i18n.get(
        "people-about",
        role=role_name(i18n, role.value),
        center=html.escape(center.name) if center else "—",
        place=place_name(target, directory) or "—",
        username=f"@{target.username}" if target.username else "—",
    )
    chosen_center = directory.center(draft.get("center"))
    new_role = draft.get("role", "")
    return {
        "who": person_name(target),
        "about": about,
        "has_role": role is not Role.RESIDENT,
        "new_role": role_name(i18n, new_role) if new_role else "",
        "new_center": html.escape(chosen_center.name)
        if chosen_center and new_role == "staff"
        else "",
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
