"""PNG charts for /stats and /year (matplotlib, Agg backend, Russian labels, phone-sized)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
from matplotlib import pyplot as plt
from matplotlib.ticker import MaxNLocator


def stats_chart(
    title: str,
    by_month: list[tuple[str, int, int]],
    by_district: list[tuple[str, int]],
    labels: dict[str, str],
) -> bytes:
    """Reports and participants by month (top), reports by district (bottom)."""
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(6, 8), dpi=120)
    months = [m for m, _, _ in by_month] or ["—"]
    reports = [n for _, n, _ in by_month] or [0]
    people = [p for _, _, p in by_month] or [0]
    top.bar(months, reports, color="#4C8BF5", label=labels["reports"])
    top.set_ylabel(labels["reports"])
    top.tick_params(axis="x", rotation=60, labelsize=8)
    twin = top.twinx()
    twin.plot(months, people, color="#E8710A", marker="o", label=labels["participants"])
    twin.set_ylabel(labels["participants"])
    top.set_title(title, fontsize=11)
    names = [d for d, _ in by_district] or ["—"]
    counts = [n for _, n in by_district] or [0]
    bottom.barh(names, counts, color="#34A853")
    bottom.invert_yaxis()
    bottom.set_xlabel(labels["reports"])
    bottom.set_title(labels["by_district"], fontsize=11)
    bottom.tick_params(axis="y", labelsize=8)
    figure.tight_layout()
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
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()
