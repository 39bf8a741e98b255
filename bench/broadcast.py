"""The delivery engine against a local Bot API server (a separate process answering at once).

(a) 25 000 recipients with the rate limit lifted: the engine's own ceiling (messages/s) and the
    bot process's CPU seconds per 1 000 messages (engine, SQLite outbox, HTTP client).
(b) at the default rate (25/s) over `--paced` recipients: the achieved rate and the 429s seen.
(c) the same with 1 % of answers 429 (retry_after 1 s) and 5 % 403.
(d) an urgent alert to 25 000 recipients as paid broadcast at 1 000/s: time to reach everyone.

    .venv/bin/python -m bench.broadcast [--recipients 25000] [--paced 1500]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from bench.updates import TOKEN
from bot.app import create_bot, prepare_database
from bot.broadcast.engine import DeliveryEngine
from bot.config import Settings
from storage.models import Announcement, AnnouncementStatus, Outbox, OutboxStatus, User
from tests.fixtures.fake_bot_api import free_port


async def start_server(
    share_429: float, share_403: float
) -> tuple[asyncio.subprocess.Process, str]:
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.fixtures.fake_bot_api",
        "--port",
        str(port),
        "--token",
        TOKEN,
        "--share-429",
        str(share_429),
        "--share-403",
        str(share_403),
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    await process.stdout.readline()  # "ready"
    return process, f"http://127.0.0.1:{port}"


async def run(
    recipients: int, rate: float, share_429: float, share_403: float, paid_rate: float = 0
) -> dict[str, float]:
    """paid_rate > 0: the announcement is an urgent alert sent at that rate."""
    with tempfile.TemporaryDirectory() as tmp:
        server, url = await start_server(share_429, share_403)
        settings = Settings.model_validate(
            {
                "bot_token": TOKEN,
                "telegram_api_url": url,
                "scheduler_interval": 0,
                "database_url": f"sqlite+aiosqlite:///{Path(tmp) / 'b.sqlite3'}",
            }
        )
        db = await prepare_database(settings)
        async with db.session_factory() as s:
            now = datetime.now(UTC)
            s.add_all(User(id=300_000 + i, consent_at=now) for i in range(recipients))
            announcement = Announcement(
                author_id=None,
                audience="all",
                text="Субботник в субботу!",
                status=AnnouncementStatus.SCHEDULED,
                send_at=now,
                urgent=paid_rate > 0,
            )
            s.add(announcement)
            await s.commit()
        from bot.i18n import create_core

        core = create_core("ru")
        await core.startup()
        engine = DeliveryEngine(
            db.session_factory, core, "ru", db.user_cache, rate, paid_rate=paid_rate or 1000
        )
        bot = create_bot(settings)
        cpu, wall = time.process_time(), time.perf_counter()
        engine.start(bot)
        while True:
            await asyncio.sleep(0.5)
            async with db.session_factory() as s:
                status = (await s.get(Announcement, announcement.id)).status  # type: ignore[union-attr]
            if status is AnnouncementStatus.DONE:
                break
        await engine.stop()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        async with db.session_factory() as s:
            counts = dict(
                (await s.execute(select(Outbox.status, func.count()).group_by(Outbox.status))).all()
            )
        await bot.session.close()
        await db.engine.dispose()
        server.terminate()
        await server.wait()
    sent = counts.get(OutboxStatus.SENT, 0)
    return {
        "sent": sent,
        "blocked": counts.get(OutboxStatus.BLOCKED, 0),
        "failed": counts.get(OutboxStatus.FAILED, 0),
        "pending": counts.get(OutboxStatus.PENDING, 0),
        "wall": wall,
        "rate": (sent + counts.get(OutboxStatus.BLOCKED, 0)) / wall,
        # Between the first and the last answer: the pace itself, without start-up and polling.
        "paced": (engine.stats.answers - 1)
        / max((engine.stats.last_answer or 0) - (engine.stats.first_answer or 0), 1e-9),
        "cpu_per_1000": cpu / max(sent, 1) * 1000,
        "retry_after": engine.stats.retry_after,
    }


async def main(recipients: int, paced: int) -> None:
    a = await run(recipients, 0, 0, 0)
    print(
        f"(a) limit lifted, {recipients} recipients: {a['sent']:.0f} sent in {a['wall']:.1f} s -> "
        f"{a['rate']:.0f} messages/s ceiling; {a['cpu_per_1000']:.2f} CPU s per 1 000 messages "
        f"(bot process); lost {a['pending'] + a['failed']:.0f}"
    )
    b = await run(paced, 25, 0, 0)
    print(
        f"(b) rate 25/s, {paced} recipients: achieved {b['paced']:.2f}/s between the first and "
        f"the last answer ({(b['paced'] / 25 - 1) * 100:+.1f} % of the set rate; "
        f"{b['rate']:.2f}/s including start-up); 429s: {b['retry_after']}"
    )
    c = await run(paced, 25, 0.01, 0.05)
    print(
        f"(c) rate 25/s with 1 % 429 and 5 % 403, {paced} recipients: achieved "
        f"{c['paced']:.2f} answers/s; sent {c['sent']:.0f}, blocked {c['blocked']:.0f}, "
        f"429s {c['retry_after']} (each pauses all sending 1 s); lost {c['pending'] + c['failed']:.0f}"
    )
    d = await run(recipients, 25, 0, 0, paid_rate=1000)
    print(
        f"(d) urgent alert, paid broadcast at 1 000/s, {recipients} recipients: everyone in "
        f"{d['wall']:.1f} s ({d['paced']:.0f} messages/s; at 25/s it takes "
        f"{recipients / 25 / 60:.0f} min); lost {d['pending'] + d['failed']:.0f}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--recipients", type=int, default=25_000)
    parser.add_argument("--paced", type=int, default=1500)
    args = parser.parse_args()
    asyncio.run(main(args.recipients, args.paced))
