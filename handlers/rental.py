"""Sports-equipment rental: «🏸 Прокат» on a center's card (what is free, book an item for a
day and a time window, cancel), /rental for the center's staff (inventory, issued, returned)."""

from __future__ import annotations

import html
from datetime import date, datetime, timedelta
from typing import Any

from aiogram import F, Router
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_dialog import DialogManager

from bot.context import Ctx, ctx_of
from bot.keyboards.builders import Pages, Rows, closable
from bot.keyboards.callbacks import CenterCb, PageCb, RentalCb
from bot.services.elders import parse_full_name
from bot.services.rental import (
    WINDOWS,
    add_item,
    book,
    change,
    may_keep,
    window,
)
from bot.services.validation import InputError, parse_id
from bot.views import edit_or_send, when_text
from handlers.forms import Listed, Reply, answer_for, ask_text, paged, refuse, tapped
from storage.models import RentalItem, RentalStatus

router = Router(name=__name__)

DAYS_AHEAD = 7


# --- Residents ---------------------------------------------------------------------------------


@router.callback_query(RentalCb.filter(F.action == "list"))
async def rental_of_center(callback: CallbackQuery, callback_data: RentalCb, ctx: Ctx) -> None:
    center = ctx.directory.center(callback_data.id) or refuse()
    rows: Rows = []
    for item in await ctx.rental.items(center.id):
        free = item.quantity - await ctx.rental.held(
            item.id, ctx.now, ctx.now + timedelta(minutes=1)
        )
        label = ctx.i18n.get("rental-item-line", name=item.name, free=free, quantity=item.quantity)
        rows.append([(label[:64], RentalCb(action="item", id=item.id))])
    rows.append([(ctx.i18n.get("rental-mine"), RentalCb(action="mine", id=center.id))])
    rows.append([(ctx.i18n.get("back"), CenterCb(action="card", id=center.id))])
    key = "rental-list" if len(rows) > 2 else "rental-none"
    text = ctx.i18n.get(key, center=html.escape(center.name))
    await edit_or_send(callback, text, closable(ctx.i18n, *rows, close="screen-close"))


@router.callback_query(RentalCb.filter(F.action == "item"))
async def choose_day(callback: CallbackQuery, callback_data: RentalCb, ctx: Ctx) -> None:
    item = await ctx.rental.get(callback_data.id) or refuse()
    days = [ctx.today + timedelta(days=n) for n in range(DAYS_AHEAD)]
    buttons: list[tuple[str, CallbackData]] = [
        (
            ctx.i18n.get(f"weekday-{d.weekday()}") + d.strftime(" %d.%m"),
            RentalCb(action="day", id=item.id, value=d.isoformat()),
        )
        for d in days
    ]
    rows: Rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([(ctx.i18n.get("back"), RentalCb(action="list", id=item.center_id))])
    text = ctx.i18n.get("rental-ask-day", name=html.escape(item.name))
    await edit_or_send(callback, text, closable(ctx.i18n, *rows, close="screen-close"))


@router.callback_query(RentalCb.filter(F.action == "day"))
async def choose_window(callback: CallbackQuery, callback_data: RentalCb, ctx: Ctx) -> None:
    item = await ctx.rental.get(callback_data.id) or refuse()
    try:
        day = date.fromisoformat(callback_data.value)
    except ValueError:
        refuse()
    await edit_or_send(callback, *await _windows(item, day, ctx))


async def _windows(item: RentalItem, day: date, ctx: Ctx) -> tuple[str, InlineKeyboardMarkup]:
    """The day's time windows with something free, each with how many."""
    rows: Rows = []
    for start, end in WINDOWS:
        try:
            starts, ends = window(day, start, ctx.tz, ctx.now)
        except InputError:
            continue  # past or too far: not offered
        free = item.quantity - await ctx.rental.held(item.id, starts, ends)
        if free > 0:
            label = ctx.i18n.get("rental-window", start=start, end=end, free=free)
            rows.append([(label, RentalCb(action="take", id=item.id, value=f"{day}|{start}"))])
    rows.append([(ctx.i18n.get("back"), RentalCb(action="item", id=item.id))])
    key = "rental-ask-window" if len(rows) > 1 else "rental-day-full"
    return ctx.i18n.get(key), closable(ctx.i18n, *rows, close="screen-close")


@router.callback_query(RentalCb.filter(F.action == "take"))
async def take(
    callback: CallbackQuery, callback_data: RentalCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    """A window tapped: one past or taken since the screen was shown is said at once. Someone
    staff could not call by name when they hand the item over is asked it then, as a club's
    sign-up does (the list read «— , 29.11 10:00»)."""
    item = await ctx.rental.get(callback_data.id) or refuse()
    starts, ends = _window_of(callback_data.value, ctx)
    if item.quantity - await ctx.rental.held(item.id, starts, ends) <= 0:
        refuse("rental-none-free")
    if ctx.user.has_consent and not ctx.user.full_name:  # no name before the consent
        await ask_text(
            dialog_manager,
            "rental-name",
            "club-ask-own-name",
            item=item.id,
            value=callback_data.value,
        )
        return
    if await _take(tapped(callback), item.id, callback_data.value, ctx):
        # The windows the booking was made on, as they are now (not «свободно 1» of a taken one).
        await edit_or_send(callback, *await _windows(item, starts.astimezone(ctx.tz).date(), ctx))


@answer_for("rental-name")
async def rental_name(message: Message, manager: DialogManager, args: dict[str, Any]) -> bool:
    ctx = ctx_of(manager)
    ctx.user.full_name = parse_full_name(message.text)
    await _take(message, args["item"], args["value"], ctx)
    return True


def _window_of(value: str, ctx: Ctx) -> tuple[datetime, datetime]:
    """The window a button carries («2026-11-29|10»); a forged one is a stale button."""
    day_text, _, hour_text = value.partition("|")
    try:
        day, hour = date.fromisoformat(day_text), int(hour_text)
    except ValueError:
        refuse()
    return window(day, hour, ctx.tz, ctx.now)


async def _take(reply: Reply, item_id: int, value: str, ctx: Ctx) -> bool:
    item = await ctx.rental.get(item_id)
    starts, ends = _window_of(value, ctx)
    try:
        await book(ctx.rental, item, ctx.user, starts, ends, ctx.now)
    except InputError as exc:  # the last one went to someone else while the name was typed
        await reply.answer(ctx.i18n.get(exc.key, **exc.args_))
        return False
    assert item is not None
    center = ctx.directory.center(item.center_id)
    await reply.answer(
        ctx.i18n.get(
            "rental-booked",
            name=html.escape(item.name),
            when=when_text(starts, ctx.settings),
            end=ends.astimezone(ctx.tz).strftime("%H:%M"),
            center=html.escape(center.name if center else ""),
            address=f" ({html.escape(center.address)})" if center and center.address else "",
        )
    )
    return True


@router.callback_query(RentalCb.filter(F.action == "mine"))
async def my_rentals(callback: CallbackQuery, callback_data: RentalCb, ctx: Ctx) -> None:
    """One's bookings, each a button to cancel it, in place of the center's list (`id`: the
    center, for «Назад»)."""
    await edit_or_send(callback, *await _mine(ctx, callback_data.id))


async def _mine(ctx: Ctx, center_id: int) -> tuple[str, InlineKeyboardMarkup]:
    rows: Rows = []
    for r, name in await ctx.rental.of_user(ctx.user.id):
        if r.status is RentalStatus.BOOKED:
            label = ctx.i18n.get(
                "rental-cancel", name=name, when=when_text(r.starts_at, ctx.settings)
            )
            rows.append([(label[:64], RentalCb(action="cancel", id=r.id, value=str(center_id)))])
    key = "rental-mine-title" if rows else "rental-mine-none"
    if center_id:
        rows.append([(ctx.i18n.get("back"), RentalCb(action="list", id=center_id))])
    return ctx.i18n.get(key), closable(ctx.i18n, *rows, close="screen-close")


@router.callback_query(RentalCb.filter(F.action == "cancel"))
async def cancel_rental(callback: CallbackQuery, callback_data: RentalCb, ctx: Ctx) -> None:
    """A booking cancelled from «Мои брони»: the list shows what is left (`value`: the center)."""
    found = await ctx.rental.rental(callback_data.id)
    if found is None or found.user_id != ctx.user.id:
        refuse()
    change(found, RentalStatus.CANCELLED, ctx.now)
    await tapped(callback).answer(ctx.i18n.get("rental-cancelled"))
    await edit_or_send(callback, *await _mine(ctx, parse_id(callback_data.value) or 0))


# --- Staff ---------------------------------------------------------------------------------------


RENTALS_PAGE = 15  # booked and issued items a page


@paged(router, "rental")
async def stock(ctx: Ctx, at: PageCb) -> Listed:
    """Staff's /rental: the center's items (on the first page) and what is booked or out."""
    if not ctx.actor.is_staff or ctx.actor.center_id is None:
        refuse("rental-staff-only")
    center_id = ctx.actor.center_id
    pages = Pages.of(await ctx.rental.count_held_of_center(center_id), at.page, RENTALS_PAGE)
    lines = [ctx.i18n.get("rental-stock-title")]
    if pages.page == 0:
        lines += [
            ctx.i18n.get("rental-stock-line", name=html.escape(i.name), quantity=i.quantity)
            for i in await ctx.rental.items(center_id)
        ]
    rows: Rows = []
    held = await ctx.rental.held_of_center(center_id, pages.offset, pages.size)
    for n, (r, name, person) in enumerate(held, start=pages.offset + 1):
        lines.append(
            ctx.i18n.get(
                "rental-out-line",
                n=n,
                name=html.escape(name),
                person=html.escape(person or "—"),
                when=when_text(r.starts_at, ctx.settings),
                status=ctx.i18n.get(f"rental-status-{r.status.value}"),
            )
        )
        action = "issued" if r.status is RentalStatus.BOOKED else "returned"
        rows.append(
            [(ctx.i18n.get(f"rental-mark-{action}", n=n), RentalCb(action=action, id=r.id))]
        )
    rows.append([(ctx.i18n.get("rental-add"), RentalCb(action="add", id=0))])
    return lines, rows, pages


@router.callback_query(RentalCb.filter(F.action.in_(("issued", "returned"))))
async def mark_rental(callback: CallbackQuery, callback_data: RentalCb, ctx: Ctx) -> None:
    found = await ctx.rental.rental(callback_data.id) or refuse()
    may_keep(ctx.actor, await ctx.rental.get(found.item_id))
    change(found, RentalStatus(callback_data.action), ctx.now)
    await callback.answer(ctx.i18n.get(f"rental-marked-{callback_data.action}"))


@router.callback_query(RentalCb.filter(F.action == "add"))
async def add_item_ask(callback: CallbackQuery, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not ctx.actor.is_staff or ctx.actor.center_id is None:
        refuse("rental-staff-only")
    await ask_text(dialog_manager, "rental-add", "rental-ask-item")


@answer_for("rental-add")
async def item_added(message: Message, manager: DialogManager, args: dict[str, Any]) -> bool:
    ctx = ctx_of(manager)
    if ctx.actor.center_id is None:
        refuse("rental-staff-only")
    item = await add_item(ctx.rental, ctx.actor.center_id, message.text)
    text = ctx.i18n.get("rental-added", name=html.escape(item.name), quantity=item.quantity)
    await message.answer(text)
    return True
