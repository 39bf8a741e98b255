"""Counts updates being handled so shutdown can wait for them to finish (and, for /metrics,
updates and handler errors)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject

from bot.metrics import Metrics
from bot.services.validation import InputError


class InFlightMiddleware(BaseMiddleware):
    def __init__(self, metrics: Metrics | None = None) -> None:
        self.metrics = metrics
        self.count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        self.count += 1
        self._idle.clear()
        try:
            return await handler(event, data)
        except InputError:
            raise  # a bad answer, a stale button, someone else's object: answered, not a fault
        except Exception:
            if self.metrics is not None:
                self.metrics.handler_errors.inc()
            raise
        finally:
            if self.metrics is not None:
                self.metrics.updates.inc()
            self.count -= 1
            if self.count == 0:
                self._idle.set()

    async def wait_idle(self, seconds: float) -> bool:
        try:
            await asyncio.wait_for(self._idle.wait(), seconds)
        except TimeoutError:
            return False
        return True
