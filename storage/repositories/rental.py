"""Sports-equipment rental: a center's items and the residents' bookings of them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, insert, literal, select

from storage.models import Rental, RentalItem, RentalStatus, User, UTCDateTime
from storage.repositories.base import Repository, count_rows
from storage.repositories.clubs import write_turn

HELD = (RentalStatus.BOOKED, RentalStatus.ISSUED)  # an item taken for its window


class RentalRepository(Repository[RentalItem]):
    model = RentalItem

    async def items(self, center_id: int) -> Sequence[RentalItem]:
        result = await self.session.execute(
            select(RentalItem)
            .where(RentalItem.center_id == center_id, RentalItem.active)
            .order_by(RentalItem.name)
        )
        return result.scalars().all()

    async def held(self, item_id: int, starts_at: datetime, ends_at: datetime) -> int:
        """How many of the item are booked or out during the window."""
        return int(
            await self.session.scalar(
                select(func.count())
                .select_from(Rental)
                .where(
                    Rental.item_id == item_id,
                    Rental.status.in_(HELD),
                    Rental.starts_at < ends_at,
                    Rental.ends_at > starts_at,
                )
            )
            or 0
        )

    async def rental(self, rental_id: int) -> Rental | None:
        return await self.session.get(Rental, rental_id)

    async def book(
        self, item: RentalItem, user_id: int, starts_at: datetime, ends_at: datetime, now: datetime
    ) -> int | None:
        """One of the item for the window if one is free then — counted and inserted in one
        statement after a row lock on the item (PostgreSQL) or the process's write turn (SQLite),
        so the free count never goes below zero. None: none left for that window."""
        async with write_turn(self.session):
            await self.session.execute(
                select(RentalItem.id).where(RentalItem.id == item.id).with_for_update()
            )
            taken = (
                select(func.count())
                .select_from(Rental)
                .where(
                    Rental.item_id == item.id,
                    Rental.status.in_(HELD),
                    Rental.starts_at < ends_at,
                    Rental.ends_at > starts_at,
                )
                .scalar_subquery()
            )
            source = select(
                literal(item.id).label("item_id"),
                literal(user_id).label("user_id"),
                literal(starts_at, UTCDateTime()).label("starts_at"),
                literal(ends_at, UTCDateTime()).label("ends_at"),
                literal(RentalStatus.BOOKED.value).label("status"),
                literal(now, UTCDateTime()).label("created_at"),
            ).where(taken < item.quantity)
            result = await self.session.execute(
                insert(Rental)
                .from_select(
                    ["item_id", "user_id", "starts_at", "ends_at", "status", "created_at"], source
                )
                .returning(Rental.id)
            )
            rental_id = result.scalar()
            await self.session.commit()
            return rental_id

    async def held_of_center(
        self, center_id: int, offset: int, limit: int
    ) -> Sequence[tuple[Rental, str, str | None]]:
        """A page of the center's booked and issued items, the earliest first, with the item's
        name and the person's."""
        result = await self.session.execute(
            select(Rental, RentalItem.name, User.full_name)
            .join(RentalItem, RentalItem.id == Rental.item_id)
            .outerjoin(User, User.id == Rental.user_id)
            .where(RentalItem.center_id == center_id, Rental.status.in_(HELD))
            .order_by(Rental.starts_at, Rental.id)
            .offset(offset)
            .limit(limit)
        )
        return [(r, name, person) for r, name, person in result.all()]

    async def count_held_of_center(self, center_id: int) -> int:
        held = select(RentalItem.id).where(RentalItem.center_id == center_id)
        return await count_rows(self.session, Rental.item_id.in_(held), Rental.status.in_(HELD))

    async def of_user(self, user_id: int) -> Sequence[tuple[Rental, str]]:
        result = await self.session.execute(
            select(Rental, RentalItem.name)
            .join(RentalItem, RentalItem.id == Rental.item_id)
            .where(Rental.user_id == user_id, Rental.status.in_(HELD))
            .order_by(Rental.starts_at)
        )
        return [(r, name) for r, name in result.all()]

    async def overdue(self, now: datetime) -> Sequence[tuple[Rental, str]]:
        result = await self.session.execute(
            select(Rental, RentalItem.name)
            .join(RentalItem, RentalItem.id == Rental.item_id)
            .where(
                Rental.status == RentalStatus.ISSUED,
                Rental.ends_at < now,
                Rental.reminded_at.is_(None),
            )
        )
        return [(r, name) for r, name in result.all()]
