"""/mycenter: staff keep their own center's card (address, hours, phone, map point, group,
services); admins keep any center's."""

from __future__ import annotations

from typing import Any

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_i18n import I18nContext, LazyFilter

from bot.context import Ctx, ctx_of
from bot.permissions import Actor
from bot.services.centers import check_point, parse_card_field, set_card_field
from handlers.center_card.states import CenterCardForm as F
from handlers.forms import (
    ask_resume,
    form_data,
    form_open,
    go,
    go_back,
    menu_texts,
    refuse,
    restart_with,
    start_form,
)
from storage.repositories.directory import Directory

router = Router(name=__name__)


@router.message(Command("mycenter"))
@router.message(LazyFilter("menu-center-card"))
async def my_center(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    # Another form's draft is not dropped silently; the card itself has nothing to lose.
    if await form_open(dialog_manager) and dialog_manager.current_context().state.group is not F:
        await ask_resume(dialog_manager, "mycenter")
        return
    await open_card(message, dialog_manager, ctx.actor, ctx.directory, ctx.i18n)


@restart_with("mycenter")
async def mycenter_again(callback: CallbackQuery, manager: DialogManager, args: Any) -> None:
    ctx = ctx_of(manager)
    if isinstance(callback.message, Message):
        await open_card(callback.message, manager, ctx.actor, ctx.directory, ctx.i18n)


async def open_card(
    message: Message, manager: DialogManager, actor: Actor, directory: Directory, i18n: I18nContext
) -> None:
    if actor.is_admin:
        start, data = F.municipality, {}
    elif directory.center(actor.center_id) is not None:
        start, data = F.card, {"center": actor.center_id}
    else:
        await message.answer(i18n.get("mycenter-no-center"))
        return
    await start_form(manager, start, data)


async def on_municipality(
    cb: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    form_data(manager)["mun"] = int(item)
    await go(manager, F.district)


async def on_district(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    form_data(manager)["district"] = int(item)
    await go(manager, F.center)


async def on_center(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    form_data(manager)["center"] = int(item)
    await go(manager, F.card)


async def on_field(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    form_data(manager)["field"] = item
    await go(manager, F.field)


async def on_answer(message: Message, widget: Any, manager: DialogManager) -> None:
    """A typed value, or (for the map point) a location sent with 📎."""
    field = form_data(manager).get("field", "")
    if message.location is not None and field == "point":
        value: Any = check_point(message.location.latitude, message.location.longitude)
    elif message.text is None or message.text in menu_texts(ctx_of(manager).i18n):
        refuse("mycenter-need-point" if field == "point" else "input-need-text")
    else:
        value = parse_card_field(field, message.text)
    await _save(manager, value)


async def on_clear(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await _save(manager, None)


async def _save(manager: DialogManager, value: Any) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    await set_card_field(
        ctx.session, ctx.audit, ctx.directory, ctx.actor, draft["center"], draft["field"], value
    )
    event = manager.event
    text = ctx.i18n.get("mycenter-saved" if value is not None else "mycenter-cleared")
    if isinstance(event, CallbackQuery):
        await event.answer(text)
    elif isinstance(event, Message):
        await event.answer(text)
    manager.show_mode = ShowMode.SEND
    await go_back(manager)
