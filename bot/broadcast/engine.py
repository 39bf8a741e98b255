"""The delivery engine: a sender loop working through the database outbox, one per bot process.

- Several processes: each claims a small batch of rows (`SELECT … FOR UPDATE SKIP LOCKED`, then
  claimed_by and a lease), so two engines never take the same row. A row is sent only while its
  lease has at least LEASE_MARGIN left and each send times out before that, so a row whose lease
  ran out (its engine died or stalled) can be taken over without being sent twice. A due
  announcement is materialized by whoever locks it first. SQLite (one process) runs the same code;
  its write lock does what the row locks do.
- Pace: one rate per bot (BROADCAST_RATE, shared through Redis by all processes when REDIS_URL is
  set) and at most one message per chat per second. A 429 pauses all sending for its retry_after.
  Handlers' own replies do not pass through here, so they are never queued behind a broadcast.
- Urgent alerts go in a lane of their own: Telegram's paid broadcast (allow_paid_broadcast,
  0.1 Star a message) at PAID_BROADCAST_RATE with more sends in flight, beside the free lane, so
  an alert never waits behind a long ordinary broadcast. When Telegram refuses a paid message for
  lack of Stars, the alert carries on in the free lane.
- Errors: 403 marks the row blocked and the user inactive (until they write again); 400 fails the
  row with its reason; network errors and 5xx (an outage) are retried with a back-off capped at
  RETRY_CAP until the row has failed for `give_up_after` (TELEGRAM_OUTAGE_HOURS): hours, not
  seconds, so an outage is waited out. Meanwhile the author's progress says so.
  An error of the engine itself is logged and the engine starts again; it never dies silently.
- Durability: results are written in small batches (every FLUSH_SECONDS or FLUSH_ROWS). After a
  crash, rows whose result was not yet written are sent again once their lease ends: at most the
  messages in flight (CONCURRENCY, or PAID_CONCURRENCY in the urgent lane) plus one unwritten
  batch, each to a different chat, each at most once more. A graceful stop finishes in-flight sends, writes everything and frees its leases.
- The leader process (bot/cluster.py) edits the authors' progress messages and closes finished
  announcements, so several processes do not edit one message in turn.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from aiogram import Bot
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
)
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram_i18n.cores import BaseCore
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.broadcast.limiter import Limiter, RateLimiter
from bot.keyboards.callbacks import AnnouncementCb
from bot.services.announcements import PHOTO_CAPTION_MAX
from storage.models import Announcement, AnnouncementStatus, Outbox, OutboxStatus, User
from storage.repositories.announcements import AnnouncementRepository
from storage.repositories.users import UserCache, UserRepository

logger = logging.getLogger(__name__)

CONCURRENCY = 8
# Sends in flight in the urgent lane: at 1 000 messages/s and ~0.1 s per answer from Telegram.
PAID_CONCURRENCY = 100
PAID_BATCH_MAX = 2000
CLAIM_SECONDS = 4  # a claim holds about this many seconds of sending at the full rate
LEASE_SECONDS = 30.0
LEASE_MARGIN = 12.0  # a row is not started with less lease left than this
SEND_TIMEOUT = 10  # seconds; below LEASE_MARGIN, so no send outlives its lease
RESTART_SECONDS = 2.0
FINISH_SECONDS = 30.0  # how long a stop waits out a locked database to write its results
FLUSH_SECONDS = 0.2
FLUSH_ROWS = 100
PROGRESS_SECONDS = 3.0
PER_CHAT_SECONDS = 1.0
# Telegram cannot be reached or answers garbage (an HTML «502 Bad Gateway» in an outage).
UNREACHABLE = (TelegramAPIError, ClientDecodeError, OSError, TimeoutError)
RETRY_CAP = 60.0  # seconds between attempts at most while Telegram cannot be reached
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
    failing_since: datetime | None = None  # the first of the row's unbroken transient errors
    # An urgent announcement whose paid message Telegram refused for lack of Stars: it goes on
    # in the free lane.
    out_of_stars: int | None = None


class Lane:
    """Ordinary or urgent sending: its own pace, sends in flight and claim size."""

    def __init__(self, limiter: Limiter, concurrency: int, rate: float) -> None:
        self.limiter = limiter
        self.concurrency = concurrency
        self.batch = min(PAID_BATCH_MAX, max(concurrency * 2, int(rate * CLAIM_SECONDS)))
        self.wake = asyncio.Event()


def _out_of_stars(exc: TelegramBadRequest) -> bool:
    """Telegram's refusal of a paid message because the bot's Stars balance is too low."""
    text = exc.message.upper()
    return "BALANCE" in text or "STARS" in text


@dataclass
class Stats:
    sent: int = 0
    paid: int = 0  # of them, sent as paid broadcast
    retry_after: int = 0
    blocked: int = 0
    failed: int = 0
    retried: int = 0
    first_answer: float | None = None  # loop time of the first and the last answer from Telegram
    last_answer: float | None = None
    answers: int = 0
    progress_edits: dict[int, float] = field(default_factory=dict)

    def as_metrics(self) -> dict[str, float]:
        return {
            "sent": self.sent,
            "paid": self.paid,
            "blocked": self.blocked,
            "failed": self.failed,
            "retry_after": self.retry_after,
        }


def markup_of(announcement: Announcement) -> InlineKeyboardMarkup | None:
    """The buttons under an announcement: its button, then any more in the same row."""
    row = [
        InlineKeyboardButton(text=text, callback_data=data)
        for text, data in [
            (announcement.button_text, announcement.button_data),
            *(announcement.more_buttons or []),
        ]
        if text and data
    ]
    return InlineKeyboardMarkup(inline_keyboard=[row]) if row else None


class DeliveryEngine:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        core: BaseCore,
        default_locale: str,
        user_cache: UserCache | None = None,
        rate: float = 25.0,
        per_chat_seconds: float = PER_CHAT_SECONDS,
        *,
        limiter: Limiter | None = None,
        paid_rate: float = 1000.0,
        paid_limiter: Limiter | None = None,
        owner: str | None = None,
        lease_seconds: float = LEASE_SECONDS,
        is_leader: Callable[[], bool] = lambda: True,
        give_up_after: timedelta = timedelta(hours=6),
        retry_cap: float = RETRY_CAP,
    ) -> None:
        self.session_factory = session_factory
        self.core = core
        self.default_locale = default_locale
        self.user_cache = user_cache
        self.lanes = {
            False: Lane(limiter or RateLimiter(rate), CONCURRENCY, rate),
            True: Lane(paid_limiter or RateLimiter(paid_rate), PAID_CONCURRENCY, paid_rate),
        }
        self.per_chat_seconds = per_chat_seconds
        self.owner = owner or uuid.uuid4().hex[:12]
        self.lease = timedelta(seconds=lease_seconds)
        self.margin = timedelta(seconds=min(LEASE_MARGIN, lease_seconds / 2))
        self.is_leader = is_leader
        self.give_up_after = give_up_after
        self.retry_cap = retry_cap
        self.stats = Stats()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        self._in_flight: set[int] = set()
        self._leases: dict[int, datetime] = {}
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
        self.wake()
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
        self._in_flight.clear()
        self._leases.clear()

    def wake(self) -> None:
        for lane in self.lanes.values():
            lane.wake.set()

    # --- the loop -----------------------------------------------------------------------------
    async def _run(self, bot: Bot) -> None:
        """Work until stopped; an error of the engine is logged and the work starts again."""
        while True:
            try:
                await self._work(bot)
            except Exception as exc:
                logger.error("Delivery engine failed (%s); restarting", type(exc).__name__)
                await self._abandon_workers()
                if not self._stopping:
                    await asyncio.sleep(RESTART_SECONDS)
                    continue
            break
        if await self._finish() and self.is_leader():
            try:
                await self._progress(bot)
            except Exception as exc:
                logger.error("Delivery progress not shown at the stop (%s)", type(exc).__name__)

    async def _finish(self) -> bool:
        """Write every result and give back the rows not started. A locked database is waited
        out: a sent row whose result is not written would be sent again by whoever takes it
        after its lease (seen once as 7 residents getting one announcement twice)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + FINISH_SECONDS
        while True:
            try:
                await self._flush()
                await self._release_leases()
                return True
            except Exception as exc:
                if loop.time() >= deadline:
                    logger.error(
                        "Delivery engine could not finish cleanly (%s)", type(exc).__name__
                    )
                    return False
                logger.warning("Delivery results not written yet (%s)", type(exc).__name__)
                await asyncio.sleep(FLUSH_SECONDS)

    async def _abandon_workers(self) -> None:
        """After a failure: let in-flight sends end; their rows keep their lease until written."""
        if self._workers:
            await asyncio.gather(*self._workers, return_exceptions=True)
        await self._flush_logged()
        # Rows claimed but never started stay leased in the database and are taken again (by
        # any engine) when the lease ends; only unwritten results are still ours to write.
        self._in_flight = {r.outbox_id for r in self._results}
        self._leases = {k: v for k, v in self._leases.items() if k in self._in_flight}

    async def _work(self, bot: Bot) -> None:
        lanes_over = asyncio.Event()
        flusher = asyncio.create_task(self._flush_loop(lanes_over))
        try:
            async with asyncio.TaskGroup() as lanes:  # one lane failing stops the other
                lanes.create_task(self._lane(bot, urgent=True))
                lanes.create_task(self._lane(bot, urgent=False))
        except ExceptionGroup as failed:
            raise failed.exceptions[0] from None
        finally:
            # Told to end, not cancelled: a write cancelled half-way could leave its SQLite
            # connection holding the lock, and the stop's own write then failed (seen in CI).
            lanes_over.set()
            await asyncio.gather(flusher, return_exceptions=True)

    async def _lane(self, bot: Bot, urgent: bool) -> None:
        """Claim and send the rows of ordinary (or of urgent) announcements. The ordinary lane
        also materializes due announcements and shows progress."""
        lane = self.lanes[urgent]
        workers = self._workers
        slots = asyncio.Semaphore(lane.concurrency)
        loop = asyncio.get_running_loop()
        last_progress = 0.0
        mine: set[asyncio.Task[None]] = set()
        while not self._stopping:
            if not urgent:
                await self._activate_due()
            rows = await self._load(urgent)
            for row in rows:
                if self._stopping:
                    break
                await slots.acquire()
                task = asyncio.create_task(self._deliver(bot, row, slots, lane.limiter))
                for tasks in (workers, mine):
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
            if (
                not urgent
                and self.is_leader()
                and (loop.time() - last_progress >= PROGRESS_SECONDS or not rows)
            ):
                await self._progress(bot)
                last_progress = loop.time()
            if not rows:
                lane.wake.clear()
                try:
                    await asyncio.wait_for(lane.wake.wait(), IDLE_SECONDS)
                except TimeoutError:
                    pass
        if mine:  # (wait, not gather: cancelling this lane must not cancel the sends)
            done, _ = await asyncio.wait(mine)
            for task in done:
                task.result()  # a send's unexpected error is the engine's error

    async def _activate_due(self) -> None:
        async with self.session_factory() as session:
            repo = AnnouncementRepository(session)
            due = await repo.claim_due(datetime.now(UTC))  # locked: one process materializes
            for announcement in due:
                await repo.materialize(announcement)
            if due:
                await session.commit()

    async def _load(self, urgent: bool) -> list[tuple[Outbox, Announcement]]:
        """Claim up to a batch of due rows of one lane for this engine: locked rows (another
        engine is claiming them) are skipped, leased rows are left to their engine until the
        lease ends."""
        batch = self.lanes[urgent].batch
        now = datetime.now(UTC)
        loop_now = asyncio.get_running_loop().time()
        async with self.session_factory() as session:
            result = await session.execute(
                select(Outbox)
                .join(Announcement, Announcement.id == Outbox.announcement_id)
                .where(
                    Announcement.status == AnnouncementStatus.SENDING,
                    Announcement.urgent.is_(urgent),
                    Outbox.status == OutboxStatus.PENDING,
                    Outbox.next_attempt_at <= now,
                    or_(Outbox.lease_until.is_(None), Outbox.lease_until < now),
                )
                .order_by(Outbox.id)
                .limit(batch * 2)
                .with_for_update(skip_locked=True, of=Outbox)
            )
            claimed: list[Outbox] = []
            chats: set[int] = set()
            for outbox in result.scalars():
                if outbox.id in self._in_flight or outbox.chat_id in chats:
                    continue  # already being sent, or the same chat twice in one batch
                if loop_now - self._last_sent.get(outbox.chat_id, -1e9) < self.per_chat_seconds:
                    continue  # this chat had a message less than a second ago
                chats.add(outbox.chat_id)
                claimed.append(outbox)
                if len(claimed) >= batch:
                    break
            if not claimed:
                return []
            lease_until = now + self.lease
            await session.execute(
                update(Outbox)
                .where(Outbox.id.in_([o.id for o in claimed]))
                .values(claimed_by=self.owner, lease_until=lease_until)
            )
            announcements = {
                a.id: a
                for a in (
                    await session.execute(
                        select(Announcement).where(
                            Announcement.id.in_({o.announcement_id for o in claimed})
                        )
                    )
                ).scalars()
            }
            await session.commit()
        rows = []
        for outbox in claimed:
            self._in_flight.add(outbox.id)
            self._leases[outbox.id] = lease_until
            rows.append((outbox, announcements[outbox.announcement_id]))
        return rows

    async def _deliver(
        self,
        bot: Bot,
        row: tuple[Outbox, Announcement],
        slots: asyncio.Semaphore,
        limiter: Limiter,
    ) -> None:
        outbox, announcement = row
        try:
            if (
                self._leases.get(outbox.id, datetime.min.replace(tzinfo=UTC)) - datetime.now(UTC)
                < self.margin
            ):
                # Waited too long (a long pause): the lease may run out mid-send. Leave the row
                # to whoever claims it after the lease; sending now could send it twice.
                self._in_flight.discard(outbox.id)
                self._leases.pop(outbox.id, None)
                return
            result = await self._send(bot, outbox, announcement, limiter)
            now = asyncio.get_running_loop().time()
            self._last_sent[outbox.chat_id] = now
            stats = self.stats
            stats.first_answer = stats.first_answer or now
            stats.last_answer = now
            stats.answers += 1
            self._results.append(result)
            if len(self._results) >= FLUSH_ROWS:
                await self._flush_logged()
        finally:
            slots.release()

    async def _send(
        self, bot: Bot, outbox: Outbox, announcement: Announcement, limiter: Limiter
    ) -> Result:
        attempts = outbox.attempts + 1
        paid = announcement.urgent or None  # omitted from ordinary sends
        markup = markup_of(announcement)
        try:
            message_id = None
            if announcement.photo and len(announcement.text) <= PHOTO_CAPTION_MAX:
                await limiter.acquire()
                message_id = (
                    await bot.send_photo(
                        outbox.chat_id,
                        announcement.photo,
                        caption=announcement.text,
                        reply_markup=markup,
                        allow_paid_broadcast=paid,
                        request_timeout=SEND_TIMEOUT,
                    )
                ).message_id
            else:
                if announcement.photo:
                    await limiter.acquire()
                    await bot.send_photo(
                        outbox.chat_id,
                        announcement.photo,
                        allow_paid_broadcast=paid,
                        request_timeout=SEND_TIMEOUT,
                    )
                await limiter.acquire()
                message_id = (
                    await bot.send_message(
                        outbox.chat_id,
                        announcement.text,
                        reply_markup=markup,
                        allow_paid_broadcast=paid,
                        request_timeout=SEND_TIMEOUT,
                    )
                ).message_id
            self.stats.sent += 1
            self.stats.paid += 1 if paid else 0
            return Result(
                outbox.id, outbox.chat_id, OutboxStatus.SENT, attempts, message_id=message_id
            )
        except TelegramRetryAfter as exc:
            self.stats.retry_after += 1
            for lane in self.lanes.values():  # Telegram's «slow down» holds for every lane
                await lane.limiter.pause(exc.retry_after)
            retry_at = datetime.now(UTC) + timedelta(seconds=exc.retry_after)
            return Result(
                outbox.id, outbox.chat_id, OutboxStatus.PENDING, outbox.attempts, retry_at
            )
        except TelegramForbiddenError:
            self.stats.blocked += 1
            return Result(outbox.id, outbox.chat_id, OutboxStatus.BLOCKED, attempts)
        except TelegramBadRequest as exc:
            if paid and _out_of_stars(exc):
                logger.warning("Urgent alert %s: out of Stars, goes on unpaid", announcement.id)
                return Result(
                    outbox.id,
                    outbox.chat_id,
                    OutboxStatus.PENDING,
                    outbox.attempts,
                    out_of_stars=announcement.id,
                )
            self.stats.failed += 1
            return Result(
                outbox.id, outbox.chat_id, OutboxStatus.FAILED, attempts, error=exc.message[:200]
            )
        except UNREACHABLE as exc:  # network, 5xx: an outage
            now = datetime.now(UTC)
            since = outbox.failing_since or now
            if now - since >= self.give_up_after:
                self.stats.failed += 1
                return Result(
                    outbox.id,
                    outbox.chat_id,
                    OutboxStatus.FAILED,
                    attempts,
                    error=type(exc).__name__,
                )
            self.stats.retried += 1
            backoff = now + timedelta(seconds=min(2 ** min(attempts, 16), self.retry_cap))
            return Result(
                outbox.id,
                outbox.chat_id,
                OutboxStatus.PENDING,
                attempts,
                backoff,
                failing_since=since,
            )

    async def _flush_loop(self, lanes_over: asyncio.Event) -> None:
        while not lanes_over.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(lanes_over.wait(), FLUSH_SECONDS)
            await self._flush_logged()

    async def _flush_logged(self) -> None:
        try:
            await self._flush()
        except Exception as exc:  # the results stay queued and are written with the next flush
            logger.warning("Delivery results not written yet (%s)", type(exc).__name__)

    async def _flush(self) -> None:
        if not self._results:
            return
        results, self._results = self._results, []
        try:
            async with self.session_factory() as session:
                await session.execute(
                    update(Outbox)
                    .where(Outbox.claimed_by == self.owner)  # not if another took it over
                    .execution_options(synchronize_session=None),
                    [
                        {
                            "id": r.outbox_id,
                            "status": r.status,
                            "attempts": r.attempts,
                            "message_id": r.message_id,
                            "error": r.error,
                            "claimed_by": None,
                            "lease_until": None,
                            "failing_since": r.failing_since,
                            **({"next_attempt_at": r.next_attempt_at} if r.next_attempt_at else {}),
                        }
                        for r in results
                    ],
                )
                out_of_stars = {r.out_of_stars for r in results if r.out_of_stars}
                if out_of_stars:
                    await session.execute(
                        update(Announcement)
                        .where(Announcement.id.in_(out_of_stars))
                        .values(urgent=False)
                    )
                blocked = [r.chat_id for r in results if r.status is OutboxStatus.BLOCKED]
                users = UserRepository(session, self.user_cache)
                for chat_id in blocked:
                    await users.set_active(chat_id, False)
                await session.commit()
        except BaseException:  # an error, or the flusher cancelled mid-write at a stop
            self._results[:0] = results  # written with the next flush; the leases hold them
            raise
        for r in results:
            self._in_flight.discard(r.outbox_id)
            self._leases.pop(r.outbox_id, None)

    async def _release_leases(self) -> None:
        """On a graceful stop: rows claimed but not started go back at once, not after the lease."""
        async with self.session_factory() as session:
            await session.execute(
                update(Outbox)
                .where(Outbox.claimed_by == self.owner, Outbox.status == OutboxStatus.PENDING)
                .values(claimed_by=None, lease_until=None)
            )
            await session.commit()
        self._in_flight.clear()
        self._leases.clear()

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
                waiting = pending > 0 and await repo.waiting_for_telegram(announcement.id)
                await self.show(
                    bot, announcement, counts, author.locale if author else None, waiting
                )
            await session.commit()

    async def show(
        self,
        bot: Bot,
        announcement: Announcement,
        counts: dict[OutboxStatus, int],
        locale: str | None,
        waiting: bool = False,
    ) -> None:
        """Edit the author's progress message (skipped when nothing changed). `waiting`: some
        messages wait for Telegram to be reachable again."""
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
            key = "ann-progress-waiting" if waiting else "ann-progress"
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
        try:
            await bot.edit_message_text(
                text,
                chat_id=announcement.progress_chat_id,
                message_id=announcement.progress_message_id,
                reply_markup=markup,
            )
        except TelegramBadRequest as exc:  # e.g. the message was deleted: do not insist
            logger.info("Progress not shown: %s", type(exc).__name__)
        except UNREACHABLE as exc:  # shown again at the next round
            logger.info("Progress not shown: %s", type(exc).__name__)
            return
        self.stats.progress_edits[announcement.id] = signature
