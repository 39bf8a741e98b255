"""/export in words: the reader's language in the header, districts and centers by name, kinds
and statuses as the bot says them elsewhere, dates and moments in the city's time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from aiogram_i18n import I18nContext

from storage.repositories.directory import Directory
from storage.repositories.stats import EXPORT_COLUMNS, FIGURE_COLUMNS

# Columns holding a code, and the locale's words for it («report_status» accepted → «принят»)
WORDS = {
    "kind": "rep-kind",
    "report_status": "rep-status",
    "signup_status": "signup-status",
    "role": "role",
}


def export_table(
    what: str, rows: list[list[object]], i18n: I18nContext, directory: Directory, tz: ZoneInfo
) -> list[list[object]]:
    columns = EXPORT_COLUMNS[what]
    header: list[object] = [
        i18n.get(f"fig-{c}" if c in FIGURE_COLUMNS else f"export-col-{c}") for c in columns
    ]
    table = [header]
    for row in rows:
        cells = dict(zip(columns, row, strict=True))
        table.append([_word(c, v, cells, i18n, directory, tz) for c, v in cells.items()])
    return table


def _word(
    column: str,
    value: object,
    row: dict[str, object],
    i18n: I18nContext,
    directory: Directory,
    tz: ZoneInfo,
) -> object:
    if column in WORDS:
        return i18n.get(f"{WORDS[column]}-{value}")
    if column == "application_status":
        return i18n.get(f"app-status-{value}", place=row.get("place") or 0)
    if column == "district":
        district = directory.district(value if isinstance(value, int) else None)
        return district.name if district else ""
    if column == "center":
        center = directory.center(value if isinstance(value, int) else None)
        return center.name if center else ""
    if column == "entered_by_staff":
        return i18n.get("export-entered-by-staff") if value else ""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(tz).strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return value
