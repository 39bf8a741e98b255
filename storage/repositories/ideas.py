from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, case, func, literal, select, update

from storage.models import Idea, IdeaStatus, IdeaSupport
from storage.repositories.base import Repository, count_rows

OPEN = (IdeaStatus.NEW, IdeaStatus.ACCEPTED, IdeaStatus.IN_PROGRESS)


class IdeaRepository(Repository[Idea]):
    model = Idea

    async def count_since(self, user_id: int, since: datetime) -> int:
        return int(
            await self.session.scalar(
                select(func.count())
                .select_from(Idea)
                .where(Idea.user_id == user_id, Idea.created_at >= since)
            )
            or 0
        )

    async def open_of_category(self, district_ids: Sequence[int], category: str) -> Sequence[Idea]:
        """Open items of a category (for the «nearby» check)."""
        result = await self.session.execute(
            select(Idea).where(
                Idea.district_id.in_(district_ids),
                Idea.category == category,
                Idea.status.in_(OPEN),
            )
        )
        return result.scalars().all()

    async def of_user(self, user_id: int, offset: int, limit: int) -> Sequence[Idea]:
        result = await self.session.execute(
            select(Idea)
            .where(Idea.user_id == user_id)
            .order_by(Idea.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return result.scalars().all()

    async def count_of_user(self, user_id: int) -> int:
        return await count_rows(self.session, Idea.user_id == user_id)

    async def of_district(
        self,
        district_id: int | None,
        status: str | None,
        category: str | None,
        limit: int = 20,
        now: datetime | None = None,
        offset: int = 0,
    ) -> Sequence[Idea]:
        """Overdue items first (unanswered past their deadline, as of `now`), then the most
        supported."""
        late = (
            case((Idea.answered_at.is_(None) & (Idea.due_at < now), 1), else_=0)
            if now is not None
            else literal(0)
        )
        query = select(Idea).where(*_in_district(district_id, status, category))
        result = await self.session.execute(
            query.order_by(late.desc(), Idea.supporters.desc(), Idea.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return result.scalars().all()

    async def count_of_district(self, district_id: int | None, status: str | None) -> int:
        query = select(func.count(Idea.id)).where(*_in_district(district_id, status, None))
        return int(await self.session.scalar(query) or 0)

    async def supporter_ids(self, idea_id: int) -> list[int]:
        found = await self.session.execute(
            select(IdeaSupport.user_id)
            .where(IdeaSupport.idea_id == idea_id)
            .order_by(IdeaSupport.id)
        )
        return [u for u in found.scalars() if u]

    async def take(self, idea_id: int, staff_id: int) -> bool:
        """A new item into work by one staff member; a second tap (or a colleague's) finds it taken."""
        taken = await self.session.execute(
            update(Idea)
            .where(Idea.id == idea_id, Idea.status == IdeaStatus.NEW)
            .values(status=IdeaStatus.IN_PROGRESS, taken_by=staff_id)
        )
        return bool(taken.rowcount)  # type: ignore[attr-defined]

    async def support(self, idea: Idea, user_id: int) -> bool:
        """Count a supporter once; False if they had supported it already."""
        exists = await self.session.scalar(
            select(IdeaSupport.id).where(
                IdeaSupport.idea_id == idea.id, IdeaSupport.user_id == user_id
            )
        )
        if exists:
            return False
        self.session.add(IdeaSupport(idea_id=idea.id, user_id=user_id))
        await self.session.execute(
            update(Idea)
            .where(Idea.id == idea.id)
            .values(supporters=Idea.supporters + 1)
            .execution_options(synchronize_session="fetch")
        )
        return True

    async def digest(
        self, district_id: int, since: datetime, overdue_before: datetime
    ) -> tuple[int, int]:
        """(new items since `since`, items still unanswered that came before `overdue_before`)."""
        new = await self.session.scalar(
            select(func.count())
            .select_from(Idea)
            .where(Idea.district_id == district_id, Idea.created_at >= since)
        )
        overdue = await self.session.scalar(
            select(func.count())
            .select_from(Idea)
            .where(
                Idea.district_id == district_id,
                Idea.status == IdeaStatus.NEW,
                Idea.created_at < overdue_before,
            )
        )
        return int(new or 0), int(overdue or 0)


def _in_district(
    district_id: int | None, status: str | None, category: str | None
) -> list[ColumnElement[bool]]:
    """A district's items (None: every district) of a status ("open": not yet closed)."""
    where: list[ColumnElement[bool]] = []
    if district_id is not None:
        where.append(Idea.district_id == district_id)
    if status == "open":
        where.append(Idea.status.in_(OPEN))
    elif status:
        where.append(Idea.status == IdeaStatus(status))
    if category:
        where.append(Idea.category == category)
    return where
