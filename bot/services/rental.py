"""Sports-equipment rental: the center's inventory, a resident's booking of one item for a time
window, staff marking it issued and returned (no Telegram here)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from bot.permissions import Actor, may_run_center
from bot.services.validation import InputError, parse_count, parse_text
from storage.models import Rental, RentalItem, RentalStatus, User
from storage.repositories.rental import RentalRepository

WINDOWS = ((10, 12), (12, 14), (14, 16), (16, 18), (18, 20))  # local hours, as buttons
MAX_QUANTITY = 500


def parse_item_name(text: str | None) -> str:
    return parse_text(text, max_len=100, min_len=2, letters=True)


def parse_quantity(text: str | None) -> int:
    return parse_count(text or "", 1, MAX_QUANTITY)


async def add_item(rental: RentalRepository, center_id: int, text: str | None) -> RentalItem:
    """«Мяч волейбольный, 5»: what the center has to lend, and how many."""
    name, _, quantity = (text or "").rpartition(",")
    return await rental.add(
        RentalItem(
            center_id=center_id, name=parse_item_name(name), quantity=parse_quantity(quantity)
        )
    )


def window(day: date, start_hour: int, tz: tzinfo, now: datetime) -> tuple[datetime, datetime]:
    hours = dict(WINDOWS)
    if start_hour not in hours:
        raise InputError("button-stale")
    starts = datetime.combine(day, time(start_hour), tzinfo=tz).astimezone(UTC)
    ends = datetime.combine(day, time(hours[start_hour]), tzinfo=tz).astimezone(UTC)
    if ends <= now:
        raise InputError("rental-past")
    if starts > now + timedelta(days=14):
        raise InputError("rental-too-far")
    return starts, ends


async def book(
    rental: RentalRepository,
    item: RentalItem | None,
    user: User,
    starts: datetime,
    ends: datetime,
    now: datetime,
) -> int:
    if item is None or not item.active:
        raise InputError("button-stale")
    if not user.has_consent:
        raise InputError("reception-need-district")
    rental_id = await rental.book(item, user.id, starts, ends, now)
    if rental_id is None:
        raise InputError("rental-none-free")
    return rental_id


def may_keep(actor: Actor, item: RentalItem | None) -> RentalItem:
    if item is None:
        raise InputError("button-stale")
    if not may_run_center(actor, item.center_id):
        raise InputError("reception-not-yours")
    return item


def change(rental: Rental, to: RentalStatus, now: datetime) -> None:
    """Booked → issued → returned (or a booking cancelled); anything else is a stale button."""
    allowed = {
        RentalStatus.ISSUED: (RentalStatus.BOOKED,),
        RentalStatus.RETURNED: (RentalStatus.ISSUED,),
        RentalStatus.CANCELLED: (RentalStatus.BOOKED,),
    }
    if rental.status not in allowed[to]:
        raise InputError("rental-already", status=rental.status.value)
    rental.status = to
    if to is RentalStatus.ISSUED:
        rental.issued_at = now
    elif to is RentalStatus.RETURNED:
        rental.returned_at = now
