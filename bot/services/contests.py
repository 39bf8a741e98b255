"""Contest messages through the delivery engine: «конкурс открыт», reminders at the contest's
offsets before the deadline, and «итоги». Each goes out once: a ContestNotice row marks it."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram_i18n.cores import BaseCore
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.elders import parse_full_name, parse_house
from bot.services.validation import InputError, parse_count, parse_end_date, parse_text
from storage.models import (
    Announcement,
    AnnouncementStatus,
    Application,
    ApplicationPhoto,
    ApplicationStatus,
    Contest,
    ContestNotice,
    ContestStage,
    FsmRecord,
    Outbox,
)
from storage.repositories.contests import ContestRepository


def parse_days(text: str) -> list[int]:
    """A contest's reminder days as stored: «14,7,1»."""
    return sorted({int(d) for d in text.split(",")}, reverse=True)


MAX_DEADLINE_DAYS = 365


def deadline_of(text: str, today: date, tz: ZoneInfo) -> datetime:
    """A contest's last day as people write it (31.12.2026, «31 декабря», 31.12): the end of that
    day in the city, within a year."""
    day = parse_end_date(text, today, MAX_DEADLINE_DAYS)
    return datetime.combine(day, time(23, 59), tzinfo=tz).astimezone(UTC)


class ContestNotices:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        core: BaseCore,
        locale: str,
        tz: ZoneInfo,
    ) -> None:
        self.session_factory = session_factory
        self.core = core
        self.locale = locale
        self.tz = tz

    def _deadline_text(self, contest: Contest) -> str:
        return contest.deadline.astimezone(self.tz).strftime("%d.%m.%Y")

    def open_text(self, title: str, deadline: datetime) -> str:
        """«Конкурс открыт» as everyone will get it (the preview shows exactly this)."""
        return self.core.get(
            "contest-open",
            self.locale,
            title=html.escape(title),
            deadline=deadline.astimezone(self.tz).strftime("%d.%m.%Y"),
        )

    async def results_sent(self, session: AsyncSession, contest: Contest) -> bool:
        found = await session.scalar(
            select(ContestNotice.id).where(
                ContestNotice.contest_id == contest.id, ContestNotice.notice == "results"
            )
        )
        return found is not None

    def results_text(self, title: str, text: str, escaped: bool = False) -> str:
        return self.core.get(
            "contest-results",
            self.locale,
            title=html.escape(title),
            text=text if escaped else html.escape(text),
        )

    async def _queue(
        self,
        session: AsyncSession,
        contest: Contest,
        notice: str,
        text: str,
        now: datetime,
        apply_button: bool = False,
    ) -> Announcement:
        from bot.keyboards.callbacks import ContestCb

        announcement = Announcement(
            author_id=contest.created_by,
            kind="contests",
            audience=contest.audience,
            audience_id=contest.audience_id,
            text=text,
            send_at=now,
            status=AnnouncementStatus.SCHEDULED,
        )
        if apply_button:  # while it is open: «📝 Подать заявку» right under the news
            announcement.button_text = self.core.get("contest-apply", self.locale)
            announcement.button_data = ContestCb(action="apply", id=contest.id).pack()
        session.add(announcement)
        await session.flush()
        session.add(
            ContestNotice(contest_id=contest.id, notice=notice, announcement_id=announcement.id)
        )
        return announcement

    async def opened(self, session: AsyncSession, contest: Contest, now: datetime) -> None:
        """At creation: «открыт» now; reminders whose time has already passed are skipped."""
        text = self.open_text(contest.title, contest.deadline)
        await self._queue(session, contest, "open", text, now, apply_button=True)
        for days in parse_days(contest.reminder_days):
            if now >= contest.deadline - timedelta(days=days):
                session.add(ContestNotice(contest_id=contest.id, notice=f"d{days}"))

    async def tick(self, now: datetime) -> int:
        """Queue the reminders that came due; each once."""
        queued = 0
        async with self.session_factory() as session:
            contests = (
                (await session.execute(select(Contest).where(Contest.deadline > now)))
                .scalars()
                .all()
            )
            for contest in contests:
                done = set(
                    (
                        await session.execute(
                            select(ContestNotice.notice).where(
                                ContestNotice.contest_id == contest.id
                            )
                        )
                    ).scalars()
                )
                due = [
                    days
                    for days in parse_days(contest.reminder_days)
                    if f"d{days}" not in done and now >= contest.deadline - timedelta(days=days)
                ]
                if not due:
                    continue
                # After a pause only the latest reminder goes out; the stale ones are skipped.
                days = min(due)
                for stale in due:
                    if stale != days:
                        session.add(ContestNotice(contest_id=contest.id, notice=f"d{stale}"))
                text = self.core.get(
                    "contest-reminder",
                    self.locale,
                    title=html.escape(contest.title),
                    days=days,
                    deadline=self._deadline_text(contest),
                )
                await self._queue(session, contest, f"d{days}", text, now, apply_button=True)
                await self._remind_drafts(session, contest, days, now)
                queued += 1
            await session.commit()
        return queued

    async def _remind_drafts(
        self, session: AsyncSession, contest: Contest, days: int, now: datetime
    ) -> None:
        """A personal, more insistent reminder to everyone with an unfinished application."""
        marker = f'"contest_id": {contest.id},'  # the first key of the form's draft
        rows = await session.execute(
            select(FsmRecord.key).where(
                FsmRecord.key.contains(":aiogd:context:"),
                FsmRecord.data.contains(f'"state": "{APPLICATION_FORM}:'),
                FsmRecord.data.contains(marker),
            )
        )
        chats = sorted({int(key.split(":")[2]) for key in rows.scalars()})
        if not chats:
            return
        text = self.core.get(
            "contest-draft-reminder",
            self.locale,
            title=html.escape(contest.title),
            days=days,
            deadline=self._deadline_text(contest),
        )
        announcement = Announcement(
            author_id=contest.created_by,
            kind="contests",
            audience="drafts",
            audience_id=contest.id,
            text=text,
            send_at=now,
            started_at=now,
            status=AnnouncementStatus.SENDING,
            total=len(chats),
        )
        session.add(announcement)
        await session.flush()
        session.add_all(
            Outbox(announcement_id=announcement.id, chat_id=c, next_attempt_at=now) for c in chats
        )

    async def results(
        self,
        session: AsyncSession,
        contest: Contest,
        text: str,
        now: datetime,
        escaped: bool = False,
    ) -> bool:
        if await self.results_sent(session, contest):
            return False
        await self._queue(
            session, contest, "results", self.results_text(contest.title, text, escaped), now
        )
        return True


# --- contests: templates, who may apply, addresses, ranking -----------------------------------


def templates() -> list[dict[str, object]]:
    """The city's contests with their nominations, from the reference data file."""
    import json

    from storage.reference import REFERENCE_FILE

    raw = json.loads(REFERENCE_FILE.read_text(encoding="utf-8"))
    return list(raw.get("contest_templates", []))


APPLICANT_ROLES = {"residents": ("resident",), "elders": ("elder",), "staff": ("staff",)}


def may_apply(applicants: str, role: str) -> bool:
    if role == "admin":
        return True
    allowed = {r for code in applicants.split(",") for r in APPLICANT_ROLES.get(code, ())}
    if "resident" in allowed:
        allowed.add("elder")  # an elder is a resident too
    return role in allowed


ADDRESS_PARTS = {
    "house": ("street", "house"),
    "entrance": ("street", "house", "entrance"),
    "window": ("street", "house", "apartment"),
    "street": ("street",),
    "committee": ("committee",),
    "center": ("center",),
}


APPLICATION_FORM = "ApplicationForm"  # the states group of the application form
MAX_PHOTOS = 10
MAX_DESCRIPTION = 2000


def parse_application_answer(step: str, text: str | None) -> Any:
    """A typed answer of the application form."""
    if step == "house":
        return parse_house(text)
    if step == "entrance":
        return parse_count(text or "", 1, 99)
    if step == "apartment":
        return parse_count(text or "", 1, 2000)
    if step == "description":
        return parse_text(text, max_len=MAX_DESCRIPTION, min_len=3)
    if step == "name":
        return parse_full_name(text)
    return parse_text(text, max_len=100, min_len=2, letters=True)  # the street


def is_open(contest: Contest) -> bool:
    return contest.stage is ContestStage.APPLY and contest.deadline > datetime.now(UTC)


class DuplicateApplication(InputError):
    def __init__(self, existing: Application) -> None:
        super().__init__("apply-duplicate", id=existing.id)
        self.existing = existing


async def submit_application(
    contests: ContestRepository,
    user_id: int,
    contest: Contest,
    draft: dict[str, Any],
    address_text: str,
) -> Application:
    """A complete form becomes an application, or changes the user's own one; one application
    per nomination per address. Raises InputError (DuplicateApplication) with what is wrong."""
    if not is_open(contest):
        raise InputError("contest-closed")
    nomination = next((n for n in contest.nominations if n.id == draft.get("nomination_id")), None)
    if nomination is None:
        raise InputError("apply-incomplete")
    parts = ADDRESS_PARTS[nomination.address]
    needed = (*parts, "description", "photos", "name", "phone")
    if any(not draft.get(p) for p in needed):
        raise InputError("apply-incomplete")
    key = address_key({p: str(draft[p]) for p in parts})
    existing = await contests.live_at(nomination.id, key)
    if existing is not None and existing.id != draft.get("application_id"):
        raise DuplicateApplication(existing)
    application = (
        await contests.application(draft["application_id"]) if draft.get("application_id") else None
    )
    if application is not None and application.user_id != user_id:
        raise InputError("app-not-yours")
    if application is None:
        application = Application(
            contest_id=contest.id, user_id=user_id, status=ApplicationStatus.SUBMITTED
        )
    application.nomination_id = nomination.id
    application.district_id = draft["district_id"]
    application.address_text = address_text
    application.address_key = key
    application.address_parts = {p: draft[p] for p in parts}
    application.description = draft["description"]
    application.responsible_name = draft["name"]
    application.responsible_phone = draft["phone"]
    application.photos = [
        ApplicationPhoto(position=i, file_id=p["file_id"], file_unique_id=p["unique"])
        for i, p in enumerate(draft["photos"], start=1)
    ]
    return await contests.add_application(application)


def address_key(parts: dict[str, str]) -> str:
    """One form of an address for «one application per nomination per address»: lower case,
    no punctuation, no «ул.»/«д.» words, single spaces."""
    import re

    words: list[str] = []
    for key in ("street", "house", "entrance", "apartment", "committee", "center"):
        value = str(parts.get(key, "") or "").lower().replace("ё", "е")
        value = re.sub(r"[^\w\s/]", " ", value)
        tokens = [
            t for t in value.split() if t not in {"ул", "улица", "пр", "проспект", "д", "дом", "кв"}
        ]
        if tokens:
            words.append(f"{key}:{' '.join(tokens)}")
    return "|".join(words)


@dataclass(frozen=True)
class Ranked:
    application_id: int
    nomination_id: int
    total: float  # sum over criteria of the jurors' average
    jurors: int


def rank(
    scores: list[tuple[int, int, int, int, int]], nomination_of: dict[int, int]
) -> dict[int, list[Ranked]]:
    """Rows (application, juror, criterion, value, _) → per nomination, best first.

    An entry's total is the sum over criteria of the mean of its jurors' values; equal totals stay
    equal (the admin resolves ties when fixing places)."""
    per_app: dict[int, dict[int, list[int]]] = {}
    jurors: dict[int, set[int]] = {}
    for application_id, juror_id, criterion, value, _ in scores:
        per_app.setdefault(application_id, {}).setdefault(criterion, []).append(value)
        jurors.setdefault(application_id, set()).add(juror_id)
    ranked: dict[int, list[Ranked]] = {}
    for application_id, nomination_id in nomination_of.items():
        criteria = per_app.get(application_id, {})
        total = round(sum(sum(v) / len(v) for v in criteria.values()), 3)
        ranked.setdefault(nomination_id, []).append(
            Ranked(application_id, nomination_id, total, len(jurors.get(application_id, ())))
        )
    for entries in ranked.values():
        entries.sort(key=lambda r: (-r.total, r.application_id))
    return ranked


def places(entries: list[Ranked], top: int = 3) -> tuple[dict[int, int], list[int]]:
    """Places 1..top in order of total. Entries tied for a place are returned as `ties` (they and
    everything after them get no place until the admin decides with /place)."""
    result: dict[int, int] = {}
    for position, entry in enumerate(entries[:top], start=1):
        tied = [e.application_id for e in entries if e.total == entry.total]
        if len(tied) > 1:
            return result, tied
        result[entry.application_id] = position
    return result, []
