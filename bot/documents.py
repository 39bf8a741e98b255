"""PDF documents the city hands out: a thanks letter or the badge's certificate, A4, Cyrillic
(the DejaVu fonts that come with matplotlib, so nothing is installed beside the packages)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import matplotlib
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
SERIF, SERIF_BOLD, SANS = "DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSans"
ACCENT = HexColor("#1F4E79")


def register_fonts() -> None:
    for name in (SERIF, SERIF_BOLD, SANS):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{name}.ttf")))


@dataclass(frozen=True)
class Letter:
    """One document: its title («Благодарственное письмо»), whom, for what, and who signs."""

    title: str
    person: str
    lead: str  # «Администрация города Кемерово выражает благодарность»
    reason: str
    city: str
    day: date
    signer: str  # the signature block's position, e.g. «Глава города»
    under_lines: tuple[str, str]  # the words under the signature's lines: «подпись», «расшифровка»


def _lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Words wrapped to the width."""
    out: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if pdfmetrics.stringWidth(candidate, font, size) <= width or not line:
            line = candidate
        else:
            out.append(line)
            line = word
    if line:
        out.append(line)
    return out


def _draw(canvas: Canvas, letter: Letter) -> None:
    width, height = A4
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(3)
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    canvas.setLineWidth(0.8)
    canvas.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm)
    canvas.setFillColor(ACCENT)
    canvas.setFont(SANS, 12)
    canvas.drawCentredString(width / 2, height - 35 * mm, letter.city.upper())
    canvas.setFont(SERIF_BOLD, 30)
    y = height - 70 * mm
    for line in _lines(letter.title.upper(), SERIF_BOLD, 30, width - 50 * mm):
        canvas.drawCentredString(width / 2, y, line)
        y -= 13 * mm
    canvas.setFillColor(HexColor("#000000"))
    canvas.setFont(SERIF, 15)
    y -= 8 * mm
    for line in _lines(letter.lead, SERIF, 15, width - 50 * mm):
        canvas.drawCentredString(width / 2, y, line)
        y -= 8 * mm
    y -= 6 * mm
    canvas.setFont(SERIF_BOLD, 24)
    for line in _lines(letter.person, SERIF_BOLD, 24, width - 50 * mm):
        canvas.drawCentredString(width / 2, y, line)
        y -= 11 * mm
    y -= 6 * mm
    canvas.setFont(SERIF, 14)
    for line in _lines(letter.reason, SERIF, 14, width - 60 * mm):
        canvas.drawCentredString(width / 2, y, line)
        y -= 7 * mm
    canvas.setFont(SERIF, 13)
    canvas.drawString(25 * mm, 50 * mm, letter.signer)
    canvas.line(95 * mm, 50 * mm, 140 * mm, 50 * mm)
    canvas.line(145 * mm, 50 * mm, width - 25 * mm, 50 * mm)
    canvas.setFont(SANS, 8)
    canvas.drawCentredString(117 * mm, 46 * mm, letter.under_lines[0])
    canvas.drawCentredString((145 * mm + width - 25 * mm) / 2, 46 * mm, letter.under_lines[1])
    canvas.setFont(SERIF, 12)
    canvas.drawString(25 * mm, 30 * mm, f"{letter.city}, {letter.day:%d.%m.%Y}")


def letter_pdf(letters: list[Letter]) -> bytes:
    """The letters, one A4 page each, in one PDF."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle(letters[0].title if letters else "")
    for letter in letters:
        _draw(canvas, letter)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def letters_zip(named: list[tuple[str, Letter]]) -> bytes:
    """One PDF per person in a ZIP (file names as given, already safe)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, letter in named:
            archive.writestr(name, letter_pdf([letter]))
    return buffer.getvalue()
