"""Clubs and events without Telegram: categories, age groups, weekly schedules, session times."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.services.validation import InputError

CATEGORIES = ("creative", "sport", "health", "education", "children", "seniors", "leisure")
AGE_GROUPS = ("kids", "school", "teens", "adults", "seniors", "all")
CHILD_AGE_GROUPS = ("kids", "school", "teens")
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
        if hour > 23 or minute > 59 or not 15 <= minutes <= 480:
            raise InputError("club-bad-schedule")
        slots.append(Slot(WEEKDAYS[match.group(1).lower()], time(hour, minute), minutes))
    if not slots or len(slots) > MAX_SLOTS:
        raise InputError("club-bad-schedule")
    return sorted(set(slots), key=lambda s: (s.weekday, s.starts))


def parse_local_datetime(text: str, tz: ZoneInfo, now: datetime) -> datetime:
    """«25.12.2026 18:00» in the city's time zone → UTC; must be in the future."""
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(\d{1,2})[:.](\d{2})", text.strip())
    if not match:
        raise InputError("event-bad-datetime")
    day, month, year, hour, minute = (int(g) for g in match.groups())
    try:
        local = datetime(year, month, day, hour, minute, tzinfo=tz)
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
