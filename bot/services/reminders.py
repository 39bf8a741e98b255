"""Reminders of club sessions and events, planned into the database ahead of time and sent by a
scheduler tick (on the leader process only). The database is the truth: a restart loses nothing
that is due. Due rows are claimed under a row lock (`FOR UPDATE SKIP LOCKED`), so two ticks never
take the same reminder, and each is marked sent right after Telegram accepted it. A reminder
claimed but not confirmed (a crash mid-send) is retried after CLAIM_TIMEOUT, so only the one in
flight at a crash can arrive twice."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramForbiddenError, TelegramRetryAfter
from aiogram_i18n.cores import BaseCore
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.broadcast.engine import UNREACHABLE
from bot.broadcast.limiter import Limiter
from bot.config import Settings
from bot.services.clubs import Slot, upcoming_sessions
from storage.models import (
    Club,
    ClubSlot,
    Event,
    Reminder,
    SessionCancellation,
    Signup,
    SignupStatus,
    User,
)
from storage.repositories.directory import Directory
from storage.repositories.users import UserCache, UserRepository

logger = logging.getLogger(__name__)

HORIZON = timedelta(days=8)
EVENT_OFFSETS = (timedelta(days=1), timedelta(hours=2))
CLAIM_TIMEOUT = timedelta(seconds=30)
CLAIM_BATCH = 50  # about two seconds of sending: a dead leader's claim delays few reminders


@dataclass
class ReminderStats:
    sent: int = 0
    blocked: int = 0
    retry_after: int = 0

    def as_metrics(self) -> dict[str, float]:
        return {"sent": self.sent, "blocked": self.blocked, "retry_after": self.retry_after}


@dataclass(frozen=True)
class Outgoing:
    reminder_id: int
    chat_id: int
    text: str | None  # None: no longer valid (cancelled, closed, started): mark it done unsent


class Reminders:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        settings: Settings,
        core: BaseCore,
        directory: Directory,
        limiter: Limiter,
        user_cache: UserCache | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.settings = settings
        self.core = core
        self.directory = directory
        # The delivery engine's limiter: reminders and broadcasts share Telegram's budget.
        self.limiter = limiter
        self.user_cache = user_cache
        self.tz = settings.tz
        self.stats = ReminderStats()

    async def tick(self, bot: Bot, now: datetime | None = None) -> tuple[int, int]:
        now = now or datetime.now(UTC)
        return await self.plan(now), await self.send_due(bot, now)

    async def plan(self, now: datetime) -> int:
        """Create the reminders due within HORIZON that do not exist yet."""
        until = now + HORIZON
        wanted: set[tuple[Any, Any, datetime, datetime]] = set()  # signup, user, start, due
        async with self.session_factory() as session:
            club_rows = await session.execute(
                select(Signup.id, Signup.user_id, Signup.club_id, User.club_reminder_min)
                .join(User, User.id == Signup.user_id)
                .join(Club, Club.id == Signup.club_id)
                .where(
                    Signup.status == SignupStatus.ENROLLED,
                    Club.active,
                    User.club_reminder_min > 0,
                    User.is_active,
                )
            )
            signups = club_rows.all()
            club_ids = {club_id for _, _, club_id, _ in signups}
            slots: dict[int, list[Slot]] = {}
            for slot in (
                await session.execute(select(ClubSlot).where(ClubSlot.club_id.in_(club_ids)))
            ).scalars():
                slots.setdefault(slot.club_id, []).append(
                    Slot(slot.weekday, slot.starts, slot.minutes)
                )
            cancelled = set(
                (
                    await session.execute(
                        select(SessionCancellation.club_id, SessionCancellation.starts_at).where(
                            SessionCancellation.club_id.in_(club_ids),
                            SessionCancellation.starts_at > now,
                        )
                    )
                ).all()
            )
            sessions = {
                club_id: [
                    s
                    for s in upcoming_sessions(club_slots, self.tz, now, until)
                    if (club_id, s) not in cancelled
                ]
                for club_id, club_slots in slots.items()
            }
            for signup_id, user_id, club_id, minutes in signups:
                for start in sessions.get(club_id or 0, []):
                    due = start - timedelta(minutes=minutes)
                    if due > now:
                        wanted.add((signup_id, user_id, start, due))

            event_rows = await session.execute(
                select(Signup.id, Signup.user_id, Event.starts_at)
                .join(Event, Event.id == Signup.event_id)
                .join(User, User.id == Signup.user_id)
                .where(
                    Signup.status == SignupStatus.ENROLLED,
                    Event.active,
                    Event.starts_at > now,
                    Event.starts_at <= until,
                    User.is_active,
                )
            )
            for signup_id, user_id, start in event_rows.all():
                for offset in EVENT_OFFSETS:
                    if start - offset > now:
                        wanted.add((signup_id, user_id, start, start - offset))

            existing = set(
                (
                    await session.execute(
                        select(Reminder.signup_id, Reminder.starts_at, Reminder.due_at).where(
                            Reminder.starts_at > now
                        )
                    )
                ).all()
            )
            added = 0
            for signup_id, user_id, start, due in wanted:
                if (signup_id, start, due) not in existing:
                    session.add(
                        Reminder(signup_id=signup_id, user_id=user_id, starts_at=start, due_at=due)
                    )
                    added += 1
            await session.commit()
        return added

    async def send_due(self, bot: Bot, now: datetime, limit: int = 1000) -> int:
        """Send up to `limit` due reminders, claiming them a small batch at a time."""
        sent = handled = 0
        started = time.monotonic()
        while handled < limit:
            # A long tick claims later batches later: stamped with the time that has passed,
            # so the claim of a tick still at work never looks abandoned to another process.
            claim_time = now + timedelta(seconds=time.monotonic() - started)
            outgoing = await self._claim(claim_time, min(CLAIM_BATCH, limit - handled))
            if not outgoing:
                break
            handled += len(outgoing)
            sent += await self._send(bot, outgoing)
        return sent

    async def _send(self, bot: Bot, outgoing: list[Outgoing]) -> int:
        sent = 0
        for item in outgoing:
            if item.text is None:
                await self._done(item)
                continue
            await self.limiter.acquire()
            try:
                await bot.send_message(item.chat_id, item.text)
            except TelegramRetryAfter as exc:
                self.stats.retry_after += 1
                await self.limiter.pause(exc.retry_after)
                continue  # stays claimed: sent again after CLAIM_TIMEOUT
            except TelegramForbiddenError:
                self.stats.blocked += 1
                await self._done(item, blocked=True)  # nobody to deliver to: done
                continue
            except UNREACHABLE as exc:
                logger.warning("Reminder not sent (%s): retried later", type(exc).__name__)
                continue
            await self._done(item)
            sent += 1
            self.stats.sent += 1
        return sent

    async def _done(self, item: Outgoing, blocked: bool = False) -> None:
        """Mark one reminder done at once: a crash later cannot make it go out again."""
        async with self.session_factory() as session:
            await session.execute(
                update(Reminder).where(Reminder.id == item.reminder_id).values(sent=True)
            )
            if blocked:
                await UserRepository(session, self.user_cache).set_active(item.chat_id, False)
            await session.commit()

    async def _claim(self, now: datetime, limit: int) -> list[Outgoing]:
        async with self.session_factory() as session:
            reminders = (
                (
                    await session.execute(
                        select(Reminder)
                        .where(
                            Reminder.sent.is_(False),
                            Reminder.due_at <= now,
                            or_(
                                Reminder.claimed_at.is_(None),
                                Reminder.claimed_at < now - CLAIM_TIMEOUT,
                            ),
                        )
                        .order_by(Reminder.due_at)
                        .limit(limit)
                        .with_for_update(skip_locked=True, of=Reminder)
                    )
                )
                .scalars()
                .all()
            )
            outgoing = [await self._render(session, r, now) for r in reminders]
            for r in reminders:
                r.claimed_at = now
            await session.commit()
        return outgoing

    async def _render(self, session: AsyncSession, reminder: Reminder, now: datetime) -> Outgoing:
        signup = await session.get(Signup, reminder.signup_id)
        user = await session.get(User, reminder.user_id)
        if (
            signup is None
            or user is None
            or signup.status is not SignupStatus.ENROLLED
            or reminder.starts_at <= now
        ):
            return Outgoing(reminder.id, reminder.user_id, None)
        locale = user.locale or self.settings.default_locale
        when = reminder.starts_at.astimezone(self.tz).strftime("%d.%m %H:%M")
        if signup.club_id:
            club = await session.get(Club, signup.club_id)
            called_off = await session.scalar(
                select(SessionCancellation.id).where(
                    SessionCancellation.club_id == signup.club_id,
                    SessionCancellation.starts_at == reminder.starts_at,
                )
            )
            if club is None or not club.active or called_off or user.club_reminder_min == 0:
                return Outgoing(reminder.id, user.id, None)
            center = self.directory.center(club.center_id)
            text = self.core.get(
                "reminder-club",
                locale,
                name=club.name,
                when=when,
                center=center.name if center else "",
            )
        else:
            event = await session.get(Event, signup.event_id)
            if event is None or not event.active or event.starts_at != reminder.starts_at:
                return Outgoing(reminder.id, user.id, None)
            center = self.directory.center(event.center_id)
            text = self.core.get(
                "reminder-event",
                locale,
                title=event.title,
                when=when,
                center=center.name if center else "",
            )
        return Outgoing(reminder.id, user.id, text)
