"""Media publications that staff record for the year's count."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, select

from storage.models import MediaPublication
from storage.repositories.base import Repository, count_rows


class MediaRepository(Repository[MediaPublication]):
    model = MediaPublication

    async def of_district(
        self, district_id: int, since: date, offset: int = 0, limit: int = 10
    ) -> Sequence[MediaPublication]:
        """A page of the district's publications since a day, newest first."""
        result = await self.session.execute(
            select(MediaPublication)
            .where(*_of_district(district_id, since))
            .order_by(MediaPublication.published_on.desc(), MediaPublication.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return result.scalars().all()

    async def count_of_district(self, district_id: int, since: date) -> int:
        return await count_rows(self.session, *_of_district(district_id, since))


def _of_district(district_id: int, since: date) -> list[ColumnElement[bool]]:
    return [MediaPublication.district_id == district_id, MediaPublication.published_on >= since]
