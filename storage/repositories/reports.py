from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select, update

from storage.models import Report, ReportPhoto, ReportStatus
from storage.repositories.base import Repository, count_rows


@dataclass(frozen=True)
class EarlierPhoto:
    position: int
    report_id: int
    submitted_at: datetime


class ReportRepository(Repository[Report]):
    model = Report

    async def of_author(self, author_id: int, offset: int, limit: int) -> Sequence[Report]:
        result = await self.session.execute(
            select(Report)
            .where(Report.author_id == author_id)
            .order_by(Report.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return result.scalars().all()

    async def count_of_author(self, author_id: int) -> int:
        return await count_rows(self.session, Report.author_id == author_id)

    async def queue(
        self, district_ids: Sequence[int] | None, limit: int
    ) -> tuple[Sequence[Report], int]:
        """The oldest reports awaiting moderation and how many wait in all; `None` means every
        district."""
        waiting = [Report.status == ReportStatus.SUBMITTED]
        if district_ids is not None:
            waiting.append(Report.district_id.in_(district_ids))
        total = await self.session.scalar(select(func.count(Report.id)).where(*waiting))
        result = await self.session.execute(
            select(Report).where(*waiting).order_by(Report.submitted_at).limit(limit)
        )
        return result.scalars().all(), int(total or 0)

    async def moderate(
        self, report_id: int, status: ReportStatus, actor_id: int, comment: str | None = None
    ) -> bool:
        """Accept or return a submitted report; False if it is no longer awaiting a decision."""
        result = await self.session.execute(
            update(Report)
            .where(Report.id == report_id, Report.status == ReportStatus.SUBMITTED)
            .values(
                status=status,
                moderated_by=actor_id,
                moderated_at=datetime.now(UTC),
                moderator_comment=comment,
            )
            .execution_options(synchronize_session="fetch")
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def earlier_photos(self, report: Report) -> list[EarlierPhoto]:
        """Photos of this report that already appeared in another, earlier report."""
        unique_ids = {p.file_unique_id: p.position for p in report.photos}
        if not unique_ids:
            return []
        result = await self.session.execute(
            select(ReportPhoto.file_unique_id, Report.id, Report.submitted_at)
            .join(Report, Report.id == ReportPhoto.report_id)
            .where(
                ReportPhoto.file_unique_id.in_(unique_ids),
                Report.id != report.id,
                Report.id < report.id,
            )
            .order_by(Report.id)
        )
        seen: dict[str, EarlierPhoto] = {}
        for unique_id, report_id, submitted_at in result.all():
            seen.setdefault(unique_id, EarlierPhoto(unique_ids[unique_id], report_id, submitted_at))
        return sorted(seen.values(), key=lambda e: e.position)
