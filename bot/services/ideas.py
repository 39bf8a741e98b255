"""«Банк идей»: kinds, categories, the limits, and the nearby-duplicate check (no Telegram)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import Any

from bot.permissions import Actor, may_moderate
from bot.services.geo import distance_km
from bot.services.validation import InputError
from storage.models import Idea, IdeaPhoto, IdeaStatus, User
from storage.repositories.audit import AuditRepository
from storage.repositories.directory import Directory
from storage.repositories.ideas import OPEN, IdeaRepository

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


def inside_municipality(
    directory: Directory, municipality_id: int | None, lat: float, lon: float
) -> bool:
    """Within reach of the municipality's districts (their approximate centres)."""
    points = [
        (d.lat, d.lon)
        for d in directory.districts(municipality_id or 0)
        if d.lat is not None and d.lon is not None
    ]
    return any(distance_km(lat, lon, a, b) <= MUNICIPALITY_RADIUS_KM for a, b in points)


async def check_daily_limit(ideas: IdeaRepository, user_id: int, tz: tzinfo) -> None:
    day_start = datetime.combine(datetime.now(tz).date(), time(), tzinfo=tz).astimezone(UTC)
    if await ideas.count_since(user_id, day_start) >= PER_DAY:
        raise InputError("idea-limit", limit=PER_DAY)


async def similar_nearby(
    ideas: IdeaRepository, directory: Directory, user: User, draft: dict[str, Any]
) -> list[Idea]:
    """Open items of the same category next to the draft's point, in the user's city."""
    if draft.get("lat") is None:
        return []
    district = directory.district(user.district_id)
    districts = [d.id for d in directory.districts(district.municipality_id)] if district else []
    found = await ideas.open_with_points(districts, draft["category"])
    return nearby(draft["lat"], draft["lon"], found)


async def file_idea(ideas: IdeaRepository, user: User, draft: dict[str, Any], tz: tzinfo) -> Idea:
    await check_daily_limit(ideas, user.id, tz)
    return await ideas.add(
        Idea(
            user_id=user.id,
            kind=draft["kind"],
            category=draft["category"],
            district_id=user.district_id,
            address=draft.get("address"),
            lat=draft.get("lat"),
            lon=draft.get("lon"),
            text=draft["text"],
            status=IdeaStatus.NEW,
            photos=[
                IdeaPhoto(position=i, file_id=p["file_id"], file_unique_id=p["unique"])
                for i, p in enumerate(draft.get("photos", []), start=1)
            ],
        )
    )


async def support_idea(
    ideas: IdeaRepository, idea_id: int, user: User, filing_at: tuple[float, float] | None
) -> Idea:
    """The user's voice for an open item; InputError says why not."""
    idea = await ideas.get(idea_id)
    if idea is None:
        raise InputError("button-stale")
    if idea.user_id == user.id:
        raise InputError("idea-support-own")
    if not may_support(idea, user.district_id, filing_at):
        raise InputError("idea-support-elsewhere")
    if idea.status not in OPEN:
        raise InputError("idea-support-closed")
    if not await ideas.support(idea, user.id):
        raise InputError("idea-support-twice", id=idea.id)
    return idea


MAX_ANSWER = 1000


async def set_status(
    ideas: IdeaRepository,
    audit: AuditRepository,
    actor: Actor,
    author_id: int,
    idea_id: int,
    status: str,
    answer: str,
) -> Idea:
    """Staff of the item's district give it a status with an answer to its author (audited)."""
    idea = await ideas.get(idea_id)
    if idea is None or status not in STAFF_STATUSES or not may_moderate(actor, idea.district_id):
        raise InputError("button-stale")
    idea.status = IdeaStatus(status)
    idea.answer = answer
    idea.answered_at = datetime.now(UTC)
    await audit.write(author_id, "idea.status", idea.user_id, idea=idea.id, status=status)
    return idea


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
