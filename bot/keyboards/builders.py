"""Keyboards. Texts come from the locale files through `i18n`."""

from __future__ import annotations

from collections.abc import Sequence

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
    ClubListCb,
    ConsentCb,
    DeleteMeCb,
    LangCb,
    PageCb,
    PlaceBackCb,
    PlaceCb,
    ReceptionCb,
    RentalCb,
)
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


def inline(*rows: Sequence[tuple[str, CallbackData]]) -> InlineKeyboardMarkup:
    """An inline keyboard from rows of (text, callback data).

    Built directly: aiogram's InlineKeyboardBuilder costs ~6x more, on screens shown all the time."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=text, callback_data=data.pack()) for text, data in row]
            for row in rows
        ]
    )


def page_nav(
    i18n: I18nContext, list_name: str, page: int, pages: int, key: int = 0
) -> list[tuple[str, CallbackData]]:
    """«◀️» / «▶️» for a paginated list (empty when there is one page)."""
    nav: list[tuple[str, CallbackData]] = []
    if page > 0:
        nav.append((i18n.get("page-prev"), PageCb(list=list_name, page=page - 1, key=key)))
    if page < pages - 1:
        nav.append((i18n.get("page-next"), PageCb(list=list_name, page=page + 1, key=key)))
    return nav


def main_menu(i18n: I18nContext) -> ReplyKeyboardMarkup:
    def button(key: str) -> KeyboardButton:
        return KeyboardButton(text=i18n.get(key), request_location=key == "menu-nearby")

    return ReplyKeyboardMarkup(
        keyboard=[
            [button("menu-my-center"), button("menu-clubs")],
            [button("menu-report")],
            [button("menu-contests"), button("menu-idea")],
            [button("menu-nearby"), button("menu-help")],
        ],
        resize_keyboard=True,
        is_persistent=True,
    )


def consent_keyboard(i18n: I18nContext) -> InlineKeyboardMarkup:
    return inline(
        [(i18n.get("consent-yes"), ConsentCb(agree=True))],
        [(i18n.get("consent-no"), ConsentCb(agree=False))],
    )


def municipalities_keyboard(
    municipalities: Sequence[MunicipalityRef], purpose: str
) -> InlineKeyboardMarkup:
    return inline(
        *[[(m.name, PlaceCb(level="mun", id=m.id, purpose=purpose))] for m in municipalities]
    )


def districts_keyboard(
    i18n: I18nContext, districts: Sequence[DistrictRef], purpose: str, with_back: bool
) -> InlineKeyboardMarkup:
    rows: list[list[tuple[str, CallbackData]]] = [
        [(d.name, PlaceCb(level="dist", id=d.id, purpose=purpose))] for d in districts
    ]
    if with_back:
        rows.append([(i18n.get("back"), PlaceBackCb(purpose=purpose))])
    return inline(*rows)


def centers_keyboard(
    i18n: I18nContext, centers: Sequence[CenterRef], municipality_id: int
) -> InlineKeyboardMarkup:
    rows: list[list[tuple[str, CallbackData]]] = [
        [(c.name, CenterCb(action="card", id=c.id))] for c in centers
    ]
    rows.append([(i18n.get("back"), PlaceCb(level="mun", id=municipality_id, purpose="browse"))])
    return inline(*rows)


def center_card_keyboard(i18n: I18nContext, center: CenterRef) -> InlineKeyboardMarkup:
    row: list[tuple[str, CallbackData]] = [
        (i18n.get("center-clubs-button"), ClubListCb(district=center.district_id, center=center.id))
    ]
    if center.lat is not None or center.address:  # nothing to show the way by yet otherwise
        row.append((i18n.get("center-route-button"), CenterCb(action="route", id=center.id)))
    receptions = [
        (i18n.get("center-receptions-button"), ReceptionCb(action="list", id=center.id)),
        (i18n.get("center-rental-button"), RentalCb(action="list", id=center.id)),
    ]
    return inline(row, receptions, [(i18n.get("back"), CenterCb(action="list", id=center.id))])


def nearby_keyboard(centers: Sequence[CenterRef]) -> InlineKeyboardMarkup:
    return inline(*[[(c.name, CenterCb(action="card", id=c.id))] for c in centers])


def language_keyboard() -> InlineKeyboardMarkup:
    return inline([("Русский", LangCb(code="ru")), ("English", LangCb(code="en"))])


def deleteme_keyboard(i18n: I18nContext) -> InlineKeyboardMarkup:
    return inline(
        [(i18n.get("deleteme-yes"), DeleteMeCb(confirm=True))],
        [(i18n.get("deleteme-no"), DeleteMeCb(confirm=False))],
    )
