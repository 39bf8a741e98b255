"""Clubs, events and their sign-ups. Taking and giving back a place are single guarded statements
so that two people racing for the last place never both get it."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    delete,
    event,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from storage.db import on_commit
from storage.models import (
    Attendance,
    Club,
    Event,
    Reminder,
    SessionCancellation,
    Signup,
    SignupStatus,
    User,
    UTCDateTime,
)
from storage.repositories.base import count_rows

LIVE = (SignupStatus.ENROLLED, SignupStatus.WAITING)


def _events(
    center_ids: Sequence[int], after: datetime, include_closed: bool
) -> list[ColumnElement[bool]]:
    where = [Event.center_id.in_(center_ids), Event.starts_at > after]
    return where if include_closed else [*where, Event.active.is_(True)]


# SQLite has one writer at a time and makes the others sleep and retry; queuing this process's
# place-taking writes here instead keeps a rush on one club fast. (PostgreSQL locks the row.)
_sqlite_writes: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
    weakref.WeakKeyDictionary()
)


@asynccontextmanager
async def write_turn(session: AsyncSession) -> AsyncIterator[None]:
    """One «take the last place» write at a time in this process on SQLite (the row lock does it
    on PostgreSQL): a club's or a reception's count and the insert are then never interleaved."""
    bind = session.bind
    if bind is not None and bind.dialect.name == "sqlite":
        lock = _sqlite_writes.setdefault(asyncio.get_running_loop(), asyncio.Lock())
        async with lock:
            yield
    else:
        yield


class ClubCounts:
    """How many clubs each center runs, for the center's card — the screen residents open most,
    while the number changes a few times a year. Forgotten whenever a commit adds, closes or
    changes a club; exact in one process, so used only on SQLite, as the user cache is."""

    def __init__(self) -> None:
        self._per_center: dict[int, int] = {}
        self.changes = 0  # a count read before a change is not kept (see keep)

    def get(self, center_id: int) -> int | None:
        return self._per_center.get(center_id)

    def keep(self, center_id: int, count: int, changes_before_read: int) -> None:
        if self.changes == changes_before_read:
            self._per_center[center_id] = count

    def forget(self) -> None:
        self.changes += 1
        self._per_center.clear()


CLUB_COUNTS = "club_counts"  # session.info: the counts a commit changing clubs must forget


@event.listens_for(Session, "before_flush")
def _forget_counts_of_changed_clubs(session: Session, *_: Any) -> None:
    counts: ClubCounts | None = session.info.get(CLUB_COUNTS)
    changed = (*session.new, *session.dirty, *session.deleted)
    if counts is not None and any(isinstance(o, Club) for o in changed):
        on_commit(session, counts.forget)


@dataclass(frozen=True)
class Taken:
    signup_id: int
    enrolled: bool
    position: int  # on the waiting list; 0 when enrolled


class ClubRepository:
    def __init__(self, session: AsyncSession, counts: ClubCounts | None = None) -> None:
        self.session = session
        self.center_counts = counts
        if counts is not None:
            session.info[CLUB_COUNTS] = counts

    def add(self, item: Club | Event) -> None:
        self.session.add(item)

    # --- catalogue -------------------------------------------------------------------------
    async def clubs(
        self,
        center_ids: Sequence[int],
        category: str | None = None,
        age_groups: Sequence[str] | None = None,
        include_closed: bool = False,
    ) -> Sequence[Club]:
        query = select(Club).where(Club.center_id.in_(center_ids))
        if not include_closed:
            query = query.where(Club.active)
        if category:
            query = query.where(Club.category == category)
        if age_groups:
            query = query.where(Club.age_group.in_(age_groups))
        result = await self.session.execute(query.order_by(Club.name))
        return result.scalars().all()

    async def club(self, club_id: int) -> Club | None:
        return await self.session.get(Club, club_id)

    async def event(self, event_id: int) -> Event | None:
        return await self.session.get(Event, event_id)

    async def events(
        self,
        center_ids: Sequence[int],
        after: datetime,
        include_closed: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> Sequence[Event]:
        """The centers' events after a time, soonest first (a page of them, given `limit`)."""
        query = (
            select(Event)
            .where(*_events(center_ids, after, include_closed))
            .order_by(Event.starts_at, Event.id)
            .offset(offset)
            .limit(limit)
        )
        return (await self.session.execute(query)).scalars().all()

    async def count_events(self, center_ids: Sequence[int], after: datetime) -> int:
        return await count_rows(self.session, *_events(center_ids, after, include_closed=False))

    async def counts(
        self, *, club_id: int | None = None, event_id: int | None = None
    ) -> tuple[int, int]:
        """(enrolled, waiting) of a club or an event."""
        if club_id:
            return (await self.live_counts(club_ids=[club_id])).get(("club", club_id), (0, 0))
        found = await self.live_counts(event_ids=[event_id or 0])
        return found.get(("event", event_id or 0), (0, 0))

    async def live_counts(
        self, *, club_ids: Sequence[int] = (), event_ids: Sequence[int] = ()
    ) -> dict[tuple[str, int], tuple[int, int]]:
        """(enrolled, waiting) of each club ("club", id) and event ("event", id), in one query."""
        rows = await self.session.execute(
            select(Signup.club_id, Signup.event_id, Signup.status, func.count())
            .where(
                or_(Signup.club_id.in_(club_ids), Signup.event_id.in_(event_ids)),
                Signup.status.in_(LIVE),
            )
            .group_by(Signup.club_id, Signup.event_id, Signup.status)
        )
        counts: dict[tuple[str, int], tuple[int, int]] = {}
        for club_id, event_id, status, n in rows.all():
            key = ("club", club_id) if club_id else ("event", event_id or 0)
            enrolled, waiting = counts.get(key, (0, 0))
            counts[key] = (
                (enrolled + n, waiting)
                if status is SignupStatus.ENROLLED
                else (enrolled, waiting + n)
            )
        return counts

    async def club_counts(self, club_ids: Sequence[int]) -> dict[int, int]:
        """Enrolled members per club."""
        counts = await self.live_counts(club_ids=club_ids)
        return {club_id: enrolled for (_, club_id), (enrolled, _) in counts.items()}

    async def clubs_per_center(self, center_id: int) -> int:
        cache = self.center_counts
        known = cache.get(center_id) if cache else None
        if known is not None:
            return known
        changes = cache.changes if cache else 0
        count = int(
            await self.session.scalar(
                select(func.count())
                .select_from(Club)
                .where(Club.center_id == center_id, Club.active)
            )
            or 0
        )
        if cache is not None:
            cache.keep(center_id, count, changes)
        return count

    # --- places ------------------------------------------------------------------------------
    async def live_signup(
        self, user_id: int, who: str, *, club_id: int | None = None, event_id: int | None = None
    ) -> Signup | None:
        target = Signup.club_id == club_id if club_id else Signup.event_id == event_id
        result = await self.session.execute(
            select(Signup).where(
                target, Signup.user_id == user_id, Signup.who == who, Signup.status.in_(LIVE)
            )
        )
        return result.scalars().first()

    async def take_place(
        self,
        user_id: int | None,
        who: str,
        child_name: str | None,
        child_age: int | None,
        *,
        club: Club | None = None,
        event: Event | None = None,
        entered_by: int | None = None,
        caller_id: int | None = None,
    ) -> Taken:
        """A place if one is free, else the end of the waiting list — decided by the database in
        one statement (a row lock first on PostgreSQL), and committed at once. `entered_by`:
        staff signing up someone who phoned (`caller_id`: a person without the bot)."""
        async with write_turn(self.session):
            return await self._take_place(
                user_id, who, child_name, child_age, club, event, entered_by, caller_id
            )

    async def _take_place(
        self,
        user_id: int | None,
        who: str,
        child_name: str | None,
        child_age: int | None,
        club: Club | None,
        event: Event | None,
        entered_by: int | None = None,
        caller_id: int | None = None,
    ) -> Taken:
        capacity = club.capacity if club else event.capacity  # type: ignore[union-attr]
        owner_column = Signup.club_id if club else Signup.event_id
        owner_id = club.id if club else event.id  # type: ignore[union-attr]
        owner_table = Club if club else Event
        await self.session.execute(
            select(owner_table.id).where(owner_table.id == owner_id).with_for_update()
        )
        enrolled = (
            select(func.count())
            .select_from(Signup)
            .where(owner_column == owner_id, Signup.status == SignupStatus.ENROLLED)
            .scalar_subquery()
        )
        status = case(
            (enrolled < capacity, literal(SignupStatus.ENROLLED.value)),
            else_=literal(SignupStatus.WAITING.value),
        )
        now = datetime.now(UTC)
        source = select(
            literal(club.id if club else None).label("club_id"),
            literal(event.id if event else None).label("event_id"),
            literal(user_id).label("user_id"),
            literal(who).label("who"),
            literal(child_name).label("child_name"),
            literal(child_age).label("child_age"),
            status.label("status"),
            literal(now, UTCDateTime()).label("created_at"),
        )
        columns = [
            "club_id",
            "event_id",
            "user_id",
            "who",
            "child_name",
            "child_age",
            "status",
            "created_at",
        ]
        result = await self.session.execute(
            insert(Signup).from_select(columns, source).returning(Signup.id, Signup.status)
        )
        signup_id, taken_status = result.one()
        if entered_by is not None:
            await self.session.execute(
                update(Signup)
                .where(Signup.id == signup_id)
                .values(entered_by=entered_by, caller_id=caller_id)
            )
        await self.session.commit()
        if SignupStatus(taken_status) is SignupStatus.ENROLLED:
            return Taken(signup_id, True, 0)
        return Taken(signup_id, False, await self.waiting_position(signup_id))

    async def waiting_position(self, signup_id: int) -> int:
        signup = await self.session.get(Signup, signup_id)
        if signup is None or signup.status is not SignupStatus.WAITING:
            return 0
        owner = (
            Signup.club_id == signup.club_id
            if signup.club_id
            else Signup.event_id == signup.event_id
        )
        ahead = await self.session.scalar(
            select(func.count())
            .select_from(Signup)
            .where(owner, Signup.status == SignupStatus.WAITING, Signup.id < signup.id)
        )
        return int(ahead or 0) + 1

    async def give_back(self, signup: Signup) -> Signup | None:
        """Cancel a place; the first on the waiting list moves up if a place is now free.
        Returns the promoted sign-up (committed together with the cancellation)."""
        async with write_turn(self.session):
            return await self._give_back(signup)

    async def _give_back(self, signup: Signup) -> Signup | None:
        club = await self.club(signup.club_id) if signup.club_id else None
        event = await self.event(signup.event_id) if signup.event_id else None
        owner_table = Club if club else Event
        owner_id = signup.club_id or signup.event_id
        await self.session.execute(
            select(owner_table.id).where(owner_table.id == owner_id).with_for_update()
        )
        signup.status = SignupStatus.CANCELLED
        signup.cancelled_at = datetime.now(UTC)
        await self.session.flush()
        promoted = await self.promote(club=club, event=event)
        await self.session.commit()
        return promoted[0] if promoted else None

    async def promote(
        self, *, club: Club | None = None, event: Event | None = None
    ) -> list[Signup]:
        """Fill free places from the waiting list, oldest first."""
        owner_column = Signup.club_id if club else Signup.event_id
        owner_id = club.id if club else event.id  # type: ignore[union-attr]
        capacity = club.capacity if club else event.capacity  # type: ignore[union-attr]
        enrolled, _ = await self.counts(
            club_id=club.id if club else None, event_id=event.id if event else None
        )
        free = capacity - enrolled
        if free <= 0:
            return []
        result = await self.session.execute(
            select(Signup)
            .where(owner_column == owner_id, Signup.status == SignupStatus.WAITING)
            .order_by(Signup.id)
            .limit(free)
        )
        promoted = list(result.scalars())
        for signup in promoted:
            signup.status = SignupStatus.ENROLLED
        await self.session.flush()
        return promoted

    async def signup(self, signup_id: int) -> Signup | None:
        return await self.session.get(Signup, signup_id)

    async def of_user(self, user_id: int, offset: int, limit: int) -> Sequence[Signup]:
        """A page of a person's live sign-ups, oldest first."""
        result = await self.session.execute(
            select(Signup)
            .where(Signup.user_id == user_id, Signup.status.in_(LIVE))
            .order_by(Signup.id)
            .offset(offset)
            .limit(limit)
        )
        return result.scalars().all()

    async def count_of_user(self, user_id: int) -> int:
        return await count_rows(self.session, Signup.user_id == user_id, Signup.status.in_(LIVE))

    async def members(
        self, *, club_id: int | None = None, event_id: int | None = None
    ) -> Sequence[Signup]:
        """Live sign-ups: the enrolled first, then the waiting list in order."""
        return [s for s, _ in await self.members_named(club_id=club_id, event_id=event_id)]

    async def members_named(
        self, *, club_id: int | None = None, event_id: int | None = None, enrolled: bool = False
    ) -> list[tuple[Signup, str | None]]:
        """Live sign-ups (or the enrolled alone), the enrolled first, then the waiting list in
        order, each with the name its person gave (one query)."""
        target = Signup.club_id == club_id if club_id else Signup.event_id == event_id
        statuses = (SignupStatus.ENROLLED,) if enrolled else LIVE
        result = await self.session.execute(
            select(Signup, User.full_name)
            .outerjoin(User, User.id == Signup.user_id)
            .where(target, Signup.status.in_(statuses))
            .order_by(case((Signup.status == SignupStatus.ENROLLED, 0), else_=1), Signup.id)
        )
        return [(signup, name) for signup, name in result.all()]

    # --- sessions ----------------------------------------------------------------------------
    async def cancelled_sessions(self, club_id: int, after: datetime) -> set[datetime]:
        result = await self.session.execute(
            select(SessionCancellation.starts_at).where(
                SessionCancellation.club_id == club_id, SessionCancellation.starts_at > after
            )
        )
        return set(result.scalars())

    async def cancel_session(self, club_id: int, starts_at: datetime) -> bool:
        exists = await self.session.scalar(
            select(SessionCancellation.id).where(
                SessionCancellation.club_id == club_id, SessionCancellation.starts_at == starts_at
            )
        )
        if exists:
            return False
        self.session.add(SessionCancellation(club_id=club_id, starts_at=starts_at))
        return True

    async def attendance(self, club_id: int, starts_at: datetime) -> dict[int, bool]:
        result = await self.session.execute(
            select(Attendance.signup_id, Attendance.present).where(
                Attendance.club_id == club_id, Attendance.starts_at == starts_at
            )
        )
        return dict(result.all())

    async def toggle_attendance(self, club_id: int, starts_at: datetime, signup_id: int) -> bool:
        result = await self.session.execute(
            select(Attendance).where(
                and_(
                    Attendance.club_id == club_id,
                    Attendance.starts_at == starts_at,
                    Attendance.signup_id == signup_id,
                )
            )
        )
        row = result.scalars().first()
        if row is None:
            row = Attendance(
                club_id=club_id, starts_at=starts_at, signup_id=signup_id, present=True
            )
            self.session.add(row)
        else:
            row.present = not row.present
        await self.session.flush()  # the redrawn checklist reads it back
        return row.present

    async def close_club(self, club: Club) -> Sequence[Signup]:
        """Close a club: it takes no sign-ups, its live places end. Returns who to tell."""
        club.active = False
        members = await self.members(club_id=club.id)
        await self.session.execute(
            update(Signup)
            .where(Signup.club_id == club.id, Signup.status.in_(LIVE))
            .values(status=SignupStatus.CANCELLED, cancelled_at=datetime.now(UTC))
        )
        return members

    async def close_event(self, event: Event) -> Sequence[Signup]:
        event.active = False
        members = await self.members(event_id=event.id)
        await self.session.execute(
            update(Signup)
            .where(Signup.event_id == event.id, Signup.status.in_(LIVE))
            .values(status=SignupStatus.CANCELLED, cancelled_at=datetime.now(UTC))
        )
        return members

    async def drop_unsent_club_reminders(self, user_id: int) -> None:
        club_signups = select(Signup.id).where(
            Signup.user_id == user_id, Signup.club_id.is_not(None)
        )
        await self.session.execute(
            delete(Reminder).where(Reminder.signup_id.in_(club_signups), Reminder.sent.is_(False))
        )

    async def drop_unsent_reminders_of_club(self, club_id: int) -> None:
        signups = select(Signup.id).where(Signup.club_id == club_id)
        await self.session.execute(
            delete(Reminder).where(Reminder.signup_id.in_(signups), Reminder.sent.is_(False))
        )

    async def drop_reminders_of_session(self, club_id: int, starts_at: datetime) -> None:
        ids = select(Signup.id).where(Signup.club_id == club_id)
        await self.session.execute(
            delete(Reminder).where(
                Reminder.signup_id.in_(ids),
                Reminder.starts_at == starts_at,
                Reminder.sent.is_(False),
            )
        )
