"""What every repository shares: its session, and adding and getting its main model by id."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Base

M = TypeVar("M", bound=Base)


class Repository(Generic[M]):
    model: ClassVar[type[Base]]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: M) -> M:
        self.session.add(row)
        await self.session.flush()  # the id goes into buttons and messages
        return row

    async def get(self, row_id: int) -> M | None:
        found = await self.session.get(self.model, row_id)
        return found  # type: ignore[return-value]
