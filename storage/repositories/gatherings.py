"""Субботники and actions elders call their neighbours to, and the residents' replies."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select

from storage.models import Gathering, GatheringReply, User
from storage.repositories.base import Repository, count_rows, upsert
from storage.repositories.votes import lives_in


def invited(gathering: Gathering) -> ColumnElement[bool]:
    """The residents of its territory (the elder who calls them excepted)."""
    return lives_in(gathering) & (User.id != gathering.author_id)


def going(gathering_id: int) -> Any:
    return select(GatheringReply.user_id).where(
        GatheringReply.gathering_id == gathering_id, GatheringReply.going
    )


def _coming_in(district_ids: Sequence[int] | None, now: datetime) -> list[ColumnElement[bool]]:
    coming = [Gathering.starts_at > now, Gathering.cancelled_at.is_(None)]
    return coming if district_ids is None else [*coming, Gathering.district_id.in_(district_ids)]


class GatheringRepository(Repository[Gathering]):
    model = Gathering

    async def upcoming_of(self, author_id: int, now: datetime) -> Sequence[Gathering]:
        result = await self.session.execute(
            select(Gathering)
            .where(
                Gathering.author_id == author_id,
                Gathering.starts_at > now,
                Gathering.cancelled_at.is_(None),
            )
            .order_by(Gathering.starts_at)
            .limit(10)
        )
        return result.scalars().all()

    async def upcoming_in(
        self, district_ids: Sequence[int] | None, now: datetime, offset: int = 0, limit: int = 10
    ) -> Sequence[Gathering]:
        """A page of the districts' (None: every district's) coming субботники, soonest first."""
        result = await self.session.execute(
            select(Gathering)
            .where(*_coming_in(district_ids, now))
            .order_by(Gathering.starts_at, Gathering.id)
            .offset(offset)
            .limit(limit)
        )
        return result.scalars().all()

    async def count_upcoming_in(self, district_ids: Sequence[int] | None, now: datetime) -> int:
        return await count_rows(self.session, *_coming_in(district_ids, now))

    async def reach(self, gathering: Gathering) -> int:
        """How many residents its invitation reaches: invited, active, consented, not muting."""
        return int(
            await self.session.scalar(
                select(func.count())
                .select_from(User)
                .where(
                    invited(gathering),
                    User.is_active,
                    User.consent_at.is_not(None),
                    ~User.muted.contains("actions"),
                )
            )
            or 0
        )

    async def is_invited(self, gathering: Gathering, user_id: int) -> bool:
        found = await self.session.scalar(
            select(User.id).where(User.id == user_id, invited(gathering))
        )
        return found is not None

    async def reply(
        self, gathering_id: int, user_id: int, is_going: bool, show_name: bool | None, now: datetime
    ) -> None:
        """One reply per person (a later one replaces it; two taps at once leave one row)."""
        changed: dict[str, Any] = {"going": is_going, "at": now}
        if show_name is not None:  # «Иду» / «Не смогу» keep what was said of the name
            changed["show_name"] = show_name
        await self.session.execute(
            upsert(self.session, GatheringReply)
            .values(
                gathering_id=gathering_id,
                user_id=user_id,
                going=is_going,
                show_name=bool(show_name),
                at=now,
            )
            .on_conflict_do_update(
                index_elements=[GatheringReply.gathering_id, GatheringReply.user_id], set_=changed
            )
        )

    async def going_count(self, gathering_id: int) -> int:
        return int(
            await self.session.scalar(
                select(func.count()).select_from(going(gathering_id).subquery())
            )
            or 0
        )

    async def shown_names(self, gathering_id: int) -> list[str]:
        """The names of those going who let the elder see them."""
        result = await self.session.execute(
            select(User.full_name, User.username)
            .join(GatheringReply, GatheringReply.user_id == User.id)
            .where(
                GatheringReply.gathering_id == gathering_id,
                GatheringReply.going,
                GatheringReply.show_name,
            )
            .order_by(GatheringReply.at)
        )
        return [name or (f"@{username}" if username else "") for name, username in result.all()]

    async def to_remind(self, since: datetime, until: datetime) -> Sequence[Gathering]:
        """Those starting in (since, until], not reminded, not cancelled."""
        result = await self.session.execute(
            select(Gathering).where(
                Gathering.starts_at > since,
                Gathering.starts_at <= until,
                Gathering.reminded_at.is_(None),
                Gathering.cancelled_at.is_(None),
            )
        )
        return result.scalars().all()

    async def to_report(self, before: datetime) -> Sequence[Gathering]:
        """Held before `before`: the elder is asked how it went, once."""
        result = await self.session.execute(
            select(Gathering).where(
                Gathering.starts_at <= before,
                Gathering.report_asked_at.is_(None),
                Gathering.cancelled_at.is_(None),
            )
        )
        return result.scalars().all()
