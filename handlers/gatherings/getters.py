"""The data the windows of «Позвать соседей» show."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.services.gatherings import scopes_of
from bot.services.reports import KINDS
from bot.views import territory_text, when_text
from handlers.forms import form_data
from storage.models import ElderRegistration, User
from storage.repositories.directory import Directory
from storage.repositories.elders import ElderRepository
from storage.repositories.gatherings import GatheringRepository

GATHER_KINDS = KINDS[:2]  # a субботник or an action
DAYS_AHEAD = 8  # day buttons: today and the next week


def _place(i18n: I18nContext, reg: ElderRegistration, scope: str, directory: Directory) -> str:
    if scope == "committee":
        committee = directory.committee(reg.committee_id)
        return committee.name if committee else ""
    if scope == "street":
        return reg.street or ""
    return territory_text(i18n, reg)


async def gather_form(
    dialog_manager: DialogManager,
    i18n: I18nContext,
    user: User,
    elders: ElderRepository,
    gatherings: GatheringRepository,
    directory: Directory,
    settings: Settings,
    **_: Any,
) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    regs = {r.id: r for r in await elders.confirmed_of_user(user.id)}
    territories = [
        (
            i18n.get(f"gather-scope-{scope}", place=_place(i18n, regs[reg_id], scope, directory))[
                :60
            ],
            f"{reg_id}:{scope}",
        )
        for scope, reg_id in scopes_of(list(regs.values()))
    ]
    action = directory.action(draft.get("action_id"))
    summary: dict[str, Any] = {}
    if draft.get("starts_at"):
        from handlers.gatherings.handlers import draft_gathering

        summary = {
            "when": when_text(datetime.fromisoformat(draft["starts_at"]), settings),
            "count": await gatherings.reach(draft_gathering(draft, user.id)),
        }
    return {
        "territories": territories,
        "kinds": [(i18n.get(f"rep-kind-{k}"), k) for k in GATHER_KINDS],
        "actions": [(a.name, a.id) for a in directory.actions()],
        "home": draft.get("home") or "",
        "kind": i18n.get(f"rep-kind-{draft['kind']}") if draft.get("kind") else "",
        "action": html.escape(action.name if action else draft.get("action_other") or "—"),
        "place": html.escape(draft.get("place") or i18n.get("gather-point")),
        "bring": html.escape(draft.get("bring") or "—"),
        "photo": i18n.get("gather-with-photo") if draft.get("photo") else "",
        **summary,
    }
