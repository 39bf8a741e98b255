"""/forperson (staff): a report, an idea or a club sign-up for someone of the district who
phoned — an elder from the district's list, or a person without the bot (name, phone, consent
«получено устно»). The chosen form then runs as usual, for that person."""

from __future__ import annotations

import html
from typing import Any

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, Window
from aiogram_dialog.widgets.kbd import Button
from aiogram_dialog.widgets.text import Format

from bot.context import Ctx, ctx_of
from bot.permissions import may_run_center
from bot.services.on_behalf import add_caller, elder_of_district, parse_caller, parse_name
from bot.services.validation import parse_text
from handlers.forms import (
    Tr,
    buttons_only,
    chosen,
    form_data,
    form_dialog,
    go,
    nav,
    opens_form,
    refuse,
    saved_as,
    tapped,
    to_first_page,
    typed,
)
from storage.models import User

router = Router(name=__name__)


class ForPerson(StatesGroup):
    who = State()
    elder = State()
    name = State()
    phone = State()
    consent = State()
    what = State()
    club = State()


@router.message(Command("forperson"))
async def for_person(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not ctx.actor.is_staff or ctx.actor.staff_district_id is None:
        refuse("behalf-staff-only")
    await open_for_person_form(dialog_manager)


open_for_person_form = opens_form("forperson", ForPerson.who)


def _district(manager: DialogManager) -> int:
    ctx = ctx_of(manager)
    if ctx.actor.staff_district_id is None:
        refuse("behalf-staff-only")
    return ctx.actor.staff_district_id


async def pick_elder(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await go(manager, ForPerson.elder)


async def other_person(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await go(manager, ForPerson.name)


async def on_elder(callback: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    ctx = ctx_of(manager)
    reg = await elder_of_district(ctx.elders, ctx.actor, int(item))
    person = await ctx.users.get(reg.user_id)
    form_data(manager).update(
        on_behalf={"user_id": reg.user_id, "district_id": reg.district_id},
        person=(person.full_name if person else "") or "",
    )
    await go(manager, ForPerson.what)


async def on_elder_name(message: Message, widget: Any, manager: DialogManager) -> None:
    """A part of the name typed: the list narrows to the elders whose name holds it."""
    form_data(manager)["elder_name"] = parse_text(message.text, max_len=100, min_len=2)
    await to_first_page(manager, "elders")


async def on_phone(message: Message, widget: Any, manager: DialogManager) -> None:
    draft = form_data(manager)
    draft["name"], draft["phone"] = parse_caller(draft.get("name"), message.text)
    await go(manager, ForPerson.consent)


async def consent_given(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    """Only now, with the consent said aloud, is the person stored."""
    ctx = ctx_of(manager)
    draft = form_data(manager)
    district_id = _district(manager)
    caller = await add_caller(
        ctx.users, ctx.audit, ctx.actor, district_id, draft["name"], draft["phone"]
    )
    draft.update(
        on_behalf={"caller_id": caller.id, "district_id": district_id}, person=draft["name"]
    )
    await go(manager, ForPerson.what)


def _carried(manager: DialogManager) -> dict[str, Any]:
    draft = form_data(manager)
    return {"on_behalf": draft["on_behalf"], "person": draft.get("person", "")}


async def as_report(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    from handlers.reports.handlers import start_report

    ctx = ctx_of(manager)
    carried = _carried(manager)
    elder: User | None = await ctx.users.get(carried["on_behalf"].get("user_id") or 0)
    if elder is None:
        refuse()
    await start_report(manager, elder, ctx.elders, {"figures": {}, "photos": [], **carried})


async def as_idea(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    from handlers.ideas.handlers import open_idea_form

    await open_idea_form(manager, _carried(manager))


async def as_signup(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await go(manager, ForPerson.club)


async def on_club(callback: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    """A place in a club of the staff member's center (or the waiting list), marked as entered
    by them."""
    ctx = ctx_of(manager)
    club = await ctx.clubs.club(int(item))
    if club is None or not club.active or not may_run_center(ctx.actor, club.center_id):
        refuse()
    behalf = form_data(manager)["on_behalf"]
    person = form_data(manager).get("person", "")
    if behalf.get("user_id") and await ctx.clubs.live_signup(
        behalf["user_id"], "", club_id=club.id
    ):
        refuse("behalf-already", name=club.name)
    taken = await ctx.clubs.take_place(
        behalf.get("user_id"),
        "",
        None,
        None,
        club=club,
        entered_by=ctx.actor.id,
        caller_id=behalf.get("caller_id"),
    )
    await manager.done()
    key = "behalf-signed-up" if taken.enrolled else "behalf-waiting"
    await tapped(callback).answer(
        ctx.i18n.get(
            key, name=html.escape(club.name), person=html.escape(person), position=taken.position
        )
    )


def _is_elder(data: dict[str, Any], widget: Any, manager: DialogManager) -> bool:
    return bool(form_data(manager).get("on_behalf", {}).get("user_id"))


async def _getter(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    district = ctx.actor.staff_district_id
    draft = form_data(dialog_manager)
    name = draft.get("elder_name")
    elders = await ctx.elders.confirmed_in(district, name) if district else []
    center = ctx.actor.center_id
    clubs = await ctx.clubs.clubs([center]) if center else []
    return {
        "clubs": [(c.name[:60], str(c.id)) for c in clubs if c.active],
        "elders": [(full_name or "—", str(reg.id)) for reg, full_name in elders],
        "elder_prompt": ctx.i18n.get(
            "behalf-no-elder" if name and not elders else "behalf-ask-elder",
            name=html.escape(name or ""),
        ),
        "person": draft.get("person", ""),
        "name": draft.get("name", ""),
        "phone": draft.get("phone", ""),
    }


for_person_dialog = form_dialog(
    "for_person",
    Window(
        Tr("behalf-ask-who"),
        Button(Tr("behalf-elder"), id="elder", on_click=pick_elder),
        Button(Tr("behalf-other"), id="other", on_click=other_person),
        nav(),
        buttons_only(),
        state=ForPerson.who,
    ),
    chosen(Format("{elder_prompt}"), "elders", on_elder, ForPerson.elder, on_text=on_elder_name),
    chosen("behalf-ask-club", "clubs", on_club, ForPerson.club),
    typed("behalf-ask-name", saved_as("name", parse_name, ForPerson.phone), ForPerson.name),
    typed("behalf-ask-phone", on_phone, ForPerson.phone),
    Window(
        Tr("behalf-ask-consent"),
        Button(Tr("behalf-consent"), id="consent", on_click=consent_given),
        nav(),
        buttons_only(),
        state=ForPerson.consent,
    ),
    Window(
        Tr("behalf-ask-what"),
        Button(Tr("behalf-report"), id="report", on_click=as_report, when=_is_elder),
        Button(Tr("behalf-idea"), id="idea", on_click=as_idea),
        Button(Tr("behalf-signup"), id="signup", on_click=as_signup),
        nav(),
        buttons_only(),
        state=ForPerson.what,
    ),
    getter=_getter,
)
