"""Consultations at a center: staff publish receptions, residents book a place (with a question
for the specialist if they like), cancel, and staff mark who came (no Telegram here)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from datetime import datetime

from bot.permissions import Actor, may_run_center, may_see_bookings
from bot.services.validation import InputError, parse_count, parse_text
from storage.models import Booking, Reception, SpecialistAccess, User
from storage.repositories.audit import AuditRepository
from storage.repositories.receptions import ReceptionRepository

LENGTHS = (15, 20, 30, 45, 60)  # minutes, as buttons
MAX_PLACES = 50
MAX_QUESTION = 1000


def parse_specialist(text: str | None) -> str:
    return parse_text(text, max_len=100, min_len=3, letters=True)


def parse_topic(text: str | None) -> str:
    return parse_text(text, max_len=150, min_len=3, letters=True)


def parse_places(text: str | None) -> int:
    return parse_count(text or "", 1, MAX_PLACES)


def parse_question(text: str | None) -> str:
    return parse_text(text, max_len=MAX_QUESTION, min_len=3)


async def create_reception(
    receptions: ReceptionRepository,
    audit: AuditRepository,
    actor: Actor,
    draft: dict[str, object],
    now: datetime,
) -> Reception:
    center_id = actor.center_id
    if center_id is None or not may_run_center(actor, center_id):
        raise InputError("reception-staff-only")
    starts_at = datetime.fromisoformat(str(draft["starts_at"]))
    if starts_at <= now:
        raise InputError("gather-in-past")
    reception = Reception(
        center_id=center_id,
        specialist=str(draft["specialist"]),
        topic=str(draft["topic"]),
        starts_at=starts_at,
        minutes=int(str(draft["minutes"])),
        places=int(str(draft["places"])),
        created_by=actor.id,
        created_at=now,
    )
    await receptions.add(reception)
    await audit.write(actor.id, "reception.create", None, reception=reception.id)
    return reception


def is_open(reception: Reception, now: datetime) -> bool:
    return reception.cancelled_at is None and reception.starts_at > now


async def book(
    receptions: ReceptionRepository,
    reception: Reception,
    user: User,
    question: str | None,
    now: datetime,
) -> int:
    """A place for the user; refused when the reception is over or cancelled, already booked by
    them, or full (the last place goes to exactly one of two at once)."""
    if not is_open(reception, now):
        raise InputError("reception-closed")
    if not user.has_consent:
        raise InputError("reception-need-district")
    if await receptions.booking_of(reception.id, user.id) is not None:
        raise InputError("reception-already")
    booking_id = await receptions.book(reception, user.id, question, now)
    if booking_id is None:
        raise InputError("reception-full")
    return booking_id


async def cancel(
    receptions: ReceptionRepository, reception: Reception, user: User, now: datetime
) -> None:
    booking = await receptions.booking_of(reception.id, user.id)
    if booking is None:
        raise InputError("reception-not-booked")
    if not is_open(reception, now):
        raise InputError("reception-closed")
    await receptions.cancel(booking, now)


def may_look_after(actor: Actor, reception: Reception | None) -> Reception:
    """The center's staff (and the admins over it) see the bookings and mark who came."""
    if reception is None:
        raise InputError("button-stale")
    if not may_run_center(actor, reception.center_id):
        raise InputError("reception-not-yours")
    return reception


def mark(booking: Booking | None, reception: Reception, came: bool) -> Booking:
    if booking is None or booking.reception_id != reception.id or not booking.live:
        raise InputError("button-stale")
    booking.came = came
    return booking


# --- A specialist's own bookings ------------------------------------------------------------------


async def receptions_of_specialist(
    receptions: ReceptionRepository, accesses: Sequence[SpecialistAccess], now: datetime
) -> list[tuple[int, str]]:
    """Under which names, at which centers, the specialist of these accesses receives from now
    on: staff may have typed one person's name in several ways."""
    keys = {(a.center_id, a.specialist_key) for a in accesses}
    found = await receptions.specialists_coming(now, [center_id for center_id, _ in keys])
    return [(c, name) for c, name in found if (c, specialist_key(name)) in keys]


def specialist_key(name: str) -> str:
    """One person however the staff typed them: «Иванов И. И.» = «иванов и.и.»."""
    return re.sub(r"[\s.]+", "", name.casefold().replace("ё", "е"))[:100]


async def give_access(
    receptions: ReceptionRepository, audit: AuditRepository, actor: Actor, reception: Reception
) -> SpecialistAccess:
    """A link for the specialist of this reception: a link given before and not yet opened is
    given again rather than a second one."""
    may_look_after(actor, reception)
    key = specialist_key(reception.specialist)
    pending = [a for a in await receptions.open_accesses(reception.center_id, key) if not a.user_id]
    if pending:
        return pending[0]
    access = await receptions.add_access(
        SpecialistAccess(
            center_id=reception.center_id,
            specialist=reception.specialist,
            specialist_key=key,
            token=secrets.token_urlsafe(18),
            created_by=actor.id,
        )
    )
    await audit.write(actor.id, "reception.access", None, reception=reception.id)
    return access


async def open_access(
    receptions: ReceptionRepository, audit: AuditRepository, token: str, user: User, now: datetime
) -> SpecialistAccess:
    """The specialist opens the link: it is theirs from now on (one person per link)."""
    access = await receptions.access_by_token(token)
    if access is None or access.closed_at is not None:
        raise InputError("specialist-link-closed")
    if access.user_id not in (None, user.id):
        raise InputError("specialist-link-used")
    if access.user_id is None:
        access.user_id, access.accepted_at = user.id, now
        await audit.write(user.id, "reception.access_open", user.id, center=access.center_id)
    return access


async def close_access(
    receptions: ReceptionRepository,
    audit: AuditRepository,
    actor: Actor,
    reception: Reception,
    now: datetime,
) -> int:
    """Every link of this specialist at this center closed: their next tap sees nothing."""
    may_look_after(actor, reception)
    closed = 0
    for access in await receptions.open_accesses(
        reception.center_id, specialist_key(reception.specialist)
    ):
        access.closed_at = now
        closed += 1
    if closed:
        await audit.write(actor.id, "reception.access_close", None, reception=reception.id)
    return closed


def may_see(
    actor: Actor, reception: Reception | None, accesses: Sequence[SpecialistAccess]
) -> Reception:
    """Who booked and their questions: the center's staff, or the reception's own specialist."""
    if reception is None:
        raise InputError("button-stale")
    granted = {(a.center_id, a.specialist_key) for a in accesses}
    if not may_see_bookings(
        actor, reception.center_id, specialist_key(reception.specialist), granted
    ):
        raise InputError("specialist-not-yours" if granted else "reception-not-yours")
    return reception
