"""Time to submit complete reports through the Dispatcher (every wizard step as a user sends it:
/report, kind, action, date, place, participants, the figures in one message, description, an
album of three photos, «Готово», «Отправить», each button found on the screen the bot sent), and the database size per 10 000 reports, on SQLite.

    .venv/bin/python -m bench.reports [--reports 1000] [--elders 50] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from aiogram import Bot, Dispatcher
from aiogram.types import Update
from sqlalchemy import func, select, text

from bench.updates import TOKEN
from bot.app import create_bot, create_dispatcher, prepare_database
from bot.config import Settings
from storage.models import ElderRegistration, RegistrationStatus, Report, Role, User
from tests.fixtures.harness import button_update
from tests.fixtures.recording_session import RecordingSession
from tests.fixtures.updates import photo_update, text_update, tg_user


async def file_report(
    dp: Dispatcher, bot: Bot, session: RecordingSession, user_id: int, n: int, action: str
) -> int:
    """One report as an elder files it, reading each screen: returns the updates it took."""
    u = tg_user(user_id)
    steps: list[Update | str] = [
        text_update(u, "/report"),
        "Субботник",
        action,
        "Сегодня",
        text_update(u, f"Двор дома {n % 200 + 1} по ул. Весенней"),
        text_update(u, str(5 + n % 40)),
        text_update(u, f"{1 + n % 30} мешков, {n % 5 + 1} деревьев"),
        text_update(u, "Субботник во дворе: убрали мусор, побелили бордюры, посадили кусты."),
        *[
            photo_update(u, f"u{user_id}-{n}-{i}", media_group_id=f"g{user_id}-{n}")
            for i in range(3)
        ],
        "✅ Готово",
        "✅ Отправить",
    ]
    for step in steps:
        update = button_update(session, u, step) if isinstance(step, str) else step
        await dp.feed_update(bot, update)
    return len(steps)


async def main(total: int, elders: int, concurrency: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reports.sqlite3"
        settings = Settings.model_validate(
            {"bot_token": TOKEN, "database_url": f"sqlite+aiosqlite:///{path}"}
        )
        db = await prepare_database(settings)
        district = db.directory.center_by_code("optimist").district  # type: ignore[union-attr]
        elder_ids = [100_000 + i for i in range(elders)]
        async with db.session_factory() as s:
            for i, uid in enumerate(elder_ids):
                s.add(
                    User(
                        id=uid,
                        role=Role.ELDER,
                        consent_at=datetime.now(UTC),
                        municipality_id=district.municipality_id,
                        district_id=district.id,
                        full_name=f"Старшая {i}",
                        phone="+79130000000",
                    )
                )
            await s.flush()  # users first: the registrations point at them
            for i, uid in enumerate(elder_ids):
                s.add(
                    ElderRegistration(
                        user_id=uid,
                        tos_role="house_elder",
                        district_id=district.id,
                        street="ул. Весенняя",
                        house=str(i + 1),
                        status=RegistrationStatus.CONFIRMED,
                    )
                )
            await s.commit()
        session = RecordingSession()
        bot = create_bot(settings, session=session)
        dp = create_dispatcher(settings, db)
        await dp.emit_startup(bot=bot, dispatcher=dp, **dp.workflow_data)
        action = db.directory.actions()[0].name

        async def size() -> int:
            async with db.engine.connect() as conn:
                await conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
            return path.stat().st_size

        before = await size()
        # Each elder files their reports one after another (as a person would, reading each
        # screen); elders run side by side, at most `concurrency` of them at a time.
        semaphore = asyncio.Semaphore(concurrency)

        async def elder(e: int) -> int:
            async with semaphore:
                return sum(
                    [
                        await file_report(dp, bot, session, 100_000 + e, n, action)
                        for n in range(e, total, elders)
                    ]
                )

        started = time.perf_counter()
        updates = sum(await asyncio.gather(*(elder(e) for e in range(elders))))
        seconds = time.perf_counter() - started
        after = await size()
        async with db.session_factory() as s:
            stored = int(await s.scalar(select(func.count()).select_from(Report)) or 0)
        failures = sum(
            "Что-то пошло не так" in str(getattr(r, "text", "")) for r in session.requests
        )
        await dp.emit_shutdown(bot=bot, dispatcher=dp, **dp.workflow_data)

        print(
            f"reports submitted : {stored} of {total} ({failures} error replies), "
            f"{updates} updates, {elders} elders, concurrency {concurrency}"
        )
        print(
            f"time              : {seconds:.1f} s -> {stored / seconds:.1f} reports/s, "
            f"{updates / seconds:.0f} updates/s"
        )
        print(
            f"database size     : {(after - before) / stored * 10_000 / 2**20:.1f} MiB per 10 000 "
            f"reports (measured on {stored}, 3 photos each, WAL checkpointed)"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--elders", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    asyncio.run(main(args.reports, args.elders, args.concurrency))
