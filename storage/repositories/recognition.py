"""What the bot knows of each activist's and committee's year: accepted reports and the people
they gathered, contest places, club attendance; and the awards the city gives for it. Only people
who keep their consent are named (a deleted person's reports have no author any more)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Application,
    Attendance,
    Award,
    Center,
    CityInvitation,
    Contest,
    ElderRegistration,
    InvitationReply,
    Nomination,
    RegistrationStatus,
    Report,
    ReportStatus,
    Role,
    Signup,
    User,
)
from storage.repositories.base import Repository, upsert


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

    async def awards(self, year: int) -> Sequence[tuple[Award, str | None, int | None]]:
        """The year's awards, each with its person's name and district (one query)."""
        result = await self.session.execute(
            select(Award, User.full_name, User.district_id)
            .join(User, User.id == Award.user_id)
            .where(Award.year == year, User.consent_at.is_not(None))
            .order_by(Award.kind, User.full_name, Award.id)
        )
        return [(a, name, district_id) for a, name, district_id in result.all()]

    async def awards_of(self, user_id: int, year: int) -> Sequence[Award]:
        result = await self.session.execute(
            select(Award).where(Award.user_id == user_id, Award.year == year).order_by(Award.kind)
        )
        return result.scalars().all()

    async def award_of(self, user_id: int, kind: str, year: int) -> Award | None:
        return await self.session.scalar(
            select(Award).where(Award.user_id == user_id, Award.kind == kind, Award.year == year)
        )


def invited_to(invitation: CityInvitation) -> ColumnElement[bool]:
    """The invitation's list: the year's awarded, the confirmed elders or the centers' staff —
    of its district, or of the whole city."""
    district = invitation.district_id
    if invitation.guests == "awarded":
        awarded = select(Award.user_id).where(Award.year == invitation.year)
        found = User.id.in_(awarded)
        return found & (User.district_id == district) if district else found
    if invitation.guests == "elders":
        elders = select(ElderRegistration.user_id).where(
            ElderRegistration.status == RegistrationStatus.CONFIRMED
        )
        if district:
            elders = elders.where(ElderRegistration.district_id == district)
        return User.id.in_(elders)
    if invitation.guests == "staff":
        staff = User.role == Role.STAFF
        if not district:
            return staff
        centers = select(Center.id).where(Center.district_id == district)
        return staff & (User.staff_center_id.in_(centers) | (User.staff_district_id == district))
    return false()


def coming_to(invitation_id: int) -> Any:
    return select(InvitationReply.user_id).where(
        InvitationReply.invitation_id == invitation_id, InvitationReply.coming
    )


class InvitationRepository(Repository[CityInvitation]):
    model = CityInvitation

    async def is_invited(self, invitation: CityInvitation, user_id: int) -> bool:
        found = await self.session.scalar(
            select(User.id).where(User.id == user_id, invited_to(invitation))
        )
        return found is not None

    async def reply(self, invitation_id: int, user_id: int, coming: bool, now: datetime) -> None:
        """One reply per person; a later one replaces it (two taps at once leave one row)."""
        await self.session.execute(
            upsert(self.session, InvitationReply)
            .values(invitation_id=invitation_id, user_id=user_id, coming=coming, at=now)
            .on_conflict_do_update(
                index_elements=[InvitationReply.invitation_id, InvitationReply.user_id],
                set_={"coming": coming, "at": now},
            )
        )

    async def reach(self, invitation: CityInvitation) -> int:
        """How many the invitation reaches (active, consented) — counted before it is sent."""
        from storage.repositories.announcements import audience_query

        people = audience_query("all", None, "results").where(invited_to(invitation)).subquery()
        return int(await self.session.scalar(select(func.count()).select_from(people)) or 0)

    async def recent(self, limit: int = 10) -> Sequence[CityInvitation]:
        result = await self.session.execute(
            select(CityInvitation).order_by(CityInvitation.starts_at.desc()).limit(limit)
        )
        return result.scalars().all()

    async def answers(self, invitation_id: int) -> Sequence[tuple[str | None, bool]]:
        """(name, coming) of everyone who answered, those coming first."""
        result = await self.session.execute(
            select(User.full_name, InvitationReply.coming)
            .join(User, User.id == InvitationReply.user_id)
            .where(InvitationReply.invitation_id == invitation_id)
            .order_by(InvitationReply.coming.desc(), User.full_name)
        )
        return [(name, coming) for name, coming in result.all()]

    async def to_remind(self, since: datetime, until: datetime) -> Sequence[CityInvitation]:
        result = await self.session.execute(
            select(CityInvitation).where(
                CityInvitation.starts_at > since,
                CityInvitation.starts_at <= until,
                CityInvitation.reminded_at.is_(None),
            )
        )
        return result.scalars().all()


class BookletRepository:
    """What the year's booklet shows: each district's best accepted reports and the contests'
    winners, with their photos' Telegram files."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def best_reports(
        self, start: date, end: date, per_district: int
    ) -> Sequence[tuple[Report, list[str]]]:
        """Each district's `per_district` accepted reports that gathered the most people (then
        the newest), with their photos' file ids in order."""
        rank = (
            func.row_number()
            .over(
                partition_by=Report.district_id,
                order_by=(Report.participants.desc(), Report.held_on.desc(), Report.id.desc()),
            )
            .label("rank")
        )
        ranked = (
            select(Report.id, rank)
            .where(
                Report.status == ReportStatus.ACCEPTED,
                Report.held_on >= start,
                Report.held_on <= end,
            )
            .subquery()
        )
        chosen = select(ranked.c.id).where(ranked.c.rank <= per_district)
        reports = (
            await self.session.execute(
                select(Report).where(Report.id.in_(chosen)).order_by(Report.district_id)
            )
        ).scalars()
        return [(r, [p.file_id for p in r.photos]) for r in reports]

    async def winners(
        self, start_utc: datetime, end_utc: datetime
    ) -> Sequence[tuple[Application, str, str, list[str]]]:
        """(application, contest, nomination, photos) of the places given in the period."""
        result = await self.session.execute(
            select(Application, Contest.title, Nomination.name)
            .join(Contest, Contest.id == Application.contest_id)
            .join(Nomination, Nomination.id == Application.nomination_id)
            .where(
                Application.place.is_not(None),
                Application.created_at >= start_utc,
                Application.created_at < end_utc,
            )
            .order_by(Contest.id, Nomination.position, Application.place)
        )
        return [(a, c, n, [p.file_id for p in a.photos]) for a, c, n in result.all()]
