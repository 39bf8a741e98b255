"""Spreadsheet files (openpyxl, write-only mode). Building one is CPU work: callers run it in a
thread so other users' updates are not held up."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from aiogram_i18n import I18nContext


def header_row(i18n: I18nContext, key: str) -> list[object]:
    """A sheet's header row: the locale keeps it as «column | column | …»."""
    return [part.strip() for part in i18n.get(key).split("|")]


def workbook_bytes(sheets: Mapping[str, Sequence[Sequence[object]]]) -> bytes:
    """Sheets by name, each a list of rows (the first row is the header)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name[:31])
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
