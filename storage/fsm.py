"""aiogram FSM storage in the application database, so a half-filled form survives a restart.

Inside an update the state is written through that update's own session (set by
DbSessionMiddleware in `update_session`): the form's state and the handler's changes commit
together, and SQLite never sees two writers of one update. Outside an update (aiogram reading the
state before the middlewares run, tests, tools) a short session of its own is used.

Reads are served from a write-through cache that learns a value only once it is committed, so
one bot process per database is assumed; several processes share state through Redis instead
(REDIS_URL)."""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.db import on_commit, transaction_info
from storage.models import FsmRecord

update_session: ContextVar[AsyncSession | None] = ContextVar("update_session", default=None)

Entry = tuple[str | None, str]  # (state, data as JSON)
EMPTY: Entry = (None, "{}")
PENDING = "fsm_pending"


def storage_key(key: StorageKey) -> str:
    # user id sits between colons so /deleteme can find every record of a user.
    return (
        f"{key.bot_id}:{key.chat_id}:{key.user_id}:{key.thread_id or 0}:"
        f"{key.business_connection_id or ''}:{key.destiny}"
    )


class DatabaseStorage(BaseStorage):
    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], cache_size: int = 100_000
    ) -> None:
        self.session_factory = session_factory
        self.cache_size = cache_size
        self._cache: OrderedDict[str, Entry] = OrderedDict()

    def _remember(self, key: str, entry: Entry) -> None:
        self._cache[key] = entry
        self._cache.move_to_end(key)
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    @asynccontextmanager
    async def _session(self) -> AsyncIterator[tuple[AsyncSession, bool]]:
        current = update_session.get()
        if current is not None:
            yield current, False
            return
        async with self.session_factory() as own:
            yield own, True

    async def _read(self, session: AsyncSession, key: str) -> Entry:
        pending: dict[str, Entry] = transaction_info(session).get(PENDING, {})
        if key in pending:
            return pending[key]
        if key in self._cache:
            return self._cache[key]
        record = await session.get(FsmRecord, key)
        entry = (record.state, record.data) if record else EMPTY
        self._remember(key, entry)
        return entry

    async def _save(self, key: StorageKey, **values: Any) -> None:
        k = storage_key(key)
        async with self._session() as (session, owned):
            current = await self._read(session, k)
            entry: Entry = (values.get("state", current[0]), values.get("data", current[1]))
            record = await session.get(FsmRecord, k)
            if entry == EMPTY:
                if record is not None:
                    await session.delete(record)
            elif record is None:
                session.add(FsmRecord(key=k, state=entry[0], data=entry[1]))
            else:
                record.state, record.data = entry
            if owned:
                await session.commit()
                self._remember(k, entry)
            else:
                await session.flush()
                pending = transaction_info(session).setdefault(PENDING, {})
                if not pending:
                    on_commit(session, lambda: self._apply(pending))
                pending[k] = entry

    def _apply(self, pending: dict[str, Entry]) -> None:
        for key, entry in pending.items():
            self._remember(key, entry)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self._save(key, state=value)

    async def get_state(self, key: StorageKey) -> str | None:
        async with self._session() as (session, _):
            return (await self._read(session, storage_key(key)))[0]

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._save(key, data=json.dumps(dict(data), ensure_ascii=False))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        async with self._session() as (session, _):
            return dict(json.loads((await self._read(session, storage_key(key)))[1]))

    async def close(self) -> None:
        self._cache.clear()
