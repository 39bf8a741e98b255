"""Reference data read side: municipalities, districts, centers, committees."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.models import Center, District, Municipality


class DirectoryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def municipalities(self) -> Sequence[Municipality]:
        result = await self.session.execute(
            select(Municipality).where(Municipality.active).order_by(Municipality.sort)
        )
        return result.scalars().all()

    async def municipality(self, municipality_id: int) -> Municipality | None:
        row = await self.session.get(Municipality, municipality_id)
        return row if row is not None and row.active else None

    async def districts(self, municipality_id: int) -> Sequence[District]:
        result = await self.session.execute(
            select(District)
            .where(District.municipality_id == municipality_id, District.active)
            .order_by(District.sort)
        )
        return result.scalars().all()

    async def district(self, district_id: int) -> District | None:
        row = await self.session.get(
            District, district_id, options=[selectinload(District.municipality)]
        )
        return row if row is not None and row.active else None

    async def centers(self, district_id: int) -> Sequence[Center]:
        result = await self.session.execute(
            select(Center)
            .where(Center.district_id == district_id, Center.active)
            .order_by(Center.name)
        )
        return result.scalars().all()

    async def center(self, center_id: int) -> Center | None:
        row = await self.session.get(
            Center,
            center_id,
            options=[selectinload(Center.district).selectinload(District.municipality)],
        )
        return row if row is not None and row.active else None

    async def center_by_code(self, code: str) -> Center | None:
        result = await self.session.execute(
            select(Center)
            .where(Center.code == code, Center.active)
            .options(selectinload(Center.district))
        )
        return result.scalar_one_or_none()

    async def centers_with_points(self) -> Sequence[tuple[Center, District]]:
        """Every active center with its district (for nearest-center search)."""
        result = await self.session.execute(
            select(Center, District)
            .join(District, Center.district_id == District.id)
            .where(Center.active, District.active)
        )
        return [(c, d) for c, d in result.all()]
