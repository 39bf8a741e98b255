"""aiogram FSM storage in the application database, so a half-filled form survives a restart.

Inside an update the state is written through that update's own session (set by
DbSessionMiddleware in `update_session`): the form's state and the handler's changes commit
together, and SQLite never sees two writers of one update. Outside an update (aiogram reading the
state before the middlewares run, tests, tools) a short session of its own is used."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import FsmRecord

update_session: ContextVar[AsyncSession | None] = ContextVar("update_session", default=None)


def storage_key(key: StorageKey) -> str:
    # user id sits between colons so /deleteme can find every record of a user.
    return (
        f"{key.bot_id}:{key.chat_id}:{key.user_id}:{key.thread_id or 0}:"
        f"{key.business_connection_id or ''}:{key.destiny}"
    )


class DatabaseStorage(BaseStorage):
    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self.session_factory = session_factory

    @asynccontextmanager
    async def _session(self) -> AsyncIterator[tuple[AsyncSession, bool]]:
        current = update_session.get()
        if current is not None:
            yield current, False
            return
        async with self.session_factory() as own:
            yield own, True

    async def _save(self, key: StorageKey, **values: Any) -> None:
        async with self._session() as (session, owned):
            record = await session.get(FsmRecord, storage_key(key))
            state = values.get("state", record.state if record else None)
            data = values.get("data", record.data if record else "{}")
            if state is None and data == "{}":
                if record is not None:
                    await session.delete(record)
            elif record is None:
                session.add(FsmRecord(key=storage_key(key), state=state, data=data))
            else:
                record.state, record.data = state, data
            if owned:
                await session.commit()
            else:
                await session.flush()

    async def _load(self, key: StorageKey) -> FsmRecord | None:
        async with self._session() as (session, _):
            return await session.get(FsmRecord, storage_key(key))

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self._save(key, state=value)

    async def get_state(self, key: StorageKey) -> str | None:
        record = await self._load(key)
        return record.state if record else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._save(key, data=json.dumps(dict(data), ensure_ascii=False))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        record = await self._load(key)
        return json.loads(record.data) if record else {}

    async def close(self) -> None:
        pass
