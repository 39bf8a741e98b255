"""The data the windows of the vote, paper-ballot, home and project forms show."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from aiogram_dialog import DialogManager

from bot.context import Ctx
from bot.services.votes import (
    DURATIONS,
    MAX_DAYS,
    MAX_DESCRIPTION,
    MAX_OPTION,
    MAX_OPTIONS,
    MAX_QUESTION,
    MAX_TITLE,
    MIN_OPTIONS,
    elder_territories,
    territory_label,
    vote_of,
)
from bot.views import SHORT_MESSAGE, cut, shown_back, visible_length, when_text
from handlers.forms import form_data

STAFF_SCOPES = ("district", "committee", "street", "house")
WINNERS = (1, 2, 3, 5)


async def vote_form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    regs = {r.id: r for r in await ctx.elders.confirmed_of_user(ctx.actor.id)}
    scopes: list[tuple[str, str]] = []
    if ctx.actor.is_city_admin:
        scopes.append((ctx.i18n.get("vote-scope-city"), "city"))
    if ctx.actor.is_admin:
        scopes.append((ctx.i18n.get("vote-scope-municipality"), "municipality"))
    if ctx.actor.is_staff:
        scopes += [(ctx.i18n.get(f"vote-scope-{s}"), s) for s in STAFF_SCOPES]
    for scope, reg_id in elder_territories(list(regs.values())):
        reg = regs[reg_id]
        committee = ctx.directory.committee(reg.committee_id)
        place = {
            "house": f"{reg.street}, {reg.house}",
            "street": reg.street or "",
            "committee": committee.name if committee else "",
        }[scope]
        scopes.append(
            (ctx.i18n.get(f"vote-own-{scope}", place=place)[:60], f"own:{reg_id}:{scope}")
        )
    options = list(draft.get("options") or [])
    ends = draft.get("ends_at")
    summary: dict[str, Any] = {}
    if draft.get("scope") and ends:
        if draft.get("winners"):
            mode = ctx.i18n.get("vote-summary-winners", winners=draft["winners"])
        else:
            mode = ctx.i18n.get(
                "vote-summary-many" if draft.get("multiple") else "vote-summary-one"
            )
        summary = {
            "territory": html.escape(
                territory_label({**draft["territory"], "scope": draft["scope"]}, ctx.directory)
                or ctx.i18n.get("vote-scope-city")
            ),
            "mode": mode,
            "ends": when_text(datetime.fromisoformat(ends), ctx.settings),
            "count": await ctx.votes.electorate(
                vote_of(draft["scope"], draft.get("territory") or {}), "votes"
            ),
        }
        whole = ctx.i18n.get(
            "vote-summary",
            question=html.escape(draft.get("question") or ""),
            options=_numbered(options),
            **summary,
        )
        # Ten answers and a long question go past one screen: then the draft comes above the
        # window as its own short messages (`to_summary`), and the window asks to start it.
        fits = visible_length(whole) <= SHORT_MESSAGE
        summary.update(
            summary_whole=whole,
            summary_text=whole
            if fits
            else ctx.i18n.get("vote-summary-above", count=summary["count"]),
        )
    return {
        "scopes": scopes,
        "targets": _targets(draft.get("scope"), ctx),
        "target_prompt": ctx.i18n.get(
            {"municipality": "vote-ask-municipality", "committee": "vote-ask-committee"}.get(
                draft.get("scope") or "", "vote-ask-district"
            )
        ),
        "question": html.escape(draft.get("question") or ""),
        "count": len(options),
        "enough": len(options) >= MIN_OPTIONS,
        "fewest": MIN_OPTIONS,
        "most": MAX_OPTIONS,
        "longest": MAX_OPTION,
        "question_max": MAX_QUESTION,
        "days_most": MAX_DAYS,
        "lines": _numbered(options, OPTION_SHOWN),
        "modes": [(ctx.i18n.get("vote-mode-one"), "one"), (ctx.i18n.get("vote-mode-many"), "many")],
        "winner_counts": [(str(n), str(n)) for n in WINNERS if n < len(options)],
        "durations": [(ctx.i18n.get("vote-days", days=d), str(d)) for d in DURATIONS],
        **summary,
    }


OPTION_SHOWN = 45  # letters of each answer in «Варианты (10)»: ten of them stay one screen


def _numbered(options: list[str], room: int | None = None) -> str:
    """«1. Новые лавочки» a line; with `room`, each answer cut to it («…»)."""
    shown = [o if room is None else cut(o, room) for o in options]
    return "\n".join(f"{n}. {html.escape(o)}" for n, o in enumerate(shown, start=1))


def _targets(scope: str | None, ctx: Ctx) -> list[tuple[str, int]]:
    municipalities = [
        m
        for m in ctx.directory.municipalities()
        if ctx.actor.admin_municipality_id in (None, m.id) or not ctx.actor.is_admin
    ]
    if scope == "municipality":
        return [(m.name[:60], m.id) for m in municipalities]
    if scope == "committee":
        found = []
        for m in municipalities:
            for c in ctx.directory.committees(m.id):
                district = c.district.id if c.district else None
                if ctx.actor.is_admin or district == ctx.actor.staff_district_id:
                    found.append((c.name[:60], c.id))
        return found  # a long list turns in pages (choice())
    return [(d.full_name[:60], d.id) for m in municipalities for d in ctx.directory.districts(m.id)]


async def paper_form(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    options = draft.get("options") or []
    counts = draft.get("counts") or []
    return {
        "options": "\n".join(f"{n}. {html.escape(o[1][:40])}" for n, o in enumerate(options, 1)),
        "people": draft.get("people", 0),
        "lines": "\n".join(
            f"{html.escape(o[1][:40])} — {n}" for o, n in zip(options, counts, strict=False)
        ),
    }


async def home_form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    district = ctx.directory.district(ctx.user.district_id)
    committees = ctx.directory.committees(district.municipality_id, district.id) if district else []
    return {"committees": [(c.name[:60], str(c.id)) for c in committees[:20]]}


async def project_form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    return {
        "title": html.escape(draft.get("title") or ""),
        "cost": f"{draft.get('cost') or 0:,}".replace(",", " "),
        "description": shown_back(ctx.i18n, draft.get("description")),
        "title_max": MAX_TITLE,
        "description_max": MAX_DESCRIPTION,
    }
