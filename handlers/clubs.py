"""Residents: /clubs with filters, club cards, sign-up (self or a child), /events, /my."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_dialog import DialogManager
from aiogram_i18n import LazyFilter

from bot.context import Ctx, ctx_of
from bot.keyboards.builders import Pages, Rows, closable, inline
from bot.keyboards.callbacks import ClubCb, ClubListCb, EventCb, PageCb, PlaceCb, RowId
from bot.notify import tell
from bot.permissions import districts_seen
from bot.services.clubs import CATEGORIES, CHILD_AGE_GROUPS, TAKES_CHILDREN
from bot.services.elders import parse_full_name
from bot.services.sessions import next_sessions
from bot.services.validation import parse_count, parse_text
from bot.views import edit_or_send, schedule_text, when_text
from handlers.forms import (
    Listed,
    Reply,
    form_data,
    form_dialog,
    go,
    outside_forms,
    paged,
    refuse,
    start_form,
    tapped,
    typed,
)
from handlers.places import ask_place
from storage.models import Club, Event, Signup, SignupStatus
from storage.repositories.clubs import ClubRepository


class ClubFilterCb(CallbackData, prefix="clf"):
    what: str  # "center" | "cat"
    district: RowId
    center: RowId = 0
    cat: str = ""
    kids: bool = False


class SignupCb(CallbackData, prefix="su"):
    action: str  # "cancel"
    id: RowId


router = Router(name=__name__)

MAX_CHILD_AGE = 17

PAGE = 8


async def _club_list(f: ClubListCb, ctx: Ctx) -> tuple[str, InlineKeyboardMarkup]:
    district = ctx.directory.district(f.district)
    centers = ctx.directory.centers(f.district) if district else []
    center_ids = [f.center] if f.center else [c.id for c in centers]
    found = await ctx.clubs.clubs(center_ids, f.cat or None, CHILD_AGE_GROUPS if f.kids else None)
    counts = await ctx.clubs.club_counts([c.id for c in found])
    chosen_center = ctx.directory.center(f.center)
    place = html.escape(
        chosen_center.name if chosen_center else (district.name if district else "—")
    )
    filters = (
        ctx.i18n.get("clubs-filter-category", category=ctx.i18n.get(f"club-cat-{f.cat}"))
        if f.cat
        else ""
    ) + (ctx.i18n.get("clubs-filter-kids") if f.kids else "")
    lines = [ctx.i18n.get("clubs-title", place=place, filters=filters)]
    pages = Pages.of(len(found), f.page, PAGE)
    rows: Rows = []
    for club in found[pages.offset : pages.offset + PAGE]:
        free = club.capacity - counts.get(club.id, 0)
        center = ctx.directory.center(club.center_id)
        label = ctx.i18n.get(
            "clubs-line",
            name=club.name,
            center=center.name if center else "",
            free=ctx.i18n.get("clubs-free", free=free) if free > 0 else ctx.i18n.get("clubs-full"),
        )
        rows.append([(label[:64], ClubCb(action="card", id=club.id))])
    if not found:
        lines.append(ctx.i18n.get("clubs-none" if f.cat or f.kids else "clubs-none-yet"))
    rows += pages.nav(ctx.i18n, lambda n: f.model_copy(update={"page": n}))
    rows.append(
        [
            (
                ctx.i18n.get("clubs-btn-center"),
                ClubFilterCb(
                    what="center", district=f.district, center=f.center, cat=f.cat, kids=f.kids
                ),
            ),
            (
                ctx.i18n.get("clubs-btn-category"),
                ClubFilterCb(
                    what="cat", district=f.district, center=f.center, cat=f.cat, kids=f.kids
                ),
            ),
        ]
    )
    rows.append(
        [
            (
                ctx.i18n.get("clubs-btn-kids-on" if f.kids else "clubs-btn-kids"),
                ClubListCb(district=f.district, center=f.center, cat=f.cat, kids=not f.kids),
            ),
            (
                ctx.i18n.get("clubs-btn-district"),
                PlaceCb(
                    level="mun", id=district.municipality_id if district else 0, purpose="clubs"
                ),
            ),
        ]
    )
    return "\n".join(lines), closable(ctx.i18n, *rows, close="screen-close")


@router.message(Command("clubs"))
@router.message(outside_forms, LazyFilter("menu-clubs"))
async def clubs_start(message: Reply, ctx: Ctx) -> None:
    if ctx.user.district_id is None:
        await ask_place(message, ctx.i18n, ctx.directory, "clubs")
        return
    text, markup = await _club_list(ClubListCb(district=ctx.user.district_id), ctx)
    await message.answer(text, reply_markup=markup)


@router.callback_query(PlaceCb.filter((F.level == "dist") & (F.purpose == "clubs")))
async def clubs_district(callback: CallbackQuery, callback_data: PlaceCb, ctx: Ctx) -> None:
    if ctx.directory.district(callback_data.id) is None:
        refuse()
    text, markup = await _club_list(ClubListCb(district=callback_data.id), ctx)
    await edit_or_send(callback, text, markup)


@router.callback_query(ClubListCb.filter())
async def clubs_page(callback: CallbackQuery, callback_data: ClubListCb, ctx: Ctx) -> None:
    valid = ctx.directory.district(callback_data.district) is not None and (
        not callback_data.cat or callback_data.cat in CATEGORIES
    )
    if not valid:
        refuse()
    text, markup = await _club_list(callback_data, ctx)
    await edit_or_send(callback, text, markup)


@router.callback_query(ClubFilterCb.filter())
async def clubs_filter(callback: CallbackQuery, callback_data: ClubFilterCb, ctx: Ctx) -> None:
    """The center's or the category's choice, in place of the list; «Назад» keeps the filters."""
    f = callback_data
    kept = ClubListCb(district=f.district, center=f.center, cat=f.cat, kids=f.kids)
    if f.what == "center":
        prompt = "clubs-choose-center"
        rows: Rows = [
            [(ctx.i18n.get("clubs-btn-all-centers"), kept.model_copy(update={"center": 0}))]
        ]
        rows += [
            [(c.name, kept.model_copy(update={"center": c.id}))]
            for c in ctx.directory.centers(f.district)
        ]
    else:
        prompt = "clubs-choose-category"
        rows = [[(ctx.i18n.get("clubs-btn-all"), kept.model_copy(update={"cat": ""}))]]
        rows += [
            [(ctx.i18n.get(f"club-cat-{c}"), kept.model_copy(update={"cat": c}))]
            for c in CATEGORIES
        ]
    rows.append([(ctx.i18n.get("back"), kept)])
    await edit_or_send(callback, ctx.i18n.get(prompt), inline(*rows))


def club_card_text(ctx: Ctx, club: Club, enrolled: int, waiting: int) -> str:
    center = ctx.directory.center(club.center_id)
    free = club.capacity - enrolled
    if not club.active:
        places = ctx.i18n.get("club-closed")
    elif free > 0:
        places = ctx.i18n.get("club-places-free", free=free, capacity=club.capacity)
    else:
        places = ctx.i18n.get("club-places-full", waiting=waiting)
    leader = ""  # a line only when the center has said who leads it
    if club.leader:
        leader = "\n" + ctx.i18n.get("club-card-leader", leader=html.escape(club.leader))
    return ctx.i18n.get(
        "club-card",
        name=html.escape(club.name),
        center=html.escape(center.name if center else ""),
        category=ctx.i18n.get(f"club-cat-{club.category}"),
        age=ctx.i18n.get(f"club-age-{club.age_group}"),
        schedule=schedule_text(ctx.i18n, club.slots),
        leader=leader,
        places=places,
        description=html.escape(club.description or ""),
    ).strip()


@router.callback_query(ClubCb.filter(F.action == "card"))
async def club_card(callback: CallbackQuery, callback_data: ClubCb, ctx: Ctx) -> None:
    club = await ctx.clubs.club(callback_data.id) or refuse()
    enrolled, waiting = await ctx.clubs.counts(club_id=club.id)
    center = ctx.directory.center(club.center_id)
    rows: Rows = []
    if club.active:
        rows.append([(ctx.i18n.get("club-join"), ClubCb(action="join", id=club.id))])
        if club.age_group in TAKES_CHILDREN:
            rows.append([(ctx.i18n.get("club-join-child"), ClubCb(action="child", id=club.id))])
    if center:
        rows.append(
            [
                (
                    ctx.i18n.get("club-back-list"),
                    ClubListCb(district=center.district_id, center=center.id),
                )
            ]
        )
    await edit_or_send(callback, club_card_text(ctx, club, enrolled, waiting), inline(*rows))


# --- signing up (clubs and events share it) ------------------------------------------------------


async def _target(kind: str, target_id: int, clubs: ClubRepository) -> Club | Event | None:
    return await clubs.club(target_id) if kind == "club" else await clubs.event(target_id)


def _is_open(target: Club | Event, now: datetime) -> bool:
    if isinstance(target, Event):
        return target.active and target.starts_at > now
    return target.active


@router.callback_query(ClubCb.filter(F.action.in_(("join", "child"))))
@router.callback_query(EventCb.filter(F.action.in_(("join", "child"))))
async def join(
    callback: CallbackQuery,
    callback_data: ClubCb | EventCb,
    dialog_manager: DialogManager,
    ctx: Ctx,
) -> None:
    """«Записаться» (or «Записать ребёнка») on a club's or an event's card."""
    kind = "club" if isinstance(callback_data, ClubCb) else "event"
    target_id, for_child = callback_data.id, callback_data.action == "child"
    target = await _target(kind, target_id, ctx.clubs)
    if target is None:
        refuse()
    if not _is_open(target, ctx.now):
        refuse("club-is-closed" if kind == "club" else "event-is-closed")
    if not ctx.user.has_consent:
        refuse("club-need-consent")
    if for_child and isinstance(target, Club) and target.age_group not in TAKES_CHILDREN:
        refuse("club-adults-only")
    if for_child or not ctx.user.full_name:
        await start_form(
            dialog_manager,
            SignupForm.child_name if for_child else SignupForm.own_name,
            {"kind": kind, "target_id": target_id},
        )
    else:
        await finish_signup(tapped(callback), kind, target, ctx, None, None)


async def finish_signup(
    message: Reply,
    kind: str,
    target: Club | Event,
    ctx: Ctx,
    child_name: str | None,
    child_age: int | None,
) -> None:
    who = (child_name or "").lower()
    club = target if isinstance(target, Club) else None
    event = target if isinstance(target, Event) else None
    name = html.escape(target.name if club else target.title)  # type: ignore[union-attr]
    existing = await ctx.clubs.live_signup(
        ctx.user.id, who, club_id=club.id if club else None, event_id=event.id if event else None
    )
    if existing is not None:
        if existing.status is SignupStatus.WAITING:
            position = await ctx.clubs.waiting_position(existing.id)
            await message.answer(ctx.i18n.get("club-already-waiting", name=name, position=position))
        else:
            await message.answer(ctx.i18n.get("club-already", name=name))
        return
    taken = await ctx.clubs.take_place(
        ctx.user.id, who, child_name, child_age, club=club, event=event
    )
    if not taken.enrolled:
        await message.answer(ctx.i18n.get("club-waiting", position=taken.position))
        return
    child = html.escape(child_name or "")
    if club is not None:
        nxt = await _next_text(club, ctx)
        key = "club-joined-child" if child_name else "club-joined"
        await message.answer(ctx.i18n.get(key, name=name, child=child, next=nxt))
    else:
        assert event is not None
        key = "event-joined-child" if child_name else "event-joined"
        await message.answer(
            ctx.i18n.get(
                key, title=name, child=child, when=when_text(event.starts_at, ctx.settings)
            )
        )


async def _next_text(club: Club, ctx: Ctx) -> str:
    cancelled = await ctx.clubs.cancelled_sessions(club.id, ctx.now)
    upcoming = next_sessions(club, ctx.tz, ctx.now, cancelled, 1)
    return ctx.i18n.get("club-next", when=when_text(upcoming[0], ctx.settings)) if upcoming else ""


async def _continue(
    message: Message,
    manager: DialogManager,
    child_name: str | None = None,
    child_age: int | None = None,
) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    await manager.done()
    target = await _target(draft.get("kind", ""), int(draft.get("target_id", 0)), ctx.clubs)
    if target is None or not _is_open(target, ctx.now):
        await message.answer(ctx.i18n.get("club-is-closed"))
        return
    await finish_signup(
        message,
        draft["kind"],
        target,
        ctx,
        child_name,
        child_age,
    )


async def own_name(message: Message, widget: Any, manager: DialogManager) -> None:
    ctx_of(manager).user.full_name = parse_full_name(message.text)
    await _continue(message, manager)


async def child_name(message: Message, widget: Any, manager: DialogManager) -> None:
    name = parse_text(message.text, max_len=40, min_len=2, letters=True)
    if not all(part.replace("-", "").isalpha() for part in name.split()):
        refuse("input-bad-name")
    form_data(manager)["child_name"] = name
    await go(manager, SignupForm.child_age)


async def child_age(message: Message, widget: Any, manager: DialogManager) -> None:
    age = parse_count(message.text or "", 0, MAX_CHILD_AGE)
    name = form_data(manager).get("child_name")
    await _continue(message, manager, child_name=name, child_age=age)


class SignupForm(StatesGroup):
    own_name = State()
    child_name = State()
    child_age = State()


signup_dialog = form_dialog(
    "signup",
    typed("club-ask-own-name", own_name, SignupForm.own_name),
    typed("club-ask-child-name", child_name, SignupForm.child_name),
    typed("club-ask-child-age", child_age, SignupForm.child_age),
)


# --- events -------------------------------------------------------------------------------------


EVENTS_PAGE = 10


@router.message(Command("events"))
async def events_list(message: Message, ctx: Ctx) -> None:
    if ctx.actor.is_staff and await ctx.gatherings.count_upcoming_in(
        districts_seen(ctx.actor), ctx.now
    ):  # the субботники elders called in the district, before its events
        await staff_gatherings(message, ctx)
    if ctx.user.district_id is None and ctx.actor.is_staff:
        return
    await district_events(message, ctx)


@paged(router, "events", command=False)
async def district_events(ctx: Ctx, at: PageCb) -> Listed:
    """The coming events of the centers of the user's district, soonest first, ten a page."""
    district = ctx.directory.district(ctx.user.district_id)
    if district is None:
        refuse("clubs-need-district")
    centers = [c.id for c in ctx.directory.centers(district.id)]
    pages = Pages.of(await ctx.clubs.count_events(centers, ctx.now), at.page, EVENTS_PAGE)
    found = await ctx.clubs.events(centers, ctx.now, offset=pages.offset, limit=pages.size)
    lines = [ctx.i18n.get("events-title", place=html.escape(district.name))]
    rows: Rows = []
    counts = await ctx.clubs.live_counts(event_ids=[e.id for e in found])
    for event in found:
        enrolled, _ = counts.get(("event", event.id), (0, 0))
        free = event.capacity - enrolled
        label = ctx.i18n.get(
            "events-line",
            when=when_text(event.starts_at, ctx.settings),
            title=event.title,
            free=ctx.i18n.get("clubs-free", free=free) if free > 0 else ctx.i18n.get("clubs-full"),
        )
        rows.append([(label[:64], EventCb(action="card", id=event.id))])
    if not pages.total:
        lines.append(ctx.i18n.get("events-none"))
    return lines, rows, pages


GATHERINGS_PAGE = 10


@paged(router, "gatherings", command=False)
async def staff_gatherings(ctx: Ctx, at: PageCb) -> Listed:
    """The субботники elders called in the staff's districts (all, for admins), soonest first."""
    from handlers.gatherings.handlers import what_of

    if not ctx.actor.is_staff:
        refuse()
    seen = districts_seen(ctx.actor)  # None: every district (admins)
    total = await ctx.gatherings.count_upcoming_in(seen, ctx.now)
    pages = Pages.of(total, at.page, GATHERINGS_PAGE)
    lines = [ctx.i18n.get("gathers-title")]
    for g in await ctx.gatherings.upcoming_in(seen, ctx.now, pages.offset, pages.size):
        lines.append(
            ctx.i18n.get(
                "gathers-line",
                when=when_text(g.starts_at, ctx.settings),
                what=what_of(ctx.i18n, g, ctx.directory),
                place=html.escape(g.place or ctx.i18n.get("gather-point")),
                going=await ctx.gatherings.going_count(g.id),
            )
        )
    return lines, [], pages


@router.callback_query(EventCb.filter(F.action == "card"))
async def event_card(callback: CallbackQuery, callback_data: EventCb, ctx: Ctx) -> None:
    event = await ctx.clubs.event(callback_data.id) or refuse()
    enrolled, waiting = await ctx.clubs.counts(event_id=event.id)
    free = event.capacity - enrolled
    center = ctx.directory.center(event.center_id)
    if not _is_open(event, ctx.now):
        places = ctx.i18n.get("event-is-closed")
    elif free > 0:
        places = ctx.i18n.get("event-places-free", free=free, capacity=event.capacity)
    else:
        places = ctx.i18n.get("club-places-full", waiting=waiting)
    text = ctx.i18n.get(
        "event-card",
        title=html.escape(event.title),
        center=html.escape(center.name if center else ""),
        when=when_text(event.starts_at, ctx.settings),
        minutes=event.minutes,
        places=places,
        description=html.escape(event.description or ""),
    ).strip()
    rows: Rows = []
    if _is_open(event, ctx.now):
        rows.append([(ctx.i18n.get("club-join"), EventCb(action="join", id=event.id))])
        rows.append([(ctx.i18n.get("club-join-child"), EventCb(action="child", id=event.id))])
    rows.append([(ctx.i18n.get("club-back-list"), PageCb(list="events", page=0))])
    await edit_or_send(callback, text, inline(*rows))


# --- my sign-ups --------------------------------------------------------------------------------


def _signup_name(signup: Signup, target: Club | Event | None) -> str:
    if target is None:
        return "—"
    return target.label


MY_SIGNUPS_PAGE = 8


@paged(router, "my", empty="my-empty")
async def my_signups(ctx: Ctx, at: PageCb) -> Listed:
    pages = Pages.of(await ctx.clubs.count_of_user(ctx.user.id), at.page, MY_SIGNUPS_PAGE)
    lines = [ctx.i18n.get("my-title")]
    rows: Rows = []
    for s in await ctx.clubs.of_user(ctx.user.id, pages.offset, pages.size):
        target = await _target(
            "club" if s.club_id else "event", s.club_id or s.event_id or 0, ctx.clubs
        )
        who = (
            ctx.i18n.get("my-who-child", child=html.escape(s.child_name)) + " "
            if s.child_name
            else ""
        )
        if s.status is SignupStatus.WAITING:
            status = ctx.i18n.get(
                "my-status-waiting", position=await ctx.clubs.waiting_position(s.id)
            )
        else:
            status = ctx.i18n.get("my-status-enrolled")
        if isinstance(target, Club):
            cancelled = await ctx.clubs.cancelled_sessions(target.id, ctx.now)
            upcoming = next_sessions(target, ctx.tz, ctx.now, cancelled, 1)
            if upcoming and s.status is SignupStatus.ENROLLED:
                status += ", " + ctx.i18n.get("my-next", when=when_text(upcoming[0], ctx.settings))
            lines.append(
                ctx.i18n.get("my-club-line", name=html.escape(target.name), who=who, status=status)
            )
        elif isinstance(target, Event):
            lines.append(
                ctx.i18n.get(
                    "my-event-line",
                    title=html.escape(target.title),
                    when=when_text(target.starts_at, ctx.settings),
                    who=who,
                    status=status,
                )
            )
        label = ctx.i18n.get(
            "my-cancel",
            name=_signup_name(s, target),
            who=f" ({s.child_name})" if s.child_name else "",
        )
        rows.append([(label[:64], SignupCb(action="cancel", id=s.id))])
    return lines, rows, pages


@router.callback_query(SignupCb.filter(F.action == "cancel"))
async def cancel_signup(callback: CallbackQuery, callback_data: SignupCb, ctx: Ctx) -> None:
    signup = await ctx.clubs.signup(callback_data.id)
    if signup is None or signup.user_id != ctx.user.id:
        refuse("my-not-yours")
    if signup.status is SignupStatus.CANCELLED:
        refuse()
    target = await _target(
        "club" if signup.club_id else "event", signup.club_id or signup.event_id or 0, ctx.clubs
    )
    promoted = await ctx.clubs.give_back(signup)
    await edit_or_send(
        callback, ctx.i18n.get("my-cancelled", name=html.escape(_signup_name(signup, target)))
    )
    if promoted is not None and promoted.user_id is not None and target is not None:
        await tell_promoted(ctx, promoted, target)


async def tell_promoted(
    ctx: Ctx,
    promoted: Signup,
    target: Club | Event,
) -> None:
    if isinstance(target, Club):
        next_ = await _next_text(target, ctx)
        await tell(
            ctx, promoted.user_id, "club-promoted", name=html.escape(target.name), next=next_
        )
    else:
        await tell(
            ctx,
            promoted.user_id,
            "event-promoted",
            title=html.escape(target.title),
            when=when_text(target.starts_at, ctx.settings),
        )
