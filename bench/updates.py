"""Updates per second through the full pipeline (middlewares, database, i18n, FSM) against a bare
aiogram echo bot, on the same updates, in the same run. No network: a recording Bot API session.

    .venv/bin/python -m bench.updates [--users 300] [--rounds 3] [--concurrency 32] [--newcomers]

The residents have consented and chosen their district (so a location finds the nearest
centers). With --newcomers they have not (the mix this bench measured until 2026-11-27): /start
asks for consent and the location is answered as a stray message in the middle of it.

On PostgreSQL (no user cache there; reference data version checked per update), with Redis for
forms and per-user isolation, in one or several processes feeding disjoint users at once:

    .venv/bin/python -m bench.updates --database-url postgresql+asyncpg://postgres@127.0.0.1/test \
        --redis-url redis://127.0.0.1:6379/13 --processes 2
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from aiogram import Bot, Dispatcher, F
from aiogram.types import CallbackQuery, Message, Update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import create_bot, create_dispatcher, freeze_startup_objects, prepare_database
from bot.config import Settings
from bot.keyboards.callbacks import CenterCb, PlaceCb
from storage.models import Role, User
from storage.repositories.directory import DistrictRef
from tests.fixtures.recording_session import RecordingSession
from tests.fixtures.updates import callback_update, location_update, text_update, tg_user

TOKEN = "123456789:BENCH_token_for_a_recording_session"


async def seed_residents(
    session_factory: async_sessionmaker[AsyncSession],
    users: int,
    district: DistrictRef,
    first_user: int,
) -> None:
    """Residents who gave consent and chose their district on an earlier day."""
    async with session_factory() as session:
        session.add_all(
            User(
                id=first_user + i,
                role=Role.RESIDENT,
                is_active=True,
                club_reminder_min=180,
                muted="",
                consent_at=datetime.now(UTC),
                municipality_id=district.municipality.id,
                district_id=district.id,
            )
            for i in range(users)
        )
        await session.commit()


def make_updates(
    users: int, district_id: int, center_id: int, first_user: int = 10_000
) -> list[Update]:
    """A resident's typical minute: /start, /centers, district, card, way back, location, help."""
    updates: list[Update] = []
    for i in range(users):
        u = tg_user(first_user + i)
        updates += [
            text_update(u, "/start"),
            text_update(u, "/centers"),
            callback_update(u, PlaceCb(level="dist", id=district_id, purpose="browse").pack()),
            callback_update(u, CenterCb(action="card", id=center_id).pack()),
            callback_update(u, CenterCb(action="list", id=center_id).pack()),
            location_update(u, 55.35, 86.08),
            text_update(u, "/help"),
        ]
    return updates


async def feed_all(dp: Dispatcher, bot: Bot, updates: list[Update], concurrency: int) -> float:
    """Seconds to handle every update, `concurrency` at a time (as polling does with tasks)."""
    semaphore = asyncio.Semaphore(concurrency)

    async def one(update: Update) -> None:
        async with semaphore:
            await dp.feed_update(bot, update)

    started = time.perf_counter()
    await asyncio.gather(*(one(u) for u in updates))
    return time.perf_counter() - started


def echo_dispatcher() -> Dispatcher:
    dp = Dispatcher()

    @dp.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    @dp.message()
    async def other(message: Message) -> None:
        await message.answer("?")

    @dp.callback_query()
    async def tap(callback: CallbackQuery) -> None:
        await callback.answer()

    return dp


def settings_for(database_url: str, redis_url: str | None) -> Settings:
    return Settings.model_validate(
        {"bot_token": TOKEN, "database_url": database_url, "redis_url": redis_url or ""}
    )


async def shared_worker(
    database_url: str,
    redis_url: str | None,
    first_user: int,
    users: int,
    concurrency: int,
    newcomers: bool,
) -> tuple[int, float]:
    """One process of several: its own users, the shared database and Redis."""
    settings = settings_for(database_url, redis_url)
    db = await prepare_database(settings)
    center = db.directory.center_by_code("borovoy")
    assert center is not None
    if not newcomers:
        await seed_residents(db.session_factory, users, center.district, first_user)
    session = RecordingSession()
    bot = create_bot(settings, session=session)
    dp = create_dispatcher(settings, db)
    await dp.emit_startup(bot=bot, dispatcher=dp, **dp.workflow_data)
    freeze_startup_objects()  # as bot.run does before serving
    updates = make_updates(users, center.district.id, center.id, first_user)
    took = await feed_all(dp, bot, updates, concurrency)
    failures = [r for r in session.requests if "Что-то пошло не так" in str(getattr(r, "text", ""))]
    assert not failures, f"{len(failures)} updates failed"
    await dp.emit_shutdown(bot=bot, dispatcher=dp, **dp.workflow_data)
    return len(updates), took


def _run_worker(args: tuple[str, str | None, int, int, int, bool]) -> tuple[int, float]:
    return asyncio.run(shared_worker(*args))


async def main_shared(
    database_url: str,
    redis_url: str | None,
    processes: int,
    users: int,
    rounds: int,
    concurrency: int,
    newcomers: bool,
) -> None:
    import multiprocessing

    settings = settings_for(database_url, redis_url)
    db = await prepare_database(settings)  # migrate once before the workers start
    await db.engine.dispose()
    rates = []
    context = multiprocessing.get_context("spawn")
    for r in range(rounds):
        first = 1_000_000 * (r + 1)
        jobs = [
            (database_url, redis_url, first + i * users, users, concurrency, newcomers)
            for i in range(processes)
        ]
        with context.Pool(processes) as pool:
            results = pool.map(_run_worker, jobs)
        total = sum(n for n, _ in results)
        rates.append(total / max(took for _, took in results))
        print(f"round {r + 1}: {rates[-1]:8.0f} upd/s over {processes} process(es)")
    backend = "PostgreSQL" + (" + Redis" if redis_url else "")
    print(
        f"updates per round: {users * 7 * processes} ({users} users x 7 x {processes} processes),"
        f" concurrency {concurrency} each, {backend}"
    )
    print(f"full pipeline : {statistics.median(rates):8.0f} updates/s (median of {rounds})")


async def main(users: int, rounds: int, concurrency: int, newcomers: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = settings_for(f"sqlite+aiosqlite:///{Path(tmp) / 'b.sqlite3'}", None)
        db = await prepare_database(settings)
        center = db.directory.center_by_code("borovoy")
        assert center is not None
        district = center.district
        if not newcomers:
            await seed_residents(db.session_factory, users, district, 10_000)
        full_session, echo_session = RecordingSession(), RecordingSession()
        full_bot = create_bot(settings, session=full_session)
        echo_bot = create_bot(settings, session=echo_session)
        full = create_dispatcher(settings, db)
        echo = echo_dispatcher()
        await full.emit_startup(bot=full_bot, dispatcher=full, **full.workflow_data)
        freeze_startup_objects()  # as bot.run does before serving

        full_rates: list[float] = []
        echo_rates: list[float] = []
        for r in range(rounds):
            updates = make_updates(users, district.id, center.id)
            echo_rates.append(len(updates) / await feed_all(echo, echo_bot, updates, concurrency))
            updates = make_updates(users, district.id, center.id)
            full_rates.append(len(updates) / await feed_all(full, full_bot, updates, concurrency))
            failures = [
                r
                for r in full_session.requests
                if "Что-то пошло не так" in str(getattr(r, "text", ""))
            ]
            assert not failures, f"{len(failures)} updates failed"
            full_session.requests.clear()
            echo_session.requests.clear()
            print(
                f"round {r + 1}: full {full_rates[-1]:8.0f} upd/s   echo {echo_rates[-1]:8.0f} upd/s"
            )

        await full.emit_shutdown(bot=full_bot, dispatcher=full, **full.workflow_data)
        full_rate, echo_rate = statistics.median(full_rates), statistics.median(echo_rates)
        print(
            f"updates per round: {users * 7} ({users} users x 7), concurrency {concurrency}, SQLite,"
            f" {'newcomers (no consent yet)' if newcomers else 'residents who finished onboarding'}"
        )
        print(f"full pipeline : {full_rate:8.0f} updates/s (median of {rounds})")
        print(f"bare echo bot : {echo_rate:8.0f} updates/s")
        print(f"ratio         : {full_rate / echo_rate:8.1%} of the echo bot")
        print(
            f"goal          : >= 1000 updates/s and >= 25% -> "
            f"{'met' if full_rate >= 1000 and full_rate / echo_rate >= 0.25 else 'NOT met'}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--database-url", help="PostgreSQL URL: measure the shared setup")
    parser.add_argument("--redis-url", help="with --database-url: forms and isolation in Redis")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument(
        "--newcomers", action="store_true", help="residents who have not consented yet"
    )
    args = parser.parse_args()
    if args.database_url:
        asyncio.run(
            main_shared(
                args.database_url,
                args.redis_url,
                args.processes,
                args.users,
                args.rounds,
                args.concurrency,
                args.newcomers,
            )
        )
    else:
        asyncio.run(main(args.users, args.rounds, args.concurrency, args.newcomers))
