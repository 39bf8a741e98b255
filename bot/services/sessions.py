"""When a club meets next (its weekly slots minus the sessions called off)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.services.clubs import Slot, upcoming_sessions
from storage.models import Club

HORIZON = timedelta(days=15)


def club_slots(club: Club) -> list[Slot]:
    return [Slot(s.weekday, s.starts, s.minutes) for s in club.slots]


def next_sessions(
    club: Club, tz: ZoneInfo, now: datetime, cancelled: set[datetime], limit: int = 5
) -> list[datetime]:
    found = upcoming_sessions(club_slots(club), tz, now, now + HORIZON)
    return [s for s in found if s not in cancelled][:limit]


def recent_sessions(club: Club, tz: ZoneInfo, now: datetime, days: int = 7) -> list[datetime]:
    """Sessions that have started within the last `days` (for marking attendance), newest first."""
    return sorted(
        upcoming_sessions(club_slots(club), tz, now - timedelta(days=days), now), reverse=True
    )
