"""Consultations: «📅 Приёмы» on a center's card (book a place, with a question if one likes;
cancel), /receptions for the center's staff (new reception, bookings, who came)."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager

from bot.context import Ctx, ctx_of
from bot.keyboards.builders import Pages, Rows, closable
from bot.keyboards.callbacks import CenterCb, PageCb, ReceptionCb
from bot.permissions import may_run_center
from bot.services.elders import parse_full_name
from bot.services.receptions import (
    LENGTHS,
    book,
    cancel,
    close_access,
    create_reception,
    give_access,
    is_open,
    mark,
    may_look_after,
    may_see,
    open_access,
    parse_places,
    parse_question,
    parse_specialist,
    parse_topic,
    receptions_of_specialist,
    specialist_key,
)
from bot.services.validation import InputError
from bot.views import edit_or_send, when_text
from handlers.forms import (
    Listed,
    Reply,
    answer_for,
    answer_lines,
    ask_text,
    chosen,
    day_and_time,
    existing,
    form_data,
    form_dialog,
    go,
    paged,
    refuse,
    saved_as,
    show_unless_form,
    shown_by,
    start_form,
    summary,
    tapped,
    typed,
)
from handlers.start import continue_onboarding
from storage.models import Reception, User

router = Router(name=__name__)

SPECIALIST_LINK = r"^spec_[\w-]{10,40}$"

DAYS_AHEAD = 14


def _line(ctx: Ctx, r: Reception, free: int) -> str:
    return ctx.i18n.get(
        "reception-line",
        when=when_text(r.starts_at, ctx.settings),
        specialist=r.specialist,
        topic=r.topic,
        free=free,
    )


# --- Residents ---------------------------------------------------------------------------------


RECEPTIONS_PAGE = 10


@paged(router, "receptions-of", command=False)
async def center_receptions(ctx: Ctx, at: PageCb) -> Listed:
    """A center's coming receptions for residents (`at.key`: the center), ten a page; «📅 Приёмы»
    on the center's card turns the card into its first page."""
    center = existing(ctx.directory.center(at.key))
    pages = Pages.of(
        await ctx.receptions.count_upcoming(ctx.now, [center.id]), at.page, RECEPTIONS_PAGE
    )
    found = await ctx.receptions.upcoming(ctx.now, [center.id], pages.offset, pages.size)
    rows: Rows = [
        [(_line(ctx, r, r.places - booked)[:64], ReceptionCb(action="open", id=r.id))]
        for r, booked in found
    ]
    rows.append([(ctx.i18n.get("back"), CenterCb(action="card", id=center.id))])
    key = "reception-list" if pages.total else "reception-none"
    return [ctx.i18n.get(key, center=html.escape(center.name))], rows, pages


async def _card(reception: Reception, user: User, ctx: Ctx) -> tuple[str, Any]:
    booking = await ctx.receptions.booking_of(reception.id, user.id)
    free = reception.places - await ctx.receptions.booked(reception.id)
    text = ctx.i18n.get(
        "reception-card",
        specialist=html.escape(reception.specialist),
        topic=html.escape(reception.topic),
        when=when_text(reception.starts_at, ctx.settings),
        minutes=reception.minutes,
        free=free,
    )
    rows: Rows = []
    if booking is not None:
        text += "\n" + ctx.i18n.get("reception-you-are-booked")
        rows.append(
            [(ctx.i18n.get("reception-cancel"), ReceptionCb(action="cancel", id=reception.id))]
        )
    elif free > 0:
        rows.append([(ctx.i18n.get("reception-book"), ReceptionCb(action="book", id=reception.id))])
        rows.append(
            [(ctx.i18n.get("reception-book-ask"), ReceptionCb(action="ask", id=reception.id))]
        )
    back = PageCb(list="receptions-of", page=0, key=reception.center_id)
    rows.append([(ctx.i18n.get("back"), back)])
    return text, closable(ctx.i18n, *rows, close="screen-close")


@router.callback_query(ReceptionCb.filter(F.action == "open"))
async def reception_card(callback: CallbackQuery, callback_data: ReceptionCb, ctx: Ctx) -> None:
    reception = await ctx.receptions.get(callback_data.id) or refuse()
    if not is_open(reception, ctx.now):
        refuse("reception-closed")
    text, markup = await _card(reception, ctx.user, ctx)
    await edit_or_send(callback, text, markup)


async def _book(reply: Reply, reception: Reception, question: str | None, ctx: Ctx) -> bool:
    try:
        await book(ctx.receptions, reception, ctx.user, question, ctx.now)
    except InputError as exc:
        await reply.answer(ctx.i18n.get(exc.key, **exc.args_))
        return False
    when = when_text(reception.starts_at, ctx.settings)
    await reply.answer(
        ctx.i18n.get("reception-booked", specialist=html.escape(reception.specialist), when=when)
    )
    return True


@router.callback_query(ReceptionCb.filter(F.action.in_(("book", "ask"))))
async def book_place(
    callback: CallbackQuery, callback_data: ReceptionCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    """«Записаться» or «Записаться с вопросом». Someone the specialist could not call by name is
    asked it first, as a club's sign-up does (the list showed «1. —»)."""
    reception = await ctx.receptions.get(callback_data.id) or refuse()
    if not is_open(reception, ctx.now):
        refuse("reception-closed")
    if not ctx.user.has_consent:  # no name is asked before the consent
        refuse("reception-need-district")
    with_question = callback_data.action == "ask"
    if not ctx.user.full_name:
        await ask_text(
            dialog_manager,
            "reception-name",
            "club-ask-own-name",
            reception_id=reception.id,
            question=with_question,
        )
    elif with_question:
        await _ask_question(dialog_manager, reception)
    elif await _book(tapped(callback), reception, None, ctx):
        await _card_again(callback, reception, ctx)


async def _ask_question(manager: DialogManager, reception: Reception) -> None:
    await ask_text(
        manager, "reception-question", "reception-ask-question", reception_id=reception.id
    )


@answer_for("reception-name")
async def reception_name(message: Message, manager: DialogManager, args: dict[str, Any]) -> bool:
    ctx = ctx_of(manager)
    ctx.user.full_name = parse_full_name(message.text)
    reception = await ctx.receptions.get(args["reception_id"]) or refuse()
    if args["question"]:
        await manager.done()  # the name is taken: the question replaces it
        await _ask_question(manager, reception)
        return False
    await _book(message, reception, None, ctx)
    return True


@answer_for("reception-question")
async def reception_question(
    message: Message, manager: DialogManager, args: dict[str, Any]
) -> bool:
    question = parse_question(message.text)
    reception = await ctx_of(manager).receptions.get(args["reception_id"]) or refuse()
    await _book(message, reception, question, ctx_of(manager))
    return True


@router.callback_query(ReceptionCb.filter(F.action == "cancel"))
async def cancel_booking(callback: CallbackQuery, callback_data: ReceptionCb, ctx: Ctx) -> None:
    reception = await ctx.receptions.get(callback_data.id) or refuse()
    await cancel(ctx.receptions, reception, ctx.user, ctx.now)
    await tapped(callback).answer(ctx.i18n.get("reception-cancelled"))
    await _card_again(callback, reception, ctx)


async def _card_again(callback: CallbackQuery, reception: Reception, ctx: Ctx) -> None:
    """The card the booking was made or cancelled on, as it is now («Вы записаны» and
    «Отменить запись», or the places again), rather than buttons that no longer apply."""
    await edit_or_send(callback, *await _card(reception, ctx.user, ctx))


# --- The receiving specialist ---------------------------------------------------------------


@router.message(CommandStart(deep_link=True, magic=F.args.regexp(SPECIALIST_LINK)))
async def specialist_link(message: Message, command: CommandObject, ctx: Ctx) -> None:
    """The link the center's staff forwarded: its opener sees their own bookings (after the
    consent every user gives; the link can be opened again after it)."""
    if not ctx.user.has_consent:
        await message.answer(ctx.i18n.get("specialist-consent-first"))
        await continue_onboarding(message, ctx)
        return
    token = (command.args or "").removeprefix("spec_")
    access = await open_access(ctx.receptions, ctx.audit, token, ctx.user, ctx.now)
    center = ctx.directory.center(access.center_id)
    await message.answer(
        ctx.i18n.get(
            "specialist-welcome",
            specialist=html.escape(access.specialist),
            center=html.escape(center.name if center else ""),
        )
    )
    await specialist_list(message, ctx)


# --- Staff ---------------------------------------------------------------------------------------


@router.message(Command("receptions"))
async def staff_receptions(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not ctx.actor.is_staff or ctx.actor.center_id is None:
        if await ctx.receptions.accesses_of(ctx.actor.id):
            await specialist_list(message, ctx)
        else:
            await message.answer(ctx.i18n.get("reception-staff-only"))
        return
    await show_unless_form(dialog_manager, message, "receptions", staff_list)


def _staff_line(ctx: Ctx, r: Reception, who: str, booked: int) -> tuple[str, ReceptionCb]:
    label = ctx.i18n.get(
        "reception-staff-line",
        when=when_text(r.starts_at, ctx.settings),
        specialist=who,
        booked=booked,
        places=r.places,
    )
    return label[:64], ReceptionCb(action="staff", id=r.id)


@shown_by("receptions")
@paged(router, "receptions", command=False)
async def staff_list(ctx: Ctx, at: PageCb) -> Listed:
    """The center's coming receptions for its staff, with «➕ Новый приём»."""
    if not ctx.actor.is_staff or ctx.actor.center_id is None:
        refuse("reception-staff-only")
    centers = [ctx.actor.center_id]
    pages = Pages.of(
        await ctx.receptions.count_upcoming(ctx.now, centers), at.page, RECEPTIONS_PAGE
    )
    found = await ctx.receptions.upcoming(ctx.now, centers, pages.offset, pages.size)
    rows: Rows = [[_staff_line(ctx, r, r.specialist, booked)] for r, booked in found]
    rows.append([(ctx.i18n.get("reception-new"), ReceptionCb(action="new", id=0))])
    title = "reception-staff-title" if pages.total else "reception-staff-none"
    return [ctx.i18n.get(title)], rows, pages


@paged(router, "specialist", command=False)
async def specialist_list(ctx: Ctx, at: PageCb) -> Listed:
    """A specialist's own coming receptions, at every center that gave them access."""
    accesses = await ctx.receptions.accesses_of(ctx.actor.id)
    mine = await receptions_of_specialist(ctx.receptions, accesses, ctx.now)
    centers = [c for c, _ in mine]
    total = await ctx.receptions.count_upcoming(ctx.now, centers, mine)
    pages = Pages.of(total, at.page, RECEPTIONS_PAGE)
    found = await ctx.receptions.upcoming(ctx.now, centers, pages.offset, pages.size, mine)
    rows: Rows = [[_staff_line(ctx, r, r.topic, booked)] for r, booked in found]
    return [ctx.i18n.get("specialist-title" if total else "specialist-none")], rows, pages


@router.callback_query(ReceptionCb.filter(F.action == "staff"))
async def staff_card(callback: CallbackQuery, callback_data: ReceptionCb, ctx: Ctx) -> None:
    reception = may_see(
        ctx.actor,
        await ctx.receptions.get(callback_data.id),
        await ctx.receptions.accesses_of(ctx.actor.id),
    )
    staff = may_run_center(ctx.actor, reception.center_id)  # the specialist only looks
    lines = [
        ctx.i18n.get(
            "reception-staff-card",
            specialist=html.escape(reception.specialist),
            topic=html.escape(reception.topic),
            when=when_text(reception.starts_at, ctx.settings),
        )
    ]
    rows: Rows = []
    for n, (booking, name) in enumerate(await ctx.receptions.bookings(reception.id), start=1):
        mark_text = {True: " ✅", False: " ✖️", None: ""}[booking.came]
        question = (
            ctx.i18n.get("reception-question-line", question=html.escape(booking.question))
            if booking.question
            else ""
        )
        lines.append(f"{n}. {html.escape(name or '—')}{mark_text}{question}")
        if staff:
            rows.append(
                [
                    (
                        ctx.i18n.get("reception-came", n=n),
                        ReceptionCb(action="came", id=booking.id),
                    ),
                    (
                        ctx.i18n.get("reception-missed", n=n),
                        ReceptionCb(action="missed", id=booking.id),
                    ),
                ]
            )
    if len(lines) == 1:
        lines.append(ctx.i18n.get("reception-nobody"))
    if staff:
        rows.append(
            [(ctx.i18n.get("specialist-give"), ReceptionCb(action="access", id=reception.id))]
        )
        key = specialist_key(reception.specialist)
        if await ctx.receptions.open_accesses(reception.center_id, key):
            rows.append(
                [
                    (
                        ctx.i18n.get("specialist-close"),
                        ReceptionCb(action="unaccess", id=reception.id),
                    )
                ]
            )
    markup = closable(ctx.i18n, *rows, close="screen-close") if rows else None
    await answer_lines(tapped(callback), lines, markup)


@router.callback_query(ReceptionCb.filter(F.action == "access"))
async def give_specialist_access(
    callback: CallbackQuery, callback_data: ReceptionCb, ctx: Ctx
) -> None:
    """A link to forward to the receiving specialist: who opens it sees their bookings."""
    reception = may_look_after(ctx.actor, await ctx.receptions.get(callback_data.id))
    access = await give_access(ctx.receptions, ctx.audit, ctx.actor, reception)
    center = ctx.directory.center(reception.center_id)
    me = await ctx.bot.me()
    await tapped(callback).answer(
        ctx.i18n.get(
            "specialist-link",
            specialist=html.escape(reception.specialist),
            center=html.escape(center.name if center else ""),
            link=f"https://t.me/{me.username}?start=spec_{access.token}",
        )
    )


@router.callback_query(ReceptionCb.filter(F.action == "unaccess"))
async def close_specialist_access(
    callback: CallbackQuery, callback_data: ReceptionCb, ctx: Ctx
) -> None:
    reception = may_look_after(ctx.actor, await ctx.receptions.get(callback_data.id))
    closed = await close_access(ctx.receptions, ctx.audit, ctx.actor, reception, ctx.now)
    key = "specialist-closed" if closed else "specialist-nothing-to-close"
    await tapped(callback).answer(ctx.i18n.get(key, specialist=html.escape(reception.specialist)))


@router.callback_query(ReceptionCb.filter(F.action.in_(("came", "missed"))))
async def mark_attendance(callback: CallbackQuery, callback_data: ReceptionCb, ctx: Ctx) -> None:
    booking = await ctx.receptions.booking(callback_data.id) or refuse()
    reception = may_look_after(ctx.actor, await ctx.receptions.get(booking.reception_id))
    mark(booking, reception, callback_data.action == "came")
    await callback.answer(ctx.i18n.get("reception-marked"))


# --- A new reception -----------------------------------------------------------------------------


class ReceptionForm(StatesGroup):
    specialist = State()
    topic = State()
    day = State()
    clock = State()
    length = State()
    places = State()
    summary = State()


@router.callback_query(ReceptionCb.filter(F.action == "new"))
async def new_reception(callback: CallbackQuery, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not ctx.actor.is_staff or ctx.actor.center_id is None:
        refuse("reception-staff-only")
    await start_form(dialog_manager, ReceptionForm.specialist, {})


async def on_length(
    callback: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    if int(item) not in LENGTHS:
        refuse()
    form_data(manager)["minutes"] = int(item)
    await go(manager, ReceptionForm.places)


async def submit(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    reception = await create_reception(
        ctx.receptions, ctx.audit, ctx.actor, form_data(manager), ctx.now
    )
    await manager.done()
    when = when_text(reception.starts_at, ctx.settings)
    await tapped(callback).answer(ctx.i18n.get("reception-created", when=when))


async def _form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    return {
        "lengths": [(ctx.i18n.get("minutes-button", minutes=m), str(m)) for m in LENGTHS],
        "specialist": html.escape(draft.get("specialist", "")),
        "topic": html.escape(draft.get("topic", "")),
        "when": when_text(datetime.fromisoformat(draft["starts_at"]), ctx.settings)
        if draft.get("starts_at")
        else "",
        "minutes": draft.get("minutes", 0),
        "places": draft.get("places", 0),
    }


reception_dialog = form_dialog(
    "reception",
    typed(
        "reception-ask-specialist",
        saved_as("specialist", parse_specialist, ReceptionForm.topic),
        ReceptionForm.specialist,
    ),
    typed(
        "reception-ask-topic",
        saved_as("topic", parse_topic, ReceptionForm.day),
        ReceptionForm.topic,
    ),
    *day_and_time(ReceptionForm.day, ReceptionForm.clock, ReceptionForm.length, DAYS_AHEAD),
    chosen("reception-ask-length", "lengths", on_length, ReceptionForm.length, width=3),
    typed(
        "reception-ask-places",
        saved_as("places", parse_places, ReceptionForm.summary),
        ReceptionForm.places,
    ),
    summary("reception-summary", "reception", submit, ReceptionForm.summary),
    getter=_form,
)
