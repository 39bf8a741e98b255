"""/contests, applying (a form whose draft survives restarts), /myapplications."""

from __future__ import annotations

import html
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_i18n import I18nContext, LazyFilter

from bot.config import Settings
from bot.context import Ctx, ctx_of
from bot.keyboards.builders import Pages, Rows, closable, inline
from bot.keyboards.callbacks import ContestCb, PageCb, RowId
from bot.permissions import effective_role
from bot.services.contests import (
    ADDRESS_PARTS,
    DuplicateApplication,
    is_open,
    may_apply,
    parse_application_answer,
    submit_application,
)
from bot.services.validation import InputError
from bot.views import local_time, send_album
from handlers.contests.states import ApplicationForm as A
from handlers.forms import (
    Listed,
    answer_lines,
    ask_contact,
    ask_resume,
    existing,
    form_data,
    go,
    menu_for,
    next_needed,
    outside_forms,
    paged,
    refuse,
    restart_with,
    say,
    start_form,
    take_phone,
    tapped,
)
from storage.models import (
    Application,
    ApplicationStatus,
    Contest,
    User,
)
from storage.repositories.contests import ContestRepository
from storage.repositories.directory import Directory


class ApplicationCb(CallbackData, prefix="app"):
    action: str  # "open" | "edit" | "withdraw"
    id: RowId


router = Router(name=__name__)


def deadline_text(contest: Contest, settings: Settings) -> str:
    return local_time(contest.deadline, settings).strftime("%d.%m.%Y %H:%M")


def address_text(i18n: I18nContext, data: dict[str, Any], directory: Directory) -> str:
    kind = data.get("address_kind", "")
    if kind == "committee":
        committee = directory.committee(data.get("committee"))
        return committee.name if committee else "—"
    if kind == "center":
        center = directory.center(data.get("center"))
        return center.name if center else "—"
    if kind == "street":
        return str(data.get("street", "—"))
    key = {"entrance": "apply-address-entrance", "window": "apply-address-window"}.get(
        kind, "apply-address-house"
    )
    return i18n.get(
        key,
        street=data.get("street", ""),
        house=data.get("house", ""),
        entrance=str(data.get("entrance", "")),
        apartment=str(data.get("apartment", "")),
    )


@router.message(Command("contests"))
@router.message(outside_forms, LazyFilter("menu-contests"))
async def contests_list(message: Message, ctx: Ctx) -> None:
    found = await ctx.contests.open(ctx.now)
    if not found:
        await message.answer(ctx.i18n.get("contests-none"))
        return
    lines = [ctx.i18n.get("contests-title")]
    rows: Rows = []
    for c in found:
        lines.append(
            ctx.i18n.get(
                "contests-line", title=html.escape(c.title), deadline=deadline_text(c, ctx.settings)
            )
        )
        rows.append([(c.title[:60], ContestCb(action="card", id=c.id))])
    await answer_lines(message, lines, closable(ctx.i18n, *rows, close="screen-close"))


@router.callback_query(ContestCb.filter(F.action == "card"))
async def contest_card(callback: CallbackQuery, callback_data: ContestCb, ctx: Ctx) -> None:
    contest = existing(await ctx.contests.get(callback_data.id))
    text = ctx.i18n.get(
        "contest-card",
        title=html.escape(contest.title),
        description=html.escape(contest.description),
        deadline=deadline_text(contest, ctx.settings),
        nominations="\n".join(f"• {html.escape(n.name)}" for n in contest.nominations),
    )
    rules = (
        [ctx.i18n.get("contest-rules", rules=html.escape(contest.rules))] if contest.rules else []
    )
    rows: Rows = []
    if not may_apply(contest.applicants, effective_role(ctx.user, ctx.settings).value):
        text += "\n" + _not_for_you(ctx.i18n, contest)  # rather than a button that refuses
    elif is_open(contest):
        rows.append([(ctx.i18n.get("contest-apply"), ContestCb(action="apply", id=contest.id))])
    markup = closable(ctx.i18n, *rows, close="screen-close")
    await answer_lines(tapped(callback), [text, *rules], markup)  # rules: up to 3 000 characters


def _not_for_you(i18n: I18nContext, contest: Contest) -> str:
    who = ", ".join(i18n.get(f"contest-who-{w}") for w in contest.applicants.split(","))
    return i18n.get("contest-not-for-you", who=who)


@router.callback_query(ContestCb.filter(F.action == "apply"))
async def apply_start(
    callback: CallbackQuery, callback_data: ContestCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    contest = existing(await ctx.contests.get(callback_data.id))
    if not is_open(contest):
        refuse("contest-closed", deadline=deadline_text(contest, ctx.settings))
    if not ctx.user.has_consent:
        refuse("contest-need-consent")
    if not may_apply(contest.applicants, effective_role(ctx.user, ctx.settings).value):
        await callback.answer(_not_for_you(ctx.i18n, contest), show_alert=True)
        return
    if ctx.user.district_id is None:
        refuse("contest-need-district")
    if dialog_manager.has_context():
        await ask_resume(dialog_manager, "apply", contest=contest.id)
        return
    await start_application(dialog_manager, contest, ctx.user)


async def start_application(manager: DialogManager, contest: Contest, user: User) -> None:
    draft: dict[str, Any] = {
        "contest_id": contest.id,  # first: the drafts' reminder looks for it (contests service)
        "district_id": user.district_id,
        "photos": [],
        "name": user.full_name,
        "phone": user.phone,
    }
    await start_form(manager, A.nomination, draft)


@restart_with("apply")
async def apply_again(
    callback: CallbackQuery, manager: DialogManager, args: dict[str, Any]
) -> None:
    ctx = ctx_of(manager)
    contest = await ctx.contests.get(args.get("contest", 0))
    if contest is not None and is_open(contest):
        await start_application(manager, contest, ctx.user)


# --- my applications -------------------------------------------------------------------------


def status_text(i18n: I18nContext, a: Application) -> str:
    return i18n.get(f"app-status-{a.status.value}", place=a.place or 0)


MY_APPLICATIONS_PAGE = 8


@paged(router, "myapplications", empty="myapps-empty")
async def my_applications(ctx: Ctx, at: PageCb) -> Listed:
    pages = Pages.of(await ctx.contests.count_of_user(ctx.user.id), at.page, MY_APPLICATIONS_PAGE)
    lines = [ctx.i18n.get("myapps-title")]
    rows: Rows = []
    for a, contest, nomination in await ctx.contests.of_user(ctx.user.id, pages.offset, pages.size):
        lines.append(
            ctx.i18n.get(
                "myapps-line",
                id=a.id,
                contest=html.escape(contest),
                nomination=html.escape(nomination),
                status=status_text(ctx.i18n, a),
            )
        )
        rows.append([(ctx.i18n.get("app-open", id=a.id), ApplicationCb(action="open", id=a.id))])
    return lines, rows, pages


async def _own(application_id: int, user: User, contests: ContestRepository) -> Application:
    application = await contests.application(application_id)
    if application is None or application.user_id != user.id:
        refuse("app-not-yours")
    return application


@router.callback_query(ApplicationCb.filter(F.action == "open"))
async def open_application(callback: CallbackQuery, callback_data: ApplicationCb, ctx: Ctx) -> None:
    application = await _own(callback_data.id, ctx.user, ctx.contests)
    contest = await ctx.contests.get(application.contest_id)
    nomination = await ctx.contests.nomination(application.nomination_id)
    text = "\n".join(
        [
            ctx.i18n.get(
                "app-card-title",
                id=str(application.id),
                title=html.escape(contest.title if contest else ""),
            ),
            html.escape(nomination.name if nomination else ""),
            html.escape(application.address_text),
            html.escape(application.description),
            status_text(ctx.i18n, application),
        ]
    )
    rows: Rows = []
    if (
        contest is not None
        and is_open(contest)
        and application.status is ApplicationStatus.SUBMITTED
    ):
        rows.append(
            [
                (ctx.i18n.get("app-edit"), ApplicationCb(action="edit", id=application.id)),
                (ctx.i18n.get("app-withdraw"), ApplicationCb(action="withdraw", id=application.id)),
            ]
        )
    markup = closable(ctx.i18n, *rows, close="screen-close")
    await send_album(ctx.bot, ctx.user.id, [p.file_id for p in application.photos], text, markup)


@router.callback_query(ApplicationCb.filter(F.action.in_(("edit", "withdraw"))))
async def change_application(
    callback: CallbackQuery, callback_data: ApplicationCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    application = await _own(callback_data.id, ctx.user, ctx.contests)
    contest = await ctx.contests.get(application.contest_id)
    assert contest is not None
    if not is_open(contest):
        refuse("contest-closed", deadline=deadline_text(contest, ctx.settings))
    if application.status is not ApplicationStatus.SUBMITTED:
        refuse("app-cannot-change")
    if callback_data.action == "withdraw":
        application.status = ApplicationStatus.WITHDRAWN
        await tapped(callback).answer(ctx.i18n.get("app-withdrawn", id=application.id))
        return
    nomination = await ctx.contests.nomination(application.nomination_id)
    draft = {
        "contest_id": contest.id,
        "application_id": application.id,
        "district_id": application.district_id,
        "nomination_id": application.nomination_id,
        "address_kind": nomination.address if nomination else "house",
        "description": application.description,
        "name": application.responsible_name,
        "phone": application.responsible_phone,
        **application.address_parts,
        "photos": [{"file_id": p.file_id, "unique": p.file_unique_id} for p in application.photos],
    }
    await start_form(dialog_manager, A.summary, draft)


# --- The application form's answers -------------------------------------------------------------

PART_STATES = (A.street, A.house, A.entrance, A.apartment, A.committee, A.center)
ORDER = (A.nomination, *PART_STATES, A.description, A.photos, A.name, A.phone)


def _step(state: State) -> str:
    return state.state.split(":")[1] if state.state else ""


def _needed(state: State, draft: dict[str, Any]) -> bool:
    if state in PART_STATES:
        return _step(state) in ADDRESS_PARTS.get(draft.get("address_kind", ""), ())
    if state is A.name:
        return not draft.get("name")
    if state is A.phone:
        return not draft.get("phone")
    return True


async def advance(manager: DialogManager, after: State) -> None:
    await next_needed(manager, after, ORDER, _needed, A.summary, enter)


async def enter(manager: DialogManager, state: State) -> None:
    if state is A.phone:
        await ask_contact(manager, "apply-ask-phone")
    await go(manager, state)


async def _contest(manager: DialogManager) -> Contest | None:
    return await ctx_of(manager).contests.get(form_data(manager)["contest_id"])


async def on_nomination(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    contest = await _contest(manager)
    nomination = (
        next((n for n in contest.nominations if str(n.id) == item), None) if contest else None
    )
    if nomination is None:
        refuse("button-stale")
    draft = form_data(manager)
    if draft.get("address_kind") != nomination.address:
        for state in PART_STATES:
            draft.pop(_step(state), None)
    draft.update(nomination_id=nomination.id, address_kind=nomination.address)
    await advance(manager, A.nomination)


async def on_committee(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    if not item.isdigit() or ctx_of(manager).directory.committee(int(item)) is None:
        refuse("button-stale")
    form_data(manager)["committee"] = int(item)
    await advance(manager, A.committee)


async def on_center(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    draft = form_data(manager)
    center = ctx_of(manager).directory.center(int(item)) if item.isdigit() else None
    if center is None or center.district_id != draft["district_id"]:
        refuse("button-stale")
    draft["center"] = center.id
    await advance(manager, A.center)


async def on_text(message: Message, widget: Any, manager: DialogManager) -> None:
    state = manager.current_context().state
    form_data(manager)[_step(state)] = parse_application_answer(_step(state), message.text)
    await advance(manager, state)


async def photos_done(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await advance(manager, A.photos)


async def on_contact(message: Message, widget: Any, manager: DialogManager) -> None:
    await take_phone(manager, message)
    await advance(manager, A.phone)


async def edit_menu(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await go(manager, A.edit)


async def on_edit(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    draft = form_data(manager)
    if item not in ("nomination", "address", "description", "photos", "responsible"):
        refuse("button-stale")
    # Address and nomination walk on (a new nomination may need other address parts).
    draft["from_summary"] = item in ("description", "photos")
    if item == "photos":
        draft["photos"] = []
    if item == "responsible":
        draft["name"] = draft["phone"] = None
        await enter(manager, A.name)
    elif item == "address":
        await advance(manager, A.nomination)
    else:
        await go(
            manager, {"nomination": A.nomination, "description": A.description}.get(item, A.photos)
        )


async def submit(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    contest = await _contest(manager)
    if contest is None:
        refuse("button-stale")
    draft = form_data(manager)
    try:
        application = await submit_application(
            ctx.contests,
            ctx.user.id,
            contest,
            draft,
            address_text(ctx.i18n, draft, ctx.directory),
        )
    except DuplicateApplication as exc:
        markup = None
        if exc.existing.user_id == ctx.user.id:
            markup = inline(
                [
                    (
                        ctx.i18n.get("apply-duplicate-open", id=exc.existing.id),
                        ApplicationCb(action="open", id=exc.existing.id),
                    )
                ]
            )
        manager.show_mode = ShowMode.NO_UPDATE
        await tapped(cb).answer(ctx.i18n.get(exc.key, **exc.args_), reply_markup=markup)
        return
    except InputError as exc:
        await say(manager, exc.key, deadline=deadline_text(contest, ctx.settings))
        return
    await manager.done()
    await tapped(cb).answer(
        ctx.i18n.get("apply-sent", id=application.id), reply_markup=menu_for(ctx)
    )
