"""«Банк идей»: kinds, categories, the limits, and the nearby-duplicate check (no Telegram)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from bot.services.geo import distance_km
from storage.models import Idea

KINDS = ("idea", "problem")
CATEGORIES = (
    "improvement",
    "lighting",
    "roads",
    "rubbish",
    "playgrounds",
    "transport",
    "leisure",
    "other",
)
MAX_TEXT = 2000
MAX_PHOTOS = 5
PER_DAY = 5
NEARBY_KM = 0.150
OVERDUE_DAYS = 7
MUNICIPALITY_RADIUS_KM = 40.0  # a point farther from the city's centre is outside it
STAFF_STATUSES = ("accepted", "in_progress", "resolved", "rejected")


def nearby(lat: float, lon: float, items: Iterable[Idea], km: float = NEARBY_KM) -> list[Idea]:
    found = [
        i
        for i in items
        if i.lat is not None and i.lon is not None and distance_km(lat, lon, i.lat, i.lon) <= km
    ]
    return sorted(found, key=lambda i: -i.supporters)[:5]


def may_support(
    idea: Idea, home_district_id: int | None, filing_at: tuple[float, float] | None
) -> bool:
    """A resident supports items of their own district, or the ones the bot offered them
    because they are next to the place of the item they are filing."""
    if idea.district_id == home_district_id:
        return True
    return filing_at is not None and idea in nearby(filing_at[0], filing_at[1], [idea])


class IdeasDigest:
    """Monday mornings: each district's staff get the week's new items and the overdue ones,
    through the delivery engine; one digest a week (DigestSent)."""

    def __init__(self, session_factory, core, locale: str, tz, directory) -> None:  # type: ignore[no-untyped-def]
        self.session_factory = session_factory
        self.core = core
        self.locale = locale
        self.tz = tz
        self.directory = directory

    async def tick(self, now: datetime) -> int:
        from sqlalchemy import select

        from storage.models import Announcement, AnnouncementStatus, DigestSent
        from storage.repositories.announcements import AnnouncementRepository
        from storage.repositories.ideas import IdeaRepository

        local = now.astimezone(self.tz)
        if local.weekday() != 0 or local.hour < 9:
            return 0
        year, week, _ = local.isocalendar()
        key = f"{year}-W{week:02d}"
        queued = 0
        async with self.session_factory() as session:
            if await session.scalar(select(DigestSent.id).where(DigestSent.week == key)):
                return 0
            session.add(DigestSent(week=key))
            ideas, announcements = IdeaRepository(session), AnnouncementRepository(session)
            for municipality in self.directory.municipalities():
                for district in self.directory.districts(municipality.id):
                    if await announcements.audience_size("staff", district.id, "digest") == 0:
                        continue
                    new, overdue = await ideas.digest(
                        district.id, now - timedelta(days=7), now - timedelta(days=OVERDUE_DAYS)
                    )
                    text = self.core.get(
                        "digest-text", self.locale, district=district.name, new=new, overdue=overdue
                    )
                    session.add(
                        Announcement(
                            kind="digest",
                            audience="staff",
                            audience_id=district.id,
                            text=text,
                            send_at=now,
                            status=AnnouncementStatus.SCHEDULED,
                        )
                    )
                    queued += 1
            await session.commit()
        return queued
