"""The year's booklet as a PDF (A4, for printing and for sending in Telegram): a cover, the year's
figures in the order of the city's annual report, the chart, a page per district with its best
reports and their photos, and the contests' winners with theirs. Texts come in ready-made
(the locale's words); this module only lays them out."""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from bot.documents import SANS, SERIF, SERIF_BOLD, register_fonts

ACCENT = HexColor("#1F4E79")
PHOTO_WIDTH = 82 * mm
PHOTO_HEIGHT = 62 * mm


@dataclass
class Story:
    """One report or one winner: a heading, a line or two, and photos (JPEG/PNG bytes)."""

    heading: str
    lines: list[str]
    photos: list[bytes] = field(default_factory=list)


@dataclass
class Booklet:
    title: str
    subtitle: str
    figures_title: str
    figures: list[tuple[str, int]]
    chart: bytes | None
    districts: list[tuple[str, list[Story]]]  # a page per district
    empty_district: str  # what a district without reports says
    winners_title: str
    winners: list[Story]


PHONE_PHOTO_PX = 900  # the longer side of a photo in the booklet sent to phones


def smaller(photo: bytes) -> bytes:
    """A photo for the phone edition: at most 900 px a side, JPEG of moderate quality (an
    unreadable one is kept as it is and left out at layout)."""
    from PIL import Image as PilImage

    try:
        with PilImage.open(io.BytesIO(photo)) as image:
            image.thumbnail((PHONE_PHOTO_PX, PHONE_PHOTO_PX))
            buffer = io.BytesIO()
            image.convert("RGB").save(buffer, format="JPEG", quality=70, optimize=True)
            return buffer.getvalue()
    except Exception:  # a broken file: kept, and the layout leaves it out
        return photo


def for_phones(booklet: Booklet) -> Booklet:
    """The same booklet with lighter photos: the print edition keeps the photos as sent."""

    def lighter(stories: list[Story]) -> list[Story]:
        return [replace(s, photos=[smaller(p) for p in s.photos]) for s in stories]

    return replace(
        booklet,
        districts=[(name, lighter(stories)) for name, stories in booklet.districts],
        winners=lighter(booklet.winners),
    )


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "cover": ParagraphStyle(
            "cover", fontName=SERIF_BOLD, fontSize=30, leading=36, alignment=1, textColor=ACCENT
        ),
        "subtitle": ParagraphStyle("subtitle", fontName=SANS, fontSize=15, leading=20, alignment=1),
        "h1": ParagraphStyle(
            "h1", fontName=SERIF_BOLD, fontSize=20, leading=24, textColor=ACCENT, spaceAfter=6 * mm
        ),
        "h2": ParagraphStyle("h2", fontName=SERIF_BOLD, fontSize=13, leading=16, spaceAfter=2 * mm),
        "text": ParagraphStyle("text", fontName=SERIF, fontSize=10.5, leading=14),
        "cell": ParagraphStyle("cell", fontName=SANS, fontSize=9.5, leading=12),
    }


def _photo(data: bytes) -> Image | None:
    """A photo fitted into the frame, keeping its proportions (an unreadable one is left out)."""
    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception:  # a broken or unsupported file must not stop the whole booklet
        return None
    scale = min(PHOTO_WIDTH / width, PHOTO_HEIGHT / height)
    return Image(io.BytesIO(data), width=width * scale, height=height * scale)


def _story(story: Story, styles: dict[str, ParagraphStyle]) -> KeepTogether:
    parts: list[object] = [Paragraph(story.heading, styles["h2"])]
    parts += [Paragraph(line, styles["text"]) for line in story.lines]
    images = [image for image in map(_photo, story.photos) if image is not None]
    if images:
        rows = [images[i : i + 2] for i in range(0, len(images), 2)]
        table = Table(rows, colWidths=[PHOTO_WIDTH + 4 * mm] * 2)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        parts += [Spacer(1, 2 * mm), table]
    parts.append(Spacer(1, 6 * mm))
    return KeepTogether(parts)


def booklet_pdf(booklet: Booklet) -> tuple[bytes, int]:
    """The PDF and its number of pages."""
    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=booklet.title,
    )
    flow: list[object] = [
        Spacer(1, 80 * mm),
        Paragraph(booklet.title, styles["cover"]),
        Spacer(1, 10 * mm),
        Paragraph(booklet.subtitle, styles["subtitle"]),
        PageBreak(),
        Paragraph(booklet.figures_title, styles["h1"]),
    ]
    table = Table(
        [
            [Paragraph(label, styles["cell"]), f"{value:,}".replace(",", " ")]
            for label, value in booklet.figures
        ],
        colWidths=[140 * mm, 35 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (1, 0), (1, -1), SANS, 10),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, HexColor("#BBBBBB")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    flow.append(table)
    if booklet.chart:
        flow += [PageBreak(), Image(io.BytesIO(booklet.chart), width=150 * mm, height=200 * mm)]
    for district, stories in booklet.districts:
        flow += [PageBreak(), Paragraph(district, styles["h1"])]
        flow += [_story(s, styles) for s in stories] or [
            Paragraph(booklet.empty_district, styles["text"])
        ]
    if booklet.winners:
        flow += [PageBreak(), Paragraph(booklet.winners_title, styles["h1"])]
        flow += [_story(s, styles) for s in booklet.winners]
    document.build(flow)
    return buffer.getvalue(), document.page
