"""Typed callback data (each packs to well under Telegram's 64 bytes)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class ConsentCb(CallbackData, prefix="consent"):
    agree: bool


class PlaceCb(CallbackData, prefix="place"):
    """A municipality or district; `purpose` is `home` (onboarding) or `browse` (/centers)."""

    level: str  # "mun" | "dist"
    id: int
    purpose: str


class PlaceBackCb(CallbackData, prefix="pback"):
    purpose: str


class CenterCb(CallbackData, prefix="ctr"):
    action: str  # "card" | "route" | "clubs" | "list"
    id: int


class LangCb(CallbackData, prefix="lang"):
    code: str


class RegDecisionCb(CallbackData, prefix="regd"):
    id: int
    confirm: bool


class ElderRevokeCb(CallbackData, prefix="eldr"):
    id: int


class PageCb(CallbackData, prefix="pg"):
    """Pagination of a list: `list` names it ("elders", "myreports", "queue"), `key` narrows it."""

    list: str
    page: int
    key: int = 0


class ReportCb(CallbackData, prefix="rep"):
    action: str  # "open" | "edit" (author); "mod" | "accept" | "return" (staff)
    id: int


class DeleteMeCb(CallbackData, prefix="delme"):
    confirm: bool
