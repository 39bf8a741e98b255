"""Running the bot once its settings are known: check the token, migrate, load reference data,
then poll or serve the webhook (`python -m bot` checks the settings first, see bot/__main__.py)."""

from __future__ import annotations

import asyncio
import logging
import signal
from functools import partial
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import func, select, text

from bot.app import (
    Database,
    DatabaseUnavailable,
    create_bot,
    create_dispatcher,
    freeze_startup_objects,
    prepare_database,
)
from bot.cluster import ALIVE_SECONDS, alive_instances
from bot.config import Settings
from bot.startup import fail
from storage.db import FAULT_LOG
from storage.models import Outbox

logger = logging.getLogger("bot")

HEALTH_TIMEOUT = 3.0


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # Their DEBUG lines carry SQL parameters and request bodies, i.e. personal data.
    for name in ("aiosqlite", "sqlalchemy.engine", "asyncpg", "aiohttp.access"):
        logging.getLogger(name).setLevel(logging.WARNING)
    # A line per tick every 30 s says nothing; failures are logged by the ticks themselves.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


async def run_webhook(dp: Dispatcher, bot: Bot, settings: Settings) -> None:
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None

    async def set_webhook() -> None:
        assert settings.webhook_url is not None
        await bot.set_webhook(
            settings.webhook_url,
            secret_token=secret,
            allowed_updates=dp.resolve_used_update_types(),
            drop_pending_updates=False,
        )

    dp.startup.register(set_webhook)
    app = web.Application()
    # The answer goes back only after the update was handled and committed: a process killed
    # in the middle answers nothing, and Telegram sends the update again (to another process).
    SimpleRequestHandler(
        dispatcher=dp, bot=bot, secret_token=secret, handle_in_background=False
    ).register(app, path=settings.webhook_path)
    app.router.add_get("/healthz", partial(healthz, dp))
    app.router.add_get("/metrics", partial(metrics, dp))
    setup_application(app, dp, bot=bot)
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
    await site.start()
    logger.info("Webhook server on %s:%s", settings.webhook_host, settings.webhook_port)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()  # stops accepting, runs dp shutdown (waits in-flight, closes DB)
        await bot.session.close()


async def healthz(dp: Dispatcher, _request: web.Request) -> web.Response:
    """200 when the database (and Redis, if set) answer; says whether this process leads."""
    checks: dict[str, Any] = {}
    try:
        async with dp["engine"].connect() as conn:
            await asyncio.wait_for(conn.execute(text("SELECT 1")), HEALTH_TIMEOUT)
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = type(exc).__name__
    redis = dp["redis"]
    if redis is not None:
        try:
            await asyncio.wait_for(redis.ping(), HEALTH_TIMEOUT)
            checks["redis"] = "ok"
        except Exception as exc:
            checks["redis"] = type(exc).__name__
    fault = dp["metrics"].recent_storage_fault()
    checks["writes"] = FAULT_LOG[fault] if fault else "ok"  # a read may pass while writes fail
    healthy = all(v == "ok" for v in checks.values())
    cluster = dp["cluster"]
    body = {
        "status": "ok" if healthy else "fail",
        **checks,
        "leader": cluster.is_leader,
        "instance": cluster.id,
    }
    return web.json_response(body, status=200 if healthy else 503)


async def metrics(dp: Dispatcher, _request: web.Request) -> web.Response:
    async def outbox_counts() -> dict[str, int]:
        async with dp["session_factory"]() as session:
            rows = await session.execute(
                select(Outbox.status, func.count()).group_by(Outbox.status)
            )
            return {str(status): int(n) for status, n in rows.all()}

    body = await dp["metrics"].render(outbox_counts, dp["cluster"].is_leader)
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


async def refuse_beside_others(db: Database, settings: Settings) -> None:
    """Polling serves one process only, and deleting the webhook would switch it off for every
    webhook process; a webhook process beside a polling one would stop that one's updates."""
    alive = await alive_instances(db.session_factory)
    if not settings.webhook_url and alive:
        fail(
            "another bot process is running on this database (seen in the last "
            f"{ALIVE_SECONDS} s); polling serves one process only: stop it, or run every "
            "process in webhook mode (README: «Несколько процессов»)"
        )
    if settings.webhook_url and alive.get("polling"):
        fail(
            "a polling bot process is running on this database; stop it before starting "
            "webhook processes (README: «Несколько процессов»)"
        )


async def check_token(bot: Bot) -> None:
    """A token of the right shape that Telegram refuses (revoked, mistyped) is one clear line;
    Telegram out of reach is not a reason to stay down (polling and webhooks wait for it)."""
    try:
        await bot.get_me(request_timeout=10)
    except TelegramUnauthorizedError:
        fail("BOT_TOKEN: Telegram does not accept this token; copy it again from @BotFather")
    except TelegramAPIError as exc:
        logger.warning("Telegram cannot be reached yet (%s); starting anyway", type(exc).__name__)


async def main(settings: Settings) -> None:
    configure_logging(settings.log_level)
    bot = create_bot(settings)
    try:
        await check_token(bot)
        try:
            db = await prepare_database(settings)
        except DatabaseUnavailable as exc:
            fail(f"DATABASE_URL: cannot open the database ({exc})")
        await refuse_beside_others(db, settings)
    except SystemExit:
        await bot.session.close()
        raise
    dp = create_dispatcher(settings, db)
    freeze_startup_objects()
    if settings.webhook_url:
        await run_webhook(dp, bot, settings)
    else:
        await bot.delete_webhook(drop_pending_updates=False)
        await dp.start_polling(bot, handle_signals=True, close_bot_session=True)
    logger.info("Stopped")
