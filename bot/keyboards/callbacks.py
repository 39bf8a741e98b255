"""Typed callback data (each packs to well under Telegram's 64 bytes) that more than one feature
builds, or that the scheduler and the delivery engine put under their messages; a feature's own
callback data lives beside its handlers."""

from __future__ import annotations

from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

# What a button may carry: a forged «id=99999999999999999999» or «-5» is no button of ours (the
# filter does not match, and the user hears that the button is out of date), never a crash.
RowId = Annotated[int, Field(ge=0, le=2**31 - 1)]  # a row id, a page, a count
Epoch = Annotated[int, Field(ge=0, le=2**40)]  # a moment, in seconds since 1970


class CloseCb(CallbackData, prefix="close"):
    """«❌ Отмена» / «❌ Закрыть» under a screen that is not a form: the screen goes."""


class ConsentCb(CallbackData, prefix="consent"):
    agree: bool


class PlaceCb(CallbackData, prefix="place"):
    """A municipality or district; `purpose` is `home` (onboarding) or `browse` (/centers)."""

    level: str  # "mun" | "dist"
    id: RowId
    purpose: str


class PlaceBackCb(CallbackData, prefix="pback"):
    purpose: str


class CenterCb(CallbackData, prefix="ctr"):
    action: str  # "card" | "route" | "list"
    id: RowId


class LangCb(CallbackData, prefix="lang"):
    code: str


class RegDecisionCb(CallbackData, prefix="regd"):
    id: RowId
    confirm: bool


class PageCb(CallbackData, prefix="pg"):
    """Pagination of a list: `list` names it ("elders", "myreports", "queue"), `key` narrows it."""

    list: str
    page: RowId
    key: RowId = 0


class ReportCb(CallbackData, prefix="rep"):
    action: str  # "open" | "edit" (author); "mod" | "accept" | "return" (staff)
    id: RowId


class DeleteMeCb(CallbackData, prefix="delme"):
    confirm: bool


class ClubListCb(CallbackData, prefix="cl"):
    """The club list and its filter: district, center (0 = all), category ("" = all), kids."""

    district: RowId
    center: RowId = 0
    cat: str = ""
    kids: bool = False
    page: RowId = 0


class ClubCb(CallbackData, prefix="club"):
    action: str  # residents: "card" "join" "child"; staff: "staff" "members" "csv" "msg" ...
    id: RowId


class EventCb(CallbackData, prefix="ev"):
    action: str
    id: RowId


class AnnouncementCb(CallbackData, prefix="ann"):
    action: str  # "stop" | "cancel" (a scheduled one)
    id: RowId


class ContestCb(CallbackData, prefix="ct"):
    action: str  # residents: "card" "apply"; admins: "admin" "next" "rank" "publish" "xlsx" "tpl"
    id: RowId


class IdeaCb(CallbackData, prefix="idea"):
    action: str  # "support" "send" (anyway); staff: "open" "status" "move" "moveto" "filter"
    id: RowId  # the item's; for "filter" the page of the list
    value: str = ""


class VoteCb(CallbackData, prefix="vt"):
    """open (the card), pick (an option: one choice), tick (a multiple choice's set, as the bits
    of the options' positions), cast (that set), staff (the card for staff), paper."""

    action: str
    id: RowId
    mask: RowId = 0


class ProjectCb(CallbackData, prefix="prj"):
    """open, vote (put the district's shortlist to a vote), progress, done, photos (было/стало)."""

    action: str
    id: RowId


class GatheringCb(CallbackData, prefix="gth"):
    """go / no (the invitation), name / hide (show the elder one's name), card, new, message,
    cancel (the elder's), report («Заполнить отчёт»)."""

    action: str
    id: RowId


class ReceptionCb(CallbackData, prefix="rcp"):
    """Residents: list (a center's), open, book, ask (book with a question), cancel. Staff: mine,
    new, staff (the card with bookings), came / missed (a booking), drop (cancel the reception)."""

    action: str
    id: RowId


class RentalCb(CallbackData, prefix="rnt"):
    """Residents: list (a center's items), item, day (`value`: a date), take (`value`: the
    window's start hour and the date), mine, cancel. Staff: stock, add, issued, returned."""

    action: str
    id: RowId
    value: str = ""


class YearCb(CallbackData, prefix="yr"):
    """A year chosen by a button, for `/year`'s report («report») or `/booklet` («booklet»)."""

    of: str
    year: Annotated[int, Field(ge=2000, le=9999)]
