"""«Банк идей»: kinds, categories, the limits, and the nearby-duplicate check (no Telegram)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.permissions import Actor, may_moderate
from bot.services.contests import address_key
from bot.services.geo import distance_km
from bot.services.validation import InputError, Refusal, parse_count, parse_text
from storage.models import AppState, Idea, IdeaPhoto, IdeaStatus, User
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
ANSWER_DAYS = 8  # working days to answer an item, unless an admin set others for its category
MAX_ANSWER_DAYS = 60
DAYS_KEY = "answer-days:"  # AppState key prefix, one row per category an admin changed


def add_working_days(day: date, days: int) -> date:
    """`days` working days (Monday–Friday) after `day`."""
    while days > 0:
        day += timedelta(days=1)
        days -= day.weekday() < 5
    return day


def due_at(filed: datetime, days: int, tz: tzinfo) -> datetime:
    """The end of the day the answer is due, in the city's time zone."""
    last = add_working_days(filed.astimezone(tz).date(), days)
    return datetime.combine(last, time(23, 59, 59), tzinfo=tz).astimezone(UTC)


def is_overdue(idea: Idea, now: datetime) -> bool:
    """Still unanswered after its deadline."""
    return (
        idea.answered_at is None
        and idea.due_at is not None
        and idea.status in OPEN
        and idea.due_at < now
    )


async def take_in_work(
    ideas: IdeaRepository, audit: AuditRepository, actor: Actor, idea: Idea
) -> bool:
    """A new problem is in work from now, by this staff member; False if someone was first."""
    if not await ideas.take(idea.id, actor.id):
        await ideas.session.refresh(idea)
        return False
    await ideas.session.refresh(idea)
    await audit.write(actor.id, "idea.take", idea.user_id, idea=idea.id)
    return True


async def answer_days(session: AsyncSession) -> dict[str, int]:
    """Working days to answer, by category."""
    days = dict.fromkeys(CATEGORIES, ANSWER_DAYS)
    rows = await session.execute(
        select(AppState.key, AppState.value).where(AppState.key.startswith(DAYS_KEY))
    )
    for key, value in rows.all():
        days[key.removeprefix(DAYS_KEY)] = int(value)
    return days


async def set_answer_days(
    session: AsyncSession, audit: AuditRepository, actor: Actor, category: str, text: str | None
) -> int:
    """A city admin's answer deadline for a category (new items get it)."""
    if not actor.is_city_admin or category not in CATEGORIES:
        raise Refusal("button-stale")
    days = parse_count(text or "", 1, MAX_ANSWER_DAYS)
    row = await session.get(AppState, DAYS_KEY + category)
    if row is None:
        session.add(AppState(key=DAYS_KEY + category, value=str(days)))
    else:
        row.value = str(days)
    await audit.write(actor.id, "idea.deadline", None, category=category, days=days)
    return days


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
    ideas: IdeaRepository, directory: Directory, district_id: int | None, draft: dict[str, Any]
) -> list[Idea]:
    """Open items of the same category next to the draft's point, or at the same street and
    house when it was given as an address, in the city of the district."""
    district = directory.district(district_id)
    districts = [d.id for d in directory.districts(district.municipality_id)] if district else []
    found = await ideas.open_of_category(districts, draft["category"])
    if draft.get("lat") is not None:
        return nearby(draft["lat"], draft["lon"], found)
    key = address_key({"street": draft.get("address") or ""})
    same = [i for i in found if key and address_key({"street": i.address or ""}) == key]
    return sorted(same, key=lambda i: -i.supporters)[:5]


@dataclass(frozen=True)
class Author:
    """Whose item it is: the user, or — entered by staff from a phone call — an elder of the
    district or a caller without the bot (`entered_by`: the staff member)."""

    user_id: int | None
    district_id: int | None
    entered_by: int | None = None
    caller_id: int | None = None


async def file_idea(
    ideas: IdeaRepository, author: Author, draft: dict[str, Any], tz: tzinfo
) -> Idea:
    if author.entered_by is None and author.user_id is not None:
        await check_daily_limit(ideas, author.user_id, tz)
    now = datetime.now(UTC)
    days = (await answer_days(ideas.session))[draft["category"]]
    return await ideas.add(
        Idea(
            user_id=author.user_id,
            entered_by=author.entered_by,
            caller_id=author.caller_id,
            kind=draft["kind"],
            category=draft["category"],
            district_id=author.district_id,
            address=draft.get("address"),
            lat=draft.get("lat"),
            lon=draft.get("lon"),
            text=draft["text"],
            status=IdeaStatus.NEW,
            created_at=now,
            due_at=due_at(now, days, tz),
            # Ideas reach staff in the Monday digest; a problem at the next tick.
            notified_at=None if draft["kind"] == "problem" else now,
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
    after_photo: str | None = None,
) -> Idea:
    """Staff of the item's district give it a status with an answer to its author (audited);
    «решено» may come with a photo «после»."""
    idea = await ideas.get(idea_id)
    if idea is None or status not in STAFF_STATUSES or not may_moderate(actor, idea.district_id):
        raise InputError("button-stale")
    idea.status = IdeaStatus(status)
    idea.answer = answer
    idea.answered_at = datetime.now(UTC)
    if after_photo is not None and idea.status is IdeaStatus.RESOLVED:
        idea.after_photo = after_photo
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
                        "digest-text",
                        self.locale,
                        district=district.name,
                        new=new,
                        overdue=overdue,
                        days=OVERDUE_DAYS,
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


MAX_COMMENT = 500


async def people_asked(ideas: IdeaRepository, idea: Idea) -> list[int]:
    """Who is told of an item's changes: its author and everyone who supported it."""
    supporters = await ideas.supporter_ids(idea.id)
    return [u for u in dict.fromkeys([idea.user_id, *supporters]) if u]


async def confirm_solved(ideas: IdeaRepository, idea_id: int, user_id: int, solved: bool) -> Idea:
    """«Проблема решена?» answered «Да» (the author's confirms it); «Нет» is reopen()."""
    idea = await ideas.get(idea_id)
    if idea is None or user_id not in await people_asked(ideas, idea):
        raise Refusal("button-stale")
    if idea.status is not IdeaStatus.RESOLVED:
        raise Refusal("idea-not-resolved-now")
    if solved and user_id == idea.user_id:
        idea.confirmed_at = idea.confirmed_at or datetime.now(UTC)
    return idea


async def reopen(
    ideas: IdeaRepository,
    audit: AuditRepository,
    idea_id: int,
    user_id: int,
    comment: str | None,
    tz: tzinfo,
) -> Idea:
    """«Нет, не решено» with what is still wrong: the item is open again, with a new deadline,
    and its district's staff hear of it as of a new problem."""
    text = parse_text(comment, max_len=MAX_COMMENT, min_len=3)
    idea = await confirm_solved(ideas, idea_id, user_id, solved=False)
    now = datetime.now(UTC)
    idea.status = IdeaStatus.NEW
    idea.answered_at = None
    idea.confirmed_at = None
    idea.taken_by = None
    idea.reopened += 1
    idea.resident_comment = text
    idea.due_at = due_at(now, (await answer_days(ideas.session))[idea.category], tz)
    idea.notified_at = None if idea.kind == "problem" else now
    idea.escalated_at = None
    await audit.write(user_id, "idea.reopen", idea.user_id, idea=idea.id)
    return idea


async def rate_answer(ideas: IdeaRepository, idea_id: int, user_id: int, rating: int) -> Idea:
    """The author's mark of the answer, 1–5 (changeable)."""
    idea = await ideas.get(idea_id)
    if idea is None or idea.user_id != user_id or not 1 <= rating <= 5:
        raise Refusal("button-stale")
    idea.rating = rating
    return idea


MAX_ADDED_PHOTOS = 5  # after sending, on top of the item's own


async def add_to_idea(
    ideas: IdeaRepository,
    idea_id: int,
    user_id: int,
    text: str | None,
    photo: tuple[str, str] | None,
) -> Idea:
    """The author's later words (appended, dated) or photo (file id, unique id) on an open item."""
    idea = await ideas.get(idea_id)
    if idea is None or idea.user_id != user_id:
        raise Refusal("button-stale")
    if idea.status not in OPEN:
        raise Refusal("idea-add-closed")
    if photo is not None:
        if len(idea.photos) >= MAX_PHOTOS + MAX_ADDED_PHOTOS:
            raise InputError("idea-add-photos-full", count=MAX_PHOTOS + MAX_ADDED_PHOTOS)
        if any(p.file_unique_id == photo[1] for p in idea.photos):
            raise InputError("rep-photo-repeat")
        idea.photos.append(
            IdeaPhoto(position=len(idea.photos) + 1, file_id=photo[0], file_unique_id=photo[1])
        )
        return idea
    room = MAX_TEXT + MAX_COMMENT - len(idea.text)
    added = parse_text(text, max_len=max(room - 20, 0), min_len=3)
    idea.text = f"{idea.text}\n+ {datetime.now(UTC):%d.%m}: {added}"
    return idea
