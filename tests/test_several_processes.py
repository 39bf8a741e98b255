"""Two real bot processes in webhook mode on one PostgreSQL and one Redis, updates spread over
both as a load balancer does, one local Bot API server counting every send (and answering 429
above 30 messages a second, as Telegram does). Needs TEST_DATABASE_URL and a Redis server."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiogram.types import Update
from redis.asyncio import Redis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.keyboards.callbacks import ConsentCb, DeleteMeCb, LangCb, PlaceCb
from storage.db import create_engine, create_session_factory
from storage.models import (
    Announcement,
    AnnouncementStatus,
    Center,
    Club,
    District,
    Outbox,
    Reminder,
    Signup,
    SignupStatus,
    User,
)
from tests.conftest import PG_URL, TOKEN, reset_postgres
from tests.fixtures.fake_bot_api import FakeBotApi, free_port
from tests.fixtures.updates import callback_update, text_update, tg_user

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
RATE = 30
SECRET = "two-processes"


def redis_listening() -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", 6379)) == 0


pytestmark = [
    pytest.mark.skipif(
        not PG_URL or not redis_listening(), reason="needs TEST_DATABASE_URL and a local Redis"
    ),
    pytest.mark.several_processes,
]


@dataclass
class BotProcess:
    process: asyncio.subprocess.Process
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def alive(self) -> bool:
        return self.process.returncode is None


@dataclass
class Cluster:
    api: FakeBotApi
    bots: list[BotProcess]
    factory: async_sessionmaker[AsyncSession]
    http: aiohttp.ClientSession
    tmp: Path
    turn: int = 0

    async def post(self, update: Update, to: int | None = None) -> int:
        """Deliver an update as Telegram does: to one process, by turns unless told which."""
        if to is None:
            to, self.turn = self.turn % len(self.bots), self.turn + 1
        body = update.model_dump(mode="json", by_alias=True, exclude_none=True)
        response = await self.http.post(
            f"{self.bots[to].url}/tg/hook",
            json=body,
            headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
        )
        return response.status

    def replies(self, chat_id: int) -> list[str]:
        return [
            str(p.get("text", ""))
            for name, p in self.api.calls
            if name in ("sendmessage", "editmessagetext") and str(p.get("chat_id")) == str(chat_id)
        ]

    async def health(self, index: int) -> dict[str, Any]:
        response = await self.http.get(f"{self.bots[index].url}/healthz")
        body: dict[str, Any] = await response.json()
        return body

    async def start_bot(self) -> BotProcess:
        port = free_port()
        log = self.tmp / f"bot-{port}.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_"))}
        env.update(
            PYTHONPATH=str(ROOT),
            BOT_TOKEN=TOKEN,
            TELEGRAM_API_URL=self.api.url,
            DATABASE_URL=PG_URL or "",
            REDIS_URL=REDIS_URL,
            ADMIN_IDS="1",
            LOG_LEVEL="INFO",
            SCHEDULER_INTERVAL="1",
            BROADCAST_RATE=str(RATE),
            WEBHOOK_URL=f"http://127.0.0.1:{port}/tg/hook",
            WEBHOOK_SECRET=SECRET,
            WEBHOOK_HOST="127.0.0.1",
            WEBHOOK_PORT=str(port),
        )
        with log.open("wb") as out:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=self.tmp, env=env, stdout=out, stderr=out
            )
        return BotProcess(process, port, log)

    async def wait_healthy(self, bot: BotProcess, seconds: float = 60) -> None:
        deadline = asyncio.get_running_loop().time() + seconds
        while asyncio.get_running_loop().time() < deadline:
            assert bot.alive(), bot.log.read_text()
            try:
                async with self.http.get(f"{bot.url}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.2)
        raise TimeoutError(bot.log.read_text())


@pytest.fixture
async def cluster(tmp_path: Path) -> AsyncIterator[Cluster]:
    assert PG_URL
    await reset_postgres(PG_URL)
    redis = Redis.from_url(REDIS_URL)
    await redis.flushdb()
    await redis.aclose()
    api = FakeBotApi(TOKEN)
    api.rate_limit = RATE
    await api.start()
    engine = create_engine(PG_URL)
    http = aiohttp.ClientSession()
    c = Cluster(api, [], create_session_factory(engine), http, tmp_path)
    # Started together on an empty database: they must not race their migrations.
    c.bots = list(await asyncio.gather(c.start_bot(), c.start_bot()))
    try:
        for bot in c.bots:
            await c.wait_healthy(bot)
        yield c
    finally:
        for bot in c.bots:
            if bot.alive():
                bot.process.send_signal(signal.SIGTERM)
        for bot in c.bots:
            await asyncio.wait_for(bot.process.wait(), 20)
        await http.close()
        await engine.dispose()
        await api.stop()


async def add_residents(c: Cluster, first: int, n: int) -> tuple[list[int], int]:
    async with c.factory() as s:
        district = (
            await s.execute(select(District).where(District.code == "kem-central"))
        ).scalar_one()
        ids = list(range(first, first + n))
        s.add_all(
            User(
                id=uid,
                consent_at=datetime.now(UTC),
                district_id=district.id,
                municipality_id=district.municipality_id,
            )
            for uid in ids
        )
        await s.commit()
        return ids, district.id


async def schedule_announcement(c: Cluster, district_id: int) -> int:
    """Due at once, so both processes find it due in the same second."""
    async with c.factory() as s:
        announcement = Announcement(
            author_id=1,
            audience="district",
            audience_id=district_id,
            text="Отключение воды завтра с 9 до 18",
            status=AnnouncementStatus.SCHEDULED,
            send_at=datetime.now(UTC),
        )
        s.add(announcement)
        await s.commit()
        return announcement.id


async def wait_until(condition: Any, seconds: float, what: str) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.2)


def stderr_problems(bot: BotProcess) -> list[str]:
    return [
        line
        for line in bot.log.read_text().splitlines()
        if "Traceback" in line or "ERROR" in line or "never retrieved" in line
    ]


async def test_users_see_one_truth_through_either_process(cluster: Cluster):
    c = cluster
    admin, staff, person = tg_user(1, "city_admin"), tg_user(5001, "olga"), tg_user(5002, "anna")
    async with c.factory() as s:
        district_id = (
            await s.execute(select(District.id).where(District.code == "kem-central"))
        ).scalar_one()

    # A new user's first two updates reach both processes at once: one row, two proper answers.
    newcomer = tg_user(5003)
    statuses = await asyncio.gather(
        c.post(text_update(newcomer, "/start"), to=0), c.post(text_update(newcomer, "/help"), to=1)
    )
    assert statuses == [200, 200]
    async with c.factory() as s:
        assert await s.scalar(select(func.count()).where(User.id == newcomer.id)) == 1
    answers = c.replies(newcomer.id)
    assert not any("пошло не так" in a for a in answers)
    assert any("Здравствуйте" in a for a in answers) and any("Что умеет бот" in a for a in answers)

    # Onboarding with every step on the other process than the one before: never refused.
    for user in (staff, person):
        await c.post(text_update(user, "/start"))
        await c.post(callback_update(user, ConsentCb(agree=True).pack(), 1))
        await c.post(
            callback_update(user, PlaceCb(level="dist", id=district_id, purpose="home").pack(), 1)
        )
        await c.post(text_update(user, "/mydata"))
        assert not any("Сначала нужно согласие" in a for a in c.replies(user.id))
        assert "Район:" in c.replies(user.id)[-1]

    # A role given through one process works through the other; revoked, it is gone there at once.
    await c.post(text_update(admin, "/grant 5001 staff optimist"), to=0)
    assert "Готово" in c.replies(admin.id)[-1]
    await c.post(text_update(staff, "/announce"), to=1)
    assert "Текст объявления" in c.replies(staff.id)[-1]
    await c.post(text_update(staff, "/cancel"), to=1)
    await c.post(text_update(admin, "/revoke 5001"), to=0)
    assert "теперь житель" in c.replies(admin.id)[-1]
    before = len(c.replies(staff.id))
    await c.post(text_update(staff, "/announce"), to=1)
    after = c.replies(staff.id)[before:]
    assert after and not any("Текст объявления" in a for a in after)

    # Deleted through one process: the other shows nothing of the person.
    await c.post(text_update(person, "/deleteme"), to=0)
    await c.post(callback_update(person, DeleteMeCb(confirm=True).pack(), 1), to=0)
    async with c.factory() as s:
        assert (await s.get(User, person.id)) is None
    before = len(c.replies(person.id))
    await c.post(text_update(person, "/mydata"), to=1)
    shown = "\n".join(c.replies(person.id)[before:])
    assert "Район:" not in shown and "Согласия нет" in shown

    # /lang through one process holds for the next answer through the other.
    await c.post(text_update(person, "/lang"), to=1)
    await c.post(callback_update(person, LangCb(code="en").pack(), 1), to=1)
    for to in (0, 1, 0):
        before = len(c.replies(person.id))
        await c.post(text_update(person, "/help"), to=to)
        assert "What the bot can do" in "\n".join(c.replies(person.id)[before:])

    # A center added to the reference data by one process is seen by the other's next update.
    async with c.factory() as s:
        center = (await s.execute(select(Center).where(Center.code == "optimist"))).scalar_one()
        center.name = "Оптимист-2"
        await s.commit()
    from storage.repositories.directory import Directory

    async with c.factory() as s:
        directory = await Directory.load(s)
        await directory.publish(s)
        await s.commit()
    before = len(c.replies(admin.id))
    await c.post(text_update(admin, "/grant 5001 staff optimist"), to=1)
    assert "Оптимист-2" in "\n".join(c.replies(admin.id)[before:])
    for bot in c.bots:
        assert bot.alive()
        assert stderr_problems(bot) == []


async def test_broadcast_goes_once_to_each_at_the_shared_rate(cluster: Cluster):
    c = cluster
    ids, district_id = await add_residents(c, 100_000, 1200)
    announcement_id = await schedule_announcement(c, district_id)
    recipients = set(ids)
    await wait_until(
        lambda: len(recipients & c.api.sent_to.keys()) == len(ids), 150, "broadcast incomplete"
    )
    await asyncio.sleep(2)  # anything sent twice would arrive now
    assert all(c.api.sent_to[i] == 1 for i in ids), "someone got it twice"
    times = sorted(t for t, chat in c.api.send_log if chat in recipients)
    achieved = (len(times) - 1) / (times[-1] - times[0])
    print(f"combined rate {achieved:.2f}/s", end=" ")  # shown with pytest -s
    # Never over the shared budget. How close to it the two come is a figure of a loaded
    # machine, not a rule: bench/broadcast.py measures it (a floor here failed at 94.7 %).
    assert achieved <= RATE, achieved
    busiest = max(
        sum(1 for t in times[i : i + RATE + 1] if t - start < 1.0) for i, start in enumerate(times)
    )
    print(f"busiest second {busiest}")
    assert busiest <= RATE
    # The fake server stamps a request when its own event loop reaches it: when this test's
    # process is starved for a moment (CI runs the outage test beside it), a few requests that
    # left the bots on time are stamped together and refused. A rare 429 is retried after the
    # shared pause (nobody got it twice, above); pacing that ignored the budget would make dozens.
    assert c.api.rejected_429 <= len(ids) // 200, c.api.rejected_429
    async with c.factory() as s:
        rows = await s.scalar(select(func.count()).where(Outbox.announcement_id == announcement_id))
        assert rows == 1200  # materialized once
    async with c.factory() as s:
        await wait_for_status(s, announcement_id)
    for bot in c.bots:
        assert bot.alive()
        assert stderr_problems(bot) == [], bot.log.read_text()[-3000:]
    leaders = [(await c.health(i))["leader"] for i in range(2)]
    assert sorted(leaders) == [False, True]
    metrics = await (await c.http.get(f"{c.bots[0].url}/metrics")).text()
    assert "bot_messages_sent_total" in metrics and 'bot_outbox_rows{status="sent"} 1200' in metrics


async def wait_for_status(s: AsyncSession, announcement_id: int) -> None:
    for _ in range(50):
        announcement = await s.get(Announcement, announcement_id)
        assert announcement is not None
        await s.refresh(announcement)
        if announcement.status is AnnouncementStatus.DONE:
            return
        await asyncio.sleep(0.2)
    raise AssertionError("the announcement never became done")


async def test_leader_killed_mid_work_the_other_finishes_once(cluster: Cluster):
    c = cluster
    leaders = [(await c.health(i))["leader"] for i in range(2)]
    assert sorted(leaders) == [False, True]
    leader = leaders.index(True)
    survivor = 1 - leader
    # 1 200 reminders due now, and a broadcast to 400 others, both under way when the leader dies.
    residents, district_id = await add_residents(c, 200_000, 1600)
    reminded, broadcast_to = residents[:1200], set(residents[1200:])
    now = datetime.now(UTC)
    async with c.factory() as s:
        center_id = (await s.execute(select(Center.id).where(Center.code == "optimist"))).scalar()
        club = Club(
            center_id=center_id,
            name="Скандинавская ходьба",
            category="sport",
            age_group="adult",
            capacity=5000,
        )
        s.add(club)
        await s.flush()
        signups = [
            Signup(club_id=club.id, user_id=u, status=SignupStatus.ENROLLED) for u in reminded
        ]
        s.add_all(signups)
        await s.flush()
        s.add_all(
            Reminder(
                signup_id=su.id,
                user_id=su.user_id,
                starts_at=now + timedelta(hours=3),
                due_at=now - timedelta(seconds=1),
            )
            for su in signups
        )
        await s.commit()
    await schedule_announcement_to(c, district_id, broadcast_to)
    everyone = set(residents)
    await wait_until(lambda: len(everyone & c.api.sent_to.keys()) >= 500, 60, "nothing sent")
    c.bots[leader].process.kill()  # SIGKILL: no clean-up at all
    await c.bots[leader].process.wait()
    await wait_until(
        lambda: len(everyone & c.api.sent_to.keys()) == len(everyone),
        180,
        "the survivor did not finish",
    )
    await asyncio.sleep(2)
    assert (await c.health(survivor))["leader"] is True
    reminder_duplicates = sum(c.api.sent_to[u] - 1 for u in reminded)
    broadcast_duplicates = sum(c.api.sent_to[u] - 1 for u in broadcast_to)
    assert reminder_duplicates <= 1  # only one reminder is ever in flight
    from bot.broadcast.engine import CONCURRENCY, FLUSH_ROWS

    assert broadcast_duplicates <= CONCURRENCY + FLUSH_ROWS
    assert max(c.api.sent_to[u] for u in everyone) <= 2
    async with c.factory() as s:
        assert await s.scalar(select(func.count()).where(Reminder.sent.is_(False))) == 0
    assert stderr_problems(c.bots[survivor]) == []


async def schedule_announcement_to(c: Cluster, district_id: int, only: set[int]) -> None:
    """A broadcast to some of the district: the rest are muted for news."""
    async with c.factory() as s:
        users = (await s.execute(select(User).where(User.district_id == district_id))).scalars()
        for user in users:
            if user.id not in only:
                user.muted = "news"
        await s.commit()
    await schedule_announcement(c, district_id)
