"""PNG charts for /stats and /year (matplotlib, Agg backend, Russian labels, phone-sized)."""

from __future__ import annotations

import io
from typing import Any

import matplotlib
from aiogram_i18n import I18nContext

matplotlib.use("Agg")
from matplotlib import pyplot as plt
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator


def stats_chart(
    title: str,
    by_month: list[tuple[str, int, int, bool]],
    by_district: list[tuple[str, int]],
    labels: dict[str, str],
) -> bytes:
    return _png(stats_figure(title, by_month, by_district, labels))


def stats_figure(
    title: str,
    by_month: list[tuple[str, int, int, bool]],
    by_district: list[tuple[str, int]],
    labels: dict[str, str],
) -> Figure:
    """Reports (bars) and participants (a line) by month, both axes from zero, months as
    «янв 2026», a month the period covers only in part hatched and starred; reports by district
    below. `labels`: the locale's words, and `months` — the twelve short month names."""
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(6, 8), dpi=120)
    names = labels["months"].split()
    rows = by_month or [("", 0, 0, False)]
    months = [
        (f"{names[int(m[5:7]) - 1]} {m[:4]}" if m else "—") + ("*" if partial else "")
        for m, _, _, partial in rows
    ]
    positions = list(range(len(rows)))
    bars = top.bar(positions, [n for _, n, _, _ in rows], color="#4C8BF5", label=labels["reports"])
    for bar, (_, _, _, partial) in zip(bars, rows, strict=True):
        if partial:
            bar.set_hatch("//")
            bar.set_alpha(0.6)
    step = max(1, len(rows) // 12)  # at most a dozen month names under the axis
    top.set_xticks(positions[::step], months[::step], rotation=60, fontsize=8)
    top.set_ylim(bottom=0)
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.set_ylabel(labels["reports"])
    twin = top.twinx()
    (line,) = twin.plot(
        positions,
        [p for _, _, p, _ in rows],
        color="#E8710A",
        marker="o",
        label=labels["participants"],
    )
    twin.set_ylim(bottom=0)
    twin.yaxis.set_major_locator(MaxNLocator(integer=True))
    twin.set_ylabel(labels["participants"])
    handles: list[Any] = [bars, line]
    if any(partial for *_, partial in rows):
        handles.append(Patch(facecolor="#4C8BF5", alpha=0.6, hatch="//", label=labels["partial"]))
    top.legend(handles=handles, loc="upper left", fontsize=8)
    top.set_title(title, fontsize=11)
    districts = [d for d, _ in by_district] or ["—"]
    counts = [n for _, n in by_district] or [0]
    bottom.barh(districts, counts, color="#34A853")
    bottom.invert_yaxis()
    bottom.set_xlim(left=0)
    bottom.xaxis.set_major_locator(MaxNLocator(integer=True))
    bottom.set_xlabel(labels["reports"])
    bottom.set_title(labels["by_district"], fontsize=11)
    bottom.tick_params(axis="y", labelsize=8)
    figure.tight_layout()
    return figure


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()


def vote_chart(title: str, rows: list[tuple[str, int, int]], labels: dict[str, str]) -> bytes:
    """A vote's results: a bar per option, the votes cast in the bot and on paper apart."""
    names = [name[:40] for name, _, _ in rows] or ["—"]
    online = [n for _, n, _ in rows] or [0]
    paper = [p for _, _, p in rows] or [0]
    figure, axis = plt.subplots(figsize=(6, 1.2 + 0.5 * len(names)), dpi=120)
    axis.barh(names, online, color="#4C8BF5", label=labels["online"])
    axis.barh(names, paper, left=online, color="#A0C4FF", hatch="//", label=labels["paper"])
    axis.invert_yaxis()
    axis.set_xlim(left=0)
    axis.xaxis.set_major_locator(MaxNLocator(integer=True))
    axis.set_title(title[:60], fontsize=11)
    axis.tick_params(axis="y", labelsize=8)
    if any(paper):
        axis.legend(loc="lower right", fontsize=8)
    figure.tight_layout()
    return _png(figure)


def chart_labels(i18n: I18nContext) -> dict[str, str]:
    return {
        "reports": i18n.get("chart-reports"),
        "participants": i18n.get("chart-participants"),
        "by_district": i18n.get("chart-by-district"),
        "months": i18n.get("chart-months"),
        "partial": i18n.get("chart-partial"),
    }
