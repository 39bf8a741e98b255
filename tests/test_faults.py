"""Faults of the machine: a long database lock, a full disk. Nothing lost, nothing said before
it is saved, and a clear answer when it cannot be saved."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.app import create_bot
from bot.broadcast.engine import DeliveryEngine
from bot.keyboards.callbacks import ConsentCb
from storage.models import AnnouncementStatus, OutboxStatus
from storage.repositories.announcements import AnnouncementRepository
from tests.conftest import _harness, make_settings
from tests.fixtures.fake_bot_api import FakeBotApi
from tests.fixtures.harness import Harness, joined
from tests.fixtures.updates import tg_user
from tests.test_broadcast import (
    add_residents,
    announce,
    api,
    engine_for,
    outbox,
    send_through,
    under_way,
    wait_done,
)

__all__ = ["api"]  # the fixture, shared with the broadcast tests


def db_path(harness: Harness) -> str:
    path = make_url(harness.settings.database_url).database
    assert path
    return path


@contextlib.contextmanager
def exclusive_lock(path: str) -> Iterator[None]:
    """Another program holds the database's write lock (a backup, a long export)."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=60)  # a gap between our writes
    conn.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


async def test_a_15_second_lock_is_waited_out_nothing_lost_nothing_said_before_saved(
    harness: Harness, api: FakeBotApi
):
    people = [tg_user(3000 + i) for i in range(8)]
    for person in people:
        await harness.say(person, "/start")
    residents = await add_residents(harness, 150)
    bot = create_bot(harness.settings.model_copy(update={"telegram_api_url": api.url}))
    announcement_id = await announce(harness)
    engine = engine_for(harness, rate=40)
    engine.start(bot)
    try:
        while len(api.sent_to) < 20:
            await asyncio.sleep(0.01)
        before = len(harness.session.requests)
        with exclusive_lock(db_path(harness)):
            taps = [asyncio.create_task(harness.tap(p, ConsentCb(agree=True))) for p in people]
            await asyncio.sleep(15)
            # Nobody was told anything while their consent could not be written.
            assert harness.session.requests[before:] == []
            assert not any(t.done() for t in taps)
        answers = await asyncio.gather(*taps)
        await wait_done(harness, announcement_id, seconds=60)
    finally:
        await engine.stop()
    for person, sent in zip(people, answers, strict=True):
        assert "Выберите ваш город" in joined(sent) or "Выберите ваш район" in joined(sent)
        stored = await harness.db_user(person.id)
        assert stored is not None and stored.consent_at is not None
    rows = await outbox(harness, announcement_id)
    assert all(r.status is OutboxStatus.SENT for r in rows.values())
    assert api.sent_to == dict.fromkeys(residents, 1)  # the broadcast finished, once each
    # A restart re-sends nothing that was confirmed.
    again = engine_for(harness)
    again.start(bot)
    await asyncio.sleep(2)
    await again.stop()
    await bot.session.close()
    assert again.stats.sent == 0 and api.sent_to == dict.fromkeys(residents, 1)


@pytest.fixture
async def impatient(sqlite_url: str) -> AsyncIterator[Harness]:
    """A bot that waits only a second for a locked database."""
    async for h in _harness(make_settings(sqlite_url, database_lock_wait=1)):
        yield h


async def test_a_lock_longer_than_the_wait_is_told_and_nothing_half_saved(
    impatient: Harness, caplog: pytest.LogCaptureFixture
):
    person = tg_user(3100, first_name="Зинаида")
    await impatient.say(person, "/start")
    caplog.set_level(logging.ERROR)
    with exclusive_lock(db_path(impatient)):
        sent = await impatient.tap(person, ConsentCb(agree=True))
    assert "Сервер занят" in joined(sent) and "не сохранено" in joined(sent)
    assert "Выберите ваш" not in joined(sent)  # not a word of the next step
    stored = await impatient.db_user(person.id)
    assert stored is not None and stored.consent_at is None
    assert "database is locked" in caplog.text and "Зинаида" not in caplog.text
    metrics = impatient.dp["metrics"]
    assert metrics.recent_storage_fault() == "locked"  # /healthz says «writes: database is locked»
    assert b'bot_storage_faults_total{cause="locked"} 1.0' in await metrics.render(
        _no_outbox, leader=True
    )
    # Once the lock is gone the same tap works.
    sent = await impatient.tap(person, ConsentCb(agree=True))
    assert "Выберите ваш" in joined(sent)
    stored = await impatient.db_user(person.id)
    assert stored is not None and stored.consent_at is not None


async def test_a_lock_at_a_graceful_stop_is_waited_out_and_nothing_is_sent_twice(
    impatient: Harness, api: FakeBotApi
):
    """The results of a stopping engine could not be written (the database locked past its
    one-second wait): they were lost, the rows' leases ran out, and the next engine sent them
    again. Now the stop waits the lock out and writes them."""
    harness = impatient
    residents = await add_residents(harness, 100)
    first = engine_for(harness, rate=100)
    bot, announcement_id = await under_way(harness, api, first, sent=30)
    with exclusive_lock(db_path(harness)):
        stopping = asyncio.create_task(first.stop())  # as on SIGTERM, the database locked
        await asyncio.sleep(3)  # three times the wait for a lock
        assert not stopping.done()  # waits the lock out instead of giving the results up
    await stopping
    sent_by_first = sum(api.sent_to.values())
    rows = await outbox(harness, announcement_id)
    assert sum(r.status is OutboxStatus.SENT for r in rows.values()) == sent_by_first
    await bot.session.close()  # the next engine sends through a bot of its own
    await send_through(harness, api, announcement_id, engine_for(harness, rate=400))
    assert api.sent_to == dict.fromkeys(residents, 1)


async def _no_outbox() -> dict[str, int]:
    return {}


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB file system of its own (tmpfs), so the test can fill it."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("needs to mount a small tmpfs (root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(directory: Path) -> Path:
    """Write a file until the file system has no room left."""
    filler = directory / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as f:
        while True:
            f.write(b"\0" * 65536)
            f.flush()
            os.fsync(f.fileno())
    return filler


async def test_a_full_disk_is_told_nothing_half_saved_and_recovers(small_disk: Path):
    settings = make_settings(f"sqlite+aiosqlite:///{small_disk / 'bot.sqlite3'}")
    async for harness in _harness(settings):
        person = tg_user(3200)
        await harness.say(person, "/start")
        async with harness.dp["engine"].connect() as conn:
            await conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))  # every write needs room
        filler = fill(small_disk)
        sent = await harness.tap(person, ConsentCb(agree=True))
        assert "не может сохранить" in joined(sent)
        assert "Выберите ваш" not in joined(sent)  # the next step is not shown
        filler.unlink()
        stored = await harness.db_user(person.id)
        assert stored is not None and stored.consent_at is None
        sent = await harness.tap(person, ConsentCb(agree=True))
        assert "Выберите ваш" in joined(sent)
        stored = await harness.db_user(person.id)
        assert stored is not None and stored.consent_at is not None


@pytest.mark.waits_minutes
@pytest.mark.timeout(420)
async def test_a_3_minute_telegram_outage_is_waited_out_nobody_lost(
    harness: Harness, api: FakeBotApi
):
    # Light on purpose: it runs beside the other tests.
    residents = await add_residents(harness, 100)
    author = 77_001
    bot = create_bot(harness.settings.model_copy(update={"telegram_api_url": api.url}))
    announcement_id = await announce(harness, progress_chat=author)
    # The product waits up to a minute between attempts; here 10 s, so the test ends sooner
    # after the outage. The outage itself is the full 3 minutes.
    engine = DeliveryEngine(
        harness.session_factory,
        harness.dp["i18n_core"],
        "ru",
        harness.user_cache,
        20,
        retry_cap=10,
    )
    engine.start(bot)
    try:
        while len(api.sent_to) < 20:
            await asyncio.sleep(0.01)
        api.down = True
        await asyncio.sleep(180)
        async with harness.session_factory() as s:
            assert await AnnouncementRepository(s).waiting_for_telegram(announcement_id)
        api.down = False
        done = await wait_done(harness, announcement_id, seconds=120)
    finally:
        await engine.stop()
        await bot.session.close()
    assert api.sent_to == dict.fromkeys(residents, 1)  # nobody lost, nobody twice
    rows = await outbox(harness, announcement_id)
    assert all(r.status is OutboxStatus.SENT and r.failing_since is None for r in rows.values())
    assert done.status is AnnouncementStatus.DONE
    edits = [p["text"] for name, p in api.calls if name == "editmessagetext"]
    assert any("Ожидаем связь с Telegram" in t for t in edits)
    assert "ошибок: 0" in edits[-1] and "отправлено 100 из 100" in edits[-1]
