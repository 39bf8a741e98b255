"""Keyboards. Texts come from the locale files through `i18n`."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import (
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.keyboards.callbacks import (
    CenterCb,
    ConsentCb,
    DeleteMeCb,
    LangCb,
    PlaceBackCb,
    PlaceCb,
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
    kb = InlineKeyboardBuilder()
    kb.button(text=i18n.get("consent-yes"), callback_data=ConsentCb(agree=True))
    kb.button(text=i18n.get("consent-no"), callback_data=ConsentCb(agree=False))
    kb.adjust(1)
    return kb.as_markup()


def municipalities_keyboard(
    municipalities: Sequence[MunicipalityRef], purpose: str
) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for m in municipalities:
        kb.button(text=m.name, callback_data=PlaceCb(level="mun", id=m.id, purpose=purpose))
    kb.adjust(1)
    return kb.as_markup()


def districts_keyboard(
    i18n: I18nContext, districts: Sequence[DistrictRef], purpose: str, with_back: bool
) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for d in districts:
        kb.button(text=d.name, callback_data=PlaceCb(level="dist", id=d.id, purpose=purpose))
    if with_back:
        kb.button(text=i18n.get("back"), callback_data=PlaceBackCb(purpose=purpose))
    kb.adjust(1)
    return kb.as_markup()


def centers_keyboard(
    i18n: I18nContext, centers: Sequence[CenterRef], municipality_id: int
) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for c in centers:
        kb.button(text=c.name, callback_data=CenterCb(action="card", id=c.id))
    kb.button(
        text=i18n.get("back"),
        callback_data=PlaceCb(level="mun", id=municipality_id, purpose="browse"),
    )
    kb.adjust(1)
    return kb.as_markup()


def center_card_keyboard(i18n: I18nContext, center: CenterRef) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("center-clubs-button"), callback_data=CenterCb(action="clubs", id=center.id)
    )
    kb.button(
        text=i18n.get("center-route-button"), callback_data=CenterCb(action="route", id=center.id)
    )
    kb.button(text=i18n.get("back"), callback_data=CenterCb(action="list", id=center.id))
    kb.adjust(2, 1)
    return kb.as_markup()


def nearby_keyboard(centers: Sequence[CenterRef]) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for c in centers:
        kb.button(text=c.name, callback_data=CenterCb(action="card", id=c.id))
    kb.adjust(1)
    return kb.as_markup()


def language_keyboard() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text="Русский", callback_data=LangCb(code="ru"))
    kb.button(text="English", callback_data=LangCb(code="en"))
    return kb.as_markup()


def deleteme_keyboard(i18n: I18nContext) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=i18n.get("deleteme-yes"), callback_data=DeleteMeCb(confirm=True))
    kb.button(text=i18n.get("deleteme-no"), callback_data=DeleteMeCb(confirm=False))
    kb.adjust(1)
    return kb.as_markup()
