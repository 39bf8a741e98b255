"""The directory as one spreadsheet (the registry round trip): download it, edit it in Excel,
send it back; the bot shows what would change and every error by sheet, row and column, and
applies all of it in one transaction or nothing. Rows are closed («Действует: нет»), never
deleted: users, reports and sign-ups point at them."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.centers import TEXT_LIMITS, check_point, parse_link, parse_phones
from bot.services.clubs import MAX_DESCRIPTION, WEEKDAYS, parse_schedule
from bot.services.validation import InputError, parse_count, parse_text
from storage.models import Center, Club, ClubSlot, Committee, District, Municipality, Signup
from storage.repositories.clubs import ClubRepository

SHEETS = ("municipalities", "districts", "centers", "committees", "clubs")
COLUMNS: dict[str, tuple[str, ...]] = {
    "municipalities": ("code", "name", "lat", "lon", "active"),
    "districts": ("code", "municipality", "name", "lat", "lon", "active"),
    "centers": (
        "code", "district", "name", "address", "hours", "phone", "lat", "lon", "link", "rental",
        "consultations", "collection", "active",
    ),
    "committees": ("code", "municipality", "district", "name", "active"),
    "clubs": (
        "id", "center", "name", "category", "age_group", "capacity", "leader", "schedule",
        "description", "active",
    ),
}  # fmt: skip
MODELS: dict[str, Any] = {
    "municipalities": Municipality,
    "districts": District,
    "centers": Center,
    "committees": Committee,
}
NAME_LIMITS = {"municipalities": 100, "districts": 100, "centers": 200, "committees": 200}
MAX_FILE_MB = 5
MAX_ROWS = 20_000
CODE_RE = re.compile(r"[a-z0-9][a-z0-9-]{1,63}")
SHORT_WEEKDAYS = list(WEEKDAYS)[:7]  # «пн» … «вс», as the schedule is typed


@dataclass(frozen=True)
class Labels:
    """What the sheets call things, in the admin's language."""

    sheets: dict[str, str]
    headers: dict[str, list[str]]
    yes: str
    no: str
    categories: dict[str, str]  # code -> label
    ages: dict[str, str]


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int
    column: str  # the header's text; "" for the whole sheet or file
    key: str
    args: tuple[tuple[str, Any], ...] = ()


@dataclass
class Change:
    sheet: str
    row: int
    kind: str  # "add", "change", "close", "open"
    name: str
    values: dict[str, Any]
    existing_id: int | None = None
    columns: list[str] = field(default_factory=list)  # what changed
    table: str = ""  # the sheet's key in SHEETS (`sheet` is its title in the admin's language)


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0

    @property
    def digest(self) -> str:
        """Equal plans, equal digests: the preview shown is what «Применить» applies."""
        content = repr(
            [(c.sheet, c.kind, c.existing_id, sorted(c.values.items())) for c in self.changes]
        )
        return hashlib.sha256(content.encode()).hexdigest()[:32]

    def count(self, *kinds: str) -> int:
        return sum(1 for c in self.changes if c.kind in kinds)


class RegistryFileError(InputError):
    """The file as a whole cannot be read (not XLSX, empty, too large)."""


# --- download -------------------------------------------------------------------------------------


def _yes_no(labels: Labels, active: bool) -> str:
    return labels.yes if active else labels.no


def _schedule_cell(slots: Iterable[ClubSlot]) -> str:
    return "; ".join(f"{SHORT_WEEKDAYS[s.weekday]} {s.starts:%H:%M} {s.minutes}" for s in slots)


async def registry_rows(session: AsyncSession, labels: Labels) -> dict[str, list[list[object]]]:
    """Every sheet with its header row, closed rows too (so they can be opened again)."""
    municipalities = (
        (await session.execute(select(Municipality).order_by(Municipality.sort))).scalars().all()
    )
    districts = (
        (await session.execute(select(District).order_by(District.municipality_id, District.sort)))
        .scalars()
        .all()
    )
    centers = (
        (await session.execute(select(Center).order_by(Center.district_id, Center.name)))
        .scalars()
        .all()
    )
    committees = (
        (
            await session.execute(
                select(Committee).order_by(Committee.municipality_id, Committee.name)
            )
        )
        .scalars()
        .all()
    )
    clubs = (
        (await session.execute(select(Club).order_by(Club.center_id, Club.name))).scalars().all()
    )
    m_code = {m.id: m.code for m in municipalities}
    d_code = {d.id: d.code for d in districts}
    c_code = {c.id: c.code for c in centers}
    rows: dict[str, list[list[object]]] = {s: [list(labels.headers[s])] for s in SHEETS}
    for m in municipalities:
        rows["municipalities"].append([m.code, m.name, m.lat, m.lon, _yes_no(labels, m.active)])
    for d in districts:
        rows["districts"].append(
            [d.code, m_code[d.municipality_id], d.name, d.lat, d.lon, _yes_no(labels, d.active)]
        )
    for c in centers:
        rows["centers"].append(
            [
                c.code, d_code[c.district_id], c.name, c.address, c.hours, c.phone, c.lat, c.lon,
                c.link, c.rental, c.consultations, c.collection, _yes_no(labels, c.active),
            ]
        )  # fmt: skip
    for k in committees:
        rows["committees"].append(
            [
                k.code,
                m_code[k.municipality_id],
                d_code.get(k.district_id or 0, ""),
                k.name,
                _yes_no(labels, k.active),
            ]
        )
    for club in clubs:
        rows["clubs"].append(
            [
                club.id, c_code[club.center_id], club.name,
                labels.categories.get(club.category, club.category),
                labels.ages.get(club.age_group, club.age_group), club.capacity, club.leader,
                _schedule_cell(club.slots), club.description, _yes_no(labels, club.active),
            ]
        )  # fmt: skip
    return {labels.sheets[s]: rows[s] for s in SHEETS}


# --- upload: reading ------------------------------------------------------------------------------

Sheet = list[tuple[int, list[object]]]  # (the row's number in Excel, its cells)


def read_workbook(data: bytes) -> dict[str, Sheet]:
    """The sheets by title, each its non-empty rows (the header row included)."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not data:
        raise RegistryFileError("registry-empty-file")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise RegistryFileError("registry-not-xlsx") from None
    sheets: dict[str, Sheet] = {}
    total = 0
    for sheet in book.worksheets:
        rows: Sheet = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = list(values)
            if any(v not in (None, "") for v in cells):
                rows.append((number, cells))
                total += 1
                if total > MAX_ROWS:
                    raise RegistryFileError("registry-too-many-rows", max=MAX_ROWS)
        sheets[sheet.title.strip()] = rows
    book.close()
    if total == 0:
        raise RegistryFileError("registry-empty-file")
    return sheets


# --- upload: checking -----------------------------------------------------------------------------


class _Row:
    """One row's cells by column key; problems are collected with their column's header."""

    def __init__(self, sheet: str, number: int, cells: dict[str, object], headers: dict[str, str]):
        self.sheet, self.number, self.cells, self.headers = sheet, number, cells, headers
        self.problems: list[Problem] = []

    def problem(self, column: str, key: str, **args: Any) -> None:
        self.problems.append(
            Problem(self.sheet, self.number, self.headers.get(column, ""), key, tuple(args.items()))
        )

    def text(self, column: str) -> str:
        value = self.cells.get(column)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return " ".join(str(value).split())

    def parse(self, column: str, parser: Callable[[str], Any], required: bool = False) -> Any:
        value = self.text(column)
        if not value:
            if required:
                self.problem(column, "registry-required")
            return None
        try:
            return parser(value)
        except InputError as exc:
            self.problem(column, exc.key, **exc.args_)
            return None


class _Refs:
    """Rows a cell may name, by code or by name (existing ones and those new in this file)."""

    def __init__(self) -> None:
        self.by_code: dict[str, str] = {}
        self.names: dict[str, set[str]] = {}

    def add(self, code: str, name: str) -> None:
        self.by_code[code] = code
        self.names.setdefault(name.casefold(), set()).add(code)

    def find(self, row: _Row, column: str, required: bool) -> str | None:
        value = row.text(column)
        if not value:
            if required:
                row.problem(column, "registry-required")
            return None
        if value in self.by_code:
            return value
        codes = self.names.get(value.casefold(), set())
        if len(codes) == 1:
            return next(iter(codes))
        row.problem(column, "registry-ambiguous" if codes else "registry-unknown", value=value)
        return None


def _float(text: str) -> float:
    try:
        return float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        raise InputError("registry-not-number") from None


def _code(text: str) -> str:
    if not CODE_RE.fullmatch(text):
        raise InputError("registry-bad-code")
    return text


TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh sch - y - e yu ya".split(),
        strict=True,
    )
)


def _new_code(name: str, taken: set[str]) -> str:
    """A code for a row added without one: its name in Latin letters, unique."""
    latin = "".join(TRANSLIT.get(ch, ch) for ch in name.casefold())
    base = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")[:50] or "row"
    code, n = base, 2
    while code in taken or not CODE_RE.fullmatch(code):
        code, n = f"{base}-{n}", n + 1
    taken.add(code)
    return code


def _point(row: _Row) -> tuple[float | None, float | None]:
    lat = row.parse("lat", _float)
    lon = row.parse("lon", _float)
    if (lat is None) != (lon is None):
        row.problem("lon" if lon is None else "lat", "registry-point-half")
        return None, None
    if lat is None or lon is None:
        return None, None
    try:
        return check_point(lat, lon)
    except InputError as exc:
        row.problem("lat", exc.key)
        return None, None


def _active(row: _Row, labels: Labels) -> bool:
    value = row.text("active").casefold()
    if value in ("", labels.yes.casefold()):
        return True
    if value == labels.no.casefold():
        return False
    row.problem("active", "registry-yes-no", yes=labels.yes, no=labels.no)
    return True


def _choice(row: _Row, column: str, known: dict[str, str]) -> str | None:
    value = row.text(column)
    by_label = {label.casefold(): code for code, label in known.items()}
    found = by_label.get(value.casefold()) or (value if value in known else None)
    if found is None:
        row.problem(column, "registry-choose-from", options=", ".join(known.values()))
    return found


def _same(current: Any, new: Any) -> bool:
    if isinstance(current, float) or isinstance(new, float):
        return current is not None and new is not None and abs(current - new) < 1e-7
    return bool(current == new)


async def plan_upload(
    session: AsyncSession,
    sheets: dict[str, Sheet],
    labels: Labels,
    progress: Callable[[str], Awaitable[None]] | None = None,
) -> Plan:
    """What applying the file would change, and every problem in it; writes nothing."""
    plan = Plan(rows=sum(len(rows) for rows in sheets.values()))
    existing: dict[str, dict[str, Any]] = {}
    refs: dict[str, _Refs] = {}
    for key, model in MODELS.items():
        rows = (await session.execute(select(model))).scalars().all()
        existing[key] = {r.code: r for r in rows}
        refs[key] = _Refs()
        for r in rows:
            refs[key].add(r.code, r.name)
    clubs = {c.id: c for c in (await session.execute(select(Club))).scalars().all()}
    codes = {key: {r.id: r.code for r in existing[key].values()} for key in MODELS}
    for sheet in SHEETS:
        if progress is not None:
            await progress(labels.sheets[sheet])
        title = labels.sheets[sheet]
        headers = dict(zip(COLUMNS[sheet], labels.headers[sheet], strict=True))
        if title not in sheets:
            plan.problems.append(Problem(title, 0, "", "registry-no-sheet"))
            continue
        rows = sheets[title]
        header_number, header = rows[0] if rows else (1, [])
        found = [" ".join(str(h or "").split()) for h in header]
        if found[: len(COLUMNS[sheet])] != labels.headers[sheet]:
            plan.problems.append(
                Problem(
                    title,
                    header_number,
                    "",
                    "registry-bad-headers",
                    (("expected", " | ".join(labels.headers[sheet])),),
                )
            )
            continue
        seen_codes: set[str] = set()
        for number, values in rows[1:]:
            row = _Row(title, number, dict(zip(COLUMNS[sheet], values, strict=False)), headers)
            if sheet == "clubs":
                change = _club_change(row, labels, clubs, refs["centers"], codes["centers"])
            else:
                change = _directory_change(
                    row, sheet, labels, existing[sheet], refs, codes, seen_codes
                )
            plan.problems.extend(row.problems)
            if change is not None and not row.problems:
                change.table = sheet
                plan.changes.append(change)
    return plan


def _directory_change(
    row: _Row,
    sheet: str,
    labels: Labels,
    existing: dict[str, Any],
    refs: dict[str, _Refs],
    codes: dict[str, dict[int, str]],
    seen_codes: set[str],
) -> Change | None:
    code = row.parse("code", _code)
    name = row.parse("name", lambda t: parse_text(t, NAME_LIMITS[sheet]), required=True)
    if code is not None:
        if code in seen_codes:
            row.problem("code", "registry-duplicate-code", code=code)
        seen_codes.add(code)
    values: dict[str, Any] = {"name": name, "active": _active(row, labels)}
    if sheet in ("municipalities", "districts", "centers"):
        values["lat"], values["lon"] = _point(row)
    if sheet in ("districts", "committees"):
        values["municipality"] = refs["municipalities"].find(row, "municipality", required=True)
    if sheet == "centers":
        values["district"] = refs["districts"].find(row, "district", required=True)
        values["phone"] = row.parse("phone", parse_phones)
        values["link"] = row.parse("link", parse_link)
        for column in ("address", "hours", "rental", "consultations", "collection"):
            values[column] = row.parse(column, partial(parse_text, max_len=TEXT_LIMITS[column]))
    if sheet == "committees":
        values["district"] = refs["districts"].find(row, "district", required=False)
    if row.problems or name is None:
        return None
    current = existing.get(code) if code else None
    if current is None:
        code = code or _new_code(name, set(refs[sheet].by_code))
        refs[sheet].add(code, name)
        values["code"] = code
        return Change(row.sheet, row.number, "add", name, values)
    values["code"] = code
    now = {c: _current_value(current, c, codes) for c in values}
    return _change(row, name, values, now, current.id)


def _change(
    row: _Row, name: str, values: dict[str, Any], now: dict[str, Any], row_id: int
) -> Change | None:
    """What differs from the row as it is; only «Действует» changed: closed or opened again."""
    changed = [c for c, v in values.items() if not _same(now[c], v)]
    if not changed:
        return None
    kind = "change"
    if changed == ["active"]:
        kind = "open" if values["active"] else "close"
    return Change(row.sheet, row.number, kind, name, values, row_id, changed)


def _current_value(row: Any, column: str, codes: dict[str, dict[int, str]]) -> Any:
    """A row's value as the sheet shows it: a reference by its code."""
    if column == "municipality":
        return codes["municipalities"].get(row.municipality_id)
    if column == "district":
        return codes["districts"].get(row.district_id)
    return getattr(row, column)


def _club_change(
    row: _Row, labels: Labels, clubs: dict[int, Club], centers: _Refs, codes: dict[int, str]
) -> Change | None:
    club_id = row.parse("id", lambda t: parse_count(t, 1, 2**31 - 1))
    current = clubs.get(club_id) if club_id else None
    if club_id and current is None:
        row.problem("id", "registry-unknown-club", id=club_id)
    values: dict[str, Any] = {
        "center": centers.find(row, "center", required=True),
        "name": row.parse("name", lambda t: parse_text(t, 100, letters=True), required=True),
        "category": _choice(row, "category", labels.categories),
        "age_group": _choice(row, "age_group", labels.ages),
        "capacity": row.parse("capacity", lambda t: parse_count(t, 1, 5000), required=True),
        "leader": row.parse("leader", lambda t: parse_text(t, 100, letters=True)),
        "schedule": row.parse(
            "schedule",
            lambda t: [(s.weekday, s.starts, s.minutes) for s in parse_schedule(t)],
            required=True,
        ),
        "description": row.parse("description", lambda t: parse_text(t, MAX_DESCRIPTION)) or "",
        "active": _active(row, labels),
    }
    if row.problems:
        return None
    if current is None:
        return Change(row.sheet, row.number, "add", values["name"], values)
    now = {c: getattr(current, c) for c in values if c not in ("center", "schedule")}
    now["center"] = codes.get(current.center_id)
    now["schedule"] = [(s.weekday, s.starts, s.minutes) for s in current.slots]
    return _change(row, values["name"], values, now, current.id)


# --- applying ---------------------------------------------------------------------------------


@dataclass
class Applied:
    added: int = 0
    changed: int = 0
    closed: int = 0
    tell: list[tuple[Club, list[Signup]]] = field(default_factory=list)  # members of closed clubs


async def apply_plan(session: AsyncSession, plan: Plan) -> Applied:
    """Write every change (the caller's transaction commits all of it, or none)."""
    assert not plan.problems
    now = datetime.now(UTC)
    done = Applied()
    ids: dict[str, dict[str, int]] = {}
    for key, model in MODELS.items():
        ids[key] = dict((await session.execute(select(model.code, model.id))).all())
    clubs = ClubRepository(session)
    for change in plan.changes:
        values = dict(change.values)
        if change.table == "clubs":
            await _apply_club(session, clubs, change, values, ids["centers"], done)
            continue
        model = MODELS[change.table]
        for ref, key in (("municipality", "municipalities"), ("district", "districts")):
            if ref in values:
                code = values.pop(ref)
                values[f"{ref}_id"] = ids[key][code] if code else None
        row = await session.get(model, change.existing_id) if change.existing_id else model()
        assert row is not None  # the plan was made in this transaction
        for column, value in values.items():
            setattr(row, column, value)
        row.edited_at = now
        if change.existing_id is None:
            session.add(row)
            await session.flush()
            ids[change.table][row.code] = row.id
        _count(done, change)
    await session.flush()
    return done


def _count(done: Applied, change: Change) -> None:
    if change.kind == "add":
        done.added += 1
    elif change.kind == "close":
        done.closed += 1
    else:
        done.changed += 1


async def _apply_club(
    session: AsyncSession,
    clubs: ClubRepository,
    change: Change,
    values: dict[str, Any],
    center_ids: dict[str, int],
    done: Applied,
) -> None:
    club = await session.get(Club, change.existing_id) if change.existing_id else Club()
    assert club is not None
    active = values.pop("active")
    club.center_id = center_ids[values.pop("center")]
    club.slots = [ClubSlot(weekday=w, starts=s, minutes=m) for w, s, m in values.pop("schedule")]
    for column, value in values.items():
        setattr(club, column, value)
    if change.existing_id is None:
        club.active = active
        session.add(club)
    elif club.active and not active:
        done.tell.append((club, list(await clubs.close_club(club))))
    else:
        club.active = active
    _count(done, change)
