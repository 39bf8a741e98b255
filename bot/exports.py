"""Spreadsheet files (openpyxl, write-only mode). Building one is CPU work: callers run it in a
thread so other users' updates are not held up."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence


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
