"""/jury: a juror scores the entries of their stage one by one (1–10 per criterion, a comment)."""

from __future__ import annotations

import html
from typing import Any

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, Window
from aiogram_dialog.widgets.kbd import Button, Group, Select
from aiogram_dialog.widgets.text import Format

from bot.context import ctx_of
from bot.services.validation import parse_text
from bot.views import send_album
from handlers.forms import (
    Tr,
    buttons_only,
    form_data,
    form_dialog,
    go,
    nav,
    refuse,
    start_form,
    text_only,
)
from storage.models import Application, Contest, Juror

router = Router(name=__name__)

SCORES = range(1, 11)
MAX_COMMENT = 500


class JuryForm(StatesGroup):
    score = State()
    comment = State()


def criteria(contest: Contest) -> list[str]:
    return [c.strip() for c in contest.criteria.split(";") if c.strip()]


@router.message(Command("jury"))
async def jury(message: Message, dialog_manager: DialogManager) -> None:
    await show_next(dialog_manager)


async def show_next(manager: DialogManager) -> None:
    """The next entry of the juror's open stage, with its photos, and its scoring form."""
    ctx = ctx_of(manager)
    for juror, contest in await ctx.contests.juror_stages(ctx.user.id):
        application, left = await ctx.contests.next_for(juror, contest)
        if application is None:
            continue
        nomination = await ctx.contests.nomination(application.nomination_id)
        district = ctx.directory.district(application.district_id)
        text = ctx.i18n.get(
            "jury-card",
            id=application.id,
            nomination=html.escape(nomination.name if nomination else ""),
            district=html.escape(district.name if district else ""),
            address=html.escape(application.address_text),
            description=html.escape(application.description),
            left=left,
        )
        await send_album(ctx.bot, ctx.user.id, [p.file_id for p in application.photos], text, None)
        draft = {"juror_id": juror.id, "application_id": application.id, "values": []}
        await start_form(manager, JuryForm.score, draft)
        return
    if manager.has_context():
        await manager.reset_stack()
    seats = await ctx.contests.juror_stages(ctx.user.id)
    await ctx.bot.send_message(ctx.user.id, ctx.i18n.get("jury-done" if seats else "jury-none"))


async def _entry(manager: DialogManager) -> tuple[Juror, Contest, Application] | None:
    """The juror's seat, the contest and the entry, if the contest is still at that stage."""
    ctx = ctx_of(manager)
    draft = form_data(manager)
    juror = await ctx.contests.juror_by_id(draft.get("juror_id", 0))
    application = await ctx.contests.application(draft.get("application_id", 0))
    contest = await ctx.contests.get(juror.contest_id) if juror else None
    if juror is None or application is None or contest is None:
        return None
    if contest.stage.value != juror.stage or juror.user_id != ctx.user.id:
        return None
    return juror, contest, application


async def on_score(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    found = await _entry(manager)
    if found is None:
        refuse("button-stale")
    if not item.isdigit() or int(item) not in SCORES:
        refuse("jury-out-of-range", lowest=SCORES[0], highest=SCORES[-1])
    draft = form_data(manager)
    draft["values"] = [*draft["values"], int(item)]
    if len(draft["values"]) >= len(criteria(found[1])):
        await go(manager, JuryForm.comment)


async def on_comment(message: Message, widget: Any, manager: DialogManager) -> None:
    comment = parse_text(message.text, max_len=MAX_COMMENT, min_len=2)
    await save(manager, comment)


async def skip_comment(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await save(manager, None)


async def save(manager: DialogManager, comment: str | None) -> None:
    ctx = ctx_of(manager)
    found = await _entry(manager)
    if found is None:
        await manager.done()
        await ctx.bot.send_message(ctx.user.id, ctx.i18n.get("button-stale"))
        return
    juror, _, application = found
    if await ctx.contests.has_scored(juror, application.id):
        await ctx.bot.send_message(ctx.user.id, ctx.i18n.get("jury-already"))
    else:
        await ctx.contests.save_scores(juror, application.id, form_data(manager)["values"], comment)
        await ctx.bot.send_message(ctx.user.id, ctx.i18n.get("jury-saved", id=application.id))
    await show_next(manager)


async def back_a_score(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    """«Назад» at scoring: the criterion before, scored anew."""
    draft = form_data(manager)
    draft["values"] = draft["values"][:-1]
    await manager.switch_to(JuryForm.score)


async def window_data(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    found = await _entry(dialog_manager)
    values = form_data(dialog_manager).get("values", [])
    names = criteria(found[1]) if found else []
    return {
        "criterion": html.escape(names[min(len(values), len(names) - 1)]) if names else "",
        "scores": [(str(v), v) for v in SCORES],
        "lowest": SCORES[0],
        "highest": SCORES[-1],
        "scored": bool(values),
    }


jury_dialog = form_dialog(
    "jury",
    Window(
        Tr("jury-ask-criterion"),
        Group(
            Select(
                Format("{item[0]}"),
                id="score",
                item_id_getter=lambda item: item[1],
                items="scores",
                on_click=on_score,
            ),
            width=5,
        ),
        Button(Tr("wizard-back"), id="back_score", on_click=back_a_score, when="scored"),
        nav(back_button=False),
        buttons_only(),
        state=JuryForm.score,
    ),
    Window(
        Tr("jury-ask-comment"),
        Button(Tr("wizard-skip"), id="skip_comment", on_click=skip_comment),
        Button(Tr("wizard-back"), id="back_score", on_click=back_a_score),
        nav(back_button=False),
        text_only(on_comment),
        state=JuryForm.comment,
    ),
    getter=window_data,
)
