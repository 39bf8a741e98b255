"""What every form (an aiogram-dialog dialog) shares: Fluent texts, «⬅️ Назад» and «❌ Отмена» on
every window, going back along the way the user came, the answer to a stale button, and the
question «Продолжить черновик или начать заново?» when a command interrupts a form."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Sequence
from contextlib import suppress
from datetime import date, timedelta
from operator import itemgetter
from typing import Any, NoReturn, Protocol, TypeVar

from aiogram import F, Router
from aiogram.enums import ContentType
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, ExceptionTypeFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    ErrorEvent,
    InaccessibleMessage,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from aiogram_dialog import Dialog, DialogManager, ShowMode, StartMode, Window
from aiogram_dialog.api.entities import stack as dialog_stack
from aiogram_dialog.api.exceptions import OutdatedIntent, UnknownIntent, UnknownState
from aiogram_dialog.api.internal import ButtonVariant, RawKeyboard
from aiogram_dialog.utils import remove_intent_id
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Group, Row, ScrollingGroup, Select
from aiogram_dialog.widgets.text import Format, Text
from aiogram_i18n import I18nContext, LazyFilter

from bot.contact import own_phone
from bot.context import Ctx, ctx_of
from bot.keyboards.builders import (
    MAIN_MENU_KEYS,
    STAFF_MENU_KEYS,
    Pages,
    Rows,
    closable,
    main_menu,
)
from bot.keyboards.callbacks import PageCb
from bot.permissions import Actor, may_moderate, may_run_center
from bot.services import tags
from bot.services.announcements import queue_notice
from bot.services.validation import (
    TIMES,
    InputError,
    Refusal,
    future_moment,
    parse_clock,
    parse_text,
)
from bot.views import NO_PREVIEW, edit_or_send, short_messages, tags_text, visible_length
from storage.models import Role


def _random_intent_id() -> str:
    return dialog_stack.id_to_str(secrets.randbits(44))


# aiogram-dialog names a form by the current second plus one of 100 random prefixes: two forms a
# user opens within one second (a command interrupting a form) share the name 1 time in 100, and
# the second overwrites the first's draft. 44 random bits keep the name as short in a button.
dialog_stack.new_id = _random_intent_id

TRAIL = "_trail"
SEND = "send_"  # «✅ Отправить» of form F has the id send_F; «F-already-sent» answers a second tap
Scalar = str | int | float


class Tr(Text):
    """A Fluent message in the user's language; the window's data are its variables."""

    def __init__(self, key: str, when: Any = None) -> None:
        super().__init__(when=when)
        self.key = key

    async def _render_text(self, data: dict[str, Any], manager: DialogManager) -> str:
        args = {k: v for k, v in data.items() if isinstance(v, Scalar) and not k.startswith("_")}
        return ctx_of(manager).i18n.get(self.key, **args)


def menu_for(ctx: Ctx) -> ReplyKeyboardMarkup:
    """The main menu of this person: a resident's, an elder's, or staff's."""
    if ctx.actor.is_admin:
        return main_menu(ctx.i18n, Role.ADMIN)
    if ctx.actor.is_staff:
        return main_menu(ctx.i18n, Role.STAFF, at_center=ctx.actor.center_id is not None)
    return main_menu(ctx.i18n, ctx.actor.role if ctx.actor.role is Role.ELDER else Role.RESIDENT)


def menu_texts(i18n: I18nContext) -> set[str]:
    return {i18n.get(key) for key in (*MAIN_MENU_KEYS, *STAFF_MENU_KEYS)}


def form_data(manager: DialogManager) -> dict[str, Any]:
    """The draft being filled: kept in the dialog's context, in the FSM storage (DB or Redis)."""
    data: dict[str, Any] = manager.dialog_data
    return data


async def draft_from_start(start_data: Any, manager: DialogManager) -> None:
    """A form opened with a draft (a stored item to edit, what is known of the user) begins with it."""
    form_data(manager).update(start_data or {})


def form_dialog(name: str, *windows: Window, getter: Any = None) -> Dialog:
    """A form: its windows, beginning with the draft `start_form` opened it with."""
    return Dialog(*windows, getter=getter, on_start=draft_from_start, name=name)


async def say(manager: DialogManager, key: str, **args: Any) -> None:
    """A short answer under the form (a bad input): the form's window stays where it is."""
    event = manager.event
    text = ctx_of(manager).i18n.get(key, **args)
    manager.show_mode = ShowMode.NO_UPDATE
    if isinstance(event, CallbackQuery):
        await event.answer(text, show_alert=True)
    elif isinstance(event, Message):
        await event.answer(text)


async def say_error(manager: DialogManager, exc: InputError) -> None:
    await say(manager, exc.key, **exc.args_)


OnMessage = Callable[[Message, Any, DialogManager], Awaitable[None]]


async def only_text(
    on_text: OnMessage, message: Message, widget: Any, manager: DialogManager
) -> None:
    """Typed text goes on; anything else (a sticker, a menu button) gets a clear answer."""
    if message.text is None:
        await say(manager, "input-need-text")
    elif message.text in menu_texts(ctx_of(manager).i18n):
        await say(manager, "input-menu-text")
    else:
        await on_text(message, widget, manager)


def text_only(on_text: OnMessage) -> MessageInput:
    """A window that waits for typed text: anything else gets a clear answer."""

    async def check(message: Message, widget: Any, manager: DialogManager) -> None:
        await only_text(on_text, message, widget, manager)

    return MessageInput(check)


def buttons_only() -> MessageInput:
    """A window of buttons: a typed answer is pointed to them."""

    async def hint(message: Message, widget: Any, manager: DialogManager) -> None:
        await say(manager, "wizard-hint")

    return MessageInput(hint)


async def add_photo(manager: DialogManager, message: Message, limit: int) -> None:
    """One photo into the draft's list. Each photo of an album comes as its own update: the
    album's first photo shows the window anew, the rest edit it (one status message)."""
    assert message.photo is not None
    draft = form_data(manager)
    photos: list[dict[str, str]] = draft.setdefault("photos", [])
    group = message.media_group_id
    largest = message.photo[-1]
    if len(photos) >= limit:
        manager.show_mode = ShowMode.NO_UPDATE
        if group is None or draft.get("overflow_album") != group:  # one warning per album
            draft["overflow_album"] = group
            await message.answer(ctx_of(manager).i18n.get("rep-photos-limit", limit=limit))
        return
    if any(p["unique"] == largest.file_unique_id for p in photos):
        await say(manager, "rep-photo-repeat")
        return
    photos.append({"file_id": largest.file_id, "unique": largest.file_unique_id})
    if group is not None and draft.get("album") == group:
        manager.show_mode = ShowMode.EDIT
    draft["album"] = group


async def refuse_non_photo(manager: DialogManager, message: Message) -> None:
    if message.video or message.video_note or message.animation:
        await say(manager, "rep-photos-no-video")
    elif message.document:
        await say(manager, "rep-photos-no-document")
    else:
        await say(manager, "rep-photos-need-photo")


async def ask_contact(manager: DialogManager, prompt: str) -> None:
    """Telegram asks for a contact only from a keyboard under the input: the prompt brings it; the
    form's window (with «Назад»/«Отмена») follows."""
    ctx = ctx_of(manager)
    keyboard = ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=ctx.i18n.get("reg-share-contact"), request_contact=True)]],
        resize_keyboard=True,
    )
    await ctx.bot.send_message(ctx.user.id, ctx.i18n.get(prompt), reply_markup=keyboard)


async def take_phone(manager: DialogManager, message: Message) -> None:
    """The user's own phone from a shared contact into the draft's `phone`; anything else is
    refused with a clear answer."""
    if message.contact is None:
        refuse("reg-phone-by-button")
    phone = own_phone(message)
    if phone is None:
        refuse("reg-not-own-contact")
    form_data(manager)["phone"] = phone
    await message.answer(
        ctx_of(manager).i18n.get("reg-phone-saved"), reply_markup=ReplyKeyboardRemove()
    )


MAX_PLACE = 300


async def take_place(
    manager: DialogManager,
    message: Message,
    field: str,
    prompt: str,
    inside: Callable[[float, float], bool] | None = None,
    outside: str = "",
) -> bool:
    """A place as a shared location (into the draft's lat/lon; `outside` told when it is not
    `inside`) or as typed words (into `field`); anything else: the prompt again, and False."""
    draft = form_data(manager)
    if message.location is not None:
        lat, lon = message.location.latitude, message.location.longitude
        if inside is not None and not inside(lat, lon):
            await say(manager, outside)
            return False
        draft.update({"lat": lat, "lon": lon, field: None})
        return True
    if message.text is None:
        await say(manager, prompt)
        return False
    words = parse_text(message.text, max_len=MAX_PLACE, min_len=3, letters=True)
    draft.update({field: words, "lat": None, "lon": None})
    return True


async def start_form(manager: DialogManager, first: State, draft: Any = None) -> None:
    """A form from its window `first` (with the draft it starts with), sent below the
    conversation and replacing any form open before."""
    await manager.start(first, data=draft, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def go(manager: DialogManager, state: State) -> None:
    """To the next window, remembering this one for «Назад»."""
    current = manager.current_context().state
    if current != state:
        trail: list[str] = form_data(manager).setdefault(TRAIL, [])
        trail.append(current.state or "")
    await manager.switch_to(state)


async def next_needed(
    manager: DialogManager,
    after: State,
    order: Sequence[State],
    needed: Callable[[State, dict[str, Any]], bool],
    summary: State,
    enter: Callable[[DialogManager, State], Awaitable[None]] = go,
) -> None:
    """The next window of `order` after `after` that the draft needs (the others are passed
    over), then the summary; a step opened from the summary («Изменить») returns to it."""
    draft = form_data(manager)
    if draft.pop("from_summary", False):
        await go(manager, summary)
        return
    following = order[order.index(after) + 1 :] if after in order else order
    for state in following:
        if needed(state, draft):
            await enter(manager, state)
            return
    await go(manager, summary)


async def back(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await go_back(manager)


async def go_back(manager: DialogManager) -> None:
    """To the window the user came from (a field saved on its own window returns there too)."""
    trail: list[str] = form_data(manager).get(TRAIL, [])
    if not trail:
        return
    previous = trail.pop()
    group = manager.current_context().state.group
    await manager.switch_to(next(s for s in group.__all_states__ if s.state == previous))


def has_trail(data: dict[str, Any], widget: Any, manager: DialogManager) -> bool:
    return bool(form_data(manager).get(TRAIL))


async def cancelled(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """«❌ Отмена»: the form is dropped and the main menu comes back."""
    if isinstance(callback.message, Message):
        await tell_cancelled(callback.message, ctx_of(manager))


async def tell_cancelled(message: Message, ctx: Ctx) -> None:
    if ctx.user.has_consent and ctx.user.district_id is not None:
        await message.answer(ctx.i18n.get("cancelled"), reply_markup=menu_for(ctx))
    else:
        await message.answer(ctx.i18n.get("cancelled-no-menu"), reply_markup=ReplyKeyboardRemove())


CHOICE_ROWS = 12  # rows of buttons a page of a choice: a region's directory stays far from 100


class Choices(ScrollingGroup):
    """A long choice in pages, turned by «◀️» and «▶️» where there is a page to turn to
    (aiogram-dialog's own pager shows bare numbers and «<», «>»)."""

    async def _render_pager(self, pages: int, manager: DialogManager) -> RawKeyboard:
        page = min(await self.get_page(manager), max(pages - 1, 0))
        i18n = ctx_of(manager).i18n
        turns = [(page - 1, "page-prev")] if page > 0 else []
        turns += [(page + 1, "page-next")] if page < pages - 1 else []
        row: list[ButtonVariant] = [
            InlineKeyboardButton(text=i18n.get(key), callback_data=self._item_callback_data(to))
            for to, key in turns
        ]
        return [row] if row else []


def choice(id_: str, items: str, on_click: Any, width: int = 1) -> Group:
    """A choice among the (text, value) pairs the window's getter gives under `items`, a page
    of CHOICE_ROWS rows at a time."""
    select: Select[str] = Select(
        Format("{item[0]}"), id=id_, item_id_getter=itemgetter(1), items=items, on_click=on_click
    )
    return Choices(select, id=_pages_of(id_), width=width, height=CHOICE_ROWS)


def _pages_of(choice_id: str) -> str:
    return f"{choice_id}_pages"


async def to_first_page(manager: DialogManager, choice_id: str) -> None:
    """A choice's list turned back to its first page (its items changed: a search narrowed it)."""
    await manager.find(_pages_of(choice_id)).set_page(0)  # type: ignore[union-attr]


def send_button(form: str, on_click: Any) -> Button:
    """«✅ Отправить» of the form whose «…-already-sent» text answers a second tap."""
    return Button(Tr("wizard-send"), id=f"{SEND}{form}", on_click=on_click)


def nav(back_button: bool = True) -> Row:
    """«⬅️ Назад» (once there is somewhere to go back to) and «❌ Отмена»."""
    buttons: list[Any] = []
    if back_button:
        buttons.append(Button(Tr("wizard-back"), id="back", on_click=back, when=has_trail))
    buttons.append(Cancel(Tr("wizard-cancel"), id="cancel", on_click=cancelled))
    return Row(*buttons)


async def outside_forms(
    event: Any, raw_state: str | None = None, aiogd_context: Any = None
) -> bool:
    """No form is open (neither a dialog nor an older FSM form): a location or a menu button is
    the user's request, not an answer."""
    return raw_state is None and aiogd_context is None


# --- The usual windows ---------------------------------------------------------------------------

OnText = Callable[[Message, Any, DialogManager], Awaitable[None]]


def typed(prompt: str, on_text: OnText, state: State, *buttons: Any, **window: Any) -> Window:
    """A window that asks for typed text, with any extra buttons above «Назад»/«Отмена»."""
    return Window(Tr(prompt), *buttons, nav(), text_only(on_text), state=state, **window)


def taken(prompt: str, on_message: OnMessage, state: State, *buttons: Any, **window: Any) -> Window:
    """A window that takes whatever is sent (a photo, a file, a contact, a place or words) and
    leaves it to `on_message`, with any extra buttons above «Назад»/«Отмена»."""
    return Window(Tr(prompt), *buttons, nav(), MessageInput(on_message), state=state, **window)


def chosen(
    prompt: Any,
    items: str,
    on_click: Any,
    state: State,
    *buttons: Any,
    width: int = 1,
    on_text: Any = None,
    **window: Any,
) -> Window:
    """A window with a choice among the getter's `items` (and any extra buttons); a typed answer
    goes to `on_text` (a search that narrows the items), or is pointed to the buttons."""
    text = Tr(prompt) if isinstance(prompt, str) else prompt
    typed_answer = [MessageInput(on_text, content_types=ContentType.TEXT)] if on_text else []
    return Window(
        text,
        choice(items, items, on_click, width),
        *buttons,
        nav(),
        *typed_answer,
        buttons_only(),
        state=state,
        **window,
    )


def summary(
    text: Any, form: str, on_send: Any, state: State, on_edit: Any = None, **window: Any
) -> Window:
    """A form's last window: the draft as it will be sent (a Fluent key or a widget),
    «✅ Отправить» and, given `on_edit`, «✏️ Изменить»."""
    edit = [Button(Tr("wizard-edit"), id="edit", on_click=on_edit)] if on_edit else []
    return Window(
        Tr(text) if isinstance(text, str) else text,
        send_button(form, on_send),
        *edit,
        nav(),
        buttons_only(),
        state=state,
        **window,
    )


def photos(
    prompt: str,
    limit: int,
    on_done: Any,
    state: State,
    *buttons: Any,
    required: bool = True,
    done_when: Any = None,
) -> Window:
    """Up to `limit` photos, one by one or as albums (anything else gets a clear answer); the
    count replaces the prompt once there is one; «✅ Готово» needs a photo when `required`."""

    async def on_photo(message: Message, widget: Any, manager: DialogManager) -> None:
        if message.photo:
            await add_photo(manager, message, limit)
        else:
            await refuse_non_photo(manager, message)

    async def done(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
        if required and not form_data(manager).get("photos"):
            await say(manager, "rep-photos-none")
            return
        await on_done(callback, button, manager)

    return Window(
        Tr(prompt, when=lambda data, w, m: not data["count"]),
        Tr("rep-photos-count", when="count"),
        *buttons,
        Button(Tr("wizard-done-button"), id="photos_done", on_click=done, when=done_when),
        nav(),
        MessageInput(on_photo),
        state=state,
    )


def saved_as(field: str, parse: Callable[[str | None], Any], then: State) -> OnText:
    """A typed answer parsed into the draft's `field`, then the window `then`; a bad answer gets
    its clear line and the window stays."""

    async def on_text(message: Message, widget: Any, manager: DialogManager) -> None:
        form_data(manager)[field] = parse(message.text)
        await go(manager, then)

    return on_text


def copied(field: str, source: str, then: State) -> Callable[..., Awaitable[None]]:
    """A button taking the draft's `source` as `field` («Как в идее»), then the window `then`."""

    async def on_click(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
        draft = form_data(manager)
        draft[field] = draft[source]
        await go(manager, then)

    return on_click


def day_and_time(day: State, clock: State, then: State, days_ahead: int) -> list[Window]:
    """Two windows: a day (buttons for `days_ahead` days from today) and a time of day (buttons,
    or typed «10:30»); the moment goes into the draft's `starts_at` (later than now)."""

    async def on_day(
        callback: CallbackQuery, widget: Any, manager: DialogManager, item: str
    ) -> None:
        form_data(manager)["day"] = date.fromisoformat(item).isoformat()
        await go(manager, clock)

    async def set_time(manager: DialogManager, text: str | None) -> None:
        draft, ctx = form_data(manager), ctx_of(manager)
        moment = future_moment(date.fromisoformat(draft["day"]), parse_clock(text), ctx.tz, ctx.now)
        draft["starts_at"] = moment.isoformat()
        await go(manager, then)

    async def on_clock_button(
        callback: CallbackQuery, widget: Any, manager: DialogManager, item: str
    ) -> None:
        await set_time(manager, item)

    async def on_clock_text(message: Message, widget: Any, manager: DialogManager) -> None:
        await set_time(manager, message.text)

    async def choices(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
        days = (ctx.today + timedelta(days=n) for n in range(days_ahead))
        return {
            "days": [
                (ctx.i18n.get(f"weekday-{d.weekday()}") + d.strftime(" %d.%m"), d.isoformat())
                for d in days
            ],
            "times": [(t, t) for t in TIMES],
        }

    return [
        chosen("gather-ask-day", "days", on_day, day, width=2, getter=choices),
        Window(
            Tr("gather-ask-time"),
            choice("times", "times", on_clock_button, width=3),
            nav(),
            text_only(on_clock_text),
            state=clock,
            getter=choices,
        ),
    ]


def tags_window(state: State, on_done: Any) -> Window:
    """The city's report marks of the draft's `tags` («Лето» and its direction, a thematic
    project, «молодёжное»): each tap switches one, «✅ Готово» goes on."""

    async def on_tap(
        callback: CallbackQuery, widget: Any, manager: DialogManager, item: str
    ) -> None:
        draft = form_data(manager)
        draft["tags"] = tags.toggled(draft.get("tags") or {}, item)

    async def marks(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
        i18n = ctx_of(dialog_manager).i18n
        now = tags.clean(form_data(dialog_manager).get("tags"))

        def mark(on: bool, key: str, value: str) -> tuple[str, str]:
            return (("☑️ " if on else "⬜ ") + i18n.get(key), value)

        buttons = [
            mark(bool(now["programme"]), "tag-leto", "leto"),
            mark(now["youth"], "tag-youth", "youth"),
        ]
        if now["programme"]:
            buttons += [
                mark(now["direction"] == d, f"tag-direction-{d}", f"direction-{d}")
                for d in tags.DIRECTIONS
            ]
        buttons += [
            mark(now["project"] == p, f"tag-project-{p}", f"project-{p}") for p in tags.PROJECTS
        ]
        return {"marks": buttons, "tags": tags_text(i18n, now) or i18n.get("tags-none")}

    return Window(
        Tr("tags-ask"),
        choice("marks", "marks", on_tap, width=2),
        Button(Tr("wizard-done-button"), id="tags_done", on_click=on_done),
        nav(),
        buttons_only(),
        state=state,
        getter=marks,
    )


# --- A command in the middle of a form ---------------------------------------------------------

Fn = TypeVar("Fn", bound=Callable[..., Any])


def registered(table: dict[str, Fn], name: str) -> Callable[[Fn], Fn]:
    """A decorator keeping the function under `name` in `table` (forms refer to it by name: a
    function cannot be kept in a draft)."""

    def register(fn: Fn) -> Fn:
        table[name] = fn
        return fn

    return register


Restart = Callable[[CallbackQuery, DialogManager, dict[str, Any]], Awaitable[None]]
RESTARTS: dict[str, Restart] = {}


def restart_with(name: str) -> Callable[[Restart], Restart]:
    """Register what «Начать заново» does for a command that may interrupt a form."""
    return registered(RESTARTS, name)


Show = Callable[["Reply", Ctx], Awaitable[None]]


def shown_by(name: str) -> Callable[[Show], Show]:
    """A screen that the command `name` shows (/plan, /media …): «Начать заново», after the
    command interrupted a form, shows it too."""

    def register(show: Show) -> Show:
        async def again(callback: CallbackQuery, manager: DialogManager, args: Any) -> None:
            await show(tapped(callback), ctx_of(manager))

        RESTARTS[name] = again
        return show

    return register


Listed = tuple[list[str], Rows, Pages]  # a page's lines and buttons, and where it is
Page = Callable[[Ctx, PageCb], Awaitable[Listed]]


class ShowsFirstPage(Protocol):
    async def __call__(self, reply: Reply, ctx: Ctx, key: int = 0) -> None: ...


def paged(
    router: Router,
    name: str,
    empty: str | None = None,
    command: bool = True,
    button: str | None = None,
) -> Callable[[Page], ShowsFirstPage]:
    """A list in pages: `page(ctx, at)` lists page `at.page` of the list (`at.key` names whose
    list it is, where there are many: a center's receptions). /name shows the first page (without
    `command`, the function the decorator returns shows it); «◀️ ▶️» turn it in place, «Страница 2
    из 3» is said under a long one, «❌ Закрыть» ends its buttons, and a list with nothing in it
    says `empty` instead. A link in a list gets no preview."""

    async def screen(page: Page, ctx: Ctx, at: PageCb) -> tuple[str, InlineKeyboardMarkup | None]:
        lines, rows, pages = await page(ctx, at)
        if empty is not None and not pages.total:
            return ctx.i18n.get(empty), None
        lines = [*lines, *pages.line(ctx.i18n)]
        rows = [*rows, *pages.nav(ctx.i18n, lambda n: PageCb(list=name, page=n, key=at.key))]
        markup = closable(ctx.i18n, *rows, close="screen-close") if rows else None
        return "\n".join(lines), markup

    def register(page: Page) -> ShowsFirstPage:
        async def first(reply: Reply, ctx: Ctx, key: int = 0) -> None:
            text, markup = await screen(page, ctx, PageCb(list=name, page=0, key=key))
            await answer_lines(reply, text.split("\n"), markup, link_preview_options=NO_PREVIEW)

        async def turn(callback: CallbackQuery, callback_data: PageCb, ctx: Ctx) -> None:
            text, markup = await screen(page, ctx, callback_data)
            await edit_or_send(callback, text, markup, NO_PREVIEW)

        if command:
            router.message.register(first, Command(name))
        if button:  # a main menu's button (its locale key) shows it too
            router.message.register(first, LazyFilter(button))
        router.callback_query.register(turn, PageCb.filter(F.list == name))
        return first

    return register


async def show_unless_form(manager: DialogManager, message: Message, name: str, show: Show) -> None:
    """The command's screen; while a form is open, «Продолжить черновик или начать заново?»."""
    if not await kept_draft(manager, name):
        await show(message, ctx_of(manager))


Open = Callable[..., Awaitable[None]]


def opens_form(name: str, first: State, restarts_itself: bool = False) -> Open:
    """What opens the form that begins at `first` (from a command or a button, with its start
    data as keywords): the form, below the conversation — or, while another form is open,
    «Продолжить черновик или начать заново?», whose «Начать заново» opens it. With
    `restarts_itself`, the same form open already simply starts again."""

    async def start(manager: DialogManager, data: dict[str, Any]) -> None:
        await start_form(manager, first, data)

    async def again(callback: CallbackQuery, manager: DialogManager, args: Any) -> None:
        await start(manager, args)

    RESTARTS[name] = again

    async def open_unless_draft(manager: DialogManager, **data: Any) -> None:
        open_form = manager.has_context() and not (
            restarts_itself and manager.current_context().state.group is first.group
        )
        if open_form:
            await ask_resume(manager, name, **data)
        else:
            await start(manager, data)

    return open_unless_draft


class Interrupted(StatesGroup):
    ask = State()


async def form_open(manager: DialogManager) -> bool:
    return manager.has_context()


async def kept_draft(manager: DialogManager, command: str) -> bool:
    """A form is open: instead of a new one, «Продолжить черновик или начать заново?» (True)."""
    if not manager.has_context():
        return False
    await ask_resume(manager, command)
    return True


async def ask_resume(manager: DialogManager, command: str, **args: Any) -> None:
    """Instead of silently dropping a draft: «Продолжить черновик или начать заново?». `command`
    names what «Начать заново» does (restart_with), with `args`."""
    await manager.start(
        Interrupted.ask, data={"command": command, "args": args}, show_mode=ShowMode.SEND
    )


async def _restart(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    started = manager.start_data if isinstance(manager.start_data, dict) else {}
    await manager.reset_stack(remove_keyboard=True)
    restart = RESTARTS.get(started.get("command", ""))
    if restart is not None:
        await restart(callback, manager, started.get("args", {}))


async def _resume(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.show_mode = ShowMode.SEND  # the draft's window again, below this question


async def _drop(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.reset_stack(remove_keyboard=True)
    await cancelled(callback, button, manager)


interrupted = Dialog(
    Window(
        Tr("form-interrupted"),
        Cancel(Tr("form-continue"), id="continue", on_click=_resume),
        Button(Tr("form-restart"), id="restart", on_click=_restart),
        Button(Tr("wizard-cancel"), id="drop", on_click=_drop),
        state=Interrupted.ask,
    ),
    name="interrupted",
)


# --- A wide send: its preview and recipient count first ------------------------------------------

Send = Callable[[CallbackQuery, DialogManager, dict[str, Any]], Awaitable[None]]
SENDS: dict[str, Send] = {}


def send_for(name: str) -> Callable[[Send], Send]:
    """Register what «✅ Отправить» under a preview does."""
    return registered(SENDS, name)


class ConfirmSend(StatesGroup):
    preview = State()


PREVIEW_INLINE = 450  # characters: a longer message is shown as itself, above the question


async def ask_to_send(
    manager: DialogManager, name: str, text: str, recipients: int, **args: Any
) -> None:
    """A district- or city-wide message is sent only after its preview and the number of people
    it reaches: «✅ Отправить» runs what `send_for(name)` registered, with `args`. A long
    message comes as itself, above a short question."""
    ctx = ctx_of(manager)
    shown = text
    if visible_length(text) > PREVIEW_INLINE:
        await ctx.bot.send_message(ctx.user.id, text)
        shown = ""
    await manager.start(
        ConfirmSend.preview,
        data={"send": name, "text": shown, "recipients": recipients, "args": args},
        show_mode=ShowMode.SEND,
    )


async def _confirmed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    started = manager.start_data if isinstance(manager.start_data, dict) else {}
    await manager.done()
    await SENDS[started["send"]](callback, manager, started.get("args", {}))


async def _send_preview(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    started = dialog_manager.start_data if isinstance(dialog_manager.start_data, dict) else {}
    return {"text": started.get("text", ""), "recipients": started.get("recipients", 0)}


confirm_send = Dialog(
    Window(
        Tr("send-preview", when="text"),
        Tr("send-preview-above", when=lambda data, widget, manager: not data["text"]),
        send_button("wide", _confirmed),
        nav(),
        buttons_only(),
        state=ConfirmSend.preview,
        getter=_send_preview,
    ),
    name="confirm_send",
)


async def queue_announcement(
    ctx: Ctx, audience: str, audience_id: int, kind: str, text: str, **extra: Any
) -> None:
    """A message to an audience through the delivery engine (bot/services/announcements.py),
    woken to send it once this update is committed."""
    await queue_notice(
        ctx.announcements,
        ctx.user.id,
        audience,
        audience_id,
        kind,
        text,
        ctx.now,
        **extra,
    )
    ctx.delivery.wake()


# --- One typed answer: a reason, a comment, a message ---------------------------------------------

Answer = Callable[[Message, DialogManager, dict[str, Any]], Awaitable[bool]]
ANSWERS: dict[str, Answer] = {}


def answer_for(name: str) -> Callable[[Answer], Answer]:
    """Register what a typed answer does; it returns False to ask again (a bad answer)."""
    return registered(ANSWERS, name)


class Ask(StatesGroup):
    text = State()


async def ask_text(manager: DialogManager, answer: str, prompt: str, **args: Any) -> None:
    """A window asking for one typed answer (with «❌ Отмена»); `args` reach the prompt's text
    and the answer's function. With `photo=True` a photo with the answer as its caption is
    taken too."""
    await start_form(manager, Ask.text, {"answer": answer, "prompt": prompt, "args": args})


async def _answered(message: Message, widget: Any, manager: DialogManager) -> None:
    started = manager.start_data if isinstance(manager.start_data, dict) else {}
    if await ANSWERS[started["answer"]](message, manager, started.get("args", {})):
        await manager.done()


async def _prompt(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    started = dialog_manager.start_data if isinstance(dialog_manager.start_data, dict) else {}
    args = {k: v for k, v in started.get("args", {}).items() if isinstance(v, Scalar)}
    return {"prompt": ctx_of(dialog_manager).i18n.get(started.get("prompt", ""), **args)}


async def _answered_with_photo(message: Message, widget: Any, manager: DialogManager) -> None:
    started = manager.start_data if isinstance(manager.start_data, dict) else {}
    if message.photo and started.get("args", {}).get("photo"):
        if not message.caption:
            await say(manager, "input-photo-needs-caption")
            return
        await _answered(message, widget, manager)
        return
    await only_text(_answered, message, widget, manager)


asked = Dialog(
    Window(
        Format("{prompt}"),
        nav(),
        MessageInput(_answered_with_photo),
        state=Ask.text,
        getter=_prompt,
    ),
    name="asked",
)


# --- Stale buttons -------------------------------------------------------------------------------

errors_router = Router(name=__name__)


def refuse(key: str = "button-stale", **args: object) -> NoReturn:
    """Stop handling this update with a clear answer to the user: an alert under the tapped
    button, or a message after a command or a typed answer (handlers.forms.told)."""
    raise Refusal(key, **args)


class OfDistrict(Protocol):
    @property
    def district_id(self) -> int | None: ...


class OfCenter(Protocol):
    @property
    def center_id(self) -> int | None: ...


Row_ = TypeVar("Row_")
D = TypeVar("D", bound=OfDistrict)
C = TypeVar("C", bound=OfCenter)


def city_admins_only(manager: DialogManager, refusal: str = "button-stale") -> None:
    """A step of the city's admins' work (contests, the registry): the right is checked again at
    every step, so one taken away in the middle is gone at once."""
    if not ctx_of(manager).actor.is_city_admin:
        refuse(refusal)


def existing(row: Row_ | None) -> Row_:
    """The object a button names; gone since (deleted, withdrawn) is a stale button."""
    if row is None:
        refuse()
    return row


def of_my_district(row: D | None, actor: Actor, not_yours: str) -> D:
    """A report, idea or application a staff button names, when this actor may decide on it."""
    if not may_moderate(actor, existing(row).district_id):
        refuse(not_yours)
    return row  # type: ignore[return-value]


def of_my_center(row: C | None, actor: Actor) -> C:
    """A club or event a staff button names, when this actor runs its center."""
    if not may_run_center(actor, existing(row).center_id):
        refuse("staff-not-your-center")
    return row  # type: ignore[return-value]


async def decided(callback: CallbackQuery, text: str) -> None:
    """A decision taken by a button: said under it and in the chat; the buttons are gone."""
    await callback.answer(text)
    if isinstance(callback.message, Message):  # older than 48 hours: the pop-up is enough
        await callback.message.edit_reply_markup(reply_markup=None)
        await callback.message.answer(text)


Reply = Message | InaccessibleMessage  # where an answer goes: any message can be answered


async def answer_lines(reply: Reply, lines: list[str], markup: Any = None, **options: Any) -> None:
    """Lines as short messages (an elderly reader's screen, ≤ 600 characters each), the buttons
    under the last one."""
    chunks = short_messages(lines)
    for n, chunk in enumerate(chunks, start=1):
        await reply.answer(chunk, reply_markup=markup if n == len(chunks) else None, **options)


def tapped(callback: CallbackQuery) -> Reply:
    """The message under the tapped button, to answer in its chat (Telegram gives one older than
    48 hours as inaccessible: it cannot be edited, but can be answered)."""
    if callback.message is None:  # a button of an inline-mode message: this bot sends none
        refuse()
    return callback.message


@errors_router.errors(ExceptionTypeFilter(InputError))
async def told(event: ErrorEvent, ctx: Ctx) -> None:
    """A bad answer (InputError) or a tap the bot does not act on (Refusal) from any handler:
    its clear line, and the form's window stays where it is."""
    exc = event.exception
    assert isinstance(exc, InputError)
    text = ctx.i18n.get(exc.key, **exc.args_)
    with suppress(TelegramAPIError):
        if event.update.callback_query is not None:
            await event.update.callback_query.answer(text, show_alert=True)
        elif event.update.message is not None:
            await event.update.message.answer(text)


@errors_router.errors(ExceptionTypeFilter(UnknownIntent, OutdatedIntent, UnknownState))
async def stale_button(event: ErrorEvent, ctx: Ctx) -> None:
    """A button of a form that was finished, cancelled or replaced."""
    callback = event.update.callback_query
    with suppress(TelegramAPIError):
        if callback is not None:
            _, widget = remove_intent_id(callback.data or "")
            # «Отправить» tapped twice: the first tap sent the form and closed it.
            key = (
                f"{widget[len(SEND) :]}-already-sent" if widget.startswith(SEND) else "button-stale"
            )
            await callback.answer(ctx.i18n.get(key), show_alert=True)
        elif event.update.message is not None:
            await event.update.message.answer(ctx.i18n.get("button-stale"))
