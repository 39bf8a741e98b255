"""Factories shared by `python -m bot`, the tests and the benchmarks."""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import SimpleEventIsolation
from aiogram_dialog import setup_dialogs
from aiogram_i18n import I18nMiddleware
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.background import Background
from bot.broadcast.engine import DeliveryEngine
from bot.broadcast.limiter import Limiter, RateLimiter, RedisRateLimiter
from bot.cluster import HEARTBEAT_SECONDS, Cluster, is_shared
from bot.commands import set_chat_commands, set_default_commands
from bot.config import Settings
from bot.context import with_context
from bot.gathering_notices import GatheringNotices
from bot.i18n import BotTextsCore, create_core
from bot.idea_alerts import IdeaAlerts
from bot.metrics import Metrics
from bot.middlewares.callbacks import AnswerEveryTap, AnswerOnce
from bot.middlewares.db import DbSessionMiddleware
from bot.middlewares.inflight import InFlightMiddleware
from bot.middlewares.locale import UserLocaleManager
from bot.middlewares.requests import CommitBeforeSending, QuietWhenUnchanged
from bot.permissions import effective_role
from bot.scheduler import create_scheduler
from bot.services.contests import ContestNotices
from bot.services.ideas import IdeasDigest
from bot.services.reminders import Reminders
from bot.vote_notices import VoteNotices
from handlers import get_routers
from storage.db import create_engine, create_session_factory
from storage.fsm import DatabaseStorage
from storage.migrate import startup_lock, upgrade_to_head
from storage.models import Role
from storage.reference import load_reference_data
from storage.repositories.clubs import ClubCounts
from storage.repositories.directory import Directory
from storage.repositories.users import UserCache, UserRepository

logger = logging.getLogger(__name__)

SHUTDOWN_GRACE_SECONDS = 10.0


def create_bot(settings: Settings, session: BaseSession | None = None) -> Bot:
    if session is None:
        session = AiohttpSession()
        if settings.telegram_api_url:
            session.api = TelegramAPIServer.from_base(settings.telegram_api_url)
    session.middleware(CommitBeforeSending())
    session.middleware(QuietWhenUnchanged())
    session.middleware(AnswerOnce())
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


@dataclass
class Database:
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    directory: Directory
    # Only for SQLite (one process): several processes must see each other's changes at once.
    user_cache: UserCache | None = field(default_factory=UserCache)
    club_counts: ClubCounts | None = field(default_factory=ClubCounts)

    @property
    def shared(self) -> bool:
        return is_shared(self.engine)


class DatabaseUnavailable(Exception):
    """DATABASE_URL is malformed, names an unknown driver, or the server cannot be reached."""


async def prepare_database(settings: Settings) -> Database:
    """Connect, migrate to head and load the reference data (idempotent)."""
    try:
        engine = create_engine(
            settings.database_url, settings.database_pool_size, settings.database_lock_wait
        )
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError, ImportError, ValueError) as exc:
        # The message may contain the password: name only the kind of failure.
        raise DatabaseUnavailable(type(exc).__name__) from None
    session_factory = create_session_factory(engine)
    async with startup_lock(engine):  # processes started together migrate one at a time
        await upgrade_to_head(engine)
        async with session_factory() as session:
            loaded = await load_reference_data(session, demo=settings.demo)
            directory = await Directory.load(session)
            await directory.publish(session)
            await session.commit()
    if loaded.examples_closed:
        logger.info("Not in demo mode: %d example clubs closed", loaded.examples_closed)
    logger.info(
        "Reference data: %d municipalities, %d districts, %d centers, %d committees, %d actions",
        loaded.municipalities,
        loaded.districts,
        loaded.centers,
        loaded.committees,
        loaded.actions,
    )
    if is_shared(engine):
        return Database(engine, session_factory, directory, None, None)
    return Database(engine, session_factory, directory, UserCache(), ClubCounts())


def create_storage(settings: Settings, db: Database) -> BaseStorage:
    """Forms' state: in the database by default (one bot process per database), in Redis when
    REDIS_URL is set (several processes)."""
    if settings.redis_url:
        from aiogram.fsm.storage.redis import RedisStorage

        # Forms keep their stacks under their own key destinies (aiogram-dialog).
        return RedisStorage.from_url(
            settings.redis_url, key_builder=DefaultKeyBuilder(with_destiny=True)
        )
    return DatabaseStorage(db.session_factory)


def create_isolation(storage: BaseStorage) -> BaseEventIsolation:
    """One user's updates are handled one at a time: across processes through Redis."""
    from aiogram.fsm.storage.redis import RedisStorage

    if isinstance(storage, RedisStorage):
        return storage.create_isolation()
    return SimpleEventIsolation()


def freeze_startup_objects() -> None:
    """What is built before serving (modules, routers, dialogs, the directory) lives as long as
    the process: it is taken out of the garbage collector's scans, which would otherwise walk it
    again and again (about a tenth of an update's time in bench.updates). Only for a process
    that serves; tests build many dispatchers and must be able to free them."""
    gc.collect()
    gc.freeze()


def create_dispatcher(
    settings: Settings, db: Database, storage: BaseStorage | None = None
) -> Dispatcher:
    storage = storage or create_storage(settings, db)
    redis = Redis.from_url(settings.redis_url) if settings.redis_url else None
    cluster = Cluster(
        db.engine,
        db.session_factory,
        mode="webhook" if settings.webhook_url else "polling",
        interval=min(settings.scheduler_interval or HEARTBEAT_SECONDS, HEARTBEAT_SECONDS),
    )
    metrics = Metrics()
    dp = Dispatcher(
        storage=storage,
        events_isolation=create_isolation(storage),
        settings=settings,
        engine=db.engine,
        session_factory=db.session_factory,
        directory=db.directory,
        user_cache=db.user_cache,
        club_counts=db.club_counts,
        cluster=cluster,
        metrics=metrics,
        redis=redis,
    )
    inflight = InFlightMiddleware(metrics)
    dp["inflight"] = inflight
    dp["background"] = Background()
    dp.update.outer_middleware(inflight)
    dp.update.outer_middleware(
        DbSessionMiddleware(
            db.session_factory, db.user_cache, db.club_counts, db.directory, db.shared
        )
    )
    core = create_core(settings.default_locale)
    I18nMiddleware(
        core=core,
        manager=UserLocaleManager(default_locale=settings.default_locale),
        default_locale=settings.default_locale,
    ).setup(dp)
    dp["i18n_core"] = core
    dp.update.outer_middleware(with_context)  # after the session's and the language's
    dp.callback_query.outer_middleware(AnswerEveryTap())
    dp.include_routers(*get_routers())
    setup_dialogs(dp, events_isolation=create_isolation(storage))
    bot_id = int(settings.bot_token.get_secret_value().split(":", 1)[0])

    def limiter_for(rate: float, name: str) -> Limiter:
        return (
            RedisRateLimiter(redis, bot_id, rate, name) if redis is not None else RateLimiter(rate)
        )

    limiter = limiter_for(settings.broadcast_rate, "free")
    delivery = DeliveryEngine(
        db.session_factory,
        core,
        settings.default_locale,
        db.user_cache,
        settings.broadcast_rate,
        limiter=limiter,
        paid_rate=settings.paid_broadcast_rate,
        paid_limiter=limiter_for(settings.paid_broadcast_rate, "paid"),
        owner=cluster.id,
        is_leader=lambda: cluster.is_leader,
        give_up_after=timedelta(hours=settings.telegram_outage_hours),
    )
    dp["delivery"] = delivery
    reminders = Reminders(db.session_factory, settings, core, db.directory, limiter, db.user_cache)
    dp["reminders"] = reminders
    metrics.count_sends(delivery.stats.as_metrics)
    metrics.count_sends(reminders.stats.as_metrics)
    dp["contest_notices"] = ContestNotices(
        db.session_factory, core, settings.default_locale, settings.tz
    )
    dp["ideas_digest"] = IdeasDigest(
        db.session_factory, core, settings.default_locale, settings.tz, db.directory
    )
    dp["idea_alerts"] = IdeaAlerts(
        db.session_factory, core, settings.default_locale, db.directory, settings.admin_ids
    )
    dp["vote_notices"] = VoteNotices(
        db.session_factory, core, settings.default_locale, db.directory
    )
    dp["gathering_notices"] = GatheringNotices(
        db.session_factory,
        core,
        settings.default_locale,
        settings.tz,
        db.directory,
    )
    dp.startup.register(_on_startup)
    dp.shutdown.register(_on_shutdown)
    return dp


async def _on_startup(
    bot: Bot,
    dispatcher: Dispatcher,
    reminders: Reminders,
    delivery: DeliveryEngine,
    contest_notices: ContestNotices,
    ideas_digest: IdeasDigest,
    idea_alerts: IdeaAlerts,
    vote_notices: VoteNotices,
    gathering_notices: GatheringNotices,
    settings: Settings,
    i18n_core: BotTextsCore,
    session_factory: async_sessionmaker[AsyncSession],
    cluster: Cluster,
) -> None:
    await set_default_commands(bot, i18n_core, settings.default_locale)
    async with session_factory() as session:
        staff_and_admins = await UserRepository(session).with_extra_commands()
        privileged = {u.id: effective_role(u, settings) for u in staff_and_admins}
    privileged.update(dict.fromkeys(settings.admin_ids, Role.ADMIN))
    for chat_id, role in privileged.items():
        await set_chat_commands(bot, i18n_core, chat_id, role)
    await cluster.start()
    if settings.scheduler_interval:  # background work; tests drive these themselves
        scheduler = create_scheduler(
            settings.scheduler_interval,
            {
                "reminders": lambda: reminders.tick(bot),
                "contest-notices": lambda: contest_notices.tick(datetime.now(UTC)),
                "ideas-digest": lambda: ideas_digest.tick(datetime.now(UTC)),
                "idea-alerts": lambda: idea_alerts.tick(datetime.now(UTC), bot),
                "votes": lambda: vote_notices.tick(datetime.now(UTC), bot),
                "gatherings": lambda: gathering_notices.tick(datetime.now(UTC), bot),
            },
            should_run=lambda: cluster.is_leader,
        )
        scheduler.start()
        dispatcher["scheduler"] = scheduler
        delivery.start(bot)


async def _on_shutdown(
    dispatcher: Dispatcher,
    inflight: InFlightMiddleware,
    engine: AsyncEngine,
    settings: Settings,
    cluster: Cluster,
    redis: Redis | None,
) -> None:
    scheduler = dispatcher.workflow_data.pop("scheduler", None)
    if scheduler is not None:
        scheduler.shutdown(wait=False)
    if settings.scheduler_interval:
        await dispatcher["delivery"].stop()  # in-flight messages finish, results are written
    if not await inflight.wait_idle(SHUTDOWN_GRACE_SECONDS):
        logger.warning("Shutting down with %d updates still in flight", inflight.count)
    await dispatcher["background"].stop()  # a booklet half made is asked for again
    await cluster.stop()
    if redis is not None:
        await redis.aclose()
    await engine.dispose()
