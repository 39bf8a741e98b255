"""/centers, center cards, «Как добраться», «Мой центр» and the nearest centers by location."""

from __future__ import annotations

import html

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import LazyFilter

from bot.context import Ctx
from bot.filters.content import Has
from bot.keyboards.builders import (
    center_card_keyboard,
    centers_keyboard,
    nearby_keyboard,
)
from bot.keyboards.callbacks import CenterCb, PlaceCb
from bot.services.geo import NEARBY_MAX_KM, nearest_centers
from bot.views import center_card, edit_or_send
from handlers.forms import answer_lines, existing, outside_forms, refuse, tapped
from handlers.places import ask_place

router = Router(name=__name__)


@router.message(Command("centers"))
async def centers_start(message: Message, ctx: Ctx) -> None:
    await ask_place(message, ctx.i18n, ctx.directory, "browse")


async def _show_district_centers(callback: CallbackQuery, district_id: int, ctx: Ctx) -> None:
    district = ctx.directory.district(district_id)
    if district is None:
        refuse()
    centers = ctx.directory.centers(district.id)
    text = ctx.i18n.get("centers-choose-center", district=html.escape(district.name))
    if not centers:
        text = f"{text}\n{ctx.i18n.get('centers-none')}"
    await edit_or_send(
        callback, text, centers_keyboard(ctx.i18n, centers, district.municipality_id)
    )


@router.callback_query(PlaceCb.filter((F.purpose == "browse") & (F.level == "dist")))
async def browse_district(callback: CallbackQuery, callback_data: PlaceCb, ctx: Ctx) -> None:
    await _show_district_centers(callback, callback_data.id, ctx)


@router.callback_query(CenterCb.filter(F.action == "list"))
async def back_to_list(callback: CallbackQuery, callback_data: CenterCb, ctx: Ctx) -> None:
    center = existing(ctx.directory.center(callback_data.id))
    await _show_district_centers(callback, center.district_id, ctx)


@router.callback_query(CenterCb.filter(F.action == "card"))
async def show_card(callback: CallbackQuery, callback_data: CenterCb, ctx: Ctx) -> None:
    center = existing(ctx.directory.center(callback_data.id))
    card = center_card(ctx.i18n, center, await ctx.clubs.clubs_per_center(center.id))
    await edit_or_send(callback, card, center_card_keyboard(ctx.i18n, center))


@router.callback_query(CenterCb.filter(F.action == "route"))
async def show_route(callback: CallbackQuery, callback_data: CenterCb, ctx: Ctx) -> None:
    center = existing(ctx.directory.center(callback_data.id))
    address = center.address or ctx.i18n.get("center-unknown")
    if center.lat is not None and center.lon is not None:
        await tapped(callback).answer_venue(
            latitude=center.lat, longitude=center.lon, title=center.name, address=address
        )
    else:
        await tapped(callback).answer(ctx.i18n.get("center-no-point", address=html.escape(address)))


@router.message(outside_forms, LazyFilter("menu-my-center"))
async def my_center(message: Message, ctx: Ctx) -> None:
    district = ctx.directory.district(ctx.user.district_id) if ctx.user.district_id else None
    if district is None:
        refuse("my-center-no-district")
    centers = ctx.directory.centers(district.id)
    if len(centers) == 1:
        center = ctx.directory.center(centers[0].id)
        assert center is not None
        await message.answer(
            center_card(ctx.i18n, center, await ctx.clubs.clubs_per_center(center.id)),
            reply_markup=center_card_keyboard(ctx.i18n, center),
        )
        return
    text = ctx.i18n.get("centers-choose-center", district=html.escape(district.name))
    if not centers:
        text = f"{text}\n{ctx.i18n.get('centers-none')}"
    await message.answer(
        text, reply_markup=centers_keyboard(ctx.i18n, centers, district.municipality_id)
    )


@router.message(outside_forms, LazyFilter("menu-nearby"))
async def nearby_as_text(message: Message, ctx: Ctx) -> None:
    """Clients that cannot share a location send the button's text instead."""
    await message.answer(ctx.i18n.get("nearby-ask"))


@router.message(outside_forms, Has(F.location))
async def nearby(message: Message, ctx: Ctx) -> None:
    assert message.location is not None
    found = nearest_centers(
        message.location.latitude,
        message.location.longitude,
        ctx.directory.all_centers(),
    )
    if not found:
        await message.answer(ctx.i18n.get("nearby-none", km=str(NEARBY_MAX_KM)))
        return
    lines = [ctx.i18n.get("nearby-title")]
    for n, item in enumerate(found, start=1):
        key = "nearby-line-approx" if item.approximate else "nearby-line"
        km = f"{item.km:.1f}".replace(".", ",") if ctx.i18n.locale == "ru" else f"{item.km:.1f}"
        lines.append(ctx.i18n.get(key, n=n, name=html.escape(item.center.name), km=km))
    await answer_lines(message, lines, nearby_keyboard(ctx.i18n, [f.center for f in found]))
