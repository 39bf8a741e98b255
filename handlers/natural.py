"""Words, a photo with a caption or a voice message sent outside any form: instead of «I only
understand buttons», the bot offers what it could be — an idea or a problem, a субботник report
(elders), a club — and carries the text and the photo into the chosen form."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, Window
from aiogram_dialog.widgets.kbd import Button

from bot.context import Ctx, ctx_of
from bot.filters.content import Has
from bot.services.ideas import MAX_TEXT
from bot.services.reports import MAX_DESCRIPTION
from handlers.forms import (
    Tr,
    buttons_only,
    form_dialog,
    menu_for,
    menu_texts,
    nav,
    outside_forms,
    refuse,
    start_form,
    tapped,
)
from storage.models import Role

router = Router(name=__name__)


class Carried(StatesGroup):
    ask = State()


async def not_in_my_menu(message: Message, ctx: Ctx) -> bool:
    """A button of a menu this person does not have (any more)."""
    if message.text not in menu_texts(ctx.i18n):
        return False
    mine = menu_for(ctx).keyboard
    return all(message.text != button.text for row in mine for button in row)


@router.message(not_in_my_menu)
async def old_menu_button(message: Message, ctx: Ctx) -> None:
    """An old keyboard (a role taken away while the notice bringing the new menu did not arrive,
    or scrolled past): the person's own menu comes back, rather than «Что это?» about the
    button's words. An open form stays as it is."""
    if not ctx.user.has_consent or ctx.user.district_id is None:
        refuse("unknown-input")
    await message.answer(ctx.i18n.get("menu-changed"), reply_markup=menu_for(ctx))


@router.message(outside_forms, Has(~F.text.startswith("/")), Has(F.text | F.photo | F.voice))
async def natural_input(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not ctx.user.has_consent or ctx.user.district_id is None:
        refuse("unknown-input")
    text = " ".join((message.text or message.caption or "").split())
    photo = message.photo[-1] if message.photo else None
    await start_form(
        dialog_manager,
        Carried.ask,
        {
            "text": text,
            "photo": {"file_id": photo.file_id, "unique": photo.file_unique_id} if photo else None,
            "voice": message.voice is not None,
        },
    )


def _carried(manager: DialogManager) -> dict[str, Any]:
    started = manager.start_data if isinstance(manager.start_data, dict) else {}
    return started


async def as_idea(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    from handlers.ideas.handlers import open_idea_form

    carried = _carried(manager)
    draft: dict[str, Any] = {"photos": [carried["photo"]] if carried.get("photo") else []}
    if 3 <= len(carried.get("text") or "") <= MAX_TEXT:  # longer: the form asks, with the limit
        draft["text"] = carried["text"]
    await open_idea_form(manager, draft)


async def as_report(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    from handlers.reports.handlers import start_report

    carried = _carried(manager)
    ctx = ctx_of(manager)
    draft: dict[str, Any] = {
        "figures": {},
        "photos": [carried["photo"]] if carried.get("photo") else [],
    }
    if 3 <= len(carried.get("text") or "") <= MAX_DESCRIPTION:
        draft["description"] = carried["text"]
    await start_report(manager, ctx.user, ctx.elders, draft)


async def as_club(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    from handlers.clubs import clubs_start

    ctx = ctx_of(manager)
    await manager.done()
    await clubs_start(tapped(callback), ctx)


def _is_elder(data: dict[str, Any], widget: Any, manager: DialogManager) -> bool:
    return ctx_of(manager).user.role is Role.ELDER


def _is_voice(data: dict[str, Any], widget: Any, manager: DialogManager) -> bool:
    return bool(_carried(manager).get("voice"))


natural_dialog = form_dialog(
    "natural",
    Window(
        Tr("natural-voice", when=_is_voice),
        Tr("natural-ask"),
        Button(Tr("natural-idea"), id="idea", on_click=as_idea),
        Button(Tr("natural-report"), id="report", on_click=as_report, when=_is_elder),
        Button(Tr("natural-club"), id="club", on_click=as_club),
        nav(back_button=False),
        buttons_only(),
        state=Carried.ask,
    ),
)
