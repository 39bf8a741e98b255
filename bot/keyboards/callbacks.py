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
    action: str  # "card" | "route" | "list"
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


class ClubListCb(CallbackData, prefix="cl"):
    """The club list and its filter: district, center (0 = all), category ("" = all), kids."""

    district: int
    center: int = 0
    cat: str = ""
    kids: bool = False
    page: int = 0


class ClubFilterCb(CallbackData, prefix="clf"):
    what: str  # "center" | "cat"
    district: int
    center: int = 0
    cat: str = ""
    kids: bool = False


class ClubCb(CallbackData, prefix="club"):
    action: str  # residents: "card" "join" "child"; staff: "staff" "members" "csv" "msg" ...
    id: int


class EventCb(CallbackData, prefix="ev"):
    action: str
    id: int


class SignupCb(CallbackData, prefix="su"):
    action: str  # "cancel"
    id: int


class SettingsCb(CallbackData, prefix="set"):
    minutes: int


class SessionCb(CallbackData, prefix="ses"):
    """A club session: `action` "cancel" or "att" (attendance); `at` is its UTC epoch."""

    action: str
    club: int
    at: int


class AttendCb(CallbackData, prefix="att"):
    club: int
    at: int
    signup: int


class FieldCb(CallbackData, prefix="fld"):
    """Staff forms: a field to edit (`target` "club"/"event", `id` 0 while creating)."""

    target: str
    id: int
    field: str


class AnnouncementCb(CallbackData, prefix="ann"):
    action: str  # "stop" | "cancel" (a scheduled one)
    id: int


class MuteCb(CallbackData, prefix="mute"):
    kind: str  # "news" | "contests"


class ContestCb(CallbackData, prefix="ct"):
    action: str  # residents: "card" "apply"; admins: "admin" "next" "rank" "publish" "xlsx" "tpl"
    id: int


class ApplicationCb(CallbackData, prefix="app"):
    action: str  # "open" | "edit" | "withdraw"
    id: int


class ScoreCb(CallbackData, prefix="sc"):
    application: int
    value: int  # 1..10


class IdeaCb(CallbackData, prefix="idea"):
    action: str  # "support" "send" (anyway); staff: "open" "status" "move" "moveto" "filter"
    id: int
    value: str = ""
