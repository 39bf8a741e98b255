from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from bot.app import create_bot, create_dispatcher, prepare_database
from bot.config import Settings
from storage.db import create_engine
from tests.fixtures.harness import Harness
from tests.fixtures.recording_session import RecordingSession
from tests.fixtures.updates import tg_user

TOKEN = "123456789:TEST_token_for_the_local_fake_server"
ADMIN_ID = 1
BASE_PG_URL = os.environ.get("TEST_DATABASE_URL")
# Each pytest-xdist worker has a database of its own on the same server (test_gw0, test_gw1…).
WORKER = os.environ.get("PYTEST_XDIST_WORKER")
PG_URL = (
    make_url(BASE_PG_URL)
    .set(database=f"{make_url(BASE_PG_URL).database}_{WORKER}")
    .render_as_string(hide_password=False)
    if BASE_PG_URL and WORKER
    else BASE_PG_URL
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that wait minutes doing next to nothing go first: a worker starts them at once
    and the other workers run the rest meanwhile (pytest-xdist hands out tests in this order)."""
    items.sort(key=lambda item: item.get_closest_marker("waits_minutes") is None)


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "bot_token": TOKEN,
        "database_url": database_url,
        "admin_ids": str(ADMIN_ID),
        "scheduler_interval": 0,  # tests tick the reminders themselves, on a fake clock
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg,arg-type]


async def ensure_database(url: str) -> None:
    name = make_url(url).database
    server = create_async_engine(
        make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    async with server.connect() as conn:
        exists = await conn.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        )
        if not exists:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await server.dispose()


async def reset_postgres(url: str) -> None:
    await ensure_database(url)
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


async def _prepared(url: str) -> None:
    db = await prepare_database(make_settings(url))
    await db.engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head with the reference data loaded, made once per worker: each
    test starts from a copy of it instead of running every migration again (the bot still runs
    its start-up on the copy, which finds nothing left to do)."""
    path = tmp_path_factory.mktemp("template") / "bot.sqlite3"
    asyncio.run(_prepared(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    target = tmp_path / "bot.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{sqlite_template}{suffix}")
        if source.exists():
            shutil.copyfile(source, Path(f"{target}{suffix}"))
    return f"sqlite+aiosqlite:///{target}"


@pytest.fixture(params=["sqlite", "postgresql"])
async def any_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Storage tests run on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set."""
    if request.param == "sqlite":  # an empty file: the migration tests start from nothing
        return f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    if not PG_URL:
        pytest.skip("TEST_DATABASE_URL not set")
    await reset_postgres(PG_URL)
    return PG_URL


async def _harness(
    settings: Settings, request: pytest.FixtureRequest | None = None
) -> AsyncIterator[Harness]:
    db = await prepare_database(settings)
    session = RecordingSession()
    bot = create_bot(settings, session=session)
    dp = create_dispatcher(settings, db)
    await dp.emit_startup(bot=bot, dispatcher=dp, **dp.workflow_data)
    try:
        yield Harness(dp, bot, session, db.session_factory, settings)
    finally:
        await dp.emit_shutdown(bot=bot, dispatcher=dp, **dp.workflow_data)
    # Every screen the test went through: none longer than an elder reads at once.
    if request is None or request.node.get_closest_marker("users_long_text") is None:
        assert not session.too_long, [text[:120] for text in session.too_long]
    assert not session.broken, session.broken


@pytest.fixture
async def harness(sqlite_url: str, request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    async for h in _harness(make_settings(sqlite_url), request):
        yield h


@pytest.fixture
async def demo_harness(sqlite_url: str, request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    """The bot in demo mode: with the example clubs."""
    async for h in _harness(make_settings(sqlite_url, demo=True), request):
        yield h


@pytest.fixture
async def pg_or_sqlite_harness(
    any_db_url: str, request: pytest.FixtureRequest
) -> AsyncIterator[Harness]:
    async for h in _harness(make_settings(any_db_url), request):
        yield h


@pytest.fixture
def resident():
    return tg_user(1001, username="Anna_Resident", first_name="Анна")


@pytest.fixture
def admin():
    return tg_user(ADMIN_ID, username="city_admin", first_name="Админ")


@pytest.fixture(autouse=True)
async def no_task_outlives_its_test(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """Every task a test started has ended once its fixtures are shut down. One still running
    holds the event loop's close (a run once hung so, with no name to it): torn down last, this
    fixture cancels such tasks and fails the test naming them and where each one waits."""
    yield
    left = [t for t in asyncio.all_tasks() if t is not asyncio.current_task() and not t.done()]
    if not left:
        return
    where = [f"{t.get_name()} at {t.get_stack(limit=3)}" for t in left]
    for task in left:
        task.cancel()
    _, stuck = await asyncio.wait(left, timeout=10)
    pytest.fail(f"tasks outlived {request.node.nodeid} ({len(stuck)} ignore cancelling): {where}")
