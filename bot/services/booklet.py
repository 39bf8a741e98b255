"""The year's booklet from what the bot knows: the figures, the chart, each district's best accepted
reports and the contests' winners — their photos downloaded from Telegram (getFile) a few at a time.
People are not named: a report speaks of the place and the figures."""

from __future__ import annotations

import asyncio
import html
import io
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram_i18n import I18nContext

from bot.booklet import Booklet, Story, booklet_pdf, for_phones
from bot.charts import stats_chart
from bot.services.reports import FIGURES as REPORT_FIGURES
from bot.services.stats import BREAKDOWNS, FIGURES, Period, by_district, collect
from storage.models import Report
from storage.repositories.directory import Directory
from storage.repositories.recognition import BookletRepository
from storage.repositories.stats import StatsRepository

logger = logging.getLogger(__name__)

REPORTS_PER_DISTRICT = 4
PHOTOS_PER_REPORT = 2
DOWNLOADS_AT_ONCE = 8
MAX_DESCRIPTION = 300

Progress = Callable[[str], Awaitable[None]]


@dataclass(frozen=True)
class Editions:
    """The booklet for printing (the photos as sent) and for phones (lighter photos)."""

    printed: bytes
    phone: bytes
    pages: int


async def make_booklet(
    session_factory: Any,
    bot: Bot,
    i18n: I18nContext,
    directory: Directory,
    tz: ZoneInfo,
    year: int,
    today: date,
    progress: Progress,
    chart_labels: dict[str, str],
) -> Editions:
    """The booklet's two PDFs and their page count."""
    period = Period(date(year, 1, 1), min(date(year, 12, 31), today), "year")
    start_utc, end_utc = period.utc_bounds(tz)
    async with session_factory() as session:
        figures = await collect(StatsRepository(session), period, tz, None)
        repo = BookletRepository(session)
        best = await repo.best_reports(period.start, period.end, REPORTS_PER_DISTRICT)
        winners = await repo.winners(start_utc, end_utc)
    names = {d.id: d for d in directory.all_districts()}
    wanted = [f for _, photos in best for f in photos[:PHOTOS_PER_REPORT]]
    wanted += [f for *_, photos in winners for f in photos[:1]]
    photos = await _download(bot, wanted, i18n, progress)
    await progress(i18n.get("booklet-progress-pages"))
    by_place: dict[int, list[Story]] = {d: [] for d in names}
    for report, files in best:
        by_place.setdefault(report.district_id, []).append(
            Story(
                heading=html.escape(_what(i18n, report, directory)),
                lines=_report_lines(i18n, report),
                photos=[photos[f] for f in files[:PHOTOS_PER_REPORT] if f in photos],
            )
        )
    chart = await asyncio.to_thread(
        stats_chart,
        period.label(),
        figures.by_month,
        by_district(figures, {i: d.name for i, d in names.items()}),
        chart_labels,
    )
    booklet = Booklet(
        title=i18n.get("booklet-title", year=str(year)),
        subtitle=i18n.get("booklet-subtitle", period=period.label()),
        figures_title=i18n.get("booklet-figures"),
        figures=[
            (html.escape(i18n.get(f"fig-{name}").lstrip("— ")), figures.values[name])
            for name in FIGURES
            if name in figures.values and (figures.values[name] or name not in BREAKDOWNS)
        ],
        chart=chart,
        districts=[
            (html.escape(names[d].full_name), stories)
            for d, stories in by_place.items()
            if d in names
        ],
        empty_district=i18n.get("booklet-district-empty"),
        winners_title=i18n.get("booklet-winners"),
        winners=[
            Story(
                heading=i18n.get(
                    "booklet-winner",
                    place=str(a.place),
                    contest=html.escape(contest),
                    nomination=html.escape(nomination),
                ),
                lines=[
                    html.escape(
                        ", ".join(
                            p
                            for p in (
                                names[a.district_id].name if a.district_id in names else "",
                                a.address_text,
                            )
                            if p
                        )
                    )
                ],
                photos=[photos[f] for f in files[:1] if f in photos],
            )
            for a, contest, nomination, files in winners
        ],
    )
    printed, pages = await asyncio.to_thread(booklet_pdf, booklet)
    phone, _ = await asyncio.to_thread(lambda: booklet_pdf(for_phones(booklet)))
    return Editions(printed, phone, pages)


async def _download(
    bot: Bot, file_ids: list[str], i18n: I18nContext, progress: Progress
) -> dict[str, bytes]:
    """The photos' bytes by file id, a few downloads at a time; one that fails is left out."""
    gate = asyncio.Semaphore(DOWNLOADS_AT_ONCE)
    found: dict[str, bytes] = {}
    done = 0

    async def one(file_id: str) -> None:
        nonlocal done
        async with gate:
            buffer = io.BytesIO()
            try:
                await bot.download(file_id, destination=buffer)
                found[file_id] = buffer.getvalue()
            except Exception as exc:  # one lost photo must not stop the booklet
                logger.info("Booklet photo not downloaded: %s", type(exc).__name__)
            done += 1
            if done % 10 == 0 or done == len(file_ids):
                await progress(i18n.get("booklet-progress-photos", done=done, total=len(file_ids)))

    await asyncio.gather(*(one(f) for f in dict.fromkeys(file_ids)))
    return found


def _what(i18n: I18nContext, report: Report, directory: Directory) -> str:
    action = directory.action(report.action_id)
    name = action.name if action else report.action_other
    kind = i18n.get(f"rep-kind-{report.kind}")
    title = f"{kind} «{name}»" if name else kind
    return f"{report.held_on:%d.%m} — {title}"


def _report_lines(i18n: I18nContext, report: Report) -> list[str]:
    figures = [
        f"{i18n.get(f'rep-figure-{f}')}: {getattr(report, f)}"
        for f in REPORT_FIGURES
        if getattr(report, f)
    ]
    lines = [
        i18n.get(
            "booklet-report-line",
            place=html.escape(report.place or "—"),
            participants=report.participants,
        )
    ]
    if figures:
        lines.append(html.escape("; ".join(figures)))
    if report.description:
        text = report.description[:MAX_DESCRIPTION]
        lines.append(html.escape(text + ("…" if len(report.description) > MAX_DESCRIPTION else "")))
    return lines
