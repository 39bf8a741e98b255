"""Clubs and events without Telegram: categories, age groups, weekly schedules, session times."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.permissions import Actor, may_run_center
from bot.services import tags
from bot.services.validation import InputError, coming_date, parse_count, parse_text
from storage.models import Club, ClubSlot, Event, Signup
from storage.repositories.clubs import ClubRepository

CATEGORIES = ("creative", "sport", "health", "education", "children", "seniors", "leisure")
AGE_GROUPS = ("kids", "school", "teens", "adults", "seniors", "all")
CHILD_AGE_GROUPS = ("kids", "school", "teens")
TAKES_CHILDREN = (*CHILD_AGE_GROUPS, "all")  # a child may be signed up (events: always)
WEEKDAYS = {
    "пн": 0, "вт": 1, "ср": 2, "чт": 3, "пт": 4, "сб": 5, "вс": 6,
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
SLOT_RE = re.compile(r"([а-яa-z]{2,3})\.?\s+(\d{1,2})[:.](\d{2})(?:\s+(\d{2,3}))?", re.IGNORECASE)
MAX_SLOTS = 7


@dataclass(frozen=True)
class Slot:
    weekday: int
    starts: time
    minutes: int


def parse_schedule(text: str) -> list[Slot]:
    """«пн 18:00 90; чт 18:30» → slots (length in minutes, 60 when not given)."""
    parts = [p.strip() for p in re.split(r"[;,\n]+", text) if p.strip()]
    slots: list[Slot] = []
    for part in parts:
        match = SLOT_RE.fullmatch(part)
        if not match or match.group(1).lower() not in WEEKDAYS:
            raise InputError("club-bad-schedule")
        hour, minute = int(match.group(2)), int(match.group(3))
        minutes = int(match.group(4) or 60)
        shortest, longest = MINUTES_RANGE
        if hour > 23 or minute > 59 or not shortest <= minutes <= longest:
            raise InputError("club-bad-schedule")
        slots.append(Slot(WEEKDAYS[match.group(1).lower()], time(hour, minute), minutes))
    if not slots or len(slots) > MAX_SLOTS:
        raise InputError("club-bad-schedule")
    return sorted(set(slots), key=lambda s: (s.weekday, s.starts))


CLUB_TIMES = ("10:00", "11:00", "15:00", "17:00", "18:00", "19:00")  # a session's start, as buttons
CLUB_MINUTES = (45, 60, 90, 120)  # a session's length, as buttons
MINUTES_RANGE = (15, 480)


def weekly_schedule(days: list[int], starts: str, minutes_text: str) -> list[list[Any]]:
    """The same time and length on each chosen weekday, as the form keeps a schedule."""
    minutes = parse_count(minutes_text, *MINUTES_RANGE)
    if not days or any(d not in range(7) for d in days):
        raise InputError("club-no-days")
    return [[d, starts, minutes] for d in sorted(set(days))]


def parse_local_datetime(text: str, tz: ZoneInfo, now: datetime) -> datetime:
    """A day and a time in the city as people write them («25 декабря 18:00», «25.12 в 18:30»,
    25.12.2026 18:00) → UTC; in the future, within a year."""
    value = " ".join(text.lower().replace("ё", "е").split())
    match = re.fullmatch(r"(.+?),?\s+(?:в\s+)?(\d{1,2})[:.](\d{2})", value)
    if not match:
        raise InputError("event-bad-datetime")
    day = coming_date(match.group(1).strip(" ."), now.astimezone(tz).date(), "event-bad-datetime")
    try:
        local = datetime.combine(day, time(int(match.group(2)), int(match.group(3))), tzinfo=tz)
    except ValueError:
        raise InputError("event-bad-datetime") from None
    if local <= now.astimezone(tz):
        raise InputError("event-in-past")
    if local > now.astimezone(tz) + timedelta(days=366):
        raise InputError("event-too-far")
    return local.astimezone(UTC)


def upcoming_sessions(
    slots: list[Slot], tz: ZoneInfo, after: datetime, until: datetime
) -> list[datetime]:
    """UTC start times of the weekly sessions in (after, until]."""
    found: list[datetime] = []
    day: date = after.astimezone(tz).date()
    last = until.astimezone(tz).date()
    while day <= last:
        for slot in slots:
            if slot.weekday == day.weekday():
                start = datetime.combine(day, slot.starts, tzinfo=tz).astimezone(UTC)
                if after < start <= until:
                    found.append(start)
        day += timedelta(days=1)
    return sorted(found)


# --- a club's or an event's fields, filled by staff one at a time -------------------------------

CLUB_FIELDS = ("name", "category", "age_group", "schedule", "capacity", "leader", "description")
EVENT_FIELDS = ("title", "starts_at", "minutes", "capacity", "description", "tags")
SKIPPABLE = ("leader", "description")
CHOICE_FIELDS = {"category": CATEGORIES, "age_group": AGE_GROUPS}
MAX_DESCRIPTION = 1000


def fields_of(target: str) -> tuple[str, ...]:
    return CLUB_FIELDS if target == "club" else EVENT_FIELDS


def parse_field(field: str, text: str, tz: ZoneInfo, now: datetime) -> Any:
    """A typed value of a club's or an event's field, as it is kept in the form."""
    if field == "schedule":
        return [
            [s.weekday, s.starts.isoformat(timespec="minutes"), s.minutes]
            for s in parse_schedule(text)
        ]
    if field == "capacity":
        return parse_count(text, 1, 5000)
    if field == "minutes":
        return parse_count(text, 15, 720)
    if field == "starts_at":
        return parse_local_datetime(text, tz, now).isoformat()
    if field == "description":
        return parse_text(text, max_len=MAX_DESCRIPTION, min_len=2)
    return parse_text(text, max_len=100 if field != "title" else 150, min_len=2, letters=True)


def apply_values(target: Club | Event, values: dict[str, Any]) -> None:
    for field, value in values.items():
        if field == "schedule":
            assert isinstance(target, Club)
            target.slots = [
                ClubSlot(weekday=w, starts=time.fromisoformat(t), minutes=m) for w, t, m in value
            ]
        elif field == "starts_at":
            setattr(target, field, datetime.fromisoformat(value))
        elif field == "tags":
            assert isinstance(target, Event)
            tags.apply(target, value)
        elif field in SKIPPABLE and value is None:
            setattr(target, field, None if field == "leader" else "")
        else:
            setattr(target, field, value)


def create_item(
    clubs: ClubRepository, center_id: int, target: str, values: dict[str, Any]
) -> Club | Event:
    item: Club | Event = (
        Club(center_id=center_id, description="")
        if target == "club"
        else Event(center_id=center_id, description="")
    )
    apply_values(item, values)
    clubs.add(item)
    return item


async def change_field(
    clubs: ClubRepository, actor: Actor, target: str, item_id: int, field: str, value: Any
) -> tuple[Club | Event, list[Signup]]:
    """One field of the actor's own center's club or event; more places promote the waiting
    list (returned, to be told)."""
    found = await clubs.club(item_id) if target == "club" else await clubs.event(item_id)
    if found is None or not may_run_center(actor, found.center_id):
        raise InputError("button-stale")
    apply_values(found, {field: value})
    if field == "schedule" and isinstance(found, Club):
        await clubs.drop_unsent_reminders_of_club(found.id)  # planned for the old times
    promoted: list[Signup] = []
    if field == "capacity":
        promoted = (
            await clubs.promote(club=found)
            if isinstance(found, Club)
            else await clubs.promote(event=found)
        )
    return found, promoted
