"""The registry round trip on a city-sized directory: the reference centers and N clubs (default 2 000, with
two sessions a week each) on SQLite.

Times building the XLSX an admin downloads, checking an uploaded copy with every center's card
filled in and 10% of the clubs changed (the preview), and applying it; prints the file's size.

    .venv/bin/python -m bench.registry [--clubs 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import random
import statistics
import tempfile
import time
from datetime import time as clock
from pathlib import Path

from aiogram_i18n.cores import FluentRuntimeCore
from openpyxl import load_workbook
from pydantic import SecretStr

from bench.updates import TOKEN
from bot.app import prepare_database
from bot.config import Settings
from bot.exports import workbook_bytes
from bot.services.registry import apply_plan, plan_upload, read_workbook, registry_rows
from handlers.registry.handlers import registry_labels
from storage.models import Club, ClubSlot

LOCALES = str(Path(__file__).resolve().parent.parent / "locales" / "{locale}")


class _I18n:
    """The part of I18nContext the labels need, in Russian."""

    def __init__(self, core: FluentRuntimeCore) -> None:
        self.core = core

    def get(self, key: str, **args: object) -> str:
        return self.core.get(key, "ru", **args)


async def run(n_clubs: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            bot_token=SecretStr(TOKEN),
            database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'bench.sqlite3'}",
            scheduler_interval=0,
        )
        db = await prepare_database(settings)
        core = FluentRuntimeCore(path=LOCALES)
        await core.startup()
        labels = registry_labels(_I18n(core))  # type: ignore[arg-type]
        rng = random.Random(7)
        centers = [c.id for c in db.directory.all_centers()]
        async with db.session_factory() as s:
            for i in range(n_clubs):
                s.add(
                    Club(
                        center_id=rng.choice(centers),
                        name=f"Кружок {i}",
                        category="creative",
                        age_group="all",
                        capacity=20,
                        slots=[
                            ClubSlot(weekday=1, starts=clock(10), minutes=60),
                            ClubSlot(weekday=3, starts=clock(18), minutes=90),
                        ],
                    )
                )
            await s.commit()

        downloads, checks, applies = [], [], []
        size = 0
        for _ in range(repeat):
            async with db.session_factory() as s:
                started = time.perf_counter()
                data = await asyncio.to_thread(workbook_bytes, await registry_rows(s, labels))
                downloads.append(time.perf_counter() - started)
            size = len(data)
            book = load_workbook(io.BytesIO(data))
            sheet = book[labels.sheets["centers"]]
            for row in range(2, sheet.max_row + 1):  # every center's card filled in
                sheet.cell(row, 4, f"ул. Весенняя, {row}")
                sheet.cell(row, 6, "8 3842 12-34-56")
                sheet.cell(row, 7, 55.3 + row / 1000)
                sheet.cell(row, 8, 86.0 + row / 1000)
            clubs = book[labels.sheets["clubs"]]
            for row in range(2, clubs.max_row + 1, 10):
                clubs.cell(row, 6, 25)
            buffer = io.BytesIO()
            book.save(buffer)
            async with db.session_factory() as s:
                started = time.perf_counter()
                sheets = await asyncio.to_thread(read_workbook, buffer.getvalue())
                plan = await plan_upload(s, sheets, labels)
                checks.append(time.perf_counter() - started)
                assert not plan.problems, plan.problems[:3]
                started = time.perf_counter()
                await apply_plan(s, plan)
                await s.rollback()  # the next round starts from the same directory
                applies.append(time.perf_counter() - started)
        print(
            f"directory: {len(centers)} centers, {n_clubs} clubs; changes in the upload: {len(plan.changes)}"
        )
        print(
            f"download (rows + XLSX) : {statistics.median(downloads):.2f} s, {size / 1024:.0f} KiB"
        )
        print(f"check (read + preview) : {statistics.median(checks):.2f} s")
        print(f"apply (one transaction): {statistics.median(applies):.2f} s")
        await db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clubs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(run(args.clubs, args.repeat))


if __name__ == "__main__":
    main()
