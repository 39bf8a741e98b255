"""What the bot knows of each activist's and committee's year: accepted reports and the people
they gathered, contest places, club attendance; and the awards the city gives for it. Only people
who keep their consent are named (a deleted person's reports have no author any more)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import and_, func, select

from storage.models import (
    Application,
    Attendance,
    Award,
    Contest,
    ElderRegistration,
    Report,
    ReportStatus,
    Signup,
    User,
)
from storage.repositories.base import Repository


class RecognitionRepository(Repository[Award]):
    model = Award

    async def reports_by_author(
        self, start: date, end: date, district_id: int | None, user_id: int | None = None
    ) -> Sequence[tuple[int, str | None, int | None, int, int]]:
        """(user, name, their district, accepted reports, participants) of the period."""
        query = (
            select(
                Report.author_id,
                User.full_name,
                User.district_id,
                func.count(Report.id),
                func.coalesce(func.sum(Report.participants), 0),
            )
            .join(User, User.id == Report.author_id)
            .where(
                Report.status == ReportStatus.ACCEPTED,
                Report.held_on >= start,
                Report.held_on <= end,
                User.consent_at.is_not(None),
            )
            .group_by(Report.author_id, User.full_name, User.district_id)
        )
        if district_id is not None:
            query = query.where(Report.district_id == district_id)
        if user_id is not None:
            query = query.where(Report.author_id == user_id)
        rows = (await self.session.execute(query)).all()
        return [(u, name, d, n, int(p)) for u, name, d, n, p in rows if u is not None]

    async def places(
        self, start_utc: datetime, end_utc: datetime, user_ids: Sequence[int]
    ) -> Sequence[tuple[int, int, str]]:
        """(user, place, contest) of the applications with a place, sent in the period."""
        result = await self.session.execute(
            select(Application.user_id, Application.place, Contest.title)
            .join(Contest, Contest.id == Application.contest_id)
            .where(
                Application.user_id.in_(user_ids),
                Application.place.is_not(None),
                Application.created_at >= start_utc,
                Application.created_at < end_utc,
            )
            .order_by(Application.place)
        )
        return [(u, p, t) for u, p, t in result.all() if u is not None and p is not None]

    async def attendance(
        self, start_utc: datetime, end_utc: datetime, user_ids: Sequence[int]
    ) -> dict[int, int]:
        """Club sessions each came to themselves (not their children's) in the period."""
        result = await self.session.execute(
            select(Signup.user_id, func.count(Attendance.id))
            .join(Signup, Signup.id == Attendance.signup_id)
            .where(
                Signup.user_id.in_(user_ids),
                Signup.who == "",
                Attendance.present,
                Attendance.starts_at >= start_utc,
                Attendance.starts_at < end_utc,
            )
            .group_by(Signup.user_id)
        )
        return {u: n for u, n in result.all() if u is not None}

    async def committees(
        self, start: date, end: date, district_id: int | None
    ) -> Sequence[tuple[int | None, str | None, int, int, int]]:
        """(committee, committee typed by hand, accepted reports, participants, activists)."""
        query = (
            select(
                ElderRegistration.committee_id,
                ElderRegistration.committee_other,
                func.count(Report.id),
                func.coalesce(func.sum(Report.participants), 0),
                func.count(func.distinct(Report.author_id)),
            )
            .join(
                Report,
                and_(
                    Report.registration_id == ElderRegistration.id,
                    Report.status == ReportStatus.ACCEPTED,
                    Report.held_on >= start,
                    Report.held_on <= end,
                ),
            )
            .where(
                ElderRegistration.committee_id.is_not(None)
                | ElderRegistration.committee_other.is_not(None)
            )
            .group_by(ElderRegistration.committee_id, ElderRegistration.committee_other)
        )
        if district_id is not None:
            query = query.where(Report.district_id == district_id)
        rows = (await self.session.execute(query)).all()
        return [(c, o, n, int(p), a) for c, o, n, p, a in rows]

    async def awards(self, year: int) -> Sequence[tuple[Award, str | None]]:
        result = await self.session.execute(
            select(Award, User.full_name)
            .join(User, User.id == Award.user_id)
            .where(Award.year == year, User.consent_at.is_not(None))
            .order_by(Award.kind, User.full_name)
        )
        return [(a, name) for a, name in result.all()]

    async def award_of(self, user_id: int, kind: str, year: int) -> Award | None:
        return await self.session.scalar(
            select(Award).where(Award.user_id == user_id, Award.kind == kind, Award.year == year)
        )
