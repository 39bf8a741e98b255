"""`python -m bot`: check settings, migrate, load reference data, then poll or serve the webhook."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from contextlib import suppress

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from pydantic import ValidationError

from bot.app import DatabaseUnavailable, create_bot, create_dispatcher, prepare_database
from bot.config import Settings

logger = logging.getLogger("bot")

EXIT_CONFIG = 2


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(EXIT_CONFIG)


def load_settings() -> Settings:
    try:
        return Settings()  # type: ignore[call-arg]
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = str(error["loc"][0]).upper() if error["loc"] else "settings"
            reason = (
                "is missing"
                if error["type"] == "missing"
                else error["msg"].removeprefix("Value error, ")
            )
            problems.append(f"{name} {reason}")
        fail("; ".join(problems) + " (see .env.example)")
        raise  # unreachable


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
    SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=secret).register(
        app, path=settings.webhook_path
    )
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


async def main() -> None:
    settings = load_settings()
    configure_logging(settings.log_level)
    try:
        db = await prepare_database(settings)
    except DatabaseUnavailable as exc:
        fail(f"DATABASE_URL: cannot open the database ({exc})")
        return
    bot = create_bot(settings)
    dp = create_dispatcher(settings, db)
    if settings.webhook_url:
        await run_webhook(dp, bot, settings)
    else:
        await bot.delete_webhook(drop_pending_updates=False)
        await dp.start_polling(bot, handle_signals=True, close_bot_session=True)
    logger.info("Stopped")


if __name__ == "__main__":
    with suppress(KeyboardInterrupt):
        asyncio.run(main())
