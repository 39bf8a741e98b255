"""Pacing for Telegram's limits: one global rate, and a pause for everyone after a 429."""

from __future__ import annotations

import asyncio


class RateLimiter:
    def __init__(self, rate: float) -> None:
        self.interval = 1 / rate if rate > 0 else 0.0
        self._next = 0.0
        self._paused_until = 0.0

    async def acquire(self) -> None:
        """Wait for the next sending slot. Slots are reserved without awaiting in between, so
        concurrent senders never share one."""
        loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            wait = max(self._paused_until, self._next) - now
            if wait <= 0:
                self._next = max(now, self._next) + self.interval
                return
            await asyncio.sleep(wait)

    def pause(self, seconds: float) -> None:
        """Telegram said «retry after»: nobody sends until then."""
        until = asyncio.get_running_loop().time() + seconds
        self._paused_until = max(self._paused_until, until)
