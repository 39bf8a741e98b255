"""Consultations: receptions of a center and the residents' bookings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, false, func, insert, literal, or_, select, update

from storage.models import Booking, Reception, SpecialistAccess, User, UTCDateTime
from storage.repositories.base import Repository, count_rows
from storage.repositories.clubs import write_turn


def _coming(
    now: datetime, center_ids: Sequence[int], specialists: Sequence[tuple[int, str]] | None = None
) -> list[ColumnElement[bool]]:
    where = [
        Reception.center_id.in_(center_ids),
        Reception.starts_at > now,
        Reception.cancelled_at.is_(None),
    ]
    if specialists is not None:
        where.append(
            or_(
                false(),
                *(
                    (Reception.center_id == center_id) & (Reception.specialist == name)
                    for center_id, name in specialists
                ),
            )
        )
    return where


class ReceptionRepository(Repository[Reception]):
    model = Reception

    async def upcoming(
        self,
        now: datetime,
        center_ids: Sequence[int],
        offset: int = 0,
        limit: int = 20,
        specialists: Sequence[tuple[int, str]] | None = None,
    ) -> list[tuple[Reception, int]]:
        """A page of the centers' coming receptions, soonest first, each with how many are
        booked; `specialists` narrows them to these (center, specialist as typed) pairs."""
        booked = (
            select(func.count())
            .select_from(Booking)
            .where(Booking.reception_id == Reception.id, Booking.live)
            .correlate(Reception)
            .scalar_subquery()
        )
        result = await self.session.execute(
            select(Reception, booked)
            .where(*_coming(now, center_ids, specialists))
            .order_by(Reception.starts_at, Reception.id)
            .offset(offset)
            .limit(limit)
        )
        return [(reception, int(count)) for reception, count in result.all()]

    async def count_upcoming(
        self,
        now: datetime,
        center_ids: Sequence[int],
        specialists: Sequence[tuple[int, str]] | None = None,
    ) -> int:
        return await count_rows(self.session, *_coming(now, center_ids, specialists))

    async def specialists_coming(
        self, now: datetime, center_ids: Sequence[int]
    ) -> Sequence[tuple[int, str]]:
        """Who receives at these centers from now on: (center, specialist as typed) pairs."""
        result = await self.session.execute(
            select(Reception.center_id, Reception.specialist)
            .where(*_coming(now, center_ids))
            .distinct()
        )
        return [(center_id, name) for center_id, name in result.all()]

    async def booked(self, reception_id: int) -> int:
        return int(
            await self.session.scalar(
                select(func.count())
                .select_from(Booking)
                .where(Booking.reception_id == reception_id, Booking.live)
            )
            or 0
        )

    async def booking(self, booking_id: int) -> Booking | None:
        return await self.session.get(Booking, booking_id)

    async def booking_of(self, reception_id: int, user_id: int) -> Booking | None:
        return await self.session.scalar(
            select(Booking).where(
                Booking.reception_id == reception_id, Booking.user_id == user_id, Booking.live
            )
        )

    async def bookings(self, reception_id: int) -> Sequence[tuple[Booking, str | None]]:
        result = await self.session.execute(
            select(Booking, User.full_name)
            .outerjoin(User, User.id == Booking.user_id)
            .where(Booking.reception_id == reception_id, Booking.live)
            .order_by(Booking.id)
        )
        return [(b, name) for b, name in result.all()]

    async def book(
        self, reception: Reception, user_id: int, question: str | None, now: datetime
    ) -> int | None:
        """A place if one is free — decided by the database in one statement after a row lock
        on the reception (PostgreSQL) or the process's write turn (SQLite), so that two residents
        tapping at once for the last place leave exactly one booking. None: no place left."""
        async with write_turn(self.session):
            await self.session.execute(
                select(Reception.id).where(Reception.id == reception.id).with_for_update()
            )
            taken = (
                select(func.count())
                .select_from(Booking)
                .where(Booking.reception_id == reception.id, Booking.live)
                .scalar_subquery()
            )
            source = select(
                literal(reception.id).label("reception_id"),
                literal(user_id).label("user_id"),
                literal(question).label("question"),
                literal(True).label("live"),
                literal(now, UTCDateTime()).label("created_at"),
            ).where(taken < reception.places)
            result = await self.session.execute(
                insert(Booking)
                .from_select(["reception_id", "user_id", "question", "live", "created_at"], source)
                .returning(Booking.id)
            )
            booking_id = result.scalar()
            await self.session.commit()
            return booking_id

    async def cancel(self, booking: Booking, now: datetime) -> None:
        await self.session.execute(
            update(Booking).where(Booking.id == booking.id).values(live=False, cancelled_at=now)
        )

    async def to_remind(self, since: datetime, until: datetime) -> Sequence[Reception]:
        result = await self.session.execute(
            select(Reception).where(
                Reception.starts_at > since,
                Reception.starts_at <= until,
                Reception.reminded_at.is_(None),
                Reception.cancelled_at.is_(None),
            )
        )
        return result.scalars().all()

    # --- A specialist's access to the bookings of their receptions ---------------------------

    async def add_access(self, access: SpecialistAccess) -> SpecialistAccess:
        self.session.add(access)
        await self.session.flush()
        return access

    async def access_by_token(self, token: str) -> SpecialistAccess | None:
        return await self.session.scalar(
            select(SpecialistAccess).where(SpecialistAccess.token == token)
        )

    async def open_accesses(self, center_id: int, key: str) -> Sequence[SpecialistAccess]:
        """Not closed: links given (opened or not) for this specialist at this center."""
        result = await self.session.execute(
            select(SpecialistAccess)
            .where(
                SpecialistAccess.center_id == center_id,
                SpecialistAccess.specialist_key == key,
                SpecialistAccess.closed_at.is_(None),
            )
            .order_by(SpecialistAccess.id)
        )
        return result.scalars().all()

    async def accesses_of(self, user_id: int) -> Sequence[SpecialistAccess]:
        """The specialist's open accesses, as they are now (a closed one is gone at once)."""
        result = await self.session.execute(
            select(SpecialistAccess).where(
                SpecialistAccess.user_id == user_id, SpecialistAccess.closed_at.is_(None)
            )
        )
        return result.scalars().all()
