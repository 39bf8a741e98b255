"""20 000 residents vote in a district vote through the full pipeline (Dispatcher, middlewares,
database, i18n): votes per second, every vote counted once (5 % change their choice, 2 % tap
twice), and the time to count the results and close the vote. No network: a recording Bot API
session.

    .venv/bin/python -m bench.votes [--voters 20000] [--concurrency 32]
    .venv/bin/python -m bench.votes --database-url postgresql+asyncpg://postgres@127.0.0.1/bench

On PostgreSQL use a database of its own: the bench adds its residents and removes them after.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, func, insert, select

from bench.updates import feed_all, settings_for
from bot.app import create_bot, create_dispatcher, prepare_database
from bot.keyboards.callbacks import VoteCb
from bot.services.votes import close, results
from storage.models import Ballot, BallotChoice, Role, User, Vote, VoteOption
from storage.repositories.votes import VoteRepository
from tests.fixtures.recording_session import RecordingSession
from tests.fixtures.updates import callback_update, tg_user

FIRST_VOTER = 70_000_000
OPTIONS = ("Сквер у школы", "Спортплощадка", "Освещение двора", "Новые лавочки")


async def run(database_url: str, voters: int, concurrency: int) -> None:
    settings = settings_for(database_url, None)
    db = await prepare_database(settings)
    center = db.directory.center_by_code("borovoy")
    assert center is not None
    district_id = center.district.id
    now = datetime.now(UTC)
    async with db.session_factory() as s:
        await s.execute(delete(User).where(User.id >= FIRST_VOTER))
        await s.execute(
            insert(User),
            [
                {
                    "id": FIRST_VOTER + i,
                    "role": Role.RESIDENT,
                    "consent_at": now,
                    "district_id": district_id,
                    "is_active": True,
                    "club_reminder_min": 180,
                    "muted": "",
                    "home_asked_at": now,
                    "created_at": now,
                }
                for i in range(voters)
            ],
        )
        vote = Vote(
            question="Что сделать в районе в первую очередь?",
            scope="district",
            district_id=district_id,
            ends_at=now + timedelta(days=7),
            options=[VoteOption(position=i, text=t) for i, t in enumerate(OPTIONS)],
        )
        s.add(vote)
        await s.commit()
        vote_id = vote.id

    expected = [0] * len(OPTIONS)
    updates = []
    for i in range(voters):
        user = tg_user(FIRST_VOTER + i)
        choice = i % len(OPTIONS)
        updates.append(
            callback_update(user, VoteCb(action="pick", id=vote_id, mask=1 << choice).pack())
        )
        if i % 20 == 0:  # 5 %: change of mind
            choice = (choice + 1) % len(OPTIONS)
            updates.append(
                callback_update(user, VoteCb(action="pick", id=vote_id, mask=1 << choice).pack())
            )
        if i % 50 == 0:  # 2 %: the same button twice
            updates.append(
                callback_update(user, VoteCb(action="pick", id=vote_id, mask=1 << choice).pack())
            )
        expected[choice] += 1

    session = RecordingSession()
    bot = create_bot(settings, session=session)
    dp = create_dispatcher(settings, db)
    await dp.emit_startup(bot=bot, dispatcher=dp, **dp.workflow_data)
    # One user's taps are handled in order (as one chat's updates are); users run concurrently.
    took = await feed_all(dp, bot, updates, concurrency)
    failures = [r for r in session.requests if "Что-то пошло не так" in str(getattr(r, "text", ""))]
    await dp.emit_shutdown(bot=bot, dispatcher=dp, **dp.workflow_data)

    async with db.session_factory() as s:
        votes = VoteRepository(s)
        stored = await votes.get(vote_id)
        assert stored is not None
        ballots = await s.scalar(
            select(func.count()).select_from(Ballot).where(Ballot.vote_id == vote_id)
        )
        choices = await s.scalar(
            select(func.count())
            .select_from(BallotChoice)
            .join(Ballot, Ballot.id == BallotChoice.ballot_id)
            .where(Ballot.vote_id == vote_id)
        )
        started = time.perf_counter()
        counted = await results(votes, stored)
        results_took = time.perf_counter() - started
        started = time.perf_counter()
        await close(votes, stored, datetime.now(UTC))
        await s.commit()
        close_took = time.perf_counter() - started
        got = {line.option.position: line.online for line in counted.lines}
        await s.execute(delete(Vote).where(Vote.id == vote_id))
        await s.execute(delete(User).where(User.id >= FIRST_VOTER))
        await s.commit()
    await db.engine.dispose()

    backend = "PostgreSQL" if database_url.startswith("postgresql") else "SQLite"
    print(f"{backend}: {voters} voters, {len(updates)} taps, concurrency {concurrency}")
    print(
        f"voting       : {took:7.1f} s, {len(updates) / took:7.0f} taps/s, {voters / took:7.0f} voters/s"
    )
    print(f"counted      : {ballots} ballots, {choices} choices, failures {len(failures)}")
    print(f"per option   : {[got[i] for i in range(len(OPTIONS))]} expected {expected}")
    print(
        f"results      : {results_took * 1000:7.1f} ms; closing the vote {close_took * 1000:7.1f} ms"
    )
    ok = (
        ballots == voters
        and choices == voters
        and [got[i] for i in range(len(OPTIONS))] == expected
    )
    print(
        f"goal         : {voters} voters within 10 minutes, each counted once -> "
        f"{'met' if ok and took < 600 and not failures else 'NOT met'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--voters", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    if args.database_url:
        asyncio.run(run(args.database_url, args.voters, args.concurrency))
        return
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(
            run(f"sqlite+aiosqlite:///{Path(tmp) / 'votes.sqlite3'}", args.voters, args.concurrency)
        )


if __name__ == "__main__":
    main()
