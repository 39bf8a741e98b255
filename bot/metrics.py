"""Prometheus metrics of one bot process (served at /metrics in webhook mode).

Counters of this process (updates, handler errors, messages sent, 429s) come from the objects
that already count them; the outbox figures are the database's, read when the page is asked for.
A registry per process object, so tests can build several dispatchers in one interpreter."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

FAULT_RECENT = 120.0  # seconds a refused write keeps /healthz failing


class Metrics(Collector):
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=False)
        self.updates = Counter(
            "bot_updates", "Updates handled by this process", registry=self.registry
        )
        self.handler_errors = Counter(
            "bot_handler_errors", "Updates whose handler raised an error", registry=self.registry
        )
        self.storage_faults = Counter(
            "bot_storage_faults",
            "Writes the database refused (locked past DATABASE_LOCK_WAIT, disk full)",
            ["cause"],
            registry=self.registry,
        )
        self._last_fault: tuple[str, float] | None = None
        self._sources: list[Callable[[], dict[str, float]]] = []
        self._outbox: dict[str, int] = {}
        self._leader = False
        self.registry.register(self)

    def storage_fault(self, cause: str) -> None:
        self.storage_faults.labels(cause).inc()
        self._last_fault = (cause, time.monotonic())

    def recent_storage_fault(self, within: float = FAULT_RECENT) -> str | None:
        """The cause of a refused write in the last `within` seconds, for /healthz."""
        if self._last_fault and time.monotonic() - self._last_fault[1] < within:
            return self._last_fault[0]
        return None

    def count_sends(self, source: Callable[[], dict[str, float]]) -> None:
        """A sender (delivery engine, reminders) whose counts are summed into the metrics:
        keys sent, paid, blocked, failed, retry_after."""
        self._sources.append(source)

    def collect(self) -> Iterator[Any]:
        totals: dict[str, float] = dict.fromkeys(
            ("sent", "paid", "blocked", "failed", "retry_after"), 0
        )
        for source in self._sources:
            for key, value in source().items():
                totals[key] = totals.get(key, 0) + value
        for key, help_text in (
            ("sent", "Messages delivered by broadcasts and reminders"),
            ("paid", "Of them, urgent alerts sent as paid broadcast (0.1 Star each)"),
            ("blocked", "Recipients who had blocked the bot"),
            ("failed", "Messages given up"),
        ):
            metric = CounterMetricFamily(f"bot_messages_{key}", help_text)
            metric.add_metric([], totals[key])
            yield metric
        too_many = CounterMetricFamily("bot_telegram_429", "Telegram answers «too many requests»")
        too_many.add_metric([], totals["retry_after"])
        yield too_many
        outbox = GaugeMetricFamily("bot_outbox_rows", "Outbox rows by status", labels=["status"])
        for status, n in sorted(self._outbox.items()):
            outbox.add_metric([status], n)
        yield outbox
        leader = GaugeMetricFamily("bot_scheduler_leader", "1 if this process leads the scheduler")
        leader.add_metric([], 1 if self._leader else 0)
        yield leader

    async def render(
        self, outbox_counts: Callable[[], Awaitable[dict[str, int]]], leader: bool
    ) -> bytes:
        self._outbox = await outbox_counts()
        self._leader = leader
        return generate_latest(self.registry)
