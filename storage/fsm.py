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
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import make_transient_to_detached

from storage.db import on_commit, transaction_info
from storage.models import FsmRecord

update_session: ContextVar[AsyncSession | None] = ContextVar("update_session", default=None)

Entry = tuple[str | None, str]  # (state, data as JSON)
EMPTY: Entry = (None, "{}")
PENDING = "fsm_pending"
RECORDS = "fsm_records"


SIBLINGS = ("default", "aiogd:stack:")  # the FSM state and the dialog stack of a private chat


def owner_prefix(key: str) -> str:
    """What every record of one user in one chat begins with (bot:chat:user:thread:business:)."""
    return ":".join(key.split(":", 5)[:5]) + ":"


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
        # key -> committed (state, data), or None when the database has no row for the key
        self._cache: OrderedDict[str, Entry | None] = OrderedDict()

    def _remember(self, key: str, entry: Entry | None) -> None:
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

    async def _read(self, session: AsyncSession, key: str) -> Entry | None:
        pending: dict[str, Entry] = transaction_info(session).get(PENDING, {})
        if key in pending:
            return pending[key]
        if key in self._cache:
            return self._cache[key]
        # One query for the records every update of this user may ask for: the FSM state and the
        # form stack (aiogram-dialog); a missing one is remembered as missing.
        prefix = owner_prefix(key)
        wanted = {key, *(prefix + destiny for destiny in SIBLINGS)}
        rows = await session.execute(
            select(FsmRecord.key, FsmRecord.state, FsmRecord.data).where(FsmRecord.key.in_(wanted))
        )
        found: dict[str, Entry] = {k: (state, data) for k, state, data in rows}
        for k in wanted - pending.keys():  # an unwritten change of this update is not known yet
            if k not in self._cache or k == key:
                self._remember(k, found.get(k))
        return found.get(key)

    def _record(self, session: AsyncSession, key: str) -> FsmRecord:
        """The ORM row to change, without a SELECT: the cache knows what is stored."""
        records: dict[str, FsmRecord] = transaction_info(session).setdefault(RECORDS, {})
        if key not in records:
            stored = self._cache[key]  # _read() has just put it there
            if stored is None:
                record = FsmRecord(key=key, state=None, data="{}")
            else:
                record = FsmRecord(key=key, state=stored[0], data=stored[1])
                make_transient_to_detached(record)  # a known row: UPDATE it, don't re-read it
            session.add(record)
            records[key] = record
        return records[key]

    async def _save(self, key: StorageKey, **values: Any) -> None:
        k = storage_key(key)
        async with self._session() as (session, owned):
            current = await self._read(session, k)
            old = current or EMPTY
            entry: Entry = (values.get("state", old[0]), values.get("data", old[1]))
            if entry == old:
                return  # e.g. clearing a state that is already clear: nothing to write
            record = self._record(session, k)
            record.state, record.data = entry
            if owned:
                await session.commit()
                self._remember(k, entry)
            else:
                pending = transaction_info(session).setdefault(PENDING, {})
                if not pending:
                    on_commit(session, lambda: self._apply(pending))
                pending[k] = entry

    def _apply(self, pending: dict[str, Entry]) -> None:
        for key, entry in pending.items():
            self._remember(key, entry)

    async def delete_user(self, user_id: int) -> None:
        """Remove every saved form of a user (152-ФЗ erasure), in the current update's session."""
        marker = f":{user_id}:"
        async with self._session() as (session, owned):
            for record in transaction_info(session).pop(RECORDS, {}).values():
                session.expunge(record)  # its pending UPDATE would hit a deleted row
            transaction_info(session).pop(PENDING, None)
            await session.execute(delete(FsmRecord).where(FsmRecord.key.contains(marker)))
            if owned:
                await session.commit()
                self._forget(marker)
            else:
                on_commit(session, lambda: self._forget(marker))

    def _forget(self, marker: str) -> None:
        for key in [k for k in self._cache if marker in k]:
            del self._cache[key]

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self._save(key, state=value)

    async def get_state(self, key: StorageKey) -> str | None:
        async with self._session() as (session, _):
            entry = await self._read(session, storage_key(key))
            return entry[0] if entry else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._save(key, data=json.dumps(dict(data), ensure_ascii=False))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        async with self._session() as (session, _):
            entry = await self._read(session, storage_key(key))
            return dict(json.loads(entry[1])) if entry else {}

    async def close(self) -> None:
        self._cache.clear()
