"""City admins: /contests_admin — create a contest from a template or from scratch, run its
stages and jury, settle ties, publish the results; every send after its preview."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Annotated, Any

from aiogram import F, Router
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext
from pydantic import Field

from bot.context import Ctx, ctx_of
from bot.filters.roles import is_city_admin
from bot.keyboards.builders import Pages, Rows, closable
from bot.keyboards.callbacks import ContestCb, PageCb, RowId
from bot.notify import tell
from bot.services.contest_flow import (
    MAX_RULES,
    change_criteria,
    contest_workbook,
    create_contest,
    next_stage,
    parse_criteria,
    parse_nominations,
    publish,
    ranking,
    set_place,
    unresolved,
    winners_of,
)
from bot.services.contests import (
    deadline_of,
    places,
    templates,
)
from bot.services.validation import InputError, parse_id, parse_text
from bot.views import edit_or_send, local_time, person_name, room_for
from handlers.admin import open_people
from handlers.forms import (
    Listed,
    Reply,
    answer_for,
    answer_lines,
    ask_text,
    ask_to_send,
    chosen,
    city_admins_only,
    existing,
    form_data,
    form_dialog,
    go,
    paged,
    refuse,
    say_error,
    send_for,
    start_form,
    summary,
    tapped,
    typed,
)
from storage.models import Application, Contest, ContestStage
from storage.repositories.directory import Directory


class PlaceSetCb(CallbackData, prefix="cpl"):
    """An admin's place (1–3) for a tied contest entry."""

    application: RowId
    place: Annotated[int, Field(ge=1, le=3)]


router = Router(name=__name__)

TIED_WITH_BUTTONS = 33  # three place buttons each, under one message (Telegram takes up to 100)
CONTESTS_PAGE = 10


class C(StatesGroup):
    """The contest form: from a template (template, deadline, audience) or from scratch."""

    template = State()
    title = State()
    nominations = State()
    deadline = State()
    audience = State()
    preview = State()


# Contests are the city's: its admins run them (a municipality's admin does not).
router.message.filter(is_city_admin)  # the admins' area checks the role
router.callback_query.filter(is_city_admin)


@router.callback_query(ContestCb.filter(F.action == "results"))
async def results_ask(
    callback: CallbackQuery, callback_data: ContestCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    """«✍️ Итоги своими словами» on the contest's card: the admin's own text, after its preview."""
    contest = existing(await ctx.contests.get(callback_data.id))
    if await ctx.contest_notices.results_sent(ctx.contests.session, contest):
        refuse("contest-results-already")
    room = room_for(ctx.i18n, "contest-results", title=html.escape(contest.title))
    await ask_text(
        dialog_manager, "contest-results", "cadmin-ask-results", contest=contest.id, max=room
    )


@answer_for("contest-results")
async def results_answer(message: Message, manager: DialogManager, args: dict[str, Any]) -> bool:
    city_admins_only(manager)
    ctx = ctx_of(manager)
    contest = existing(await ctx.contests.get(args["contest"]))
    text = parse_text(message.text, max_len=args["max"], min_len=3)
    await manager.done()  # the typed answer is taken: its preview replaces the question
    await ask_to_send(
        manager,
        "contest-results",
        ctx.contest_notices.results_text(contest.title, text),
        await ctx.announcements.audience_size(contest.audience, contest.audience_id, "contests"),
        contest=contest.id,
        results=text,
    )
    return False


@send_for("contest-results")
async def contest_results_send(
    cb: CallbackQuery, manager: DialogManager, args: dict[str, Any]
) -> None:
    city_admins_only(manager)
    ctx = ctx_of(manager)
    contest = existing(await ctx.contests.get(args["contest"]))
    if not await ctx.contest_notices.results(
        ctx.contests.session, contest, args["results"], ctx.now
    ):
        refuse("contest-results-already")
    await ctx.audit.write(ctx.user.id, "contest.results", None, contest=contest.id)
    await tapped(cb).answer(ctx.i18n.get("contest-results-queued", id=contest.id))
    ctx.delivery.wake()


# --- /contests_admin: create from a template or from scratch, run the stages, publish ----------


def _district_name(directory: Directory, district_id: int) -> str:
    district = directory.district(district_id)
    return district.name if district else "—"


def _stage_name(i18n: I18nContext, contest: Contest) -> str:
    return i18n.get(f"stage-{contest.stage.value}")


@paged(router, "contests_admin")
async def contests_admin(ctx: Ctx, at: PageCb) -> Listed:
    """The city's contests, newest first, each a button; «➕ Из шаблона» and «➕ С нуля»."""
    pages = Pages.of(await ctx.contests.count(), at.page, CONTESTS_PAGE)
    lines = [ctx.i18n.get("cadmin-title")]
    rows: Rows = []
    for c, count in await ctx.contests.latest(pages.offset, pages.size):
        lines.append(
            ctx.i18n.get(
                "cadmin-line",
                id=c.id,
                title=html.escape(c.title),
                stage=_stage_name(ctx.i18n, c),
                count=count,
            )
        )
        rows.append(
            [
                (
                    ctx.i18n.get("numbered", text=c.title[:50], id=str(c.id)),
                    ContestCb(action="admin", id=c.id),
                )
            ]
        )
    rows.append(
        [
            (ctx.i18n.get("cadmin-new-template"), ContestCb(action="tpl", id=0)),
            (ctx.i18n.get("cadmin-new-scratch"), ContestCb(action="new", id=0)),
        ]
    )
    return lines, rows, pages


@router.callback_query(ContestCb.filter(F.action.in_(("tpl", "new"))))
async def new_contest(
    callback: CallbackQuery, callback_data: ContestCb, dialog_manager: DialogManager
) -> None:
    """«➕ Из шаблона» or «➕ С нуля»: the contest form."""
    first = C.template if callback_data.action == "tpl" else C.title
    await start_form(dialog_manager, first)


async def on_template(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    if not any(t["code"] == item for t in templates()):
        refuse("button-stale")
    form_data(manager)["template"] = item
    await go(manager, C.deadline)


async def on_title(message: Message, widget: Any, manager: DialogManager) -> None:
    form_data(manager)["title"] = parse_text(message.text, max_len=200, min_len=3, letters=True)
    await go(manager, C.nominations)


async def on_nominations(message: Message, widget: Any, manager: DialogManager) -> None:
    form_data(manager)["nominations"] = parse_nominations(message.text)
    await go(manager, C.deadline)


async def on_deadline(message: Message, widget: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    deadline = deadline_of(message.text or "", ctx.today, ctx.tz)
    form_data(manager)["deadline"] = deadline.isoformat()
    await go(manager, C.audience)


async def on_audience(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    ctx = ctx_of(manager)
    kind, _, raw_id = item.partition(":")
    found = {
        "all": kind == "all",
        "municipality": ctx.directory.municipality(parse_id(raw_id)) is not None,
        "district": ctx.directory.district(parse_id(raw_id)) is not None,
    }
    if not found.get(kind):
        refuse()
    form_data(manager).update(audience=kind, audience_id=parse_id(raw_id))
    await go(manager, C.preview)


async def audience_items(ctx: Ctx, **_: Any) -> dict[str, Any]:
    items = [(ctx.i18n.get("cadmin-audience-all"), "all:0")]
    for m in ctx.directory.municipalities():
        items.append(
            (ctx.i18n.get("cadmin-audience-municipality", name=m.name), f"municipality:{m.id}")
        )
        items += [(d.full_name, f"district:{d.id}") for d in ctx.directory.districts(m.id)]
    return {"audiences": items}


async def preview_items(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    template = next((t for t in templates() if t["code"] == draft.get("template")), None) or {}
    title = str(template.get("title") or draft.get("title", ""))
    deadline = datetime.fromisoformat(draft["deadline"])
    return {
        "text": ctx.contest_notices.open_text(title, deadline),
        "recipients": await ctx.announcements.audience_size(
            draft["audience"], draft.get("audience_id"), "contests"
        ),
    }


async def on_send(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    contest = await create_contest(
        ctx.contests,
        ctx.contest_notices,
        ctx.audit,
        ctx.user.id,
        form_data(manager),
        ctx.i18n.core.get("contest-default-criteria", ctx.settings.default_locale),
        ctx.now,
    )
    await manager.done()
    deadline = contest.deadline.astimezone(ctx.tz)
    await tapped(cb).answer(
        ctx.i18n.get(
            "cadmin-created",
            id=contest.id,
            title=html.escape(contest.title),
            count=len(contest.nominations),
            deadline=f"{deadline:%d.%m.%Y}",
        )
    )
    ctx.delivery.wake()


async def template_items(**_: Any) -> dict[str, Any]:
    return {"templates": [(str(t["title"])[:60], str(t["code"])) for t in templates()]}


contest_dialog = form_dialog(
    "contest",
    chosen("cadmin-choose-template", "templates", on_template, C.template, getter=template_items),
    typed("cadmin-ask-title", on_title, C.title),
    typed("cadmin-ask-nominations", on_nominations, C.nominations),
    typed("cadmin-ask-deadline", on_deadline, C.deadline),
    chosen("cadmin-ask-audience", "audiences", on_audience, C.audience, getter=audience_items),
    summary("send-preview", "contest", on_send, C.preview, getter=preview_items),
)


@router.callback_query(ContestCb.filter(F.action == "admin"))
async def admin_card(callback: CallbackQuery, callback_data: ContestCb, ctx: Ctx) -> None:
    contest = existing(await ctx.contests.get(callback_data.id))
    stage = contest.stage.value if contest.stage.value in ("district", "city") else "all"
    names = {n.id: n.name for n in contest.nominations}
    progress = [
        ctx.i18n.get(
            "cadmin-progress-line",
            nomination=html.escape(names.get(nom, "—")),
            district=html.escape(_district_name(ctx.directory, dist)),
            count=count,
            scored=scored,
        )
        for nom, dist, count, scored in await ctx.contests.progress(contest.id, stage)
    ] or [ctx.i18n.get("cadmin-no-applications")]
    jurors = await ctx.contests.jurors(contest.id)
    text = ctx.i18n.get(
        "cadmin-card",
        id=contest.id,
        title=html.escape(contest.title),
        stage=_stage_name(ctx.i18n, contest),
        deadline=local_time(contest.deadline, ctx.settings).strftime("%d.%m.%Y"),
        jurors=", ".join(
            ctx.i18n.get(
                "cadmin-juror", who=person_name(u), stage=ctx.i18n.get(f"jury-stage-{j.stage}")
            )
            for j, u in [(j, await ctx.users.get(j.user_id)) for j in jurors]
            if u is not None
        )
        or "—",
    )
    rows: Rows = []
    if contest.stage not in (ContestStage.RANKING, ContestStage.PUBLISHED):
        rows.append([(ctx.i18n.get("cadmin-next-stage"), ContestCb(action="next", id=contest.id))])
    rows.append(
        [
            (ctx.i18n.get("cadmin-ranking"), ContestCb(action="rank", id=contest.id)),
            (ctx.i18n.get("cadmin-xlsx"), ContestCb(action="xlsx", id=contest.id)),
        ]
    )
    if contest.stage is ContestStage.RANKING:
        rows.append([(ctx.i18n.get("cadmin-publish"), ContestCb(action="publish", id=contest.id))])
    if contest.stage is not ContestStage.PUBLISHED:
        rows.append([(ctx.i18n.get("cadmin-add-juror"), ContestCb(action="juror", id=contest.id))])
        # a contest judged on paper: the admin writes its results
        rows.append(
            [(ctx.i18n.get("cadmin-own-results"), ContestCb(action="results", id=contest.id))]
        )
    rows.append(
        [
            (ctx.i18n.get("cadmin-edit-rules"), ContestCb(action="rules", id=contest.id)),
            (ctx.i18n.get("cadmin-edit-criteria"), ContestCb(action="criteria", id=contest.id)),
        ]
    )
    # a line per nomination and district: with many, several short messages
    await answer_lines(
        tapped(callback), [text, *progress], closable(ctx.i18n, *rows, close="screen-close")
    )


@router.callback_query(ContestCb.filter(F.action.in_(("rules", "criteria"))))
async def edit_text_ask(
    callback: CallbackQuery, callback_data: ContestCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    """The contest's «положение» (shown on its card) or the criteria jurors score."""
    contest = existing(await ctx.contests.get(callback_data.id))
    field = callback_data.action
    if field == "criteria":
        current = ", ".join(c for c in contest.criteria.split(";") if c)
    else:
        current = contest.rules[:300] or ctx.i18n.get("mycenter-not-set")
    await ask_text(
        dialog_manager,
        f"contest-{field}",
        f"cadmin-ask-{field}",
        contest=contest.id,
        current=html.escape(current),
        max=MAX_RULES,
    )


@answer_for("contest-rules")
async def rules_answer(message: Message, manager: DialogManager, args: dict[str, Any]) -> bool:
    city_admins_only(manager)
    ctx = ctx_of(manager)
    contest = existing(await ctx.contests.get(args["contest"]))
    contest.rules = parse_text(message.text, max_len=MAX_RULES, min_len=10)
    await ctx.audit.write(ctx.user.id, "contest.edit", None, contest=contest.id, what="rules")
    await message.answer(ctx.i18n.get("cadmin-rules-saved"))
    return True


@answer_for("contest-criteria")
async def criteria_answer(message: Message, manager: DialogManager, args: dict[str, Any]) -> bool:
    city_admins_only(manager)
    ctx = ctx_of(manager)
    contest = existing(await ctx.contests.get(args["contest"]))
    try:
        change_criteria(contest, parse_criteria(message.text))
    except InputError as exc:
        await say_error(manager, exc)
        return exc.key == "cadmin-criteria-late"  # nothing to retype then
    await ctx.audit.write(ctx.user.id, "contest.edit", None, contest=contest.id, what="criteria")
    await message.answer(ctx.i18n.get("cadmin-criteria-saved"))
    return True


@router.callback_query(ContestCb.filter(F.action == "juror"))
async def juror_find(
    callback: CallbackQuery, callback_data: ContestCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    """«👩‍⚖️ Добавить в жюри»: the person found by name, the stage chosen by a button."""
    contest = existing(await ctx.contests.get(callback_data.id))
    await open_people(dialog_manager, purpose="juror", contest=contest.id)


@router.callback_query(ContestCb.filter(F.action == "next"))
async def admin_next(callback: CallbackQuery, callback_data: ContestCb, ctx: Ctx) -> None:
    contest = existing(await ctx.contests.get(callback_data.id))
    before = contest.stage
    change = await next_stage(contest, ctx.contests)
    if change.stage is before:
        refuse()
    await ctx.audit.write(
        ctx.user.id, "contest.stage", None, contest=contest.id, stage=contest.stage.value
    )
    lines = [ctx.i18n.get("cadmin-stage-moved", stage=_stage_name(ctx.i18n, contest))]
    if before is ContestStage.DISTRICT:
        lines.append(ctx.i18n.get("cadmin-advanced", count=change.advanced))
    for tied in change.ties or []:
        lines.append(ctx.i18n.get("cadmin-ranking-tie", ids=", ".join(map(str, tied))))
    await answer_lines(tapped(callback), lines)


@router.callback_query(ContestCb.filter(F.action == "rank"))
async def admin_ranking(callback: CallbackQuery, callback_data: ContestCb, ctx: Ctx) -> None:
    await send_ranking(tapped(callback), existing(await ctx.contests.get(callback_data.id)), ctx)


async def send_ranking(reply: Reply, contest: Contest, ctx: Ctx) -> None:
    """The ranking by nomination, in short messages (six nominations of ten are thousands of
    characters); at the ranking stage each nomination's tie comes below with its place buttons."""
    applications = {a.id: a for a in await ctx.contests.of_contest(contest.id)}
    lines = [ctx.i18n.get("cadmin-ranking-title", title=html.escape(contest.title))]
    ties: list[tuple[str, InlineKeyboardMarkup]] = []
    ranked = await ranking(contest, ctx.contests)
    for nomination in contest.nominations:
        entries = ranked.get(nomination.id, [])
        if not entries:
            continue
        lines.append(
            ctx.i18n.get("cadmin-ranking-nomination", nomination=html.escape(nomination.name))
        )
        for e in entries[:10]:
            a = applications[e.application_id]
            lines.append(
                ctx.i18n.get(
                    "cadmin-ranking-line",
                    place=f"{a.place}." if a.place else "·",
                    id=a.id,
                    total=float(e.total),
                    jurors=e.jurors,
                    address=html.escape(a.address_text[:60]),  # in full in the workbook
                )
            )
        _, tied = places([e for e in entries if e.jurors])
        if not tied:
            continue
        if contest.stage is not ContestStage.RANKING:
            ids = ", ".join(map(str, tied))
            lines.append(ctx.i18n.get("cadmin-ranking-tie-later", ids=ids))
            continue
        ties.append(tie_screen(ctx.i18n, nomination.name, tied, applications))
    await answer_lines(reply, lines)
    for text, markup in ties:  # each tie under its own message
        await reply.answer(text, reply_markup=markup)


def tie_screen(
    i18n: I18nContext, nomination: str, tied: list[int], applications: dict[int, Application]
) -> tuple[str, InlineKeyboardMarkup]:
    """A nomination's tie: the places chosen so far, and a button for each place of each entry
    (the chosen one ticked)."""
    lines = [
        i18n.get("cadmin-ranking-nomination", nomination=html.escape(nomination)),
        i18n.get("cadmin-ranking-tie", ids=", ".join(map(str, tied))),
    ]
    rows: Rows = []
    for t in tied[:TIED_WITH_BUTTONS]:
        chosen = applications[t].place
        if chosen:
            lines.append(i18n.get("cadmin-place-chosen", id=t, place=chosen))
        rows.append(
            [
                (
                    ("✅ " if p == chosen else "") + i18n.get("cadmin-place-button", id=t, place=p),
                    PlaceSetCb(application=t, place=p),
                )
                for p in (1, 2, 3)
            ]
        )
    return "\n".join(lines), closable(i18n, *rows, close="screen-close")


@router.callback_query(PlaceSetCb.filter())
async def place_tapped(callback: CallbackQuery, callback_data: PlaceSetCb, ctx: Ctx) -> None:
    """A place for a tied entry: its tie's screen shows it in place (the ranking is not sent
    again after each tap)."""
    application = await set_place(
        ctx.contests, ctx.audit, ctx.user.id, callback_data.application, callback_data.place
    )
    await callback.answer(
        ctx.i18n.get("cadmin-place-set", id=application.id, place=callback_data.place)
    )
    contest = existing(await ctx.contests.get(application.contest_id))
    entries = (await ranking(contest, ctx.contests)).get(application.nomination_id, [])
    _, tied = places([e for e in entries if e.jurors])
    nomination = next(n for n in contest.nominations if n.id == application.nomination_id)
    applications = {a.id: a for a in await ctx.contests.of_contest(contest.id)}
    await edit_or_send(callback, *tie_screen(ctx.i18n, nomination.name, tied, applications))


def _results_lines(contest: Contest, winners: list[Any], i18n: I18nContext) -> str:
    lines = []
    for nomination in contest.nominations:
        placed = [w for w in winners if w.nomination_id == nomination.id]
        if placed:
            lines.append(f"<b>{html.escape(nomination.name)}</b>")
            lines += [
                i18n.get("contest-results-line", place=w.place, address=html.escape(w.address_text))
                for w in placed
            ]
    return "\n".join(lines) or "—"


@router.callback_query(ContestCb.filter(F.action == "publish"))
async def admin_publish(
    callback: CallbackQuery, callback_data: ContestCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    """«📣 Опубликовать итоги»: the results as everyone will get them, and to how many, first."""
    contest = await ctx.contests.get(callback_data.id)
    if contest is None or contest.stage is not ContestStage.RANKING:
        refuse()
    if await unresolved(contest, ctx.contests):
        refuse("cadmin-unresolved")
    winners = winners_of(await ctx.contests.of_contest(contest.id))
    text = ctx.contest_notices.results_text(
        contest.title, _results_lines(contest, winners, ctx.i18n), escaped=True
    )
    recipients = await ctx.announcements.audience_size(
        contest.audience, contest.audience_id, "contests"
    )
    await ask_to_send(dialog_manager, "contest-publish", text, recipients, contest=contest.id)


@send_for("contest-publish")
async def publish_send(cb: CallbackQuery, manager: DialogManager, args: dict[str, Any]) -> None:
    city_admins_only(manager)
    ctx = ctx_of(manager)
    contest = existing(await ctx.contests.get(args["contest"]))
    if contest.stage is not ContestStage.RANKING or await unresolved(contest, ctx.contests):
        refuse()
    winners = await publish(contest, ctx.contests)
    await ctx.contest_notices.results(
        ctx.contests.session,
        contest,
        _results_lines(contest, winners, ctx.i18n),
        ctx.now,
        escaped=True,
    )
    names = {n.id: n.name for n in contest.nominations}
    for w in winners:
        await tell(
            ctx,
            w.user_id,
            "contest-winner",
            id=str(w.id),
            nomination=html.escape(names.get(w.nomination_id, "")),
            place=str(w.place or 0),
            title=html.escape(contest.title),
        )
    await ctx.audit.write(
        ctx.user.id, "contest.publish", None, contest=contest.id, winners=len(winners)
    )
    await tapped(cb).answer(ctx.i18n.get("cadmin-published", winners=len(winners)))
    ctx.delivery.wake()


@router.callback_query(ContestCb.filter(F.action == "xlsx"))
async def admin_xlsx(callback: CallbackQuery, callback_data: ContestCb, ctx: Ctx) -> None:
    contest = existing(await ctx.contests.get(callback_data.id))
    data = await contest_workbook(contest, ctx.contests, ctx.users, ctx.directory, ctx.i18n)
    await tapped(callback).answer_document(
        BufferedInputFile(data, filename=f"contest-{contest.id}.xlsx")
    )
