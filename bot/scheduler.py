"""APScheduler ticks. Jobs only read due work from the database (never pickled, in-memory store):
a restart simply starts ticking again. Every process has the scheduler; only the leader's ticks
run (bot/cluster.py), so with several processes each tick's work is done once."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

logger = logging.getLogger(__name__)


def create_scheduler(
    interval_seconds: int,
    ticks: dict[str, Callable[[], Awaitable[object]]],
    should_run: Callable[[], bool] = lambda: True,
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=UTC)
    for name, tick in ticks.items():
        scheduler.add_job(
            _guarded(name, tick, should_run),
            "interval",
            id=name,
            name=name,
            seconds=interval_seconds,
            next_run_time=datetime.now(UTC),
            max_instances=1,
            coalesce=True,
            misfire_grace_time=interval_seconds,
        )
    return scheduler


def _guarded(
    name: str, tick: Callable[[], Awaitable[object]], should_run: Callable[[], bool]
) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        if not should_run():
            return
        try:
            await tick()
        except Exception as exc:  # a failed tick must not stop the next one
            logger.error("Scheduler tick %s failed: %s", name, type(exc).__name__)

    return run
