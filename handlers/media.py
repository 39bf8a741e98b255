"""/media (staff): the district's publications in newspapers, on TV, radio, sites and social
networks this year, «➕ Добавить публикацию» (link → where → when → «Отправить») and «🗑» for a
mistake. The year's figures count them."""

from __future__ import annotations

import html
from datetime import date, timedelta
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, Window
from aiogram_dialog.widgets.kbd import Button

from bot.context import Ctx, ctx_of
from bot.keyboards.builders import Pages, Rows
from bot.keyboards.callbacks import PageCb, RowId
from bot.permissions import may_record_media
from bot.services.media import (
    OUTLET_KINDS,
    parse_link,
    parse_outlet,
    parse_published_on,
    record_publication,
    remove_publication,
)
from handlers.forms import (
    Listed,
    Tr,
    choice,
    form_data,
    form_dialog,
    go,
    nav,
    paged,
    refuse,
    saved_as,
    show_unless_form,
    shown_by,
    start_form,
    summary,
    tapped,
    text_only,
    typed,
)

router = Router(name=__name__)


class MediaCb(CallbackData, prefix="media"):
    """new (the form), drop (a publication, by id)."""

    action: str
    id: RowId = 0


class MediaForm(StatesGroup):
    link = State()
    outlet = State()
    day = State()
    summary = State()


@router.message(Command("media"))
async def media_list(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not may_record_media(ctx.actor, ctx.actor.staff_district_id):
        refuse("media-staff-only")
    await show_unless_form(dialog_manager, message, "media", show_list)


MEDIA_PAGE = 10


@shown_by("media")
@paged(router, "media", command=False)
async def show_list(ctx: Ctx, at: PageCb) -> Listed:
    """The district's publications of this year, newest first, each with «убрать»."""
    if not may_record_media(ctx.actor, ctx.actor.staff_district_id):
        refuse("media-staff-only")
    district_id = ctx.actor.staff_district_id or 0
    year_start = ctx.today.replace(month=1, day=1)
    total = await ctx.media.count_of_district(district_id, year_start)
    pages = Pages.of(total, at.page, MEDIA_PAGE)
    lines = [ctx.i18n.get("media-title" if total else "media-none")]
    rows: Rows = []
    for p in await ctx.media.of_district(district_id, year_start, pages.offset, pages.size):
        day = p.published_on.strftime("%d.%m")
        lines.append(
            ctx.i18n.get(
                "media-line", day=day, outlet=html.escape(p.outlet), url=html.escape(p.url)
            )
            if p.url
            else ctx.i18n.get("media-line-no-link", day=day, outlet=html.escape(p.outlet))
        )
        label = ctx.i18n.get("media-drop", day=day, outlet=p.outlet)
        rows.append([(label[:64], MediaCb(action="drop", id=p.id))])
    rows.append([(ctx.i18n.get("media-add"), MediaCb(action="new"))])
    return lines, rows, pages


@router.callback_query(MediaCb.filter(F.action == "drop"))
async def drop(callback: CallbackQuery, callback_data: MediaCb, ctx: Ctx) -> None:
    await remove_publication(ctx.media, ctx.audit, ctx.actor, callback_data.id)
    await callback.answer(ctx.i18n.get("media-dropped"))
    await show_list(tapped(callback), ctx)


@router.callback_query(MediaCb.filter(F.action == "new"))
async def new_publication(callback: CallbackQuery, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not may_record_media(ctx.actor, ctx.actor.staff_district_id):
        refuse("media-staff-only")
    await start_form(dialog_manager, MediaForm.link, {})


# --- The form -----------------------------------------------------------------------------------


async def no_link(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    form_data(manager)["url"] = ""
    await go(manager, MediaForm.outlet)


async def on_outlet(
    callback: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    if item not in OUTLET_KINDS:
        refuse()
    form_data(manager)["outlet"] = ctx_of(manager).i18n.get(f"media-outlet-{item}")
    await go(manager, MediaForm.day)


async def set_day(manager: DialogManager, day: date) -> None:
    form_data(manager)["published_on"] = day.isoformat()
    await go(manager, MediaForm.summary)


async def on_day_button(
    callback: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    """«Сегодня» / «Вчера»: the button carries how many days ago."""
    if item not in ("0", "1"):
        refuse()
    await set_day(manager, ctx_of(manager).today - timedelta(days=int(item)))


async def on_day_text(message: Message, widget: Any, manager: DialogManager) -> None:
    day = parse_published_on(message.text, ctx_of(manager).today)
    await set_day(manager, day)


async def submit(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    await record_publication(
        ctx.media,
        ctx.audit,
        ctx.actor,
        form_data(manager),
        ctx.today,
    )
    await manager.done()
    await tapped(callback).answer(ctx.i18n.get("media-saved"))


async def _form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    day = draft.get("published_on")
    return {
        "outlets": [(ctx.i18n.get(f"media-outlet-{k}"), k) for k in OUTLET_KINDS],
        "days": [(ctx.i18n.get("media-today"), "0"), (ctx.i18n.get("media-yesterday"), "1")],
        "url": html.escape(draft.get("url") or ctx.i18n.get("media-no-link-mark")),
        "outlet": html.escape(draft.get("outlet", "")),
        "day": date.fromisoformat(day).strftime("%d.%m.%Y") if day else "",
    }


media_dialog = form_dialog(
    "media",
    typed(
        "media-ask-link",
        saved_as("url", parse_link, MediaForm.outlet),
        MediaForm.link,
        Button(Tr("media-no-link"), id="no_link", on_click=no_link),
    ),
    Window(
        Tr("media-ask-outlet"),
        choice("outlets", "outlets", on_outlet, width=3),
        nav(),
        text_only(saved_as("outlet", parse_outlet, MediaForm.day)),
        state=MediaForm.outlet,
    ),
    Window(
        Tr("media-ask-day"),
        choice("days", "days", on_day_button, width=2),
        nav(),
        text_only(on_day_text),
        state=MediaForm.day,
    ),
    summary("media-summary", "media", submit, MediaForm.summary),
    getter=_form,
)
