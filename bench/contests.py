"""Ranking a contest: 1 000 applications × 5 jurors × 3 criteria (15 000 scores) in 6 nominations.
Times the pure ranking (`rank` + `places`) and the whole path through SQLite (reading the scores
with `score_rows`, ranking, fixing places) as the admin's «Рейтинг» does.

    .venv/bin/python -m bench.contests [--applications 1000] [--jurors 5] [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.updates import TOKEN
from bot.app import prepare_database
from bot.config import Settings
from bot.services.contest_flow import ranking
from bot.services.contests import places, rank
from storage.models import Application, Contest, ContestStage, Juror, Nomination, Score, User
from storage.repositories.contests import ContestRepository


async def main(applications: int, jurors: int, repeat: int) -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.model_validate(
            {"bot_token": TOKEN, "database_url": f"sqlite+aiosqlite:///{Path(tmp) / 'c.sqlite3'}"}
        )
        db = await prepare_database(settings)
        district_ids = [
            d.id for m in db.directory.municipalities() for d in db.directory.districts(m.id)
        ]
        async with db.session_factory() as s:
            s.add_all(User(id=400_000 + j) for j in range(jurors))
            contest = Contest(
                title="Снежный калейдоскоп",
                deadline=datetime.now(UTC) + timedelta(days=1),
                stages="city",
                stage=ContestStage.CITY,
                criteria="оформление;творческий подход;участие жителей",
                nominations=[Nomination(position=i, name=f"Номинация {i}") for i in range(6)],
            )
            s.add(contest)
            await s.flush()
            seats = [
                Juror(contest_id=contest.id, user_id=400_000 + j, stage="city")
                for j in range(jurors)
            ]
            s.add_all(seats)
            entries = [
                Application(
                    contest_id=contest.id,
                    nomination_id=contest.nominations[i % 6].id,
                    district_id=rng.choice(district_ids),
                    address_text=f"дом {i}",
                    address_key=f"house:{i}",
                    description="…",
                )
                for i in range(applications)
            ]
            s.add_all(entries)
            await s.flush()
            s.add_all(
                Score(
                    application_id=a.id,
                    juror_id=j.id,
                    stage="city",
                    criterion=c,
                    value=rng.randint(1, 10),
                )
                for a in entries
                for j in seats
                for c in range(3)
            )
            await s.commit()
            contest_id = contest.id

        async with db.session_factory() as s:
            repo = ContestRepository(s)
            rows = await repo.score_rows(contest_id, "city")
            nomination_of = {a.id: a.nomination_id for a in await repo.of_contest(contest_id)}
        pure = []
        for _ in range(repeat):
            started = time.perf_counter()
            ranked = rank(rows, nomination_of)
            for entries_ in ranked.values():
                places(entries_)
            pure.append(time.perf_counter() - started)
        full = []
        for _ in range(repeat):
            started = time.perf_counter()
            async with db.session_factory() as s:
                repo = ContestRepository(s)
                c = await repo.get(contest_id)
                assert c is not None
                for entries_ in (await ranking(c, repo)).values():
                    places(entries_)
            full.append(time.perf_counter() - started)
        print(
            f"scores            : {len(rows)} ({applications} applications x {jurors} jurors x 3 criteria)"
        )
        print(
            f"rank + places     : {statistics.median(pure) * 1000:.1f} ms median of {repeat} (pure Python)"
        )
        print(
            f"with SQLite reads : {statistics.median(full) * 1000:.1f} ms median of {repeat} "
            f"(score_rows + applications + rank + places)"
        )
        await db.engine.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=1000)
    parser.add_argument("--jurors", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.applications, args.jurors, args.repeat))
