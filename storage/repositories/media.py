"""Media publications that staff record for the year's count."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from storage.models import MediaPublication
from storage.repositories.base import Repository


class MediaRepository(Repository[MediaPublication]):
    model = MediaPublication

    async def of_district(
        self, district_id: int, since: date, limit: int = 10
    ) -> Sequence[MediaPublication]:
        """The district's latest publications since a day, newest first."""
        result = await self.session.execute(
            select(MediaPublication)
            .where(
                MediaPublication.district_id == district_id,
                MediaPublication.published_on >= since,
            )
            .order_by(MediaPublication.published_on.desc(), MediaPublication.id.desc())
            .limit(limit)
        )
        return result.scalars().all()
