"""Keyboards. Texts come from the locale files through `i18n`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from aiogram_i18n import I18nContext

from bot.keyboards.callbacks import (
    CenterCb,
    CloseCb,
    ClubListCb,
    ConsentCb,
    DeleteMeCb,
    LangCb,
    PageCb,
    PlaceBackCb,
    PlaceCb,
    RentalCb,
    YearCb,
)
from storage.models import Role
from storage.repositories.directory import CenterRef, DistrictRef, MunicipalityRef

MAIN_MENU_KEYS = (
    "menu-my-center",
    "menu-clubs",
    "menu-report",
    "menu-contests",
    "menu-idea",
    "menu-nearby",
    "menu-help",
)
# Staff's own menu: the work of a center a tap away (each opens what its command opens).
STAFF_MENU_KEYS = (
    "menu-queue",
    "menu-district-ideas",
    "menu-announce",
    "menu-center-clubs",
    "menu-elders",
    "menu-stats",
    "menu-center-card",
    "menu-grant",  # an admin's, in place of a center's clubs
    "menu-plan",  # a confirmed elder's
)

Rows = list[list[tuple[str, CallbackData]]]  # inline buttons by row: (text, callback data)


def inline(*rows: Sequence[tuple[str, CallbackData]]) -> InlineKeyboardMarkup:
    """An inline keyboard from rows of (text, callback data).

    Built directly: aiogram's InlineKeyboardBuilder costs ~6x more, on screens shown all the time."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=text, callback_data=data.pack()) for text, data in row]
            for row in rows
        ]
    )


def closable(
    i18n: I18nContext, *rows: Sequence[tuple[str, CallbackData]], close: str = "wizard-cancel"
) -> InlineKeyboardMarkup:
    """A picker or a list that is not a form, with its way out as the last button («❌ Отмена»,
    or the `close` text): the screen goes, the one it was opened from stays above it."""
    return inline(*rows, [(i18n.get(close), CloseCb())])


@dataclass(frozen=True)
class Pages:
    """Where a paginated list is: the page asked for, kept within the pages there are."""

    page: int
    count: int
    size: int
    total: int

    @classmethod
    def of(cls, total: int, asked: int, size: int) -> Pages:
        count = max(1, -(-total // size))
        return cls(max(0, min(asked, count - 1)), count, size, total)

    @property
    def offset(self) -> int:
        return self.page * self.size

    def line(self, i18n: I18nContext) -> list[str]:
        """«Страница 2 из 3» (nothing when there is one page)."""
        if self.count == 1:
            return []
        return [i18n.get("page-of", page=str(self.page + 1), pages=str(self.count))]

    def nav(self, i18n: I18nContext, to: Callable[[int], CallbackData]) -> Rows:
        """The row of «◀️» / «▶️» (none when there is one page); `to` makes a page's button."""
        row = [(i18n.get("page-prev"), to(self.page - 1))] if self.page > 0 else []
        if self.page < self.count - 1:
            row.append((i18n.get("page-next"), to(self.page + 1)))
        return [row] if row else []


def main_menu(
    i18n: I18nContext, role: Role = Role.RESIDENT, at_center: bool = True
) -> ReplyKeyboardMarkup:
    """The buttons under the typing field: a resident's; an elder's, who also calls neighbours
    to a субботник; staff's and admins' (their work first, then /help). An admin appoints people;
    staff of a center keep its clubs and card; staff of a district's administration
    (`at_center=False`) have neither."""

    def button(key: str) -> KeyboardButton:
        return KeyboardButton(text=i18n.get(key), request_location=key == "menu-nearby")

    rows = [
        ["menu-my-center", "menu-clubs"],
        ["menu-report"],
        ["menu-contests", "menu-idea"],
        ["menu-nearby", "menu-help"],
    ]
    if role is Role.ELDER:
        rows[1].append("menu-plan")
    if role in (Role.STAFF, Role.ADMIN):
        work = ["menu-queue", "menu-district-ideas", "menu-announce"]
        if role is Role.ADMIN:
            work.append("menu-grant")
        elif at_center:
            work.append("menu-center-clubs")
        work += ["menu-elders", "menu-stats"]
        if role is Role.ADMIN or at_center:
            work.append("menu-center-card")
        work.append("menu-help")
        rows = [work[i : i + 2] for i in range(0, len(work), 2)]
    return ReplyKeyboardMarkup(
        keyboard=[[button(key) for key in row] for row in rows],
        resize_keyboard=True,
        is_persistent=True,
    )


def consent_keyboard(i18n: I18nContext) -> InlineKeyboardMarkup:
    return inline(
        [(i18n.get("consent-yes"), ConsentCb(agree=True))],
        [(i18n.get("consent-no"), ConsentCb(agree=False))],
    )


def _place_choice(i18n: I18nContext, rows: Rows, purpose: str) -> InlineKeyboardMarkup:
    """A step of choosing a place; «❌ Отмена» unless it is onboarding's, whose place the bot
    needs before anything else."""
    return inline(*rows) if purpose == "home" else closable(i18n, *rows)


def municipalities_keyboard(
    i18n: I18nContext, municipalities: Sequence[MunicipalityRef], purpose: str
) -> InlineKeyboardMarkup:
    rows: Rows = [
        [(m.name, PlaceCb(level="mun", id=m.id, purpose=purpose))] for m in municipalities
    ]
    return _place_choice(i18n, rows, purpose)


def districts_keyboard(
    i18n: I18nContext, districts: Sequence[DistrictRef], purpose: str, with_back: bool
) -> InlineKeyboardMarkup:
    rows: Rows = [[(d.name, PlaceCb(level="dist", id=d.id, purpose=purpose))] for d in districts]
    if with_back:
        rows.append([(i18n.get("back"), PlaceBackCb(purpose=purpose))])
    return _place_choice(i18n, rows, purpose)


def centers_keyboard(
    i18n: I18nContext, centers: Sequence[CenterRef], municipality_id: int
) -> InlineKeyboardMarkup:
    rows: Rows = [[(c.name, CenterCb(action="card", id=c.id))] for c in centers]
    rows.append([(i18n.get("back"), PlaceCb(level="mun", id=municipality_id, purpose="browse"))])
    return closable(i18n, *rows, close="screen-close")


def center_card_keyboard(i18n: I18nContext, center: CenterRef) -> InlineKeyboardMarkup:
    row: list[tuple[str, CallbackData]] = [
        (i18n.get("center-clubs-button"), ClubListCb(district=center.district_id, center=center.id))
    ]
    if center.lat is not None or center.address:  # nothing to show the way by yet otherwise
        row.append((i18n.get("center-route-button"), CenterCb(action="route", id=center.id)))
    receptions = [
        (i18n.get("center-receptions-button"), PageCb(list="receptions-of", page=0, key=center.id)),
        (i18n.get("center-rental-button"), RentalCb(action="list", id=center.id)),
    ]
    back = [(i18n.get("back"), CenterCb(action="list", id=center.id))]
    return closable(i18n, row, receptions, back, close="screen-close")


def nearby_keyboard(i18n: I18nContext, centers: Sequence[CenterRef]) -> InlineKeyboardMarkup:
    rows: Rows = [[(c.name, CenterCb(action="card", id=c.id))] for c in centers]
    return closable(i18n, *rows, close="screen-close")


def year_choice(i18n: I18nContext, this_year: int, of: str) -> InlineKeyboardMarkup:
    """This year so far, or the last one (for a report made in January), for `of`."""
    return closable(
        i18n,
        [(i18n.get("year-this", year=str(this_year)), YearCb(of=of, year=this_year))],
        [(i18n.get("year-last", year=str(this_year - 1)), YearCb(of=of, year=this_year - 1))],
    )


def language_keyboard(i18n: I18nContext) -> InlineKeyboardMarkup:
    return closable(i18n, [("Русский", LangCb(code="ru")), ("English", LangCb(code="en"))])


def deleteme_keyboard(i18n: I18nContext) -> InlineKeyboardMarkup:
    return inline(
        [(i18n.get("deleteme-yes"), DeleteMeCb(confirm=True))],
        [(i18n.get("deleteme-no"), DeleteMeCb(confirm=False))],
    )
