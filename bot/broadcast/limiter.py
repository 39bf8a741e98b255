"""Pacing for Telegram's limits: one rate per bot, and a pause for everyone after a 429.

Telegram counts messages per bot, not per process. One process paces itself (`RateLimiter`);
several processes share one budget through Redis (`RedisRateLimiter`): each send reserves the
next free slot of the bot's schedule atomically, so the sum over all processes stays at the rate.

Slots are spaced a little wider than 1/rate (RATE_MARGIN): a message reaches Telegram a few
milliseconds after its slot, and without the margin two late and early neighbours could put one
message too many into some second."""

from __future__ import annotations

import asyncio
from typing import Protocol

from redis.asyncio import Redis

RATE_MARGIN = 0.96


class Limiter(Protocol):
    async def acquire(self) -> None: ...

    async def pause(self, seconds: float) -> None: ...


class RateLimiter:
    def __init__(self, rate: float) -> None:
        self.interval = 1 / (rate * RATE_MARGIN) if rate > 0 else 0.0
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

    async def pause(self, seconds: float) -> None:
        """Telegram said «retry after»: nobody sends until then."""
        until = asyncio.get_running_loop().time() + seconds
        self._paused_until = max(self._paused_until, until)


# KEYS[1]: the next free slot (ms), KEYS[2]: paused until (ms); ARGV[1]: interval (ms).
# Returns how long the caller waits for the slot it reserved (ms). Redis' own clock is the one
# clock all processes share.
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
local slot = math.max(now, nxt, paused)
redis.call('SET', KEYS[1], tostring(slot + tonumber(ARGV[1])), 'PX', 600000)
return tostring(slot - now)
"""

# KEYS[1]: paused until (ms); ARGV[1]: pause length (ms). Only ever extends the pause.
_PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local untl = now + tonumber(ARGV[1])
local paused = tonumber(redis.call('GET', KEYS[1]) or '0')
if untl > paused then
  redis.call('SET', KEYS[1], tostring(untl), 'PX', math.ceil(tonumber(ARGV[1])) + 1000)
end
return 1
"""


class RedisRateLimiter:
    def __init__(self, redis: Redis, bot_id: int, rate: float, name: str = "free") -> None:
        self.redis = redis
        self.interval_ms = 1000 / (rate * RATE_MARGIN)
        prefix = f"etomoygorod:rate:{bot_id}"
        self._keys = [f"{prefix}:{name}:next", f"{prefix}:paused"]  # a 429 pauses every budget
        self._reserve = redis.register_script(_RESERVE)
        self._pause = redis.register_script(_PAUSE)

    async def acquire(self) -> None:
        wait_ms = float(await self._reserve(keys=self._keys, args=[self.interval_ms]))
        if wait_ms > 0:
            await asyncio.sleep(wait_ms / 1000)

    async def pause(self, seconds: float) -> None:
        await self._pause(keys=self._keys[1:], args=[seconds * 1000])
