"""The year's booklet for a year of 5 000 accepted reports with 3 photos each (and 30 contest
winners with a photo) through the Dispatcher: /booklet, the background work (choosing each
district's best reports, downloading their photos by getFile, laying out the A4 pages) and the
PDF's pages and size. The photos are 1280×960 JPEGs a recording Bot API session serves (no network:
real downloads add Telegram's latency, eight at a time).

    .venv/bin/python -m bench.booklet [--reports 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from aiogram.methods import GetFile, SendDocument
from PIL import Image, ImageDraw
from sqlalchemy import insert, select

from bench.updates import TOKEN
from bot.app import create_bot, create_dispatcher, prepare_database
from bot.config import Settings
from storage.models import (
    Application,
    ApplicationPhoto,
    Contest,
    Nomination,
    Report,
    ReportPhoto,
    ReportStatus,
)
from tests.fixtures.recording_session import RecordingSession
from tests.fixtures.updates import text_update, tg_user

ADMIN = 1
DISTINCT_PHOTOS = 150  # pictures the files cycle through (a PDF stores equal images once)


def photo(n: int) -> bytes:
    """A 1280×960 JPEG of some 100–200 KB, each n its own."""
    rng = random.Random(n)
    image = Image.new("RGB", (1280, 960), (rng.randrange(256), rng.randrange(256), 120))
    draw = ImageDraw.Draw(image)
    for _ in range(400):
        x, y = rng.randrange(1280), rng.randrange(960)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x, y, x + rng.randrange(10, 90), y + rng.randrange(10, 90)), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


async def main(n_reports: int) -> None:
    year = datetime.now(UTC).year
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.model_validate(
            {
                "bot_token": TOKEN,
                "admin_ids": str(ADMIN),
                "scheduler_interval": 0,
                "database_url": f"sqlite+aiosqlite:///{Path(tmp) / 'booklet.sqlite3'}",
            }
        )
        db = await prepare_database(settings)
        rng = random.Random(7)
        districts = [
            d.id for m in db.directory.municipalities() for d in db.directory.districts(m.id)
        ]
        last = min(date(year, 12, 31), datetime.now(UTC).date())
        started = time.perf_counter()
        async with db.engine.begin() as conn:
            await conn.execute(
                insert(Report),
                [
                    {
                        "district_id": rng.choice(districts),
                        "kind": "subbotnik",
                        "held_on": last - timedelta(days=rng.randrange(300)),
                        "participants": rng.randint(3, 120),
                        "bags": rng.randint(0, 40),
                        "place": f"ул. Весенняя, {i % 90 + 1}",
                        "description": "Убрали двор, покрасили лавочки, высадили цветы.",
                        "status": ReportStatus.ACCEPTED.value,
                        "submitted_at": datetime.now(UTC),
                        "youth": False,
                    }
                    for i in range(n_reports)
                ],
            )
            report_ids = list((await conn.execute(select(Report.id))).scalars())
            await conn.execute(
                insert(ReportPhoto),
                [
                    {
                        "report_id": r,
                        "position": p,
                        "file_id": f"r{r}-{p}",
                        "file_unique_id": f"r{r}-{p}",
                    }
                    for r in report_ids
                    for p in range(3)
                ],
            )
        async with db.session_factory() as s:
            contest = Contest(
                title="Снежный калейдоскоп",
                deadline=datetime.now(UTC),
                criteria="оформление",
                nominations=[Nomination(position=0, name="Сказки зимнего двора")],
            )
            s.add(contest)
            await s.flush()
            for n in range(30):
                s.add(
                    Application(
                        contest_id=contest.id,
                        nomination_id=contest.nominations[0].id,
                        district_id=rng.choice(districts),
                        address_text=f"ул. Шестакова, {n + 1}",
                        address_key=f"k{n}",
                        address_parts={},
                        description="…",
                        status="submitted",
                        place=n % 3 + 1,
                        photos=[
                            ApplicationPhoto(position=0, file_id=f"w{n}", file_unique_id=f"w{n}")
                        ],
                    )
                )
            await s.commit()
        pictures = [photo(n) for n in range(DISTINCT_PHOTOS)]
        session = RecordingSession()
        for r in report_ids:
            for p in range(3):
                session.files[f"r{r}-{p}"] = pictures[(r * 3 + p) % DISTINCT_PHOTOS]
        for n in range(30):
            session.files[f"w{n}"] = pictures[(n * 7) % DISTINCT_PHOTOS]
        print(
            f"synthetic year: {n_reports} accepted reports with 3 photos each "
            f"({len(session.files)} files of ~{sum(map(len, pictures)) // len(pictures) // 1024} KiB), "
            f"30 winners, {len(districts)} districts — built in {time.perf_counter() - started:.0f} s"
        )
        bot = create_bot(settings, session=session)
        dp = create_dispatcher(settings, db)
        await dp.emit_startup(bot=bot, dispatcher=dp, **dp.workflow_data)
        started = time.perf_counter()
        await dp.feed_update(bot, text_update(tg_user(ADMIN), f"/booklet {year}"))
        answered = time.perf_counter() - started
        await dp["background"].wait()
        took = time.perf_counter() - started
        phone, printed = (
            r.document.data  # type: ignore[union-attr]
            for r in session.requests
            if isinstance(r, SendDocument)
        )
        downloads = sum(isinstance(r, GetFile) for r in session.requests)
        edits = [
            getattr(r, "text", "")
            for r in session.requests
            if type(r).__name__ == "EditMessageText"
        ]
        await dp.emit_shutdown(bot=bot, dispatcher=dp, **dp.workflow_data)
        print(f"/booklet answered : {answered * 1000:.0f} ms (the work goes on in the background)")
        print(f"booklet made      : {took:.1f} s, {downloads} photos downloaded")
        print(
            f"PDF               : for phones {len(phone) / 1_048_576:.1f} MiB, for printing "
            f"{len(printed) / 1_048_576:.1f} MiB; «{edits[-1] if edits else ''}»"
        )
        print(f"progress messages : {len(edits)} edits of one message")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=5_000)
    args = parser.parse_args()
    asyncio.run(main(args.reports))
