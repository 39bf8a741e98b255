"""Staff run their own center's clubs and events: /myclubs, add and edit (forms), members and
waiting list, CSV, a message to all members, cancelling a session, attendance, closing."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import Any

from aiogram import F, Router
from aiogram.filters.callback_data import CallbackData
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_dialog import DialogManager

from bot.context import Ctx, ctx_of
from bot.exports import csv_bytes
from bot.keyboards.builders import Pages, Rows, closable
from bot.keyboards.callbacks import ClubCb, Epoch, EventCb, PageCb, RowId
from bot.notify import tell_each
from bot.permissions import Actor, may_run_center
from bot.services import tags
from bot.services.clubs import (
    CHOICE_FIELDS,
    SKIPPABLE,
    change_field,
    create_item,
    fields_of,
    parse_field,
    weekly_schedule,
)
from bot.services.sessions import next_sessions, recent_sessions
from bot.services.validation import InputError, parse_clock, parse_text
from bot.views import edit_markup, edit_or_send, room_for, schedule_text, tags_text, when_text
from handlers.clubs import tell_promoted
from handlers.forms import (
    Listed,
    Reply,
    answer_for,
    answer_lines,
    ask_text,
    form_data,
    go,
    of_my_center,
    paged,
    refuse,
    say,
    say_error,
    start_form,
    tapped,
)
from handlers.staff_clubs.states import ItemForm
from storage.models import Club, Event, Signup, SignupStatus
from storage.repositories.clubs import ClubRepository


class SessionCb(CallbackData, prefix="ses"):
    """A club session: `action` "cancel", "att" (attendance) or "turn" (to attendance's `page`);
    `at` is its UTC epoch."""

    action: str
    club: RowId
    at: Epoch
    page: RowId = 0


class AttendCb(CallbackData, prefix="att"):
    """A mark of who came (on the attendance's `page`)."""

    club: RowId
    at: Epoch
    signup: RowId
    page: RowId = 0


class FieldCb(CallbackData, prefix="fld"):
    """Staff forms: a field to edit (`target` "club"/"event", `id` 0 while creating)."""

    target: str
    id: RowId
    field: str


router = Router(name=__name__)

MY_CLUBS_PAGE = 15  # buttons of clubs and events a page


# --- the list -------------------------------------------------------------------------------------


@paged(router, "myclubs", button="menu-center-clubs")
async def my_clubs(ctx: Ctx, at: PageCb) -> Listed:
    """The center's clubs (open ones first) and coming events, a page of buttons at a time."""
    center = ctx.directory.center(ctx.user.staff_center_id)
    if center is None:
        refuse("myclubs-no-center")
    clubs = sorted(
        await ctx.clubs.clubs([center.id], include_closed=True), key=lambda c: not c.active
    )
    items: list[Club | Event] = [
        *clubs,
        *await ctx.clubs.events([center.id], ctx.now, include_closed=True),
    ]
    pages = Pages.of(len(items), at.page, MY_CLUBS_PAGE)
    shown = items[pages.offset : pages.offset + MY_CLUBS_PAGE]
    counts = await ctx.clubs.live_counts(
        club_ids=[i.id for i in shown if isinstance(i, Club)],
        event_ids=[i.id for i in shown if isinstance(i, Event)],
    )
    closed = ctx.i18n.get("myclubs-closed-mark")
    rows: Rows = []
    for item in shown:
        mark = "" if item.active else closed
        if isinstance(item, Club):
            enrolled, waiting = counts.get(("club", item.id), (0, 0))
            label = ctx.i18n.get(
                "myclubs-club",
                name=item.name,
                enrolled=enrolled,
                capacity=item.capacity,
                waiting=waiting,
                closed=mark,
            )
            rows.append([(label[:64], ClubCb(action="staff", id=item.id))])
        else:
            enrolled, _ = counts.get(("event", item.id), (0, 0))
            label = ctx.i18n.get(
                "myclubs-event",
                when=when_text(item.starts_at, ctx.settings),
                title=item.title,
                enrolled=enrolled,
                capacity=item.capacity,
                closed=mark,
            )
            rows.append([(label[:64], EventCb(action="staff", id=item.id))])
    rows.append(
        [
            (ctx.i18n.get("myclubs-add-club"), FieldCb(target="club", id=0, field="new")),
            (ctx.i18n.get("myclubs-add-event"), FieldCb(target="event", id=0, field="new")),
        ]
    )
    return [ctx.i18n.get("myclubs-title", center=html.escape(center.name))], rows, pages


async def _own(target: str, target_id: int, actor: Actor, clubs: ClubRepository) -> Club | Event:
    if target == "club":
        return of_my_center(await clubs.club(target_id), actor)
    return of_my_center(await clubs.event(target_id), actor)


async def own_item(
    callback: CallbackQuery, callback_data: ClubCb | EventCb, actor: Actor, clubs: ClubRepository
) -> dict[str, Any]:
    """A filter after ClubCb/EventCb's: the club or event the button names (of this actor's
    center) goes to the handler as `found`, with `target` («club» / «event»)."""
    target = "club" if isinstance(callback_data, ClubCb) else "event"
    return {"found": await _own(target, callback_data.id, actor, clubs), "target": target}


async def own_club(
    callback: CallbackQuery,
    callback_data: ClubCb | SessionCb | AttendCb,
    actor: Actor,
    clubs: ClubRepository,
) -> dict[str, Any]:
    """A filter: the club a club's, session's or attendance button names, as `club`."""
    club_id = callback_data.id if isinstance(callback_data, ClubCb) else callback_data.club
    club = await _own("club", club_id, actor, clubs)
    if not isinstance(club, Club):
        refuse()
    return {"club": club}


# --- cards ----------------------------------------------------------------------------------------


@router.callback_query(ClubCb.filter(F.action == "staff"), own_item)
@router.callback_query(EventCb.filter(F.action == "staff"), own_item)
async def card(callback: CallbackQuery, found: Club | Event, target: str, ctx: Ctx) -> None:
    """A club's or an event's card for its center's staff, with what they can do with it."""
    enrolled, waiting = await ctx.clubs.counts(**{f"{target}_id": found.id})
    closed = "" if found.active else ctx.i18n.get("myclubs-closed-mark")
    cb = ClubCb if target == "club" else EventCb
    if isinstance(found, Club):
        text = ctx.i18n.get(
            "staff-club-card",
            name=html.escape(found.name),
            schedule=schedule_text(ctx.i18n, found.slots),
            enrolled=enrolled,
            capacity=found.capacity,
            waiting=waiting,
            closed=closed,
        )
    else:
        text = ctx.i18n.get(
            "staff-event-card",
            title=html.escape(found.title),
            when=when_text(found.starts_at, ctx.settings),
            minutes=found.minutes,
            enrolled=enrolled,
            capacity=found.capacity,
            waiting=waiting,
            closed=closed,
        )
        marks = tags_text(ctx.i18n, tags.of(found))
        if marks:
            text += "\n" + ctx.i18n.get("tags-line", tags=marks)
    rows: Rows = [
        [
            (ctx.i18n.get("staff-members"), cb(action="members", id=found.id)),
            (ctx.i18n.get("staff-csv"), cb(action="csv", id=found.id)),
        ],
        [(ctx.i18n.get("staff-message"), cb(action="msg", id=found.id))],
    ]
    if found.active and isinstance(found, Club):
        rows.append(
            [
                (ctx.i18n.get("staff-cancel-session"), ClubCb(action="sessions", id=found.id)),
                (ctx.i18n.get("staff-attendance"), ClubCb(action="att", id=found.id)),
            ]
        )
    if found.active:
        close = "staff-close" if isinstance(found, Club) else "staff-close-event"
        rows.append(
            [
                (ctx.i18n.get("staff-edit"), cb(action="edit", id=found.id)),
                (ctx.i18n.get(close), cb(action="close", id=found.id)),
            ]
        )
    await tapped(callback).answer(
        text, reply_markup=closable(ctx.i18n, *rows, close="screen-close")
    )


async def _people(found: Club | Event, ctx: Ctx) -> list[tuple[Signup, str]]:
    """Its live sign-ups with the names people gave («Без имени» for those who gave none)."""
    anonymous = ctx.i18n.get("staff-member-anon")
    if isinstance(found, Club):
        named = await ctx.clubs.members_named(club_id=found.id)
    else:
        named = await ctx.clubs.members_named(event_id=found.id)
    return [(s, name or anonymous) for s, name in named]


@router.callback_query(ClubCb.filter(F.action == "members"), own_item)
@router.callback_query(EventCb.filter(F.action == "members"), own_item)
async def members(callback: CallbackQuery, found: Club | Event, ctx: Ctx) -> None:
    live = await _people(found, ctx)
    name = found.label
    lines = [ctx.i18n.get("staff-members-title", name=html.escape(name))]
    waiting_no = 0
    for n, (s, person) in enumerate(live, start=1):
        child = (
            ctx.i18n.get(
                "staff-member-child", child=html.escape(s.child_name), age=s.child_age or 0
            )
            if s.child_name
            else ""
        )
        if s.status is SignupStatus.WAITING:
            waiting_no += 1
            status = ctx.i18n.get("my-status-waiting", position=waiting_no)
        else:
            status = ctx.i18n.get("my-status-enrolled")
        lines.append(
            ctx.i18n.get(
                "staff-member-line", n=n, person=html.escape(person), child=child, status=status
            )
        )
    if not live:
        lines.append(ctx.i18n.get("staff-members-none"))
    await answer_lines(tapped(callback), lines)


@router.callback_query(ClubCb.filter(F.action == "csv"), own_item)
@router.callback_query(EventCb.filter(F.action == "csv"), own_item)
async def members_csv(callback: CallbackQuery, found: Club | Event, target: str, ctx: Ctx) -> None:
    rows: list[list[object]] = [
        [
            ctx.i18n.get("csv-number"),
            ctx.i18n.get("csv-name"),
            ctx.i18n.get("csv-child"),
            ctx.i18n.get("csv-age"),
            ctx.i18n.get("csv-status"),
            ctx.i18n.get("csv-date"),
        ]
    ]
    for n, (s, person) in enumerate(await _people(found, ctx), start=1):
        rows.append(
            [
                n,
                person,
                s.child_name or "",
                s.child_age if s.child_age is not None else "",
                ctx.i18n.get(
                    "my-status-enrolled"
                    if s.status is SignupStatus.ENROLLED
                    else "csv-status-waiting"
                ),
                s.created_at.astimezone(ctx.tz).strftime("%d.%m.%Y"),
            ]
        )
    data = csv_bytes(rows)
    await tapped(callback).answer_document(
        BufferedInputFile(data, filename=f"{target}-{found.id}-members.csv")
    )


@router.callback_query(ClubCb.filter(F.action == "msg"), own_item)
@router.callback_query(EventCb.filter(F.action == "msg"), own_item)
async def message_ask(
    callback: CallbackQuery, found: Club | Event, target: str, dialog_manager: DialogManager
) -> None:
    name = html.escape(found.label)
    await ask_text(
        dialog_manager,
        "members-message",
        "staff-ask-message",
        target=target,
        id=found.id,
        name=name,
        max=room_for(ctx_of(dialog_manager).i18n, "staff-message-from", name=name),
    )


@answer_for("members-message")
async def message_send(message: Message, manager: DialogManager, args: dict[str, Any]) -> bool:
    ctx = ctx_of(manager)
    target = args["target"]
    found = (
        await ctx.clubs.club(args["id"]) if target == "club" else await ctx.clubs.event(args["id"])
    )
    if found is None or not may_run_center(ctx.actor, found.center_id):
        await message.answer(ctx.i18n.get("button-stale"))
        return True
    name = html.escape(found.label)
    try:  # as long as fits into one message with the club's name
        text = parse_text(
            message.text, max_len=room_for(ctx.i18n, "staff-message-from", name=name), min_len=2
        )
    except InputError as exc:
        await say_error(manager, exc)
        return False
    recipients = {
        s.user_id
        for s in await ctx.clubs.members(**{f"{target}_id": found.id})
        if s.user_id and s.status is SignupStatus.ENROLLED
    }
    sent = await tell_each(
        ctx,
        recipients,
        "staff-message-from",
        name=name,
        text=html.escape(text),
    )
    await message.answer(ctx.i18n.get("staff-message-sent", sent=sent, total=len(recipients)))
    return True


# --- sessions: cancel one, mark attendance ----------------------------------------------------------


@router.callback_query(ClubCb.filter(F.action.in_(("sessions", "att"))), own_club)
async def sessions_list(
    callback: CallbackQuery, callback_data: ClubCb, club: Club, ctx: Ctx
) -> None:
    if callback_data.action == "sessions":
        cancelled = await ctx.clubs.cancelled_sessions(club.id, ctx.now)
        times = next_sessions(club, ctx.tz, ctx.now, cancelled)
        prompt, empty, action = "staff-choose-session", "staff-no-sessions", "cancel"
    else:
        times = recent_sessions(club, ctx.tz, ctx.now)
        prompt, empty, action = "staff-choose-attendance", "staff-attendance-none", "att"
    if not times:
        await tapped(callback).answer(ctx.i18n.get(empty))
        return
    rows = [
        [
            (
                when_text(t, ctx.settings),
                SessionCb(action=action, club=club.id, at=int(t.timestamp())),
            )
        ]
        for t in times
    ]
    await tapped(callback).answer(ctx.i18n.get(prompt), reply_markup=closable(ctx.i18n, *rows))


def _session_time(at: int) -> datetime:
    return datetime.fromtimestamp(at, UTC)


@router.callback_query(SessionCb.filter(F.action == "cancel"), own_club)
async def cancel_session(
    callback: CallbackQuery, callback_data: SessionCb, club: Club, ctx: Ctx
) -> None:
    starts_at = _session_time(callback_data.at)
    valid = starts_at in next_sessions(club, ctx.tz, ctx.now, set(), limit=50)
    if not valid:
        refuse()
    if not await ctx.clubs.cancel_session(club.id, starts_at):
        refuse("staff-session-already")
    await ctx.clubs.drop_reminders_of_session(club.id, starts_at)
    when = when_text(starts_at, ctx.settings)
    enrolled = [s.user_id for s, _ in await ctx.clubs.members_named(club_id=club.id, enrolled=True)]
    told = await tell_each(
        ctx,
        enrolled,
        "member-session-cancelled",
        name=html.escape(club.name),
        when=when,
    )
    await tapped(callback).answer(ctx.i18n.get("staff-session-cancelled", when=when, count=told))


ATTENDANCE_PAGE = 20  # people a page, each a button


async def _attendance(club: Club, starts_at: datetime, page: int, ctx: Ctx) -> tuple[str, Any]:
    """Who came to a session: its enrolled, a button each (✅ / ⬜), twenty a page."""
    marks = await ctx.clubs.attendance(club.id, starts_at)
    enrolled = await ctx.clubs.members_named(club_id=club.id, enrolled=True)
    pages = Pages.of(len(enrolled), page, ATTENDANCE_PAGE)
    at = int(starts_at.timestamp())
    rows: Rows = []
    for s, name in enrolled[pages.offset : pages.offset + pages.size]:
        label = f"{'✅' if marks.get(s.id) else '⬜'} {name or ctx.i18n.get('staff-member-anon')}"
        label += f" ({s.child_name})" if s.child_name else ""
        rows.append([(label[:64], AttendCb(club=club.id, at=at, signup=s.id, page=pages.page))])
    rows += pages.nav(ctx.i18n, lambda n: SessionCb(action="turn", club=club.id, at=at, page=n))
    title = ctx.i18n.get(
        "staff-attendance-title",
        name=html.escape(club.name),
        when=when_text(starts_at, ctx.settings),
    )
    markup = closable(ctx.i18n, *rows, close="wizard-done-button")  # each tap is kept at once
    return "\n".join([title, *pages.line(ctx.i18n)]), markup


@router.callback_query(SessionCb.filter(F.action.in_(("att", "turn"))), own_club)
async def attendance(
    callback: CallbackQuery, callback_data: SessionCb, club: Club, ctx: Ctx
) -> None:
    """A session's attendance: a new message from the list of sessions, turned in place."""
    text, markup = await _attendance(club, _session_time(callback_data.at), callback_data.page, ctx)
    if callback_data.action == "turn":
        await edit_or_send(callback, text, markup)
    else:
        await tapped(callback).answer(text, reply_markup=markup)


@router.callback_query(AttendCb.filter(), own_club)
async def attendance_toggle(
    callback: CallbackQuery, callback_data: AttendCb, club: Club, ctx: Ctx
) -> None:
    signup = await ctx.clubs.signup(callback_data.signup)
    starts_at = _session_time(callback_data.at)
    if signup is None or signup.club_id != club.id or starts_at > ctx.now:
        refuse()
    await ctx.clubs.toggle_attendance(club.id, starts_at, signup.id)
    _, markup = await _attendance(club, starts_at, callback_data.page, ctx)
    await edit_markup(callback, markup)


# --- close ------------------------------------------------------------------------------------


@router.callback_query(ClubCb.filter(F.action == "close"), own_item)
@router.callback_query(EventCb.filter(F.action == "close"), own_item)
async def close(callback: CallbackQuery, found: Club | Event, ctx: Ctx) -> None:
    if not found.active:
        refuse()
    if isinstance(found, Club):
        ended = await ctx.clubs.close_club(found)
        key, args = "member-club-closed", {"name": html.escape(found.name)}
    else:
        ended = await ctx.clubs.close_event(found)
        key, args = "member-event-closed", {"title": html.escape(found.title)}
    told = await tell_each(ctx, [s.user_id for s in ended], key, **args)
    name = html.escape(found.label)
    await tapped(callback).answer(ctx.i18n.get("staff-closed", name=name, count=told))


# --- add and edit: one field at a time ----------------------------------------------------------------


@router.callback_query(ClubCb.filter(F.action == "edit"), own_item)
@router.callback_query(EventCb.filter(F.action == "edit"), own_item)
async def edit_menu(callback: CallbackQuery, found: Club | Event, target: str, ctx: Ctx) -> None:
    fields = fields_of(target)
    rows = [
        [
            (ctx.i18n.get(f"staff-field-{f}"), FieldCb(target=target, id=found.id, field=f))
            for f in fields[i : i + 2]
        ]
        for i in range(0, len(fields), 2)
    ]
    await tapped(callback).answer(
        ctx.i18n.get("staff-edit-which"), reply_markup=closable(ctx.i18n, *rows)
    )


@router.callback_query(FieldCb.filter())
async def field_start(
    callback: CallbackQuery, callback_data: FieldCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    f = callback_data
    if f.target not in ("club", "event") or (
        f.field != "new" and f.field not in fields_of(f.target)
    ):
        refuse()
    found = await _own(f.target, f.id, ctx.actor, ctx.clubs) if f.id else None
    if found is None and ctx.directory.center(ctx.user.staff_center_id) is None:
        refuse("myclubs-no-center")
    field = fields_of(f.target)[0] if f.field == "new" else f.field
    draft: dict[str, Any] = {"target": f.target, "id": f.id, "values": {}}
    if isinstance(found, Event):
        draft["tags"] = tags.of(found)
    await start_form(dialog_manager, getattr(ItemForm, field), draft)


# --- The form's answers -------------------------------------------------------------------------


def _field(manager: DialogManager) -> str:
    state = manager.current_context().state.state or ""
    return state.split(":")[1]


async def on_text(message: Message, widget: Any, manager: DialogManager) -> None:
    field = _field(manager)
    if field in CHOICE_FIELDS:
        refuse("wizard-hint")
    ctx = ctx_of(manager)
    value = parse_field(field, message.text or "", ctx.tz, ctx.now)
    await store(manager, field, value, message)


async def on_choice(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    field = _field(manager)
    if item not in CHOICE_FIELDS.get(field, ()):
        refuse("button-stale")
    await store(manager, field, item, tapped(cb))


async def skip(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    field = _field(manager)
    if field not in SKIPPABLE:  # a hidden button still answers a forged tap
        refuse("button-stale")
    await store(manager, field, None, tapped(cb))


async def on_day(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    """A weekday of the schedule switched on or off."""
    if item not in {str(d) for d in range(7)}:
        refuse()
    draft = form_data(manager)
    draft["days"] = sorted(set(draft.get("days", [])) ^ {int(item)})


async def days_done(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    if not form_data(manager).get("days"):
        refuse("club-no-days")
    await go(manager, ItemForm.clock)


async def set_session_time(manager: DialogManager, text: str | None) -> None:
    form_data(manager)["session_time"] = parse_clock(text).isoformat(timespec="minutes")
    await go(manager, ItemForm.length)


async def on_clock(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    await set_session_time(manager, item)


async def clock_typed(message: Message, widget: Any, manager: DialogManager) -> None:
    await set_session_time(manager, message.text)


async def set_minutes(manager: DialogManager, text: str, reply: Reply) -> None:
    draft = form_data(manager)
    schedule = weekly_schedule(draft.get("days", []), draft["session_time"], text)
    await store(manager, "schedule", schedule, reply)


async def on_length(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    await set_minutes(manager, item, tapped(cb))


async def length_typed(message: Message, widget: Any, manager: DialogManager) -> None:
    await set_minutes(manager, message.text or "", message)


async def tags_done(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await store(manager, "tags", tags.clean(form_data(manager).get("tags")), tapped(cb))


async def store(manager: DialogManager, field: str, value: Any, message: Reply) -> None:
    """Keep the value; a new club/event asks for the next field and is created after the last
    one, an edited one is saved at once."""
    ctx = ctx_of(manager)
    draft = form_data(manager)
    target = draft["target"]
    if draft["id"]:
        found, promoted = await change_field(
            ctx.clubs, ctx.actor, target, draft["id"], field, value
        )
        await manager.done()
        for signup in promoted:
            await tell_promoted(ctx, signup, found)
        await message.answer(ctx.i18n.get("staff-saved"))
        return
    values = {**draft["values"], field: value}
    draft["values"] = values
    fields = fields_of(target)
    if field != fields[-1]:
        following = fields[fields.index(field) + 1]
        if following == "tags":  # «Лето» already ticked for a summer event
            starts = datetime.fromisoformat(values["starts_at"]).astimezone(ctx.tz)
            draft["tags"] = tags.default_tags(starts.date())
        await go(manager, getattr(ItemForm, following))
        return
    if ctx.directory.center(ctx.user.staff_center_id) is None:
        await say(manager, "myclubs-no-center")
        return
    item = create_item(ctx.clubs, ctx.user.staff_center_id or 0, target, values)
    await manager.done()
    if isinstance(item, Club):
        await message.answer(ctx.i18n.get("staff-club-created", name=html.escape(item.name)))
    else:
        await message.answer(ctx.i18n.get("staff-event-created", title=html.escape(item.title)))
