"""Sign-ups racing for the last places, and the reminder tick, on SQLite.

1. 50 residents tap «Записаться» on the same club with 10 places at the same moment (their updates
   fed concurrently through the Dispatcher); repeated on `--rounds` clubs. Prints sign-ups per
   second and checks that exactly 10 got a place each time, the rest queued in order.
2. 5 000 reminders due at once: time of one `send_due` tick (rendering, claiming, marking sent;
   the Bot API is a recording session and the 25/s pacing is off, so this is the bot's own cost).

    .venv/bin/python -m bench.clubs [--rounds 20] [--reminders 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time as clock
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, select

from bench.updates import TOKEN
from bot.app import create_bot, create_dispatcher, prepare_database
from bot.broadcast.limiter import RateLimiter
from bot.config import Settings
from bot.keyboards.callbacks import ClubCb
from bot.services.reminders import Reminders
from storage.models import Club, ClubSlot, Reminder, Signup, SignupStatus, User
from tests.fixtures.recording_session import RecordingSession
from tests.fixtures.updates import callback_update, tg_user

RACERS, PLACES = 50, 10


async def main(rounds: int, reminders_n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.model_validate(
            {
                "bot_token": TOKEN,
                "database_url": f"sqlite+aiosqlite:///{Path(tmp) / 'clubs.sqlite3'}",
                "scheduler_interval": 0,
            }
        )
        db = await prepare_database(settings)
        center = db.directory.center_by_code("optimist")
        assert center is not None
        session = RecordingSession()
        bot = create_bot(settings, session=session)
        dp = create_dispatcher(settings, db)
        await dp.emit_startup(bot=bot, dispatcher=dp, **dp.workflow_data)
        user_ids = [200_000 + i for i in range(max(RACERS, reminders_n))]
        async with db.session_factory() as s:
            for uid in user_ids:
                s.add(
                    User(
                        id=uid,
                        consent_at=datetime.now(UTC),
                        full_name=f"Житель {uid}",
                        district_id=center.district_id,
                        municipality_id=center.district.municipality_id,
                    )
                )
            clubs = [
                Club(
                    center_id=center.id,
                    name=f"Кружок {i}",
                    category="leisure",
                    age_group="all",
                    capacity=PLACES,
                    slots=[ClubSlot(weekday=0, starts=time(18), minutes=60)],
                )
                for i in range(rounds + 1)
            ]
            s.add_all(clubs)
            await s.commit()

        total_seconds, exact = 0.0, 0
        for club in clubs[:rounds]:
            updates = [
                callback_update(tg_user(uid), ClubCb(action="join", id=club.id).pack())
                for uid in user_ids[:RACERS]
            ]
            started = clock.perf_counter()
            await asyncio.gather(*(dp.feed_update(bot, u) for u in updates))
            total_seconds += clock.perf_counter() - started
            async with db.session_factory() as s:
                enrolled = await s.scalar(
                    select(func.count())
                    .select_from(Signup)
                    .where(Signup.club_id == club.id, Signup.status == SignupStatus.ENROLLED)
                )
                waiting = await s.scalar(
                    select(func.count())
                    .select_from(Signup)
                    .where(Signup.club_id == club.id, Signup.status == SignupStatus.WAITING)
                )
            exact += enrolled == PLACES and waiting == RACERS - PLACES
        failures = sum(
            "Что-то пошло не так" in str(getattr(r, "text", "")) for r in session.requests
        )
        print(
            f"sign-ups          : {rounds} clubs x {RACERS} racers for {PLACES} places: "
            f"{rounds * RACERS / total_seconds:.0f} sign-ups/s; exactly {PLACES} in and "
            f"{RACERS - PLACES} queued in {exact} of {rounds} races; {failures} error replies"
        )

        # Reminders: every user enrolled in the spare club, one reminder each, all due now.
        spare = clubs[-1]
        now = datetime.now(UTC)
        async with db.session_factory() as s:
            signups = [
                Signup(club_id=spare.id, user_id=uid, who="", status=SignupStatus.ENROLLED)
                for uid in user_ids[:reminders_n]
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
        spare.capacity = reminders_n
        reminders = Reminders(
            db.session_factory, settings, dp["i18n_core"], db.directory, RateLimiter(0)
        )
        session.requests.clear()
        started = clock.perf_counter()
        sent = await reminders.send_due(bot, now, limit=reminders_n)
        seconds = clock.perf_counter() - started
        again = await reminders.send_due(bot, now + timedelta(seconds=1), limit=reminders_n)
        print(
            f"reminder tick     : {sent} of {reminders_n} due reminders sent in {seconds:.2f} s "
            f"({seconds / max(sent, 1) * 1000:.2f} ms each, pacing off); a second tick sent {again}"
        )
        print(
            f"at Telegram's pace: the same tick with the 25/s limit takes ~{reminders_n / 25:.0f} s"
        )
        await dp.emit_shutdown(bot=bot, dispatcher=dp, **dp.workflow_data)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--reminders", type=int, default=5000)
    args = parser.parse_args()
    asyncio.run(main(args.rounds, args.reminders))
