"""/plan: an elder calls the residents of their house, entrance, street or committee to a
субботник or an action; «✋ Иду» / «Не смогу»; the elder's list, one message to those going,
cancelling; «📝 Заполнить отчёт» afterwards."""

from __future__ import annotations

import html
from functools import partial
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext, LazyFilter

from bot.context import Ctx, ctx_of
from bot.keyboards.builders import Rows, closable, inline
from bot.keyboards.callbacks import GatheringCb
from bot.services.gatherings import (
    create_gathering,
    is_authors,
    reply,
    report_draft,
    scopes_of,
    territory,
)
from bot.services.validation import InputError, parse_text
from bot.views import territory_text, when_text
from handlers.forms import (
    Reply,
    answer_for,
    answer_lines,
    ask_text,
    form_data,
    go,
    queue_announcement,
    refuse,
    show_unless_form,
    shown_by,
    start_form,
    tapped,
)
from handlers.gatherings.states import GatherForm as G
from storage.models import Gathering

router = Router(name=__name__)


def what_of(i18n: I18nContext, gathering: Gathering, directory: Any) -> str:
    action = directory.action(gathering.action_id)
    name = action.name if action else gathering.action_other
    kind = i18n.get(f"rep-kind-{gathering.kind}")
    return html.escape(f"{kind} «{name}»" if name else kind)


# --- The elder's list --------------------------------------------------------------------------


@router.message(Command("plan"))
@router.message(LazyFilter("menu-plan"))
async def plan_command(message: Message, dialog_manager: DialogManager) -> None:
    await show_unless_form(dialog_manager, message, "plan", show_plans)


@shown_by("plan")
async def show_plans(reply_to: Reply, ctx: Ctx) -> None:
    if not scopes_of(await ctx.elders.confirmed_of_user(ctx.user.id)):
        await reply_to.answer(ctx.i18n.get("gather-elders-only"))
        return
    found = await ctx.gatherings.upcoming_of(ctx.user.id, ctx.now)
    lines = [ctx.i18n.get("gather-list-title") if found else ctx.i18n.get("gather-list-none")]
    rows: Rows = []
    for g in found:
        label = ctx.i18n.get(
            "gather-list-line",
            when=when_text(g.starts_at, ctx.settings),
            what=what_of(ctx.i18n, g, ctx.directory),
            going=await ctx.gatherings.going_count(g.id),
        )
        rows.append([(html.unescape(label)[:64], GatheringCb(action="card", id=g.id))])
    rows.append([(ctx.i18n.get("gather-new"), GatheringCb(action="new", id=0))])
    await answer_lines(reply_to, lines, closable(ctx.i18n, *rows, close="screen-close"))


@router.callback_query(GatheringCb.filter(F.action == "card"))
async def plan_card(callback: CallbackQuery, callback_data: GatheringCb, ctx: Ctx) -> None:
    gathering = is_authors(await ctx.gatherings.get(callback_data.id), ctx.user)
    names = await ctx.gatherings.shown_names(gathering.id)
    text = ctx.i18n.get(
        "gather-card",
        what=what_of(ctx.i18n, gathering, ctx.directory),
        when=when_text(gathering.starts_at, ctx.settings),
        place=html.escape(gathering.place or ctx.i18n.get("gather-point")),
        going=await ctx.gatherings.going_count(gathering.id),
        names=html.escape(", ".join(n for n in names if n) or "—"),
    )
    rows: Rows = []
    if gathering.cancelled_at is None and gathering.starts_at > ctx.now:
        if gathering.messaged_at is None:
            rows.append(
                [(ctx.i18n.get("gather-message"), GatheringCb(action="message", id=gathering.id))]
            )
        rows.append(
            [(ctx.i18n.get("gather-cancel"), GatheringCb(action="cancel", id=gathering.id))]
        )
    markup = closable(ctx.i18n, *rows, close="screen-close") if rows else None
    await tapped(callback).answer(text, reply_markup=markup)


@router.callback_query(GatheringCb.filter(F.action.in_(("message", "cancel"))))
async def plan_change(
    callback: CallbackQuery, callback_data: GatheringCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    """One message to those going (a new time, a change), or cancelling — with a few words."""
    gathering = is_authors(await ctx.gatherings.get(callback_data.id), ctx.user)
    if gathering.cancelled_at is not None:
        refuse("gather-cancelled")
    if callback_data.action == "message" and gathering.messaged_at is not None:
        refuse("gather-messaged")
    action = callback_data.action
    await ask_text(
        dialog_manager, f"gather-{action}", f"gather-ask-{action}", gathering_id=gathering.id
    )


async def _tell_going(
    message: Message, manager: DialogManager, args: dict[str, Any], cancel: bool
) -> bool:
    ctx = ctx_of(manager)
    gathering = is_authors(await ctx.gatherings.get(args["gathering_id"]), ctx.user)
    text = parse_text(message.text, max_len=500, min_len=2)
    if gathering.cancelled_at is not None:
        raise InputError("gather-cancelled")
    if not cancel and gathering.messaged_at is not None:
        raise InputError("gather-messaged")
    if cancel:
        gathering.cancelled_at = ctx.now
    else:
        gathering.messaged_at = ctx.now
    what = what_of(ctx.i18n, gathering, ctx.directory)
    when = when_text(gathering.starts_at, ctx.settings)
    key = "gather-cancelled-text" if cancel else "gather-message-text"
    await queue_announcement(
        ctx,
        "gathering-going",
        gathering.id,
        "results",
        ctx.i18n.get(key, what=what, when=when, text=html.escape(text)),
    )
    await message.answer(ctx.i18n.get("gather-told-cancelled" if cancel else "gather-told"))
    return True


answer_for("gather-message")(partial(_tell_going, cancel=False))
answer_for("gather-cancel")(partial(_tell_going, cancel=True))


# --- «✋ Иду» / «Не смогу» ------------------------------------------------------------------------


@router.callback_query(GatheringCb.filter(F.action.in_(("go", "no", "name", "hide"))))
async def answer_invitation(callback: CallbackQuery, callback_data: GatheringCb, ctx: Ctx) -> None:
    gathering = await ctx.gatherings.get(callback_data.id) or refuse()
    action = callback_data.action
    show = {"name": True, "hide": False}.get(action)
    await reply(ctx.gatherings, gathering, ctx.user, action != "no", show, ctx.now)
    if action == "go":
        rows: Rows = [
            [
                (ctx.i18n.get("gather-show-name"), GatheringCb(action="name", id=gathering.id)),
                (ctx.i18n.get("gather-hide-name"), GatheringCb(action="hide", id=gathering.id)),
            ]
        ]
        when = when_text(gathering.starts_at, ctx.settings)
        await tapped(callback).answer(
            ctx.i18n.get("gather-going", when=when), reply_markup=inline(*rows)
        )
    elif action == "no":
        await tapped(callback).answer(ctx.i18n.get("gather-not-going"))
    else:
        await tapped(callback).answer(
            ctx.i18n.get("gather-name-shown" if show else "gather-name-hidden")
        )


# --- A new one ----------------------------------------------------------------------------------


@router.callback_query(GatheringCb.filter(F.action == "new"))
async def new_plan(callback: CallbackQuery, dialog_manager: DialogManager, ctx: Ctx) -> None:
    regs = await ctx.elders.confirmed_of_user(ctx.user.id)
    if not scopes_of(regs):
        refuse("gather-elders-only")
    await start_form(dialog_manager, G.territory, {})


async def on_territory(
    callback: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    ctx = ctx_of(manager)
    reg_id, _, scope = item.partition(":")
    regs = await ctx.elders.confirmed_of_user(ctx.user.id)
    if (scope, int(reg_id)) not in scopes_of(regs):
        refuse("gather-not-yours")
    reg = next(r for r in regs if r.id == int(reg_id))
    draft = form_data(manager)
    draft.update(
        registration_id=reg.id,
        scope=scope,
        where=territory(reg, scope),
        home=territory_text(ctx.i18n, reg),
    )
    await go(manager, G.kind)


async def on_kind(callback: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    form_data(manager)["kind"] = item
    await go(manager, G.action)


async def on_action(
    callback: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    action = ctx_of(manager).directory.action(int(item)) or refuse()
    form_data(manager).update(action_id=action.id, action_other=None)
    await go(manager, G.day)


async def own_action(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await go(manager, G.action_other)


async def skip_action(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    form_data(manager).update(action_id=None, action_other=None)
    await go(manager, G.day)


async def on_action_other(message: Message, widget: Any, manager: DialogManager) -> None:
    form_data(manager).update(
        action_id=None, action_other=parse_text(message.text, max_len=200, min_len=3)
    )
    await go(manager, G.day)


async def home_place(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    draft = form_data(manager)
    draft.update(place=draft.get("home"), lat=None, lon=None)
    await go(manager, G.bring)


async def on_place(message: Message, widget: Any, manager: DialogManager) -> None:
    draft = form_data(manager)
    if message.location is not None:
        draft.update(place=None, lat=message.location.latitude, lon=message.location.longitude)
    else:
        draft.update(place=parse_text(message.text, max_len=300, min_len=3), lat=None, lon=None)
    await go(manager, G.bring)


async def skip_bring(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    form_data(manager)["bring"] = None
    await go(manager, G.photo)


async def on_photo(message: Message, widget: Any, manager: DialogManager) -> None:
    if not message.photo:
        refuse("ann-photo-only")
    form_data(manager)["photo"] = message.photo[-1].file_id
    await go(manager, G.summary)


async def no_photo(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    form_data(manager)["photo"] = None
    await go(manager, G.summary)


def draft_gathering(draft: dict[str, Any], author_id: int) -> Gathering:
    """The invitation as it would be stored (not added to the database): to count its people."""
    where = draft.get("where", {})
    return Gathering(
        author_id=author_id,
        scope=draft.get("scope"),
        district_id=where.get("district_id"),
        committee_id=where.get("committee_id"),
        street_key=where.get("street_key"),
        house_key=where.get("house_key"),
        entrance=where.get("entrance"),
    )


async def submit(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    regs = await ctx.elders.confirmed_of_user(ctx.user.id)
    gathering = await create_gathering(
        ctx.gatherings, ctx.audit, ctx.user, regs, form_data(manager), ctx.now
    )
    when = when_text(gathering.starts_at, ctx.settings)
    text = ctx.i18n.get(
        "gather-invitation",
        what=what_of(ctx.i18n, gathering, ctx.directory),
        when=when,
        place=html.escape(gathering.place or ctx.i18n.get("gather-point")),
        bring=html.escape(gathering.bring or "—"),
        name=html.escape(ctx.user.full_name or ""),
    )
    await queue_announcement(
        ctx,
        "gathering",
        gathering.id,
        "actions",
        text,
        photo=gathering.photo,
        button_text=ctx.i18n.get("gather-go"),
        button_data=GatheringCb(action="go", id=gathering.id).pack(),
        more_buttons=[
            [ctx.i18n.get("gather-no"), GatheringCb(action="no", id=gathering.id).pack()]
        ],
    )
    await manager.done()
    await tapped(callback).answer(ctx.i18n.get("gather-sent", when=when))


# --- Afterwards: the report that fills itself ----------------------------------------------------


@router.callback_query(GatheringCb.filter(F.action == "report"))
async def fill_report(
    callback: CallbackQuery, callback_data: GatheringCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    from handlers.reports.handlers import start_report

    gathering = is_authors(await ctx.gatherings.get(callback_data.id), ctx.user)
    draft = report_draft(gathering, await ctx.gatherings.going_count(gathering.id), ctx.tz)
    await start_report(dialog_manager, ctx.user, ctx.elders, draft)
