"""The data the windows of «Позвать соседей» show."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiogram_dialog import DialogManager

from bot.context import Ctx
from bot.services.gatherings import scopes_of
from bot.services.reports import KINDS
from bot.views import shown_back, territory_text, when_text
from handlers.forms import form_data
from storage.models import ElderRegistration

GATHER_KINDS = KINDS[:2]  # a субботник or an action
DAYS_AHEAD = 8  # day buttons: today and the next week


def _place(ctx: Ctx, reg: ElderRegistration, scope: str) -> str:
    if scope == "committee":
        committee = ctx.directory.committee(reg.committee_id)
        return committee.name if committee else ""
    if scope == "street":
        return reg.street or ""
    return territory_text(ctx.i18n, reg)


async def gather_form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    regs = {r.id: r for r in await ctx.elders.confirmed_of_user(ctx.user.id)}
    territories = [
        (
            ctx.i18n.get(f"gather-scope-{scope}", place=_place(ctx, regs[reg_id], scope))[:60],
            f"{reg_id}:{scope}",
        )
        for scope, reg_id in scopes_of(list(regs.values()))
    ]
    action = ctx.directory.action(draft.get("action_id"))
    summary: dict[str, Any] = {}
    if draft.get("starts_at"):
        from handlers.gatherings.handlers import draft_gathering

        summary = {
            "when": when_text(datetime.fromisoformat(draft["starts_at"]), ctx.settings),
            "count": await ctx.gatherings.reach(draft_gathering(draft, ctx.user.id)),
        }
    return {
        "territories": territories,
        "kinds": [(ctx.i18n.get(f"rep-kind-{k}"), k) for k in GATHER_KINDS],
        "actions": [(a.name, a.id) for a in ctx.directory.actions()],
        "home": draft.get("home") or "",
        "kind": ctx.i18n.get(f"rep-kind-{draft['kind']}") if draft.get("kind") else "",
        # three typed answers of up to 300 letters each: shown back short, the screen ≤ 600
        "action": shown_back(ctx.i18n, action.name if action else draft.get("action_other"), 100)
        or "—",
        "place": shown_back(ctx.i18n, draft.get("place"), 100) or ctx.i18n.get("gather-point"),
        "bring": shown_back(ctx.i18n, draft.get("bring"), 100) or "—",
        "photo": ctx.i18n.get("gather-with-photo") if draft.get("photo") else "",
        **summary,
    }
