"""Storage on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set."""

from __future__ import annotations

import json
from pathlib import Path

from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import event, func, select

from bot.keyboards.callbacks import ConsentCb
from handlers.start import Onboarding
from storage.db import create_engine, create_session_factory
from storage.fsm import DatabaseStorage
from storage.migrate import upgrade_to_head
from storage.models import Center, Committee, District, Municipality, Role, User
from storage.reference import REFERENCE_FILE, load_reference_data
from storage.repositories.users import UserCache, UserRepository
from tests.conftest import make_settings
from tests.fixtures.harness import Harness, joined

KEY = StorageKey(bot_id=42, chat_id=1001, user_id=1001)


async def _counts(session_factory) -> dict[str, int]:
    async with session_factory() as s:
        return {
            m.__tablename__: await s.scalar(select(func.count()).select_from(m))
            for m in (Municipality, District, Center, Committee)
        }


async def test_migrations_and_reference_data_are_idempotent(any_db_url: str):
    engine = create_engine(any_db_url)
    await upgrade_to_head(engine)
    await upgrade_to_head(engine)
    factory = create_session_factory(engine)
    async with factory() as s:
        first = await load_reference_data(s)
    async with factory() as s:
        await load_reference_data(s)
    counts = await _counts(factory)
    assert counts == {
        "municipalities": first.municipalities,
        "districts": first.districts,
        "centers": first.centers,
        "committees": first.committees,
    }
    assert counts["municipalities"] >= 2 and counts["districts"] >= 9
    async with factory() as s:
        names = set((await s.execute(select(District.name))).scalars())
    assert {
        "Центральный район",
        "Ленинский район",
        "Заводский район",
        "Кировский район",
        "Рудничный район",
    } <= names
    await engine.dispose()


async def test_changed_reference_file_updates_rows(any_db_url: str, tmp_path: Path):
    engine = create_engine(any_db_url)
    await upgrade_to_head(engine)
    factory = create_session_factory(engine)
    async with factory() as s:
        await load_reference_data(s)
    data = json.loads(REFERENCE_FILE.read_text(encoding="utf-8"))
    central = data["municipalities"][0]["districts"][0]
    optimist = next(c for c in central["centers"] if c["code"] == "optimist")
    optimist.update(address="ул. Весенняя, 1", phone="+7 3842 00-00-00", lat=55.35, lon=86.08)
    central["centers"] = [c for c in central["centers"] if c["code"] != "vstrecha"]
    changed = tmp_path / "reference.json"
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = await _counts(factory)
    async with factory() as s:
        await load_reference_data(s, changed)
    assert await _counts(factory) == before  # updated in place, nothing duplicated or deleted
    async with factory() as s:
        row = (await s.execute(select(Center).where(Center.code == "optimist"))).scalar_one()
        gone = (await s.execute(select(Center).where(Center.code == "vstrecha"))).scalar_one()
    assert (row.address, row.phone, row.lat, row.lon) == (
        "ул. Весенняя, 1",
        "+7 3842 00-00-00",
        55.35,
        86.08,
    )
    assert gone.active is False
    await engine.dispose()


async def test_fsm_storage_roundtrip_and_survives_a_new_process(any_db_url: str):
    engine = create_engine(any_db_url)
    await upgrade_to_head(engine)
    storage = DatabaseStorage(create_session_factory(engine))
    assert await storage.get_state(KEY) is None and await storage.get_data(KEY) == {}
    await storage.set_state(KEY, Onboarding.place)
    await storage.set_data(KEY, {"draft": "Субботник во дворе", "n": 12})
    await engine.dispose()

    engine = create_engine(any_db_url)  # "restart": a new engine on the same database
    storage = DatabaseStorage(create_session_factory(engine))
    assert await storage.get_state(KEY) == Onboarding.place.state
    assert await storage.get_data(KEY) == {"draft": "Субботник во дворе", "n": 12}
    await storage.set_state(KEY, None)
    await storage.set_data(KEY, {})
    assert await storage.get_state(KEY) is None
    await engine.dispose()


async def test_one_read_brings_a_users_state_and_stack_even_with_a_tiny_cache(any_db_url: str):
    """A user's form state and dialog stack come in one query; a key evicted from the cache is
    read again, never taken for «no form»."""
    from dataclasses import replace

    engine = create_engine(any_db_url)
    await upgrade_to_head(engine)
    stack = replace(KEY, destiny="aiogd:stack:")
    other = replace(KEY, user_id=KEY.user_id + 1, chat_id=KEY.chat_id + 1)
    writer = DatabaseStorage(create_session_factory(engine))
    await writer.set_state(KEY, Onboarding.place)
    await writer.set_data(stack, {"intents": ["a1"]})
    for cache_size in (1, 100):
        reader = DatabaseStorage(create_session_factory(engine), cache_size=cache_size)
        for _ in range(2):
            assert await reader.get_state(KEY) == Onboarding.place.state
            assert await reader.get_data(stack) == {"intents": ["a1"]}
            assert await reader.get_data(replace(KEY, destiny="aiogd:context:x")) == {}
            assert await reader.get_state(other) is None
    await engine.dispose()


async def test_half_done_onboarding_survives_restart(sqlite_url: str, resident):
    from tests.conftest import _harness

    settings = make_settings(sqlite_url)
    async for h in _harness(settings):
        await h.say(resident, "/start")
        await h.tap(resident, ConsentCb(agree=True))  # now choosing a municipality
    async for h in _harness(settings):  # new Dispatcher, new engine: a restart
        first: Harness = h
        sent = await first.say(resident, "привет")
        assert "кнопкой выше" in joined(sent)  # still in the place step
        sent = await first.say(resident, "/start")
        assert "Выберите ваш город или район" in joined(sent)


async def test_fsm_write_in_a_failed_update_is_forgotten(any_db_url: str):
    """The state cache learns a value only when the update's transaction commits."""
    from storage.fsm import update_session

    engine = create_engine(any_db_url)
    await upgrade_to_head(engine)
    factory = create_session_factory(engine)
    storage = DatabaseStorage(factory)
    await storage.set_state(KEY, Onboarding.consent)

    async with factory() as session:  # an update whose handler then fails
        token = update_session.set(session)
        try:
            await storage.set_state(KEY, Onboarding.place)
            await storage.set_data(KEY, {"x": 1})
            assert await storage.get_state(KEY) == Onboarding.place.state  # seen inside
            await session.rollback()
        finally:
            update_session.reset(token)
    assert await storage.get_state(KEY) == Onboarding.consent.state
    assert await storage.get_data(KEY) == {}

    async with factory() as session:  # and one that succeeds
        token = update_session.set(session)
        try:
            await storage.set_state(KEY, None)
            await storage.set_state(KEY, Onboarding.place)
            await session.commit()
        finally:
            update_session.reset(token)
    assert await storage.get_state(KEY) == Onboarding.place.state
    fresh = DatabaseStorage(factory)  # no cache: straight from the database
    assert await fresh.get_state(KEY) == Onboarding.place.state
    await engine.dispose()


async def test_resident_and_admin_flows_on_each_database(
    pg_or_sqlite_harness: Harness, resident, admin
):
    h = pg_or_sqlite_harness
    await h.onboard(resident, "kem-leninsky")
    assert "Ленинский район" in joined(await h.say(resident, "/mydata"))
    assert "Готово" in joined(await h.say(admin, f"/grant {resident.id} staff shalgotarian"))
    assert "Шалготарьян" in joined(await h.say(resident, "/whoami"))
    await h.say(resident, "/deleteme")
    from bot.keyboards.callbacks import DeleteMeCb

    assert "удалены" in joined(await h.tap(resident, DeleteMeCb(confirm=True)))
    assert await h.db_user(resident.id) is None


async def test_elder_and_report_flow_on_each_database(
    pg_or_sqlite_harness: Harness, resident, admin
):
    from bot.keyboards.callbacks import ReportCb
    from storage.models import Report, ReportStatus
    from tests.fixtures.updates import photo_update, tg_user
    from tests.test_reports import _fill_until_photos

    h = pg_or_sqlite_harness
    staff = tg_user(2001)
    await h.say(admin, f"/grant {staff.id} staff optimist")
    await h.register_elder(resident, confirm_by=staff)
    await _fill_until_photos(h, resident)
    await h.feed(photo_update(resident, "pg1"))
    await h.press(resident, "✅ Готово")
    await h.press(resident, "✅ Отправить")
    async with h.session_factory() as s:
        report = (await s.execute(select(Report))).scalar_one()
    await h.tap(staff, ReportCb(action="accept", id=report.id))
    async with h.session_factory() as s:
        report = (await s.execute(select(Report))).scalar_one()
        assert report.status is ReportStatus.ACCEPTED and len(report.photos) == 1


async def test_racing_for_the_last_place_on_each_database(pg_or_sqlite_harness: Harness):
    """Exactly `capacity` get in, on SQLite (one writer) and PostgreSQL (row lock)."""
    import asyncio

    from bot.keyboards.callbacks import ClubCb
    from storage.models import Signup, SignupStatus, User
    from tests.fixtures.updates import callback_update, tg_user
    from tests.test_clubs import make_club

    h = pg_or_sqlite_harness
    club_id = await make_club(h, capacity=4)
    racers = [tg_user(7000 + i) for i in range(15)]
    for u in racers:
        await h.onboard(u)
        async with h.session_factory() as s:
            row = await s.get(User, u.id)
            assert row is not None
            row.full_name = f"Житель {u.id}"
            await s.commit()
        h.forget_user(u.id)
    updates = [callback_update(u, ClubCb(action="join", id=club_id).pack()) for u in racers]
    await asyncio.gather(*(h.dp.feed_update(h.bot, upd) for upd in updates))
    async with h.session_factory() as s:
        statuses = list(
            (await s.execute(select(Signup.status).where(Signup.club_id == club_id))).scalars()
        )
    assert len(statuses) == 15
    assert statuses.count(SignupStatus.ENROLLED) == 4


async def test_forms_in_redis_when_configured(sqlite_url: str, resident):
    """REDIS_URL moves form state to Redis; a restart still continues the form."""
    import socket

    import pytest

    with socket.socket() as s:
        s.settimeout(0.5)
        if s.connect_ex(("127.0.0.1", 6379)) != 0:
            pytest.skip("no Redis on 127.0.0.1:6379")
    from aiogram.fsm.storage.redis import RedisStorage

    from tests.conftest import _harness

    settings = make_settings(sqlite_url, redis_url="redis://127.0.0.1:6379/15")
    async for h in _harness(settings):
        assert isinstance(h.dp.storage, RedisStorage)
        await h.dp.storage.redis.flushdb()
        await h.say(resident, "/start")
        await h.tap(resident, ConsentCb(agree=True))
    async for h in _harness(settings):
        assert "кнопкой выше" in joined(await h.say(resident, "привет"))
        storage = h.dp.storage
        assert isinstance(storage, RedisStorage)
        await storage.redis.flushdb()
        await storage.close()


async def test_a_known_user_is_read_once_after_a_restart(harness: Harness, resident):
    """Most updates only read: the user's row read by one is kept for the next ones, not only
    a row that an update committed."""
    await harness.say(resident, "/start")
    assert harness.user_cache is not None
    harness.user_cache.clear()  # a restart: the new process has read nobody yet
    engine = harness.session_factory.kw["bind"]
    user_reads: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        if statement.startswith("SELECT users.id"):
            user_reads.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        for _ in range(3):
            assert "/centers" in joined(await harness.say(resident, "/help"))
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)
    assert len(user_reads) == 1


async def test_a_read_older_than_a_commit_is_not_kept(sqlite_url: str):
    """A role revoked (committed) while another update's read of the same row was on its way:
    the older row must not overwrite the revoked one in the cache."""
    engine = create_engine(sqlite_url)
    await upgrade_to_head(engine)
    factory = create_session_factory(engine)
    cache = UserCache()
    async with factory() as s:
        s.add(User(id=7, role=Role.STAFF, is_active=True, club_reminder_min=180, muted=""))
        await s.commit()
    async with factory() as reader, factory() as admin:
        before_read = cache.commits
        staff = await reader.get(User, 7)  # the read, on its way
        revoked = await UserRepository(admin, cache).get(7)
        assert staff is not None and revoked is not None
        revoked.role = Role.RESIDENT
        await admin.commit()  # the commit keeps the revoked row
        cache.put_read(staff, before_read)  # the read arrives late: ignored
    cached = cache.get(7)
    assert cached is not None and cached["role"] is Role.RESIDENT
    cache.clear()
    async with factory() as s:  # a read with no commit in between is kept
        await UserRepository(s, cache).get(7)
    assert cache.get(7) is not None
    await engine.dispose()
