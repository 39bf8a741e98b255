"""Reports of субботники and actions: kinds, the figures each kind asks for, and the checks."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from bot.services import tags
from bot.services.validation import InputError, check_date
from storage.models import Report, ReportPhoto, ReportStatus
from storage.repositories.reports import ReportRepository

KINDS = ("subbotnik", "action", "event", "other")

# The structured numbers the city sums up every year (DOMAIN.md, "Figures the city reports").
FIGURES = (
    "bags",
    "trees",
    "flowerbeds",
    "seedlings",
    "yards",
    "entrances",
    "windows",
    "snow_towns",
    "snow_figures",
)
FIGURE_LIMITS = {
    "bags": 10_000,
    "trees": 10_000,
    "flowerbeds": 1_000,
    "seedlings": 1_000_000,
    "yards": 100,
    "entrances": 1_000,
    "windows": 10_000,
    "snow_towns": 100,
    "snow_figures": 1_000,
}
DECORATIONS = ("entrances", "windows", "snow_towns", "snow_figures")
KIND_FIGURES: dict[str, tuple[str, ...]] = {
    "subbotnik": ("bags", "trees", "flowerbeds", "seedlings", "yards"),
    "action": FIGURES,
    "event": DECORATIONS,
    "other": FIGURES,
}

MAX_PHOTOS = 10
MAX_DESCRIPTION = 1000
MAX_PARTICIPANTS = 10_000
MAX_AGE_DAYS = 60


def figures_for(kind: str) -> tuple[str, ...]:
    return KIND_FIGURES.get(kind, ())


# The beginnings of the words people use for each figure, most specific first
# («цветник» is a flowerbed, «цветы» are seedlings).
FIGURE_WORDS: tuple[tuple[str, str], ...] = (
    ("клумб", "flowerbeds"),
    ("цветник", "flowerbeds"),
    ("меш", "bags"),
    ("пакет", "bags"),
    ("дерев", "trees"),
    ("куст", "trees"),
    ("саженц", "trees"),
    ("подъезд", "entrances"),
    ("окн", "windows"),
    ("окон", "windows"),
    ("балкон", "windows"),
    ("городк", "snow_towns"),
    ("городок", "snow_towns"),
    ("рассад", "seedlings"),
    ("корн", "seedlings"),
    ("цвет", "seedlings"),
    ("двор", "yards"),
    ("снеж", "snow_figures"),
    ("фигур", "snow_figures"),
)


def parse_figures(text: str, kind: str) -> dict[str, int]:
    """All the figures in one message: «12 мешков, 5 деревьев, 3 клумбы, 200 рассады» (or
    «мешков — 12»). Each must be one this kind of report asks for, within its limit."""
    found: dict[str, int] = {}
    parts = [p for p in re.split(r"[,;\n]| и ", text.lower()) if p.strip()]
    if not parts:
        raise InputError("rep-figures-not-understood", part=text[:40])
    for part in parts:
        numbers = re.findall(r"\d[\d  ]*", part)
        words = re.findall(r"[а-яё]+", part)
        # The most specific stem among the words: «2 снежных городка» are towns, not figures.
        figure = next((f for stem, f in FIGURE_WORDS for w in words if w.startswith(stem)), None)
        if figure is None or len(numbers) != 1:
            raise InputError("rep-figures-not-understood", part=part.strip()[:40])
        if figure not in figures_for(kind):
            raise InputError("rep-figure-not-for-kind", figure=figure)
        amount = int(re.sub(r"\D", "", numbers[0]))
        if amount > FIGURE_LIMITS[figure]:
            raise InputError("rep-figure-too-big", figure=figure, high=FIGURE_LIMITS[figure])
        found[figure] = amount
    return found


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
        "tags": tags.of(report),
    }


def draft_tags(draft: dict[str, Any]) -> dict[str, Any]:
    """The marks chosen in the form, or (untouched) those its date suggests: «Лето» in summer."""
    if "tags" in draft:
        return tags.clean(draft["tags"])
    held_on = draft.get("held_on")
    return tags.default_tags(date.fromisoformat(held_on) if held_on else None)


def apply_draft(report: Report, draft: dict[str, Any]) -> None:
    """Copy a complete draft onto a (new or existing) report row."""
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
    report.description = draft.get("description") or ""
    tags.apply(report, draft_tags(draft))
    report.gathering_id = draft.get("gathering_id") or report.gathering_id
    report.photos = [
        ReportPhoto(position=i, file_id=p["file_id"], file_unique_id=p["unique"])
        for i, p in enumerate(draft["photos"], start=1)
    ]


async def submit_report(
    reports: ReportRepository, author_id: int, draft: dict[str, Any], today: date
) -> Report:
    """A complete draft becomes a report on moderation: a new one, or the author's own returned
    or accepted report sent again. Raises InputError with what is wrong."""
    missing = missing_steps(draft)
    if missing or not draft.get("district_id"):
        raise InputError("rep-incomplete", steps=missing)
    # The date was valid when typed; a draft left for weeks may have aged out since.
    check_date(date.fromisoformat(draft["held_on"]), today, MAX_AGE_DAYS)
    existing = await reports.get(draft["report_id"]) if draft.get("report_id") else None
    if draft.get("report_id") and (existing is None or existing.author_id != author_id):
        raise InputError("rep-not-yours")
    report = existing or Report(author_id=author_id)
    apply_draft(report, draft)
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = datetime.now(UTC)
    report.moderated_by = report.moderated_at = report.moderator_comment = None
    return await reports.add(report)
