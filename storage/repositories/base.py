"""What every repository shares: its session, and adding and getting its main model by id."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.dialects.postgresql import Insert as PgInsert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Base

M = TypeVar("M", bound=Base)


def upsert(session: AsyncSession, model: type[Base]) -> PgInsert | SqliteInsert:
    """An INSERT that can say what to do with a row already there (on_conflict_do_update /
    _nothing), in the session's dialect."""
    bind = session.bind
    if bind is not None and bind.dialect.name == "postgresql":
        return pg_insert(model)
    return sqlite_insert(model)


async def count_rows(session: AsyncSession, *where: ColumnElement[bool]) -> int:
    """How many rows meet `where` (a list's total, for its pages): the table is the one the
    conditions name."""
    return int(await session.scalar(select(func.count()).where(*where)) or 0)


def name_contains(column: Any, text: str) -> ColumnElement[bool]:
    """A name holding the words typed, in the spellings of case people type: SQLite compares
    only Latin letters without case («петрова» must find «Петрова»)."""
    text = " ".join(text.split())
    spellings = {text, text.lower(), text.capitalize(), text.title()}
    return or_(*(column.contains(s, autoescape=True) for s in spellings))


class Repository(Generic[M]):
    model: ClassVar[type[Base]]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: M) -> M:
        self.session.add(row)
        await self.session.flush()  # the id goes into buttons and messages
        return row

    async def remove(self, row: M) -> None:
        await self.session.delete(row)

    async def get(self, row_id: int) -> M | None:
        found = await self.session.get(self.model, row_id)
        return found  # type: ignore[return-value]
