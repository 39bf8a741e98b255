"""/stats and /year on a city-sized SQLite database: 25 000 users, 200 000 accepted reports over
5 years, 5 000 club members, 50 000 contest applications.

Times /stats year (text + chart) and /year (XLSX + chart) through the Dispatcher, and the
aggregate queries alone; prints the indexes they use.

    .venv/bin/python -m bench.stats [--reports 200000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select, text

from bench.updates import TOKEN
from bot.app import create_bot, create_dispatcher, prepare_database
from bot.config import Settings
from bot.services.stats import collect, parse_period
from bot.services.tags import DIRECTIONS, PROJECTS
from storage.models import (
    Application,
    Club,
    Contest,
    Event,
    MediaPublication,
    Nomination,
    Report,
    ReportStatus,
    Signup,
    SignupStatus,
    User,
)
from storage.repositories.stats import StatsRepository
from tests.fixtures.recording_session import RecordingSession
from tests.fixtures.updates import text_update, tg_user

ADMIN = 1
EXTRA_INDEX = ""


async def build(db, n_reports: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(42)
    districts = [d.id for m in db.directory.municipalities() for d in db.directory.districts(m.id)]
    centers = [c.id for c in db.directory.all_centers()]
    today = date.today()
    now = datetime.now(UTC)
    async with db.engine.begin() as conn:
        await conn.execute(
            insert(User),
            [
                {
                    "id": 500_000 + i,
                    "role": "resident",
                    "consent_at": now - timedelta(days=rng.randint(0, 1800)),
                    "district_id": rng.choice(districts),
                    "is_active": True,
                    "created_at": now - timedelta(days=rng.randint(0, 1800)),
                    "club_reminder_min": 180,
                    "muted": "",
                    "locale": None,
                }
                for i in range(25_000)
            ],
        )
        kinds = ("subbotnik", "action", "event", "other")
        for chunk in range(0, n_reports, 20_000):
            await conn.execute(
                insert(Report),
                [
                    {
                        "author_id": None,
                        "district_id": rng.choice(districts),
                        "kind": rng.choice(kinds),
                        "held_on": today - timedelta(days=rng.randint(0, 5 * 365)),
                        "participants": rng.randint(1, 80),
                        "bags": rng.randint(0, 30),
                        "trees": rng.randint(0, 5),
                        "flowerbeds": rng.randint(0, 3),
                        "seedlings": rng.randint(0, 300),
                        "yards": rng.randint(0, 1),
                        "entrances": rng.randint(0, 2),
                        "windows": rng.randint(0, 4),
                        "snow_towns": rng.randint(0, 1),
                        "snow_figures": rng.randint(0, 2),
                        "programme": "leto" if rng.random() < 0.2 else None,
                        "direction": rng.choice(DIRECTIONS),
                        "project": rng.choice((*PROJECTS, None, None, None)),
                        "youth": rng.random() < 0.25,
                        "description": "…",
                        "status": ReportStatus.ACCEPTED.value,
                        "submitted_at": now,
                    }
                    for _ in range(min(20_000, n_reports - chunk))
                ],
            )
    async with db.session_factory() as s:
        clubs = [
            Club(
                center_id=rng.choice(centers),
                name=f"Кружок {i}",
                category="leisure",
                age_group="all",
                capacity=100,
            )
            for i in range(100)
        ]
        s.add_all(clubs)
        contest = Contest(
            title="Снежный калейдоскоп",
            deadline=now + timedelta(days=10),
            criteria="оформление;творческий подход;участие жителей",
            nominations=[Nomination(position=0, name="Сказки зимнего двора")],
        )
        s.add(contest)
        await s.commit()
        club_ids, contest_id, nomination_id = (
            [c.id for c in clubs],
            contest.id,
            contest.nominations[0].id,
        )
    async with db.engine.begin() as conn:
        await conn.execute(
            insert(Signup),
            [
                {
                    "club_id": club_ids[i % 100],
                    "event_id": None,
                    "user_id": 500_000 + i,
                    "who": "",
                    "status": SignupStatus.ENROLLED.value,
                    "created_at": now,
                }
                for i in range(5_000)
            ],
        )
        await conn.execute(
            insert(Application),
            [
                {
                    "contest_id": contest_id,
                    "nomination_id": nomination_id,
                    "user_id": None,
                    "district_id": rng.choice(districts),
                    "address_text": f"дом {i}",
                    "address_key": f"house:{i}",
                    "address_parts": {},
                    "description": "…",
                    "status": "submitted",
                    "created_at": now - timedelta(days=rng.randint(0, 365)),
                    "updated_at": now,
                }
                for i in range(50_000)
            ],
        )
        # Centers' events with the report's marks, 20 000 sign-ups on them, 2 000 publications.
        await conn.execute(
            insert(Event),
            [
                {
                    "center_id": rng.choice(centers),
                    "title": f"Мероприятие {i}",
                    "description": "",
                    "starts_at": now - timedelta(days=rng.randint(0, 5 * 365)),
                    "minutes": 60,
                    "capacity": 50,
                    "active": True,
                    "created_at": now,
                    "programme": "leto" if rng.random() < 0.3 else None,
                    "direction": rng.choice(DIRECTIONS),
                    "project": rng.choice((*PROJECTS, None)),
                    "youth": rng.random() < 0.25,
                }
                for i in range(5_000)
            ],
        )
        event_ids = list((await conn.execute(select(Event.id))).scalars())
        await conn.execute(
            insert(Signup),
            [
                {
                    "club_id": None,
                    "event_id": event_ids[i % len(event_ids)],
                    "user_id": 500_000 + i % 25_000,
                    "who": f"{i}",
                    "status": SignupStatus.ENROLLED.value,
                    "created_at": now,
                }
                for i in range(20_000)
            ],
        )
        await conn.execute(
            insert(MediaPublication),
            [
                {
                    "district_id": rng.choice(districts),
                    "url": "",
                    "outlet": "Газета",
                    "published_on": today - timedelta(days=rng.randint(0, 5 * 365)),
                    "created_at": now,
                }
                for _ in range(2_000)
            ],
        )


async def main(n_reports: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.model_validate(
            {
                "bot_token": TOKEN,
                "admin_ids": str(ADMIN),
                "scheduler_interval": 0,
                "database_url": f"sqlite+aiosqlite:///{Path(tmp) / 'stats.sqlite3'}",
            }
        )
        db = await prepare_database(settings)
        started = time.perf_counter()
        await build(db, n_reports)
        print(
            f"synthetic database: 25 000 users, {n_reports} accepted reports over 5 years, "
            f"5 000 club members, 50 000 applications, 5 000 events with 20 000 sign-ups, "
            f"2 000 media publications — built in {time.perf_counter() - started:.0f} s"
        )
        tz = settings.tz
        period = parse_period("year", datetime.now(tz).date())
        queries = []
        for _ in range(repeat):
            started = time.perf_counter()
            async with db.session_factory() as s:
                repo = StatsRepository(s)
                await collect(repo, period, tz, None)
                await collect(repo, period.previous(), tz, None, full=False)
            queries.append(time.perf_counter() - started)
        session = RecordingSession()
        bot = create_bot(settings, session=session)
        dp = create_dispatcher(settings, db)
        await dp.emit_startup(bot=bot, dispatcher=dp, **dp.workflow_data)
        admin = tg_user(ADMIN)

        async def timed(command: str) -> float:
            started = time.perf_counter()
            await dp.feed_update(bot, text_update(admin, command))
            return time.perf_counter() - started

        stats_times = [await timed("/stats year") for _ in range(repeat)]
        year_times = [
            await timed(f"/year {datetime.now(tz).year - 1}") for _ in range(max(1, repeat // 2))
        ]
        failures = sum(
            "Что-то пошло не так" in str(getattr(r, "text", "")) for r in session.requests
        )
        await dp.emit_shutdown(bot=bot, dispatcher=dp, **dp.workflow_data)
        async with db.engine.connect() as conn:
            plan = (
                await conn.execute(
                    text(
                        "EXPLAIN QUERY PLAN SELECT kind, count(*), sum(participants) FROM reports "
                        "WHERE status = 'accepted' AND held_on >= '2025-01-01' AND held_on <= '2025-12-31' GROUP BY kind"
                    )
                )
            ).all()
            indexes = (
                await conn.execute(
                    text(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reports'"
                    )
                )
            ).all()
        print(
            f"aggregate queries : {statistics.median(queries) * 1000:.0f} ms median of {repeat} "
            f"(this period with months and districts, the previous one's totals)"
        )
        print(
            f"/stats year       : {statistics.median(stats_times) * 1000:.0f} ms median of {repeat} "
            f"through the Dispatcher (text + PNG chart)"
        )
        print(
            f"/year             : {statistics.median(year_times) * 1000:.0f} ms median "
            f"(XLSX with every accepted report of the year + chart); {failures} error replies"
        )
        print("query plan        : " + " | ".join(str(row[-1]) for row in plan))
        for _name, sql in indexes:
            if sql:
                print(f"index             : {sql}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.reports, args.repeat))
