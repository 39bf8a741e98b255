"""Reports of субботники and actions: kinds, the figures each kind asks for, and the checks."""

from __future__ import annotations

from typing import Any

KINDS = ("subbotnik", "action", "event", "other")

# The structured numbers the city sums up every year (DOMAIN.md, "Figures the city reports").
FIGURES = ("bags", "trees", "flowerbeds", "seedlings", "yards", "decorated", "snow_figures")
FIGURE_LIMITS = {
    "bags": 10_000,
    "trees": 10_000,
    "flowerbeds": 1_000,
    "seedlings": 1_000_000,
    "yards": 100,
    "decorated": 10_000,
    "snow_figures": 1_000,
}
KIND_FIGURES: dict[str, tuple[str, ...]] = {
    "subbotnik": ("bags", "trees", "flowerbeds", "seedlings", "yards"),
    "action": FIGURES,
    "event": ("decorated", "snow_figures"),
    "other": FIGURES,
}

MAX_PHOTOS = 10
MAX_DESCRIPTION = 1000
MAX_PARTICIPANTS = 10_000
MAX_AGE_DAYS = 60


def figures_for(kind: str) -> tuple[str, ...]:
    return KIND_FIGURES.get(kind, ())


def drop_unfit_figures(draft: dict[str, Any]) -> None:
    """After the kind changes, figures the new kind does not ask for are removed."""
    figures: dict[str, int] = draft.get("figures", {})
    draft["figures"] = {k: v for k, v in figures.items() if k in figures_for(draft.get("kind", ""))}


def missing_steps(draft: dict[str, Any]) -> list[str]:
    """Required parts still missing (the summary's «Отправить» refuses until there are none)."""
    missing = []
    if draft.get("kind") not in KINDS:
        missing.append("kind")
    if not draft.get("held_on"):
        missing.append("date")
    if not draft.get("place") and draft.get("lat") is None:
        missing.append("place")
    if not draft.get("participants"):
        missing.append("participants")
    if not draft.get("description"):
        missing.append("description")
    if not draft.get("photos"):
        missing.append("photos")
    return missing


def draft_from_report(report: Any) -> dict[str, Any]:
    """A stored report as a wizard draft, to edit and resend it."""
    return {
        "report_id": report.id,
        "registration_id": report.registration_id,
        "district_id": report.district_id,
        "kind": report.kind,
        "action_id": report.action_id,
        "action_other": report.action_other,
        "held_on": report.held_on.isoformat(),
        "place": report.place,
        "lat": report.lat,
        "lon": report.lon,
        "participants": report.participants,
        "figures": {f: getattr(report, f) for f in FIGURES if getattr(report, f) is not None},
        "description": report.description,
        "photos": [{"file_id": p.file_id, "unique": p.file_unique_id} for p in report.photos],
    }


def apply_draft(report: Any, draft: dict[str, Any], photo_factory: Any) -> None:
    """Copy a complete draft onto a (new or existing) report row."""
    from datetime import date

    report.registration_id = draft.get("registration_id")
    report.district_id = draft["district_id"]
    report.kind = draft["kind"]
    report.action_id = draft.get("action_id")
    report.action_other = draft.get("action_other") or None
    report.held_on = date.fromisoformat(draft["held_on"])
    report.place = draft.get("place")
    report.lat, report.lon = draft.get("lat"), draft.get("lon")
    report.participants = draft["participants"]
    figures = draft.get("figures", {})
    for figure in FIGURES:
        setattr(report, figure, figures.get(figure))
    report.description = draft["description"]
    report.photos = [
        photo_factory(position=i, file_id=p["file_id"], file_unique_id=p["unique"])
        for i, p in enumerate(draft["photos"], start=1)
    ]
