"""Idempotent loading of the reference data file (storage/data/reference.json).

Rows are matched by their `code`: a new code inserts, a known one updates, a code that left the
file is marked inactive (never deleted: users and reports may point at it). A row the city has
edited in the bot (`edited_at`: the registry, a center's card) is the city's: the file no longer
changes or deactivates it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Action, Center, Committee, District, Municipality

REFERENCE_FILE = Path(__file__).resolve().parent / "data" / "reference.json"
DEMO_FILE = REFERENCE_FILE.with_name("demo.json")  # invented examples, only in demo mode


@dataclass
class LoadResult:
    municipalities: int = 0
    districts: int = 0
    centers: int = 0
    committees: int = 0
    actions: int = 0
    clubs_added: int = 0
    examples_closed: int = 0


async def _upsert(session: AsyncSession, model: Any, code: str, values: dict[str, Any]) -> Any:
    row = (await session.execute(select(model).where(model.code == code))).scalar_one_or_none()
    if row is None:
        row = model(code=code, **values)
        session.add(row)
    elif getattr(row, "edited_at", None) is not None:
        return row  # the city's own edit wins over the shipped file
    else:
        for key, value in values.items():
            setattr(row, key, value)
    row.active = True
    await session.flush()
    return row


async def _deactivate_missing(session: AsyncSession, model: Any, seen: set[str]) -> None:
    statement = update(model).values(active=False)
    if hasattr(model, "edited_at"):
        statement = statement.where(model.edited_at.is_(None))
    if seen:
        statement = statement.where(model.code.not_in(seen))
    await session.execute(statement)


async def load_reference_data(
    session: AsyncSession, path: Path = REFERENCE_FILE, demo: bool = False
) -> LoadResult:
    raw = json.loads(path.read_text(encoding="utf-8"))  # noqa: ASYNC240 - small file, at start
    result = LoadResult()
    seen: dict[Any, set[str]] = {
        Municipality: set(),
        District: set(),
        Center: set(),
        Committee: set(),
    }
    for m_sort, m in enumerate(raw["municipalities"]):
        municipality = await _upsert(
            session,
            Municipality,
            m["code"],
            {"name": m["name"], "lat": m.get("lat"), "lon": m.get("lon"), "sort": m_sort},
        )
        seen[Municipality].add(m["code"])
        result.municipalities += 1
        district_ids: dict[str, int] = {}
        for d_sort, d in enumerate(m["districts"]):
            district = await _upsert(
                session,
                District,
                d["code"],
                {
                    "name": d["name"],
                    "municipality_id": municipality.id,
                    "lat": d.get("lat"),
                    "lon": d.get("lon"),
                    "sort": d_sort,
                },
            )
            seen[District].add(d["code"])
            district_ids[d["code"]] = district.id
            result.districts += 1
            for c in d["centers"]:
                await _upsert(
                    session,
                    Center,
                    c["code"],
                    {
                        "name": c["name"],
                        "district_id": district.id,
                        **{k: c.get(k) for k in ("address", "phone", "hours", "lat", "lon")},
                    },
                )
                seen[Center].add(c["code"])
                result.centers += 1
        for k in m.get("committees", []):
            district_code = k.get("district")
            if district_code is not None and district_code not in district_ids:
                raise ValueError(f"committee {k['code']}: unknown district {district_code}")
            await _upsert(
                session,
                Committee,
                k["code"],
                {
                    "name": k["name"],
                    "municipality_id": municipality.id,
                    "district_id": district_ids.get(district_code) if district_code else None,
                },
            )
            seen[Committee].add(k["code"])
            result.committees += 1
    seen[Action] = set()
    for a_sort, a in enumerate(raw.get("actions", [])):
        await _upsert(session, Action, a["code"], {"name": a["name"], "sort": a_sort})
        seen[Action].add(a["code"])
        result.actions += 1
    if demo:
        examples = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
        result.clubs_added = await _add_example_clubs(session, examples["clubs"])
    else:
        result.examples_closed = await _close_example_clubs(session)
    for model, codes in seen.items():
        await _deactivate_missing(session, model, codes)
    await session.commit()
    return result


async def _close_example_clubs(session: AsyncSession) -> int:
    """Out of demo mode no invented club stays open (a database that once ran in demo mode, or
    an earlier version that loaded examples at every start); reminders of closed clubs stop."""
    from storage.models import Club

    closed = await session.execute(
        update(Club).where(Club.code.is_not(None), Club.active.is_(True)).values(active=False)
    )
    return int(closed.rowcount or 0)  # type: ignore[attr-defined]


async def _add_example_clubs(session: AsyncSession, clubs: list[dict[str, Any]]) -> int:
    """Example clubs are added once: after that the center's staff may edit or close them, so
    reloading never overwrites them."""
    from datetime import time

    from storage.models import Club, ClubSlot

    weekdays = {"пн": 0, "вт": 1, "ср": 2, "чт": 3, "пт": 4, "сб": 5, "вс": 6}
    known = set((await session.execute(select(Club.code).where(Club.code.is_not(None)))).scalars())
    centers = dict((await session.execute(select(Center.code, Center.id))).all())
    added = 0
    for c in clubs:
        if c["code"] in known:
            continue
        if c["center"] not in centers:
            raise ValueError(f"club {c['code']}: unknown center {c['center']}")
        club = Club(
            code=c["code"],
            center_id=centers[c["center"]],
            name=c["name"],
            description=c.get("description", ""),
            category=c["category"],
            age_group=c["age_group"],
            capacity=c["capacity"],
            leader=c.get("leader"),
            slots=[
                ClubSlot(
                    weekday=weekdays[s["day"]],
                    starts=time.fromisoformat(s["time"]),
                    minutes=s["minutes"],
                )
                for s in c["schedule"]
            ],
        )
        session.add(club)
        added += 1
    await session.flush()
    return added
