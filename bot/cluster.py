"""Several bot processes on one database: who leads the scheduler, and who is alive.

- Leader: on PostgreSQL, the process holding a session-level advisory lock (on a connection of its
  own) runs the scheduler's ticks and reports broadcast progress. When it dies its connection
  closes, the lock is free, and another process takes it at its next check (every `interval`).
  On SQLite there is one process by design: it always leads.
- Heartbeat: every process writes its row in bot_instances every `interval`; a polling process
  refuses to start while another is alive (polling can serve only one process), and /healthz
  shows how many there are. A graceful stop removes the row.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from storage.models import BotInstance

logger = logging.getLogger(__name__)

LEADER_LOCK = 0x45544D47  # "ETMG": one number for the whole bot, whatever the process
HEARTBEAT_SECONDS = 5
ALIVE_SECONDS = 20  # a row not refreshed for this long belongs to a dead process


def is_shared(engine: AsyncEngine) -> bool:
    """Whether several processes may use this database (anything but SQLite)."""
    return engine.dialect.name != "sqlite"


class Cluster:
    def __init__(
        self,
        engine: AsyncEngine,
        session_factory: async_sessionmaker[AsyncSession],
        mode: str,
        interval: float = HEARTBEAT_SECONDS,
    ) -> None:
        self.engine = engine
        self.session_factory = session_factory
        self.mode = mode
        self.interval = interval
        self.id = uuid.uuid4().hex[:12]
        self.shared = is_shared(engine)
        self._leader = not self.shared
        self._lock_conn: AsyncConnection | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def is_leader(self) -> bool:
        return self._leader

    async def start(self) -> None:
        await self.check()
        self._task = asyncio.create_task(self._loop(), name="cluster")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        await self._resign()
        try:
            async with self.session_factory() as session:
                await session.execute(delete(BotInstance).where(BotInstance.id == self.id))
                await session.commit()
        except Exception as exc:
            logger.warning("Instance row not removed (%s)", type(exc).__name__)

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self.check()
            except Exception as exc:  # the database is away: try again next time
                logger.warning("Cluster check failed (%s)", type(exc).__name__)

    async def check(self) -> None:
        """One heartbeat, and one attempt to lead (or to confirm the lead is still held)."""
        await self._beat()
        if self.shared:
            await self._try_lead()

    async def _beat(self) -> None:
        now = datetime.now(UTC)
        async with self.session_factory() as session:
            row = await session.get(BotInstance, self.id)
            if row is None:
                session.add(BotInstance(id=self.id, mode=self.mode, started_at=now, seen_at=now))
            else:
                row.seen_at = now
            await session.commit()

    async def _try_lead(self) -> None:
        try:
            if self._lock_conn is None:
                self._lock_conn = await self.engine.connect()
            if self._leader:
                await self._lock_conn.execute(text("SELECT 1"))  # still connected: still held
                await self._lock_conn.commit()
                return
            got = await self._lock_conn.scalar(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": LEADER_LOCK}
            )
            await self._lock_conn.commit()  # the lock is the session's, not the transaction's
            if got:
                self._leader = True
                logger.info("This process leads the scheduler")
        except Exception:
            if self._leader:
                logger.warning("Lost the scheduler lead")
            await self._resign()
            raise

    async def _resign(self) -> None:
        self._leader = not self.shared
        conn, self._lock_conn = self._lock_conn, None
        if conn is None:
            return
        try:
            # The connection goes back to the pool, so its session's locks must go first.
            await conn.execute(text("SELECT pg_advisory_unlock_all()"))
            await conn.commit()
            await conn.close()
        except Exception as exc:
            logger.info("Leader connection dropped (%s)", type(exc).__name__)
            await conn.invalidate()


async def alive_instances(
    session_factory: async_sessionmaker[AsyncSession], now: datetime | None = None
) -> dict[str, int]:
    """Processes seen alive recently, counted by mode (polling / webhook)."""
    since = (now or datetime.now(UTC)) - timedelta(seconds=ALIVE_SECONDS)
    async with session_factory() as session:
        rows = await session.execute(
            select(BotInstance.mode, func.count())
            .where(BotInstance.seen_at >= since)
            .group_by(BotInstance.mode)
        )
        return {mode: int(n) for mode, n in rows.all()}
