"""The delivery engine: one sender loop working through the database outbox.

- Pace: a global rate (BROADCAST_RATE, default 25/s, at most 30) and at most one message per chat
  per second. A 429 pauses all sending for its retry_after. Handlers' own replies do not pass
  through here, so they are never queued behind a broadcast; the 5/s left under Telegram's 30/s
  is their room.
- Errors: 403 marks the row blocked and the user inactive (until they write again); 400 fails the
  row with its reason; network errors and 5xx retry with exponential backoff, MAX_ATTEMPTS times.
- Durability: results are written in small batches (every FLUSH_SECONDS or FLUSH_ROWS). After a
  crash, rows whose result was not yet written are sent again: at most CONCURRENCY messages in
  flight plus one unwritten batch (at 25/s: ≤ 8 + 5), each to a different chat, each at most once
  more. A graceful stop finishes in-flight sends and writes everything first: no duplicates.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
)
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram_i18n.cores import BaseCore
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.broadcast.limiter import RateLimiter
from bot.keyboards.callbacks import AnnouncementCb
from storage.models import Announcement, AnnouncementStatus, Outbox, OutboxStatus, User
from storage.repositories.announcements import AnnouncementRepository
from storage.repositories.users import UserCache, UserRepository

logger = logging.getLogger(__name__)

CONCURRENCY = 8
BATCH = 400
FLUSH_SECONDS = 0.2
FLUSH_ROWS = 100
PROGRESS_SECONDS = 3.0
PER_CHAT_SECONDS = 1.0
MAX_ATTEMPTS = 5
IDLE_SECONDS = 1.0


@dataclass
class Result:
    outbox_id: int
    chat_id: int
    status: OutboxStatus
    attempts: int
    next_attempt_at: datetime | None = None
    message_id: int | None = None
    error: str | None = None


@dataclass
class Stats:
    sent: int = 0
    retry_after: int = 0
    blocked: int = 0
    failed: int = 0
    retried: int = 0
    first_answer: float | None = None  # loop time of the first and the last answer from Telegram
    last_answer: float | None = None
    answers: int = 0
    progress_edits: dict[int, float] = field(default_factory=dict)


class DeliveryEngine:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        core: BaseCore,
        default_locale: str,
        user_cache: UserCache | None = None,
        rate: float = 25.0,
        per_chat_seconds: float = PER_CHAT_SECONDS,
    ) -> None:
        self.session_factory = session_factory
        self.core = core
        self.default_locale = default_locale
        self.user_cache = user_cache
        self.limiter = RateLimiter(rate)
        self.per_chat_seconds = per_chat_seconds
        self.stats = Stats()
        self._wake = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        self._in_flight: set[int] = set()
        self._results: list[Result] = []
        self._last_sent: dict[int, float] = {}
        self._workers: set[asyncio.Task[None]] = set()

    # --- lifecycle ----------------------------------------------------------------------------
    def start(self, bot: Bot) -> None:
        self._stopping = False
        self._task = asyncio.create_task(self._run(bot), name="delivery-engine")

    async def stop(self) -> None:
        """Finish what is in flight, write every result, then end."""
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            await self._task
            self._task = None

    def crash(self) -> None:
        """Tests only: end abruptly, as a killed process would (unwritten results are lost)."""
        for task in (self._task, *self._workers):
            if task is not None:
                task.cancel()
        self._task = None
        self._results.clear()

    def wake(self) -> None:
        self._wake.set()

    # --- the loop -----------------------------------------------------------------------------
    async def _run(self, bot: Bot) -> None:
        workers = self._workers
        slots = asyncio.Semaphore(CONCURRENCY)
        flusher = asyncio.create_task(self._flush_loop())
        loop = asyncio.get_running_loop()
        last_progress = 0.0
        try:
            while not self._stopping:
                await self._activate_due()
                rows = await self._load()
                for row in rows:
                    if self._stopping:
                        break
                    await slots.acquire()
                    task = asyncio.create_task(self._deliver(bot, row, slots))
                    workers.add(task)
                    task.add_done_callback(workers.discard)
                if loop.time() - last_progress >= PROGRESS_SECONDS or not rows:
                    await self._progress(bot)
                    last_progress = loop.time()
                if not rows:
                    self._wake.clear()
                    try:
                        await asyncio.wait_for(self._wake.wait(), IDLE_SECONDS)
                    except TimeoutError:
                        pass
            if workers:
                await asyncio.gather(*workers)
        finally:
            flusher.cancel()
        await self._flush()
        await self._progress(bot)

    async def _activate_due(self) -> None:
        async with self.session_factory() as session:
            repo = AnnouncementRepository(session)
            due = await repo.due(datetime.now(UTC))
            for announcement in due:
                await repo.materialize(announcement)
            if due:
                await session.commit()

    async def _load(self) -> list[tuple[Outbox, Announcement]]:
        now = datetime.now(UTC)
        loop_now = asyncio.get_running_loop().time()
        async with self.session_factory() as session:
            result = await session.execute(
                select(Outbox, Announcement)
                .join(Announcement, Announcement.id == Outbox.announcement_id)
                .where(
                    Announcement.status == AnnouncementStatus.SENDING,
                    Outbox.status == OutboxStatus.PENDING,
                    Outbox.next_attempt_at <= now,
                )
                .order_by(Outbox.id)
                .limit(BATCH + len(self._in_flight))
            )
            rows = []
            chats: set[int] = set()
            for outbox, announcement in result.all():
                if outbox.id in self._in_flight or outbox.chat_id in chats:
                    continue  # already being sent, or the same chat twice in one batch
                if loop_now - self._last_sent.get(outbox.chat_id, -1e9) < self.per_chat_seconds:
                    continue  # this chat had a message less than a second ago
                chats.add(outbox.chat_id)
                self._in_flight.add(outbox.id)
                rows.append((outbox, announcement))
                if len(rows) >= BATCH:
                    break
        return rows

    async def _deliver(
        self, bot: Bot, row: tuple[Outbox, Announcement], slots: asyncio.Semaphore
    ) -> None:
        outbox, announcement = row
        try:
            result = await self._send(bot, outbox, announcement)
            now = asyncio.get_running_loop().time()
            self._last_sent[outbox.chat_id] = now
            stats = self.stats
            stats.first_answer = stats.first_answer or now
            stats.last_answer = now
            stats.answers += 1
            self._results.append(result)
            if len(self._results) >= FLUSH_ROWS:
                await self._flush()
        finally:
            slots.release()

    async def _send(self, bot: Bot, outbox: Outbox, announcement: Announcement) -> Result:
        attempts = outbox.attempts + 1
        try:
            message_id = None
            if announcement.photo and len(announcement.text) <= 1024:
                await self.limiter.acquire()
                message_id = (
                    await bot.send_photo(
                        outbox.chat_id, announcement.photo, caption=announcement.text
                    )
                ).message_id
            else:
                if announcement.photo:
                    await self.limiter.acquire()
                    await bot.send_photo(outbox.chat_id, announcement.photo)
                await self.limiter.acquire()
                message_id = (await bot.send_message(outbox.chat_id, announcement.text)).message_id
            self.stats.sent += 1
            return Result(
                outbox.id, outbox.chat_id, OutboxStatus.SENT, attempts, message_id=message_id
            )
        except TelegramRetryAfter as exc:
            self.stats.retry_after += 1
            self.limiter.pause(exc.retry_after)
            retry_at = datetime.now(UTC) + timedelta(seconds=exc.retry_after)
            return Result(
                outbox.id, outbox.chat_id, OutboxStatus.PENDING, outbox.attempts, retry_at
            )
        except TelegramForbiddenError:
            self.stats.blocked += 1
            return Result(outbox.id, outbox.chat_id, OutboxStatus.BLOCKED, attempts)
        except TelegramBadRequest as exc:
            self.stats.failed += 1
            return Result(
                outbox.id, outbox.chat_id, OutboxStatus.FAILED, attempts, error=exc.message[:200]
            )
        except (TelegramAPIError, OSError, TimeoutError) as exc:  # network, 5xx
            if attempts >= MAX_ATTEMPTS:
                self.stats.failed += 1
                return Result(
                    outbox.id,
                    outbox.chat_id,
                    OutboxStatus.FAILED,
                    attempts,
                    error=type(exc).__name__,
                )
            self.stats.retried += 1
            backoff = datetime.now(UTC) + timedelta(seconds=min(2**attempts, 300))
            return Result(outbox.id, outbox.chat_id, OutboxStatus.PENDING, attempts, backoff)

    async def _flush_loop(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_SECONDS)
            await self._flush()

    async def _flush(self) -> None:
        if not self._results:
            return
        results, self._results = self._results, []
        async with self.session_factory() as session:
            await session.execute(
                update(Outbox),
                [
                    {
                        "id": r.outbox_id,
                        "status": r.status,
                        "attempts": r.attempts,
                        "message_id": r.message_id,
                        "error": r.error,
                        **({"next_attempt_at": r.next_attempt_at} if r.next_attempt_at else {}),
                    }
                    for r in results
                ],
            )
            blocked = [r.chat_id for r in results if r.status is OutboxStatus.BLOCKED]
            users = UserRepository(session, self.user_cache)
            for chat_id in blocked:
                await users.set_active(chat_id, False)
            await session.commit()
        for r in results:
            self._in_flight.discard(r.outbox_id)

    # --- progress -----------------------------------------------------------------------------
    async def _progress(self, bot: Bot) -> None:
        """Edit each running announcement's progress message; close finished ones."""
        async with self.session_factory() as session:
            repo = AnnouncementRepository(session)
            running = (
                (
                    await session.execute(
                        select(Announcement).where(
                            Announcement.status == AnnouncementStatus.SENDING
                        )
                    )
                )
                .scalars()
                .all()
            )
            for announcement in running:
                counts = await repo.counts(announcement.id)
                pending = counts.get(OutboxStatus.PENDING, 0)
                if pending == 0:  # rows in flight are still pending until their result is written
                    announcement.status = AnnouncementStatus.DONE
                    announcement.finished_at = datetime.now(UTC)
                author = (
                    await session.get(User, announcement.author_id)
                    if announcement.author_id
                    else None
                )
                await self.show(bot, announcement, counts, author.locale if author else None)
            await session.commit()

    async def show(
        self,
        bot: Bot,
        announcement: Announcement,
        counts: dict[OutboxStatus, int],
        locale: str | None,
    ) -> None:
        """Edit the author's progress message (skipped when nothing changed)."""
        if announcement.progress_chat_id is None or announcement.progress_message_id is None:
            return
        locale = locale or self.default_locale
        args: dict[str, Any] = {
            "id": announcement.id,
            "sent": counts.get(OutboxStatus.SENT, 0),
            "total": announcement.total,
            "blocked": counts.get(OutboxStatus.BLOCKED, 0),
            "failed": counts.get(OutboxStatus.FAILED, 0),
        }
        markup = None
        if announcement.status is AnnouncementStatus.SENDING:
            key = "ann-progress"
            markup = InlineKeyboardMarkup(
                inline_keyboard=[
                    [
                        InlineKeyboardButton(
                            text=self.core.get("ann-stop", locale),
                            callback_data=AnnouncementCb(action="stop", id=announcement.id).pack(),
                        )
                    ]
                ]
            )
        elif announcement.status is AnnouncementStatus.STOPPED:
            key = "ann-stopped-summary"
        else:
            key = "ann-done"
        text = self.core.get(key, locale, **args)
        signature = hash((text, announcement.status))
        if self.stats.progress_edits.get(announcement.id) == signature:
            return  # unchanged: Telegram would answer "message is not modified"
        self.stats.progress_edits[announcement.id] = signature
        try:
            await bot.edit_message_text(
                text,
                chat_id=announcement.progress_chat_id,
                message_id=announcement.progress_message_id,
                reply_markup=markup,
            )
        except TelegramAPIError as exc:
            logger.info("Progress not shown: %s", type(exc).__name__)
