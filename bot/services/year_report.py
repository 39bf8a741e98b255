"""The year's figures as the city reports them: a workbook (summary, districts, centers,
committees, reports, contests) and the chart, for /year."""

from __future__ import annotations

import asyncio
from zoneinfo import ZoneInfo

from aiogram_i18n import I18nContext

from bot.charts import chart_labels, stats_chart
from bot.exports import header_row, workbook_bytes
from bot.services import tags
from bot.services.stats import FIGURES, Period, by_district, collect
from bot.views import tags_text
from storage.repositories.directory import Directory
from storage.repositories.recognition import RecognitionRepository
from storage.repositories.stats import FIGURE_COLUMNS, StatsRepository


async def year_workbook(
    period: Period,
    i18n: I18nContext,
    directory: Directory,
    tz: ZoneInfo,
    repo: StatsRepository,
    recognition: RecognitionRepository,
) -> tuple[bytes, bytes]:
    """The annual report as XLSX (summary, districts, centers, committees, reports, contests),
    in the order of the city's own report, and its chart as PNG."""
    start_utc, end_utc = period.utc_bounds(tz)
    figures = await collect(repo, period, tz, None)
    sheets: dict[str, list[list[object]]] = {}
    summary = sheets.setdefault(i18n.get("xlsx-sheet-summary"), [])
    summary.append(header_row(i18n, "xlsx-head-summary"))
    for name in FIGURES:
        if name in figures.values:
            summary.append([i18n.get(f"fig-{name}").lstrip("— "), figures.values[name]])
    districts = sheets.setdefault(i18n.get("xlsx-sheet-districts"), [])
    districts.append(
        [
            *header_row(i18n, "xlsx-head-districts"),
            *[i18n.get(f"fig-{c}") for c in ("yards", "trees", "flowerbeds", "seedlings")],
        ]
    )
    names = {d.id: d for d in directory.all_districts()}
    empty = dict.fromkeys(("reports", *FIGURE_COLUMNS), 0)
    for district_id, district in names.items():
        f = figures.district_sums.get(district_id, empty)
        districts.append(
            [
                district.full_name,
                f["reports"],
                f["participants"],
                f["yards"],
                f["trees"],
                f["flowerbeds"],
                f["seedlings"],
            ]
        )
    centers = sheets.setdefault(i18n.get("xlsx-sheet-centers"), [])
    centers.append(header_row(i18n, "xlsx-head-centers"))
    for center_id, members, events, signups in await repo.per_center(start_utc, end_utc):
        center = directory.center(center_id)
        centers.append(
            [
                center.name if center else center_id,
                center.district.name if center else "",
                members,
                events,
                signups,
            ]
        )
    committees = sheets.setdefault(i18n.get("xlsx-sheet-committees"), [])
    committees.append(header_row(i18n, "xlsx-head-committees"))
    for committee_id, other, count, people, activists in await recognition.committees(
        period.start, period.end, None
    ):
        committee = directory.committee(committee_id)
        name = committee.name if committee else (other or "—")
        committees.append([name, count, people, activists])
    reports = sheets.setdefault(i18n.get("xlsx-sheet-reports"), [])
    reports.append(header_row(i18n, "xlsx-head-reports"))
    kinds: dict[str, str] = {}
    marks: dict[tuple[object, ...], str] = {}
    for r in await repo.accepted_reports(period.start, period.end, None):
        report_district = names.get(r.district_id)
        kind = kinds.get(r.kind) or kinds.setdefault(r.kind, i18n.get(f"rep-kind-{r.kind}"))
        marked = (r.programme, r.direction, r.project, r.youth)
        if marked not in marks:
            marks[marked] = tags_text(i18n, tags.of(r))
        reports.append(
            [
                r.id,
                r.held_on,
                report_district.name if report_district else "",
                kind,
                r.participants,
                r.bags,
                r.trees,
                r.flowerbeds,
                r.seedlings,
                r.yards,
                r.snow_towns,
                r.snow_figures,
                r.entrances,
                r.windows,
                r.decorated,
                marks[marked],
            ]
        )
    contests = sheets.setdefault(i18n.get("xlsx-sheet-contests"), [])
    contests.append(header_row(i18n, "xlsx-head-contests"))
    for title, count in figures.contests:
        contests.append([title, count])
    data = await asyncio.to_thread(workbook_bytes, sheets)
    by_district_rows = by_district(figures, {i: d.name for i, d in names.items()})
    png = await asyncio.to_thread(
        stats_chart, period.label(), figures.by_month, by_district_rows, chart_labels(i18n)
    )
    return data, png
