"""Periods and the year's figures (no Telegram). Figures are computed from the data, never typed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.services.tags import DIRECTIONS, PROJECTS
from bot.services.validation import InputError
from storage.repositories.stats import StatsRepository

ROLLING = {"week": 7, "month": 30, "year": 365, "неделя": 7, "месяц": 30, "год": 365}


@dataclass(frozen=True)
class Period:
    start: date  # inclusive, local dates
    end: date  # inclusive
    unit: str | None = None  # "year" / "month" for calendar periods (compared with the one before)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length just before this one (for a calendar year or month: the
        previous year or month, compared over the same days)."""
        if self.unit == "year":
            return Period(_year_before(self.start), _year_before(self.end), "year")
        if self.unit == "month":
            start = (self.start - timedelta(days=1)).replace(day=1)
            last = self.start - timedelta(days=1)
            return Period(start, min(start + (self.end - self.start), last), "month")
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def utc_bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """[start, end) in UTC for timestamp columns."""
        start = datetime.combine(self.start, time(), tzinfo=tz).astimezone(UTC)
        end = datetime.combine(self.end + timedelta(days=1), time(), tzinfo=tz).astimezone(UTC)
        return start, end

    def label(self) -> str:
        return f"{self.start:%d.%m.%Y}–{self.end:%d.%m.%Y}"

    def months(self) -> list[tuple[str, bool]]:
        """Every month the period touches as («YYYY-MM», partial): partial when the period
        starts after its first day or ends before its last (a month still going on)."""
        out = []
        first = self.start.replace(day=1)
        while first <= self.end:
            following = (first + timedelta(days=32)).replace(day=1)
            partial = self.start > first or self.end < following - timedelta(days=1)
            out.append((f"{first:%Y-%m}", partial))
            first = following
        return out


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def parse_period(text: str | None, today: date) -> Period:
    """week | month | year (rolling, ending today), 2024, 2024-05, 2024-05-01..2024-08-31."""
    value = (text or "month").strip().lower()
    if value in ROLLING:
        return Period(today - timedelta(days=ROLLING[value] - 1), today)
    if re.fullmatch(r"\d{4}", value):
        year = int(value)
        if not 2000 <= year <= today.year:
            raise InputError("stats-bad-period")
        return Period(date(year, 1, 1), min(date(year, 12, 31), today), "year")
    match = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12 or not 2000 <= year <= today.year:
            raise InputError("stats-bad-period")
        first = date(year, month, 1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        if first > today:
            raise InputError("stats-bad-period")
        return Period(first, min(last, today), "month")
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", value)
    if match:
        try:
            start, end = date.fromisoformat(match.group(1)), date.fromisoformat(match.group(2))
        except ValueError:
            raise InputError("stats-bad-period") from None
        if start > end or (end - start).days > 366 * 10 or start.year < 2000:
            raise InputError("stats-bad-period")
        return Period(start, end)
    raise InputError("stats-bad-period")


# The figures in the order of the city's annual report (DOMAIN.md): events (youth), the summer
# programme «Лето» by direction, thematic projects, improvement actions and субботники with their
# figures, contest entries, winter decoration, media; then what the bot adds.
FIGURES = (
    "events_held",
    "youth_events",
    "event_signups",
    "leto_events",
    "leto_participants",
    *[f"leto_{d}_{what}" for d in DIRECTIONS for what in ("events", "participants")],
    *[f"project_{p}" for p in PROJECTS],
    "reports",
    "subbotnik",
    "action",
    "event",
    "other",
    "participants",
    "yards",
    "trees",
    "flowerbeds",
    "seedlings",
    "bags",
    "applications",
    "snow_towns",
    "snow_figures",
    "entrances",
    "windows",
    "decorated",
    "media_publications",
    "receptions_held",
    "reception_people",
    "rental_issued",
    "elders_confirmed",
    "club_members",
    "attendance",
    "ideas_on_time",
    "ideas_overdue",
    "votes_held",
    "vote_participants",
    "projects_shortlisted",
    "projects_won",
    "projects_done",
    "announcements_sent",
    "announcements_blocked",
    "users_new",
)
# What StatsRepository.marked counts (from the marks on events and reports, and media).
MARKED = tuple(
    name
    for name in FIGURES
    if name.startswith(("leto_", "project_")) or name in ("youth_events", "media_publications")
)
# Parts of a whole (a direction of «Лето», a project, the old undivided decoration): /stats shows
# them only when there is something to show; the /year sheet has every line.
BREAKDOWNS = frozenset(
    {f"leto_{d}_{what}" for d in DIRECTIONS for what in ("events", "participants")}
    | {f"project_{p}" for p in PROJECTS}
    | {"decorated"}
)


@dataclass
class Figures:
    values: dict[str, int] = field(default_factory=dict)
    # (YYYY-MM, reports, people, partial): every month of the period, in order.
    by_month: list[tuple[str, int, int, bool]] = field(default_factory=list)
    by_district: list[tuple[str, int]] = field(default_factory=list)  # (district, reports)
    roles: dict[str, int] = field(default_factory=dict)
    contests: list[tuple[str, int]] = field(default_factory=list)
    by_district_ids: dict[int, int] = field(default_factory=dict)  # district -> reports
    # district -> reports and each figure column's sum (the /year sheet «По районам»)
    district_sums: dict[int, dict[str, int]] = field(default_factory=dict)


def change(now: int, before: int) -> float | None:
    """Relative change in per cent; None when there was nothing before."""
    if before == 0:
        return None
    return (now - before) / before * 100


async def collect(
    repo: StatsRepository, period: Period, tz: ZoneInfo, district_id: int | None, full: bool = True
) -> Figures:
    """Every figure of the period; `full` adds months, districts, roles and contests (the
    previous period only needs the totals for the changes)."""
    from storage.repositories.stats import FIGURE_COLUMNS

    start_utc, end_utc = period.utc_bounds(tz)
    figures = Figures()
    totals: dict[str, int] = dict.fromkeys(
        ("reports", "subbotnik", "action", "event", "other", *FIGURE_COLUMNS), 0
    )
    months: dict[str, list[int]] = {}
    districts: dict[int, int] = {}
    marked: dict[str, int] = dict.fromkeys(MARKED, 0)
    for month, district, kind, count, sums, marks in await repo.report_breakdown(
        period.start, period.end, district_id
    ):
        for name, value in marks.items():
            marked[name] += value
        totals["reports"] += count
        totals[kind] = totals.get(kind, 0) + count
        for column, value in zip(FIGURE_COLUMNS, sums, strict=True):
            totals[column] += value
        months.setdefault(month, [0, 0])
        months[month][0] += count
        months[month][1] += sums[0]  # participants
        districts[district] = districts.get(district, 0) + count
        sums_of = figures.district_sums.setdefault(
            district, dict.fromkeys(("reports", *FIGURE_COLUMNS), 0)
        )
        sums_of["reports"] += count
        for column, value in zip(FIGURE_COLUMNS, sums, strict=True):
            sums_of[column] += value
    figures.values.update(totals)
    figures.values.update(await repo.other_figures(start_utc, end_utc, district_id))
    events_and_media = await repo.marked(period.start, period.end, start_utc, end_utc, district_id)
    for name, value in events_and_media.items():
        marked[name] += value
    figures.values.update(marked)
    if full:
        figures.by_month = [
            (m, months.get(m, [0, 0])[0], months.get(m, [0, 0])[1], partial)
            for m, partial in period.months()
        ]
        figures.by_district_ids = districts
        figures.roles = await repo.roles(district_id)
        figures.contests = await repo.applications_per_contest(start_utc, end_utc, district_id)
    return figures


def by_district(figures: Figures, names: dict[int, str]) -> list[tuple[str, int]]:
    return sorted(
        ((names.get(d, str(d)), n) for d, n in figures.by_district_ids.items()), key=lambda r: -r[1]
    )
