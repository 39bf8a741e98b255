"""Votes of a territory (/votes, /newvote), paper ballots, where residents live (/home), and the
initiative budget's projects (/projects)."""

from __future__ import annotations

import html
from functools import partial
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InputMediaPhoto, Message
from aiogram_dialog import DialogManager, ShowMode

from bot.context import Ctx, ctx_of
from bot.keyboards.builders import Pages, Rows, closable
from bot.keyboards.callbacks import PageCb, ProjectCb, VoteCb
from bot.permissions import districts_seen, may_hold_vote, may_look_after_vote
from bot.services.validation import InputError, parse_count, parse_end_date, parse_text
from bot.services.votes import (
    DURATIONS,
    MAX_DAYS,
    MIN_OPTIONS,
    add_paper,
    cast,
    create_vote,
    elder_territories,
    end_of_day,
    ends_after,
    home_keys,
    is_open,
    mark_done,
    may_change_project,
    most_choices,
    new_vote,
    options_of_mask,
    parse_house,
    parse_options,
    parse_paper_counts,
    parse_street,
    results,
    results_message,
    shortlist,
    territory_label,
    territory_of_registration,
)
from bot.views import edit_or_send, home_text, when_text
from handlers.forms import (
    Listed,
    Reply,
    answer_for,
    answer_lines,
    ask_text,
    form_data,
    go,
    kept_draft,
    of_my_district,
    opens_form,
    paged,
    queue_announcement,
    refuse,
    restart_with,
    start_form,
    tapped,
)
from handlers.votes.getters import vote_form
from handlers.votes.states import HomeForm, PaperForm, ProjectForm, VoteForm
from storage.models import ProjectStatus, Vote
from storage.repositories.directory import Directory

router = Router(name=__name__)
staff_router = Router(name=f"{__name__}.staff")


# --- The residents' list and card ----------------------------------------------------------------


@router.message(Command("votes"))
async def votes_command(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not ctx.user.has_consent or ctx.user.district_id is None:
        refuse("votes-need-district")
    if await kept_draft(dialog_manager, "votes"):
        return
    await open_votes(message, dialog_manager)


@restart_with("votes")
async def votes_again(
    callback: CallbackQuery, manager: DialogManager, args: dict[str, Any]
) -> None:
    await open_votes(tapped(callback), manager)


async def open_votes(reply: Reply, manager: DialogManager) -> None:
    """Asked once where they live (their house's and street's votes need it), then the list."""
    ctx = ctx_of(manager)
    if ctx.user.home_asked_at is None and ctx.user.street is None:
        await start_form(manager, HomeForm.ask, {"then": "votes"})
        return
    await vote_list(reply, ctx)


VOTES_PAGE = 5  # a line holds up to 80 letters of the question: five fit one short message


@paged(router, "votes", command=False)
async def vote_list(ctx: Ctx, at: PageCb) -> Listed:
    """The open votes this resident may vote in, soonest to end first; on the first page, the
    results of those they voted in; «➕ Новое голосование» for elders and staff."""
    pages = Pages.of(await ctx.votes.count_open_for(ctx.now, ctx.user), at.page, VOTES_PAGE)
    found = await ctx.votes.open_for(ctx.now, ctx.user, pages.offset, pages.size)
    mine = await ctx.votes.voted_by(ctx.user.id)
    voted = {v.id for v in mine}
    lines = [ctx.i18n.get("votes-title" if pages.total else "votes-none")]
    rows: Rows = []
    for vote in found:
        done = " " + ctx.i18n.get("votes-line-done") if vote.id in voted else ""
        lines.append(
            ctx.i18n.get(
                "votes-line",
                question=html.escape(vote.question[:80]),
                ends=when_text(vote.ends_at, ctx.settings),
                done=done,
            )
        )
        rows.append([(f"🗳 {vote.question[:50]}", VoteCb(action="card", id=vote.id))])
    closed = [v for v in mine if v.closed_at is not None][:5]
    if closed and pages.page == 0:
        lines.append(ctx.i18n.get("votes-results-title"))
        rows += [[(f"📊 {v.question[:50]}", VoteCb(action="card", id=v.id))] for v in closed]
    if ctx.actor.is_staff or await ctx.elders.confirmed_of_user(ctx.user.id):
        rows.append([(ctx.i18n.get("votes-new"), VoteCb(action="new", id=0))])
    if ctx.actor.is_staff:
        rows.append([(ctx.i18n.get("votes-mine"), STAFF_LIST)])
    return lines, rows, pages


# «⬅️ К голосованиям» turns a card back into its list, in place.
RESIDENTS_LIST = PageCb(list="votes", page=0)
STAFF_LIST = PageCb(list="district-votes", page=0)


async def vote_card(vote: Vote, chosen: list[int], mask: int, ctx: Ctx) -> tuple[str, Any]:
    """The card a resident votes on: one tap on an option (one choice), or ticks and
    «✅ Проголосовать» (several)."""
    most = most_choices(vote)
    mode = (
        ctx.i18n.get("vote-card-mode-many", most=most)
        if vote.multiple
        else ctx.i18n.get("vote-card-mode-one")
    )
    parts = [
        ctx.i18n.get(
            "vote-card",
            question=html.escape(vote.question),
            territory=html.escape(
                territory_label(vote, ctx.directory) or ctx.i18n.get("vote-scope-city")
            ),
            ends=when_text(vote.ends_at, ctx.settings),
            mode=mode,
        )
    ]
    projects = await ctx.votes.projects_of_vote(vote.id) if vote.winners else []
    if chosen:
        names = ", ".join(o.text for o in vote.options if o.id in chosen)
        parts.append(ctx.i18n.get("vote-card-your", choice=html.escape(names)))
    rows: Rows = []
    for option in vote.options:
        bit = 1 << option.position
        if vote.multiple:
            ticked = mask & bit
            rows.append(
                [
                    (
                        ("☑️ " if ticked else "⬜ ") + option.text[:60],
                        VoteCb(action="tick", id=vote.id, mask=mask ^ bit),
                    )
                ]
            )
        else:
            mark = "✅ " if option.id in chosen else ""
            rows.append([(mark + option.text[:60], VoteCb(action="pick", id=vote.id, mask=bit))])
    if vote.multiple:
        rows.append([(ctx.i18n.get("vote-cast"), VoteCb(action="cast", id=vote.id, mask=mask))])
    if any(p.photo for p in projects):
        rows.append([(ctx.i18n.get("vote-photos"), VoteCb(action="photos", id=vote.id))])
    rows.append([(ctx.i18n.get("votes-back"), RESIDENTS_LIST)])
    return "\n".join(parts), closable(ctx.i18n, *rows, close="screen-close")


def mask_of(vote: Vote, chosen: list[int]) -> int:
    return sum(1 << o.position for o in vote.options if o.id in chosen)


async def results_text(vote: Vote, ctx: Ctx) -> str:
    counted = await results(ctx.votes, vote)
    return results_message(ctx.i18n.get, vote, counted, ctx.directory)


@router.callback_query(VoteCb.filter(F.action.in_(("open", "card"))))
async def open_vote(callback: CallbackQuery, callback_data: VoteCb, ctx: Ctx) -> None:
    """A vote's card, or its results once it is over: from the list («card») in place of the
    list; from an invitation or a reminder («open») below it, which stays."""
    vote = await ctx.votes.get(callback_data.id) or refuse()
    if vote.closed_at is not None:
        text = await results_text(vote, ctx)
        back = [(ctx.i18n.get("votes-back"), RESIDENTS_LIST)]
        markup = closable(ctx.i18n, back, close="screen-close")
    else:
        if not is_open(vote, ctx.now):
            refuse("vote-over")
        may, chosen = await ctx.votes.standing(vote, ctx.user.id)
        if not may:
            refuse("vote-not-for-you")
        text, markup = await vote_card(vote, chosen, mask_of(vote, chosen), ctx)
    if callback_data.action == "card":
        await edit_or_send(callback, text, markup)
    else:
        await tapped(callback).answer(text, reply_markup=markup)


@router.callback_query(VoteCb.filter(F.action == "tick"))
async def tick_option(callback: CallbackQuery, callback_data: VoteCb, ctx: Ctx) -> None:
    vote = await ctx.votes.get(callback_data.id) or refuse()
    if not is_open(vote, ctx.now):
        refuse("vote-over")
    ticked = options_of_mask(vote, callback_data.mask)
    if len(ticked) > most_choices(vote):
        refuse("vote-too-many", most=most_choices(vote))
    chosen = await ctx.votes.choices_of(vote.id, ctx.user.id)
    text, markup = await vote_card(vote, chosen, callback_data.mask, ctx)
    message = tapped(callback)
    if isinstance(message, Message):
        await message.edit_text(text, reply_markup=markup)


@router.callback_query(VoteCb.filter(F.action.in_(("pick", "cast"))))
async def cast_vote(callback: CallbackQuery, callback_data: VoteCb, ctx: Ctx) -> None:
    vote = await ctx.votes.get(callback_data.id) or refuse()
    chosen = options_of_mask(vote, callback_data.mask)
    changed = await cast(ctx.votes, vote, ctx.user, chosen, ctx.now)
    names = html.escape(", ".join(o.text for o in vote.options if o.id in chosen))
    key = "vote-changed" if changed else "vote-counted"
    text, markup = await vote_card(vote, chosen, callback_data.mask, ctx)
    message = tapped(callback)
    if isinstance(message, Message):
        await message.edit_text(text, reply_markup=markup)
    await message.answer(
        ctx.i18n.get(key, choice=names, ends=when_text(vote.ends_at, ctx.settings))
    )


@router.callback_query(VoteCb.filter(F.action == "photos"))
async def project_photos(callback: CallbackQuery, callback_data: VoteCb, ctx: Ctx) -> None:
    vote = await ctx.votes.get(callback_data.id) or refuse()
    media = [
        InputMediaPhoto(
            media=p.photo,
            caption=ctx.i18n.get(
                "vote-project-line", n=i, title=p.title, cost=f"{p.cost:,}".replace(",", " ")
            ),
        )
        for i, p in enumerate(await ctx.votes.projects_of_vote(vote.id), start=1)
        if p.photo
    ][:10]
    if len(media) == 1:  # Telegram takes an album of 2 to 10
        await ctx.bot.send_photo(ctx.user.id, media[0].media, caption=media[0].caption)
    elif media:
        await ctx.bot.send_media_group(ctx.user.id, media=media)  # type: ignore[arg-type]


# --- A new vote --------------------------------------------------------------------------------


@router.message(Command("newvote"))
async def new_vote_command(message: Message, dialog_manager: DialogManager) -> None:
    if await kept_draft(dialog_manager, "newvote"):
        return
    await open_vote_form(message, dialog_manager)


@router.callback_query(VoteCb.filter(F.action == "new"))
async def new_vote_button(callback: CallbackQuery, dialog_manager: DialogManager) -> None:
    await open_vote_form(tapped(callback), dialog_manager)


@restart_with("newvote")
async def new_vote_again(
    callback: CallbackQuery, manager: DialogManager, args: dict[str, Any]
) -> None:
    await open_vote_form(tapped(callback), manager)


async def open_vote_form(
    reply: Reply, manager: DialogManager, preset: dict[str, Any] | None = None
) -> None:
    ctx = ctx_of(manager)
    if not ctx.actor.is_staff and not await ctx.elders.confirmed_of_user(ctx.actor.id):
        await reply.answer(ctx.i18n.get("vote-no-scopes"))
        return
    first = VoteForm.winners if preset else VoteForm.scope
    await start_form(manager, first, preset or {"options": []})


async def _own_registrations(manager: DialogManager) -> list[Any]:
    ctx = ctx_of(manager)
    return list(await ctx.elders.confirmed_of_user(ctx.actor.id))


def _district_territory(directory: Directory, district_id: int | None) -> dict[str, Any]:
    district = directory.district(district_id)
    if district is None:
        refuse()
    return {"district_id": district.id, "municipality_id": district.municipality_id}


async def on_scope(callback: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    if item.startswith("own:"):
        _, reg_id, scope = item.split(":")
        reg = next((r for r in await _own_registrations(manager) if r.id == int(reg_id)), None)
        if reg is None or (scope, reg.id) not in elder_territories([reg]):
            refuse()
        draft.update(scope=scope, territory=territory_of_registration(reg, scope))
        await go(manager, VoteForm.question)
        return
    draft.update(scope=item, territory={})
    if item == "city" or (item == "municipality" and ctx.actor.admin_municipality_id):
        draft["territory"] = {"municipality_id": ctx.actor.admin_municipality_id}
        await _territory_chosen(manager)
    elif ctx.actor.is_admin:
        await go(manager, VoteForm.target)
    else:
        draft["territory"] = _district_territory(ctx.directory, ctx.actor.staff_district_id)
        if item == "committee":
            await go(manager, VoteForm.target)
        else:
            await _territory_chosen(manager)


async def on_target(
    callback: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    target = int(item)
    if draft["scope"] == "municipality":
        draft["territory"] = {"municipality_id": target}
    elif draft["scope"] == "committee":
        committee = ctx.directory.committee(target) or refuse()
        draft["territory"] = {
            "committee_id": committee.id,
            "district_id": committee.district.id if committee.district else None,
            "municipality_id": committee.municipality.id,
        }
    else:
        draft["territory"] = _district_territory(ctx.directory, target)
    await _territory_chosen(manager)


async def _territory_chosen(manager: DialogManager) -> None:
    draft = form_data(manager)
    if not may_hold_vote(
        ctx_of(manager).actor,
        draft["scope"],
        draft["territory"],
        await _own_registrations(manager),
    ):
        refuse("vote-not-yours")
    await go(
        manager, VoteForm.street if draft["scope"] in ("street", "house") else VoteForm.question
    )


async def on_street(message: Message, widget: Any, manager: DialogManager) -> None:
    street = parse_street(message.text)
    draft = form_data(manager)
    draft["territory"].update(street=street, street_key=home_keys(street, None)[0])
    await go(manager, VoteForm.house if draft["scope"] == "house" else VoteForm.question)


async def on_house(message: Message, widget: Any, manager: DialogManager) -> None:
    house = parse_house(message.text)
    form_data(manager)["territory"].update(house=house, house_key=home_keys(None, house)[1])
    await go(manager, VoteForm.question)


async def on_options(message: Message, widget: Any, manager: DialogManager) -> None:
    draft = form_data(manager)
    draft["options"] = [*draft["options"], *parse_options(message.text, draft["options"])]
    manager.show_mode = ShowMode.SEND  # the list so far, below what was typed


async def options_done(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    if len(form_data(manager)["options"]) < MIN_OPTIONS:
        refuse("vote-options-few")
    await go(manager, VoteForm.mode)


async def drop_option(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    draft = form_data(manager)
    draft["options"] = draft["options"][:-1]


async def on_mode(callback: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    form_data(manager)["multiple"] = item == "many"
    await go(manager, VoteForm.ends)


async def on_winners(
    callback: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    draft = form_data(manager)
    winners = min(int(item), len(draft["options"]) - 1)
    draft.update(winners=winners, multiple=winners > 1)
    await go(manager, VoteForm.ends)


async def on_ends(callback: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    if int(item) not in DURATIONS:
        refuse()
    ctx = ctx_of(manager)
    form_data(manager)["ends_at"] = ends_after(int(item), ctx.now, ctx.tz).isoformat()
    await to_summary(manager, tapped(callback))


async def other_date(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await go(manager, VoteForm.date)


async def on_date(message: Message, widget: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    day = parse_end_date(message.text or "", ctx.today, MAX_DAYS)
    form_data(manager)["ends_at"] = end_of_day(day, ctx.tz).isoformat()
    await to_summary(manager, message)


async def to_summary(manager: DialogManager, reply: Reply) -> None:
    """«Проверьте голосование»: a draft longer than one screen comes above it as short
    messages, and the window below asks to start it."""
    data = await vote_form(manager, ctx_of(manager))
    if data["summary_text"] != data["summary_whole"]:
        await answer_lines(reply, data["summary_whole"].split("\n"))
        manager.show_mode = ShowMode.SEND
    await go(manager, VoteForm.summary)


async def submit_vote(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    spec = new_vote(form_data(manager))
    vote = await create_vote(
        ctx.votes, ctx.audit, ctx.actor, await _own_registrations(manager), spec, ctx.now
    )
    count = await ctx.votes.electorate(vote, "votes")
    ends = when_text(vote.ends_at, ctx.settings)
    await queue_announcement(
        ctx,
        "vote",
        vote.id,
        "votes",
        ctx.i18n.get(
            "vote-invitation",
            territory=html.escape(
                territory_label(vote, ctx.directory) or ctx.i18n.get("vote-scope-city")
            ),
            question=html.escape(vote.question),
            ends=ends,
        ),
        button_text=ctx.i18n.get("vote-open-button"),
        button_data=VoteCb(action="open", id=vote.id).pack(),
    )
    await manager.done()
    await tapped(callback).answer(ctx.i18n.get("vote-started", count=count, ends=ends))


# --- Staff: the district's votes and paper ballots ---------------------------------------------


DISTRICT_VOTES_PAGE = 10


@paged(router, "district-votes", command=False, empty="vote-staff-none")
async def district_votes(ctx: Ctx, at: PageCb) -> Listed:
    """The votes of the staff's districts (every district for admins), open ones first."""
    if not ctx.actor.is_staff:
        refuse()
    seen = districts_seen(ctx.actor)
    pages = Pages.of(await ctx.votes.count_of_districts(seen), at.page, DISTRICT_VOTES_PAGE)
    rows: Rows = [
        [(("📊 " if v.closed_at else "🗳 ") + v.question[:50], VoteCb(action="staff", id=v.id))]
        for v in await ctx.votes.of_districts(seen, pages.offset, pages.size)
    ]
    return [ctx.i18n.get("vote-staff-list")], rows, pages


@router.callback_query(VoteCb.filter(F.action == "staff"))
async def staff_card(callback: CallbackQuery, callback_data: VoteCb, ctx: Ctx) -> None:
    vote = await ctx.votes.get(callback_data.id) or refuse()
    if not may_look_after_vote(ctx.actor, vote.author_id, vote.district_id):
        refuse("vote-not-yours")
    counted = await results(ctx.votes, vote)
    lines = [
        f"{counted.share(line)} % — {html.escape(line.option.text[:40])} ({line.online} + {line.paper})"
        for line in counted.lines
    ]
    text = ctx.i18n.get(
        "vote-staff-card",
        question=html.escape(vote.question),
        territory=html.escape(
            territory_label(vote, ctx.directory) or ctx.i18n.get("vote-scope-city")
        ),
        ends=when_text(vote.ends_at, ctx.settings),
        closed=" " + ctx.i18n.get("vote-staff-closed") if vote.closed_at else "",
        voters=counted.voters,
        people=counted.paper_voters,
        lines="\n".join(lines),
    )
    rows: Rows = []
    if is_open(vote, ctx.now):
        rows.append([(ctx.i18n.get("vote-paper"), VoteCb(action="paper", id=vote.id))])
    rows.append([(ctx.i18n.get("votes-back"), STAFF_LIST)])
    await edit_or_send(callback, text, closable(ctx.i18n, *rows, close="screen-close"))


@router.callback_query(VoteCb.filter(F.action == "paper"))
async def paper_start(
    callback: CallbackQuery, callback_data: VoteCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    vote = await ctx.votes.get(callback_data.id) or refuse()
    if not may_look_after_vote(ctx.actor, vote.author_id, vote.district_id):
        refuse("vote-not-yours")
    if not is_open(vote, ctx.now):
        refuse("vote-over")
    await start_form(
        dialog_manager,
        PaperForm.people,
        {"vote_id": vote.id, "options": [[o.id, o.text] for o in vote.options], "counts": []},
    )


async def on_paper_counts(message: Message, widget: Any, manager: DialogManager) -> None:
    """The votes per option as the meeting's protocol has them: numbers in the options' order."""
    draft = form_data(manager)
    draft["counts"] = parse_paper_counts(message.text, len(draft["options"]), draft["people"])
    await go(manager, PaperForm.summary)


async def submit_paper(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    vote = await ctx.votes.get(draft["vote_id"]) or refuse()
    counts = {option[0]: n for option, n in zip(draft["options"], draft["counts"], strict=True)}
    await add_paper(ctx.votes, ctx.audit, ctx.actor, vote, draft["people"], counts, ctx.now)
    await manager.done()
    await tapped(callback).answer(ctx.i18n.get("vote-paper-added"))


# --- Where the resident lives --------------------------------------------------------------------


@router.message(Command("home"))
async def home_command(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not ctx.user.has_consent or ctx.user.district_id is None:
        refuse("votes-need-district")
    await open_home(dialog_manager)


open_home = opens_form("home", HomeForm.street)


async def home_give(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await go(manager, HomeForm.street)


async def home_later(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    ctx.user.home_asked_at = ctx.now
    then = _then(manager)
    await manager.done()
    message = tapped(callback)
    await message.answer(ctx.i18n.get("home-nothing"))
    if then:
        await vote_list(message, ctx)


def _then(manager: DialogManager) -> bool:
    """Whether the list of votes follows (the question came from /votes)."""
    started = manager.start_data if isinstance(manager.start_data, dict) else {}
    return started.get("then") == "votes"


async def on_home_entrance(message: Message, widget: Any, manager: DialogManager) -> None:
    form_data(manager)["entrance"] = parse_count(message.text or "", 1, 99)
    await _after_house(manager)


async def home_skip_entrance(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    form_data(manager)["entrance"] = None
    await _after_house(manager)


async def home_skip_house(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    form_data(manager).update(house=None, entrance=None)
    await _after_house(manager)


async def _after_house(manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    district = ctx.directory.district(ctx.user.district_id)
    if district and ctx.directory.committees(district.municipality_id, district.id):
        await go(manager, HomeForm.committee)
    else:
        await save_home(manager, None)


async def on_home_committee(
    callback: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    committee = ctx_of(manager).directory.committee(int(item)) if item != "0" else None
    await save_home(manager, committee.id if committee else None)


async def home_no_committee(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await save_home(manager, None)


async def save_home(manager: DialogManager, committee_id: int | None) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    ctx.user.street, ctx.user.house = draft.get("street"), draft.get("house")
    ctx.user.street_key, ctx.user.house_key = home_keys(ctx.user.street, ctx.user.house)
    ctx.user.entrance = draft.get("entrance") if ctx.user.house else None
    ctx.user.committee_id = committee_id
    ctx.user.home_asked_at = ctx.now
    await ctx.audit.write(ctx.user.id, "privacy.home", ctx.user.id)
    place = home_text(ctx.i18n, ctx.user)
    then = _then(manager)
    await manager.done()
    reply = manager.event.message if isinstance(manager.event, CallbackQuery) else manager.event
    if isinstance(reply, Message):
        await reply.answer(ctx.i18n.get("home-saved", place=html.escape(place)))
        if then:
            await vote_list(reply, ctx)


# --- Projects of the initiative budget -----------------------------------------------------------


@staff_router.callback_query(ProjectCb.filter(F.action == "make"))
async def project_start(
    callback: CallbackQuery, callback_data: ProjectCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    idea = of_my_district(
        await ctx.ideas.get(callback_data.id), ctx.actor, "ideas-not-your-district"
    )
    if await ctx.votes.project_of_idea(idea.id) is not None:
        refuse("project-exists")
    text = " ".join(idea.text.split())
    await start_form(
        dialog_manager,
        ProjectForm.title,
        {"idea_id": idea.id, "idea_title": text[:150], "idea_text": text[:2000]},
    )


async def submit_project(callback: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    idea = await ctx.ideas.get(draft["idea_id"]) or refuse()
    project = await shortlist(ctx.votes, ctx.audit, ctx.actor, idea, draft)
    await queue_announcement(
        ctx,
        "project",
        project.id,
        "results",
        ctx.i18n.get("project-told", idea=idea.id, title=html.escape(project.title)),
    )
    await manager.done()
    await tapped(callback).answer(ctx.i18n.get("project-saved", id=project.id))


def _cost(value: int) -> str:
    return f"{value:,}".replace(",", " ")


PROJECTS_PAGE = 10


@paged(staff_router, "projects", empty="projects-none")
async def projects_list(ctx: Ctx, at: PageCb) -> Listed:
    """The initiative budget's projects of the staff's districts, by status, newest first."""
    seen = districts_seen(ctx.actor)
    pages = Pages.of(await ctx.votes.count_projects(seen), at.page, PROJECTS_PAGE)
    rows: Rows = [
        [
            (
                ctx.i18n.get(
                    "projects-line",
                    status=ctx.i18n.get(f"project-status-{p.status.value}"),
                    title=p.title[:40],
                    cost=_cost(p.cost),
                ),
                ProjectCb(action="open", id=p.id),
            )
        ]
        for p in await ctx.votes.projects(seen, None, pages.offset, pages.size)
    ]
    return [ctx.i18n.get("projects-title")], rows, pages


@staff_router.callback_query(ProjectCb.filter(F.action == "open"))
async def project_card(callback: CallbackQuery, callback_data: ProjectCb, ctx: Ctx) -> None:
    project = may_change_project(ctx.actor, await ctx.votes.project(callback_data.id))
    rows: Rows = []
    if project.status is ProjectStatus.SHORTLISTED:
        rows.append([(ctx.i18n.get("project-to-vote"), ProjectCb(action="vote", id=project.id))])
    if project.status is ProjectStatus.WON:
        rows.append(
            [(ctx.i18n.get("project-progress"), ProjectCb(action="progress", id=project.id))]
        )
        rows.append([(ctx.i18n.get("project-done"), ProjectCb(action="done", id=project.id))])
    if project.photo and project.after_photo:
        rows.append([(ctx.i18n.get("project-photos"), ProjectCb(action="photos", id=project.id))])
    text = ctx.i18n.get(
        "project-card",
        title=html.escape(project.title),
        cost=_cost(project.cost),
        status=ctx.i18n.get("project-status-name", status=project.status.value),
        description=html.escape(project.description[:400]),
    )
    markup = closable(ctx.i18n, *rows, close="screen-close") if rows else None
    await tapped(callback).answer(text, reply_markup=markup)


@staff_router.callback_query(ProjectCb.filter(F.action == "vote"))
async def projects_to_vote(
    callback: CallbackQuery, callback_data: ProjectCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    project = may_change_project(ctx.actor, await ctx.votes.project(callback_data.id))
    shortlisted = sorted(
        await ctx.votes.projects([project.district_id], [ProjectStatus.SHORTLISTED]),
        key=lambda p: p.id,
    )[:10]
    if len(shortlisted) < MIN_OPTIONS:
        refuse("project-too-few")
    preset = {
        "scope": "district",
        "territory": _district_territory(ctx.directory, project.district_id),
        "question": ctx.i18n.get("project-vote-question"),
        "options": [f"{p.title[:120]} — {_cost(p.cost)} ₽" for p in shortlisted],
        "projects": [p.id for p in shortlisted],
    }
    await open_vote_form(tapped(callback), dialog_manager, preset)


@staff_router.callback_query(ProjectCb.filter(F.action.in_(("progress", "done"))))
async def project_news_start(
    callback: CallbackQuery, callback_data: ProjectCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    project = may_change_project(ctx.actor, await ctx.votes.project(callback_data.id))
    if project.status is not ProjectStatus.WON:
        refuse("project-not-won")
    action = callback_data.action
    await ask_text(
        dialog_manager,
        f"project-{action}",
        f"project-ask-{action}",
        project_id=project.id,
        photo=True,
    )


async def _project_news(
    message: Message, manager: DialogManager, args: dict[str, Any], done: bool
) -> bool:
    ctx = ctx_of(manager)
    project = may_change_project(ctx.actor, await ctx.votes.project(args["project_id"]))
    text = parse_text(message.caption or message.text, max_len=800, min_len=2)
    if done:
        await mark_done(ctx.audit, ctx.actor, project, ctx.now)
    elif project.status is not ProjectStatus.WON:
        raise InputError("project-not-won")
    if message.photo:
        project.after_photo = message.photo[-1].file_id
    key = "project-done-text" if done else "project-progress-text"
    button = {}
    if project.photo and project.after_photo:
        button = {
            "button_text": ctx.i18n.get("project-photos"),
            "button_data": ProjectCb(action="photos", id=project.id).pack(),
        }
    await queue_announcement(
        ctx,
        "project",
        project.id,
        "results",
        ctx.i18n.get(key, title=html.escape(project.title), text=html.escape(text)),
        photo=message.photo[-1].file_id if message.photo else None,
        **button,
    )
    await message.answer(ctx.i18n.get("project-progress-sent"))
    return True


answer_for("project-progress")(partial(_project_news, done=False))
answer_for("project-done")(partial(_project_news, done=True))


@router.callback_query(ProjectCb.filter(F.action == "photos"))
async def project_before_after(callback: CallbackQuery, callback_data: ProjectCb, ctx: Ctx) -> None:
    project = await ctx.votes.project(callback_data.id) or refuse()
    if not project.photo or not project.after_photo:
        refuse()
    await ctx.bot.send_media_group(
        ctx.user.id,
        media=[
            InputMediaPhoto(media=project.photo, caption=ctx.i18n.get("project-was")),
            InputMediaPhoto(media=project.after_photo, caption=ctx.i18n.get("project-became")),
        ],
    )
