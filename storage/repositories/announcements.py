"""Announcements and their outbox: who receives one, and how far the sending got."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, false, func, insert, literal, or_, select, update

from storage.models import (
    Announcement,
    AnnouncementStatus,
    Center,
    District,
    ElderRegistration,
    Gathering,
    Outbox,
    OutboxStatus,
    RegistrationStatus,
    Role,
    Signup,
    SignupStatus,
    User,
)
from storage.repositories.base import Repository
from storage.repositories.clubs import LIVE

GATHERING = ("gathering", "gathering-going")  # an elder's субботник: invited; those going


def audience_query(audience: str, audience_id: int | None, kind: str) -> Select[Any]:
    """Telegram ids of an audience: consented, not blocked, not muting this kind. (Staff get
    their work messages without a resident's consent: only their id is used.)"""
    query = select(User.id).distinct().where(User.is_active, ~User.muted.contains(kind))
    if audience != "staff":
        query = query.where(User.consent_at.is_not(None))
    if audience == "center":  # the people of a center: signed up to its clubs or events
        from storage.models import Club, Event

        club_ids = select(Club.id).where(Club.center_id == audience_id)
        event_ids = select(Event.id).where(Event.center_id == audience_id)
        people = select(Signup.user_id).where(
            Signup.status.in_(LIVE),
            or_(Signup.club_id.in_(club_ids), Signup.event_id.in_(event_ids)),
        )
        query = query.where(User.id.in_(people))
    elif audience == "district":
        query = query.where(User.district_id == audience_id)
    elif audience == "club":
        members = select(Signup.user_id).where(
            Signup.club_id == audience_id, Signup.status == SignupStatus.ENROLLED
        )
        query = query.where(User.id.in_(members))
    elif audience == "elders":  # confirmed elders of a district
        elders = select(ElderRegistration.user_id).where(
            ElderRegistration.status == RegistrationStatus.CONFIRMED,
            ElderRegistration.district_id == audience_id,
        )
        query = query.where(User.id.in_(elders))
    elif audience == "staff":  # the staff of a district's centers and of its administration
        centers = select(Center.id).where(Center.district_id == audience_id)
        query = query.where(
            User.role == Role.STAFF,
            User.staff_center_id.in_(centers) | (User.staff_district_id == audience_id),
        )
    elif audience == "municipality":
        districts = select(District.id).where(District.municipality_id == audience_id)
        query = query.where(User.district_id.in_(districts))
    elif audience != "all":
        raise ValueError(f"unknown audience {audience}")
    return query


class AnnouncementRepository(Repository[Announcement]):
    model = Announcement

    async def recipients(self, audience: str, audience_id: int | None, kind: str) -> Select[Any]:
        """The audience's Telegram ids; those of a vote or a project depend on its row."""
        from storage.models import Project, Vote
        from storage.repositories.votes import lives_in, project_people, voters_of

        if audience not in (
            "vote",
            "vote-waiting",
            "vote-voters",
            "project",
            "reception",
            "rental",
            "guests",
            "guests-coming",
            *GATHERING,
        ):
            return audience_query(audience, audience_id, kind)
        query = audience_query("all", None, kind)
        if audience == "rental":  # the one who has the item (an overdue return)
            from storage.models import Rental

            holder = select(Rental.user_id).where(Rental.id == audience_id)
            return query.where(User.id.in_(holder))
        if audience == "reception":  # those booked for it
            from storage.models import Booking

            booked = select(Booking.user_id).where(
                Booking.reception_id == audience_id, Booking.live
            )
            return query.where(User.id.in_(booked))
        if audience in ("guests", "guests-coming"):  # the city's: its list; those coming
            from storage.models import CityInvitation
            from storage.repositories.recognition import coming_to, invited_to

            invitation = await self.session.get(CityInvitation, audience_id)
            if invitation is None:
                return query.where(false())
            if audience == "guests":
                return query.where(invited_to(invitation))
            return query.where(User.id.in_(coming_to(invitation.id)))
        if audience in GATHERING:
            from storage.repositories.gatherings import going, invited

            gathering = await self.session.get(Gathering, audience_id)
            if gathering is None:
                return query.where(false())
            if audience == "gathering":  # the residents of its territory, not the elder
                return query.where(invited(gathering))
            return query.where(User.id.in_(going(gathering.id)))
        if audience == "project":
            project = await self.session.get(Project, audience_id)
            return query.where(project_people(project) if project else false())
        if audience == "vote-voters":  # the results: to everyone who voted
            return query.where(User.id.in_(voters_of(audience_id or 0)))
        vote = await self.session.get(Vote, audience_id)
        if vote is None:
            return query.where(false())
        query = query.where(lives_in(vote))
        if audience == "vote-waiting":  # the reminder: to those who have not voted yet
            query = query.where(User.id.not_in(voters_of(vote.id)))
        return query

    async def audience_size(self, audience: str, audience_id: int | None, kind: str) -> int:
        inner = (await self.recipients(audience, audience_id, kind)).subquery()
        return int(await self.session.scalar(select(func.count()).select_from(inner)) or 0)

    async def recent(self, author_id: int | None, limit: int = 10) -> Sequence[Announcement]:
        """The latest announcements (of one author, or all for admins)."""
        query = select(Announcement).order_by(Announcement.id.desc()).limit(limit)
        if author_id is not None:
            query = query.where(Announcement.author_id == author_id)
        return (await self.session.execute(query)).scalars().all()

    async def claim_due(self, now: datetime) -> Sequence[Announcement]:
        """Scheduled announcements whose time has come, locked for this transaction: another
        process skips them, and sees them no longer scheduled once this one commits."""
        result = await self.session.execute(
            select(Announcement)
            .where(Announcement.status == AnnouncementStatus.SCHEDULED, Announcement.send_at <= now)
            .order_by(Announcement.id)
            .with_for_update(skip_locked=True)
        )
        return result.scalars().all()

    async def materialize(self, announcement: Announcement) -> int:
        """Write one outbox row per recipient (a single INSERT … SELECT) and start sending."""
        now = datetime.now(UTC)
        recipients = (
            await self.recipients(
                announcement.audience, announcement.audience_id, announcement.kind
            )
        ).subquery()
        source = select(
            literal(announcement.id).label("announcement_id"),
            recipients.c[0].label("chat_id"),
            literal(OutboxStatus.PENDING.value).label("status"),
            literal(0).label("attempts"),
            literal(now, Announcement.send_at.type).label("next_attempt_at"),
        )
        await self.session.execute(
            insert(Outbox).from_select(
                ["announcement_id", "chat_id", "status", "attempts", "next_attempt_at"], source
            )
        )
        total = await self.session.scalar(
            select(func.count())
            .select_from(Outbox)
            .where(Outbox.announcement_id == announcement.id)
        )
        announcement.total = int(total or 0)
        announcement.status = AnnouncementStatus.SENDING
        announcement.started_at = now
        return announcement.total

    async def counts(self, announcement_id: int) -> dict[OutboxStatus, int]:
        rows = await self.session.execute(
            select(Outbox.status, func.count())
            .where(Outbox.announcement_id == announcement_id)
            .group_by(Outbox.status)
        )
        return {OutboxStatus(status): n for status, n in rows.all()}

    async def waiting_for_telegram(self, announcement_id: int) -> bool:
        """Whether some of its messages are waiting for Telegram to be reachable again."""
        found = await self.session.scalar(
            select(Outbox.id)
            .where(
                Outbox.announcement_id == announcement_id,
                Outbox.status == OutboxStatus.PENDING,
                Outbox.failing_since.is_not(None),
            )
            .limit(1)
        )
        return found is not None

    async def stop(self, announcement: Announcement) -> bool:
        """Stop a scheduled or running announcement; False if it had already ended."""
        result = await self.session.execute(
            update(Announcement)
            .where(
                Announcement.id == announcement.id,
                Announcement.status.in_((AnnouncementStatus.SCHEDULED, AnnouncementStatus.SENDING)),
            )
            .values(status=AnnouncementStatus.STOPPED, finished_at=datetime.now(UTC))
            .execution_options(synchronize_session="fetch")
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]
