"""«Идея или проблема»: residents send, support and follow them; staff answer (/ideas)."""

from __future__ import annotations

import html
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_i18n import I18nContext, LazyFilter

from bot.context import Ctx, ctx_of
from bot.keyboards.builders import Pages, Rows, closable, inline
from bot.keyboards.callbacks import IdeaCb, PageCb, ProjectCb
from bot.notify import tell, tell_rendered
from bot.permissions import districts_seen
from bot.services.ideas import (
    CATEGORIES,
    KINDS,
    MAX_ANSWER,
    MAX_ANSWER_DAYS,
    MAX_COMMENT,
    MAX_TEXT,
    STAFF_STATUSES,
    Author,
    add_to_idea,
    answer_days,
    check_daily_limit,
    confirm_solved,
    file_idea,
    inside_municipality,
    is_overdue,
    people_asked,
    rate_answer,
    reopen,
    set_answer_days,
    set_status,
    similar_nearby,
    support_idea,
    take_in_work,
)
from bot.services.on_behalf import behalf_of
from bot.services.validation import InputError, Refusal, parse_id, parse_text
from bot.views import edit_markup, person_name, send_album
from handlers.forms import (
    Listed,
    Reply,
    answer_for,
    answer_lines,
    ask_resume,
    ask_text,
    existing,
    form_data,
    go,
    menu_for,
    of_my_district,
    opens_form,
    paged,
    refuse,
    restart_with,
    say_error,
    start_form,
    take_place,
    tapped,
)
from handlers.ideas.states import IdeaAddition, IdeaForm
from storage.models import Caller, Idea, IdeaStatus
from storage.repositories.directory import Directory
from storage.repositories.ideas import OPEN

router = Router(name=__name__)
staff_router = Router(name=f"{__name__}.staff")


@router.message(Command("idea"))
@router.message(LazyFilter("menu-idea"))
async def idea_start(message: Message, dialog_manager: DialogManager) -> None:
    if dialog_manager.has_context():
        await ask_resume(dialog_manager, "idea")
        return
    await open_idea_form(dialog_manager)


async def open_idea_form(manager: DialogManager, carried: dict[str, Any] | None = None) -> None:
    """The form, empty, or with the text and photo of a message sent outside any form, or filled
    by staff for someone who phoned (`on_behalf`)."""
    ctx = ctx_of(manager)
    carried = carried or {}
    if not carried.get("on_behalf"):
        if not ctx.user.has_consent or ctx.user.district_id is None:
            refuse("idea-need-district")
        await check_daily_limit(ctx.ideas, ctx.user.id, ctx.tz)
    await start_form(manager, IdeaForm.kind, {"photos": [], **carried})


@restart_with("idea")
async def idea_again(callback: CallbackQuery, manager: DialogManager, args: dict[str, Any]) -> None:
    await open_idea_form(manager)


def _idea_text(i18n: I18nContext, idea: Idea, limit: int | None = None) -> str:
    """The text as HTML; its author may have deleted their data (/deleteme)."""
    if not idea.text:
        return i18n.get("idea-text-erased")
    return html.escape(idea.text[:limit] if limit else idea.text)


def _place_text(i18n: I18nContext, idea: Idea | dict[str, object]) -> str:
    address = idea.get("address") if isinstance(idea, dict) else idea.address
    return html.escape(str(address)) if address else i18n.get("idea-point")


@router.callback_query(IdeaCb.filter(F.action == "support"))
async def support(callback: CallbackQuery, callback_data: IdeaCb, ctx: Ctx) -> None:
    """«👍 Поддержать» on an item shown outside the form."""
    try:
        idea = await support_idea(ctx.ideas, callback_data.id, ctx.user, None)
    except InputError as exc:
        await callback.answer(ctx.i18n.get(exc.key, **exc.args_), show_alert=True)
        return
    await callback.answer(ctx.i18n.get("idea-supported", count=idea.supporters), show_alert=True)


SHOWN_TO_NEIGHBOURS = 8


@router.message(Command("ideas"))
async def district_ideas(message: Message, ctx: Ctx) -> None:
    """«💡 Идеи района» for residents: what neighbours raised, most supported first — to support
    instead of sending the same again."""
    await send_neighbours_ideas(message, ctx)


async def send_neighbours_ideas(reply: Reply, ctx: Ctx) -> None:
    district = ctx.directory.district(ctx.user.district_id)
    if district is None:
        refuse("idea-need-district")
    found = await ctx.ideas.of_district(district.id, "open", None, limit=SHOWN_TO_NEIGHBOURS)
    lines = [ctx.i18n.get("neighbours-title", district=html.escape(district.name))]
    rows: Rows = []
    for idea in found:
        lines.append(
            ctx.i18n.get(
                "neighbours-line",
                id=str(idea.id),
                supporters=idea.supporters,
                category=ctx.i18n.get(f"idea-cat-{idea.category}"),
                status=ctx.i18n.get(f"idea-status-{idea.status.value}"),
                text=_idea_text(ctx.i18n, idea, 60),
            )
        )
        row: list[tuple[str, CallbackData]] = []
        if idea.user_id != ctx.user.id:
            row.append(
                (
                    ctx.i18n.get("neighbours-support", id=str(idea.id)),
                    IdeaCb(action="support", id=idea.id),
                )
            )
        row.append(
            (ctx.i18n.get("neighbours-map", id=str(idea.id)), IdeaCb(action="map", id=idea.id))
        )
        rows.append(row)
    if not found:
        lines.append(ctx.i18n.get("neighbours-none"))
    await answer_lines(
        reply, lines, closable(ctx.i18n, *rows, close="screen-close") if rows else None
    )


@router.callback_query(IdeaCb.filter(F.action == "map"))
async def idea_on_map(callback: CallbackQuery, callback_data: IdeaCb, ctx: Ctx) -> None:
    """Where an item is: its point on the map, or its address."""
    idea = existing(await ctx.ideas.get(callback_data.id))
    if idea.lat is not None and idea.lon is not None:
        await tapped(callback).answer_location(idea.lat, idea.lon)
    else:
        await tapped(callback).answer(_place_text(ctx.i18n, idea))


async def show_neighbours(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    """«💡 Идеи района» from the form's first window: the list comes, the form stays below it."""
    ctx = ctx_of(manager)
    await send_neighbours_ideas(tapped(cb), ctx)
    manager.show_mode = ShowMode.SEND


def idea_card(
    i18n: I18nContext, idea: Idea, directory: Directory, caller: Caller | None = None
) -> str:
    """The staff's card of an item (of their district: the caller's name and phone are theirs
    to see, to answer by phone)."""
    district = directory.district(idea.district_id)
    text = i18n.get(
        "idea-card",
        id=idea.id,
        kind=i18n.get(f"idea-kind-{idea.kind}"),
        category=i18n.get(f"idea-cat-{idea.category}"),
        status=i18n.get(f"idea-status-{idea.status.value}"),
        district=html.escape(district.name if district else ""),
        place=_place_text(i18n, idea),
        text=_idea_text(i18n, idea),
        supporters=idea.supporters,
    )
    if idea.answer:
        text += "\n" + i18n.get("idea-card-answer", answer=html.escape(idea.answer))
    if idea.resident_comment:  # «не решено», in the author's words
        text += "\n" + i18n.get(
            "idea-card-reopened", times=idea.reopened, comment=html.escape(idea.resident_comment)
        )
    if idea.rating:
        text += "\n" + i18n.get("idea-card-rating", rating=idea.rating)
    if idea.after_photo:
        text += "\n" + i18n.get("idea-card-after-photo")
    if idea.entered_by:
        text += "\n" + i18n.get("idea-card-entered")
    if caller is not None:
        text += "\n" + i18n.get(
            "idea-card-caller", name=html.escape(caller.full_name), phone=caller.phone
        )
    return text


MY_IDEAS_PAGE = 5  # a line may carry staff's answer


@paged(router, "myideas", empty="myideas-empty")
async def my_ideas(ctx: Ctx, at: PageCb) -> Listed:
    pages = Pages.of(await ctx.ideas.count_of_user(ctx.user.id), at.page, MY_IDEAS_PAGE)
    found = await ctx.ideas.of_user(ctx.user.id, pages.offset, pages.size)
    lines = [ctx.i18n.get("myideas-title")]
    rows: Rows = [
        [(ctx.i18n.get("myideas-add", id=str(i.id)), IdeaCb(action="add", id=i.id))]
        for i in found
        if i.status in OPEN
    ]
    for idea in found:
        answer = (
            ctx.i18n.get("myideas-answer", answer=html.escape(idea.answer)) if idea.answer else ""
        )
        lines.append(
            ctx.i18n.get(
                "myideas-line",
                id=idea.id,
                category=ctx.i18n.get(f"idea-cat-{idea.category}"),
                status=ctx.i18n.get(f"idea-status-{idea.status.value}"),
                answer=answer,
            )
        )
    return lines, rows, pages


@router.callback_query(IdeaCb.filter(F.action == "add"))
async def addition_start(
    callback: CallbackQuery, callback_data: IdeaCb, dialog_manager: DialogManager, ctx: Ctx) -> None:  # fmt: skip
    """«➕ Добавить» under one of my items: a photo or a few words more."""
    idea = await ctx.ideas.get(callback_data.id)
    if idea is None or idea.user_id != ctx.user.id:
        refuse()
    await open_addition(dialog_manager, idea=idea.id)


open_addition = opens_form("idea-addition", IdeaAddition.add)


async def on_addition(message: Message, widget: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    photo = (message.photo[-1].file_id, message.photo[-1].file_unique_id) if message.photo else None
    if photo is None and message.text is None:
        refuse("idea-add-ask")
    try:
        idea = await add_to_idea(
            ctx.ideas, form_data(manager)["idea"], ctx.user.id, message.text, photo
        )
    except InputError as exc:
        await say_error(manager, exc)
        if isinstance(exc, Refusal):
            await manager.done()
        return
    await manager.done()
    await message.answer(ctx.i18n.get("idea-added", id=str(idea.id)))


# --- staff --------------------------------------------------------------------------------------

FILTERS = ("open", "new", "accepted", "in_progress", "resolved", "rejected")
IDEAS_PAGE = 10


@staff_router.message(Command("ideas"))
@staff_router.message(LazyFilter("menu-district-ideas"))
async def ideas_list(message: Message, ctx: Ctx, command: CommandObject | None = None) -> None:
    wanted = ((command.args if command else None) or "open").strip()
    status = wanted if wanted in FILTERS else "open"
    await _send_list(message, ctx, status)


@staff_router.callback_query(IdeaCb.filter(F.action == "filter"))
async def ideas_filter(callback: CallbackQuery, callback_data: IdeaCb, ctx: Ctx) -> None:
    status = callback_data.value if callback_data.value in FILTERS else "open"
    await _send_list(tapped(callback), ctx, status, callback_data.id)  # id: the page


async def _send_list(message: Reply, ctx: Ctx, status: str, asked: int = 0) -> None:
    """Ten items a page, overdue first; «◀️ ▶️» and the filters under the last message."""
    seen = districts_seen(ctx.actor)  # None: every district (admins)
    scope = None if seen is None else (seen[0] if seen else -1)
    district = ctx.directory.district(scope) if scope else None
    pages = Pages.of(await ctx.ideas.count_of_district(scope, status), asked, IDEAS_PAGE)
    found = await ctx.ideas.of_district(
        scope, status, None, limit=IDEAS_PAGE, now=ctx.now, offset=pages.offset
    )
    name = (
        ctx.i18n.get("ideas-filter-open")
        if status == "open"
        else ctx.i18n.get(f"idea-status-{status}")
    )
    lines = [
        ctx.i18n.get(
            "ideas-title",
            district=html.escape(
                district.name if district else ctx.i18n.get("stats-all-districts")
            ),
            filter=name,
        )
    ]
    rows: Rows = []
    for idea in found:
        lines.append(
            ctx.i18n.get(
                "ideas-line",
                id=idea.id,
                supporters=idea.supporters,
                category=ctx.i18n.get(f"idea-cat-{idea.category}"),
                text=_idea_text(ctx.i18n, idea, 60),
                late="⏰ " if is_overdue(idea, ctx.now) else "",
            )
        )
        rows.append([(ctx.i18n.get("ideas-open", id=idea.id), IdeaCb(action="open", id=idea.id))])
    if not found:
        lines.append(ctx.i18n.get("ideas-none"))
    lines += pages.line(ctx.i18n)
    rows += pages.nav(ctx.i18n, lambda n: IdeaCb(action="filter", id=n, value=status))
    rows.append(
        [
            (
                ctx.i18n.get("ideas-filter-open")
                if f == "open"
                else ctx.i18n.get(f"idea-status-{f}"),
                IdeaCb(action="filter", id=0, value=f),
            )
            for f in FILTERS[:3]
        ]
    )
    rows.append(
        [
            (ctx.i18n.get(f"idea-status-{f}"), IdeaCb(action="filter", id=0, value=f))
            for f in FILTERS[3:]
        ]
    )
    await answer_lines(message, lines, closable(ctx.i18n, *rows, close="screen-close"))


@staff_router.callback_query(IdeaCb.filter(F.action == "open"))
async def idea_open(callback: CallbackQuery, callback_data: IdeaCb, ctx: Ctx) -> None:
    idea = of_my_district(
        await ctx.ideas.get(callback_data.id), ctx.actor, "ideas-not-your-district"
    )
    if idea.lat is not None and idea.lon is not None:
        await ctx.bot.send_location(ctx.user.id, idea.lat, idea.lon)
    rows: Rows = [
        [
            (ctx.i18n.get(f"idea-status-{s}"), IdeaCb(action="status", id=idea.id, value=s))
            for s in STAFF_STATUSES[:2]
        ],
        [
            (ctx.i18n.get(f"idea-status-{s}"), IdeaCb(action="status", id=idea.id, value=s))
            for s in STAFF_STATUSES[2:]
        ],
        [(ctx.i18n.get("ideas-move"), IdeaCb(action="move", id=idea.id))],
        [(ctx.i18n.get("project-make"), ProjectCb(action="make", id=idea.id))],
    ]
    await send_album(
        ctx.bot,
        ctx.user.id,
        [p.file_id for p in idea.photos],
        idea_card(ctx.i18n, idea, ctx.directory, await ctx.users.caller(idea.caller_id)),
        closable(ctx.i18n, *rows, close="screen-close"),
    )


@staff_router.message(Command("deadlines"))
async def deadlines(message: Message, ctx: Ctx) -> None:
    """A city admin sets how many working days staff have to answer, by category."""
    if not ctx.actor.is_city_admin:
        refuse("deadlines-city-only")
    days = await answer_days(ctx.session)
    rows: Rows = [
        [
            (
                ctx.i18n.get(
                    "deadlines-button", category=ctx.i18n.get(f"idea-cat-{c}"), days=days[c]
                ),
                IdeaCb(action="days", id=0, value=c),
            )
        ]
        for c in CATEGORIES
    ]
    markup = closable(ctx.i18n, *rows, close="screen-close")
    await message.answer(ctx.i18n.get("deadlines-title"), reply_markup=markup)


@staff_router.callback_query(IdeaCb.filter(F.action == "days"))
async def deadline_ask(
    callback: CallbackQuery, callback_data: IdeaCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    if not ctx.actor.is_city_admin or callback_data.value not in CATEGORIES:
        refuse()
    category = ctx.i18n.get(f"idea-cat-{callback_data.value}")
    await ask_text(
        dialog_manager,
        "idea-deadline",
        "deadlines-ask",
        code=callback_data.value,
        category=category,
        most=MAX_ANSWER_DAYS,
    )


@answer_for("idea-deadline")
async def deadline_answer(message: Message, manager: DialogManager, args: dict[str, Any]) -> bool:
    ctx = ctx_of(manager)
    try:
        days = await set_answer_days(ctx.session, ctx.audit, ctx.actor, args["code"], message.text)
    except InputError as exc:
        await say_error(manager, exc)
        return isinstance(exc, Refusal)
    await message.answer(ctx.i18n.get("deadlines-saved", category=args["category"], days=days))
    return True


@staff_router.callback_query(IdeaCb.filter(F.action == "take"))
async def take(callback: CallbackQuery, callback_data: IdeaCb, ctx: Ctx) -> None:
    """«🛠 Взять в работу» under a new problem: it is in work, its author is told who has it."""
    idea = of_my_district(
        await ctx.ideas.get(callback_data.id), ctx.actor, "ideas-not-your-district"
    )
    taken = await take_in_work(ctx.ideas, ctx.audit, ctx.actor, idea)
    if not taken:
        holder = await ctx.users.get(idea.taken_by) if idea.taken_by else None
        status = ctx.i18n.get(f"idea-status-{idea.status.value}")
        refuse(
            "idea-already-taken",
            id=str(idea.id),
            status=status,
            who=person_name(holder) if holder else "—",
        )
    await callback.answer(ctx.i18n.get("idea-taken-staff", id=str(idea.id)))
    await edit_markup(callback, None)
    await tell(ctx, idea.user_id, "idea-taken-author", id=str(idea.id))


@staff_router.callback_query(IdeaCb.filter(F.action == "status"))
async def status_ask(
    callback: CallbackQuery, callback_data: IdeaCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    idea = of_my_district(
        await ctx.ideas.get(callback_data.id), ctx.actor, "ideas-not-your-district"
    )
    if callback_data.value not in STAFF_STATUSES:
        refuse()
    prompt = "ideas-ask-reason" if callback_data.value == "rejected" else "ideas-ask-answer"
    status = ctx.i18n.get(f"idea-status-{callback_data.value}")
    resolved = callback_data.value == "resolved"  # a photo «после» may come with the answer
    await ask_text(
        dialog_manager,
        "idea-status",
        "ideas-ask-answer-photo" if resolved else prompt,
        idea=idea.id,
        code=callback_data.value,
        status=status,
        photo=resolved,
        max=MAX_ANSWER,
    )


@answer_for("idea-status")
async def status_answer(message: Message, manager: DialogManager, args: dict[str, Any]) -> bool:
    ctx = ctx_of(manager)
    answer = parse_text(message.text or message.caption, max_len=MAX_ANSWER, min_len=3)
    after = message.photo[-1].file_id if message.photo else None  # «после», with «решено»
    try:
        idea = await set_status(
            ctx.ideas, ctx.audit, ctx.actor, ctx.user.id, args["idea"], args["code"], answer, after
        )
    except InputError as exc:
        await message.answer(ctx.i18n.get(exc.key, **exc.args_))
        return True
    status = ctx.i18n.get(f"idea-status-{idea.status.value}")
    await message.answer(ctx.i18n.get("ideas-status-set", id=idea.id, status=status))
    resolved = idea.status is IdeaStatus.RESOLVED
    for person_id in await people_asked(ctx.ideas, idea):  # the author, then the supporters

        def render(t: I18nContext, author: bool = person_id == idea.user_id) -> Any:
            key = "idea-status-changed" if author else "idea-status-supporter"
            status = t.get(f"idea-status-{idea.status.value}")
            text = t.get(key, id=str(idea.id), status=status, answer=" " + html.escape(answer))
            if not resolved:
                return text, None
            question = inline(
                [
                    (t.get("idea-solved-yes"), IdeaCb(action="solved", id=idea.id, value="yes")),
                    (t.get("idea-solved-no"), IdeaCb(action="solved", id=idea.id, value="no")),
                ]
            )
            return f"{text}\n\n{t.get('idea-solved-question')}", question

        await tell_rendered(ctx, await ctx.users.get(person_id), render, after)
    return True


@router.callback_query(IdeaCb.filter(F.action == "solved"))
async def solved_answer(
    callback: CallbackQuery, callback_data: IdeaCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    """«Проблема решена?» — «Да» (the author then rates the answer) or «Нет» with a comment."""
    if callback_data.value == "no":
        await confirm_solved(ctx.ideas, callback_data.id, ctx.user.id, solved=False)  # may refuse
        await ask_text(
            dialog_manager,
            "idea-reopen",
            "idea-ask-what-wrong",
            idea=callback_data.id,
            max=MAX_COMMENT,
        )
        return
    idea = await confirm_solved(ctx.ideas, callback_data.id, ctx.user.id, solved=True)
    await edit_markup(callback, None)
    if idea.user_id != ctx.user.id:
        await tapped(callback).answer(ctx.i18n.get("idea-solved-thanks"))
        return
    stars = [(f"{'⭐' * n}", IdeaCb(action="rate", id=idea.id, value=str(n))) for n in range(1, 6)]
    await tapped(callback).answer(
        ctx.i18n.get("idea-rate-ask"), reply_markup=inline(stars[:3], stars[3:])
    )


@answer_for("idea-reopen")
async def reopen_answer(message: Message, manager: DialogManager, args: dict[str, Any]) -> bool:
    ctx = ctx_of(manager)
    try:
        idea = await reopen(
            ctx.ideas, ctx.audit, args["idea"], ctx.user.id, message.text,
            ctx.tz,
        )  # fmt: skip
    except InputError as exc:
        await say_error(manager, exc)
        return isinstance(exc, Refusal)
    await message.answer(ctx.i18n.get("idea-reopened", id=str(idea.id)))
    return True


@router.callback_query(IdeaCb.filter(F.action == "rate"))
async def rate(callback: CallbackQuery, callback_data: IdeaCb, ctx: Ctx) -> None:
    idea = await rate_answer(
        ctx.ideas, callback_data.id, ctx.user.id, int(parse_id(callback_data.value) or 0)
    )
    await callback.answer(ctx.i18n.get("idea-rated", rating=idea.rating or 0))
    await edit_markup(callback, None)


@staff_router.callback_query(IdeaCb.filter(F.action == "move"))
async def move_ask(callback: CallbackQuery, callback_data: IdeaCb, ctx: Ctx) -> None:
    idea = of_my_district(
        await ctx.ideas.get(callback_data.id), ctx.actor, "ideas-not-your-district"
    )
    here = ctx.directory.district(idea.district_id)
    assert here is not None
    rows: Rows = [
        [(d.name, IdeaCb(action="moveto", id=idea.id, value=str(d.id)))]
        for d in ctx.directory.districts(here.municipality_id)
        if d.id != idea.district_id
    ]
    await tapped(callback).answer(
        ctx.i18n.get("ideas-choose-district"), reply_markup=closable(ctx.i18n, *rows)
    )


@staff_router.callback_query(IdeaCb.filter(F.action == "moveto"))
async def move_to(callback: CallbackQuery, callback_data: IdeaCb, ctx: Ctx) -> None:
    idea = of_my_district(
        await ctx.ideas.get(callback_data.id), ctx.actor, "ideas-not-your-district"
    )
    target = existing(ctx.directory.district(parse_id(callback_data.value)))
    idea.district_id = target.id
    await ctx.audit.write(
        ctx.user.id, "idea.move", idea.user_id, idea=idea.id, district=target.code
    )
    await tapped(callback).answer(
        ctx.i18n.get("ideas-moved", id=idea.id, district=html.escape(target.name))
    )


# --- The form's answers -------------------------------------------------------------------------


async def on_kind(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    if item not in KINDS:
        refuse("button-stale")
    form_data(manager)["kind"] = item
    await go(manager, IdeaForm.category)


async def on_category(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    if item not in CATEGORIES:
        refuse("button-stale")
    form_data(manager)["category"] = item
    await go(manager, IdeaForm.place)


async def on_place(message: Message, widget: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    municipality_id = ctx.user.municipality_id
    if draft.get("on_behalf"):  # the caller's city: the district's
        district = ctx.directory.district(draft["on_behalf"]["district_id"])
        municipality_id = district.municipality_id if district else None

    def inside(lat: float, lon: float) -> bool:
        return inside_municipality(ctx.directory, municipality_id, lat, lon)

    if not await take_place(manager, message, "address", "idea-ask-place", inside, "idea-outside"):
        return
    # Text carried in from a message sent outside any form: straight on to the photos.
    await go(manager, IdeaForm.photos if draft.get("text") else IdeaForm.text)


async def on_text(message: Message, widget: Any, manager: DialogManager) -> None:
    form_data(manager)["text"] = parse_text(message.text, max_len=MAX_TEXT, min_len=3)
    await go(manager, IdeaForm.photos)


async def photos_done(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    await go(manager, IdeaForm.summary)


async def submit(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    """«Отправить»: first the open items of the same kind next to the point, if any."""
    ctx = ctx_of(manager)
    if form_data(manager).get("on_behalf"):  # staff filling in for a caller support nothing
        await send_anyway(cb, button, manager)
        return
    similar = await similar_nearby(
        ctx.ideas, ctx.directory, ctx.user.district_id, form_data(manager)
    )
    if similar:
        form_data(manager)["similar"] = [i.id for i in similar]
        await go(manager, IdeaForm.nearby)
        return
    await send_anyway(cb, button, manager)


async def send_anyway(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    author = behalf_of(ctx.actor, draft) or Author(ctx.user.id, ctx.user.district_id)
    idea = await file_idea(ctx.ideas, author, draft, ctx.tz)
    await manager.done()
    if author.entered_by is not None:
        await tapped(cb).answer(
            ctx.i18n.get(
                "behalf-idea-sent", id=idea.id, person=html.escape(draft.get("person", ""))
            )
        )
        await tell(ctx, author.user_id, "behalf-idea-told", id=str(idea.id))
        return
    await tapped(cb).answer(ctx.i18n.get("idea-sent", id=idea.id), reply_markup=menu_for(ctx))


async def support_instead(
    cb: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    """A similar item supported instead of sending a duplicate."""
    draft = form_data(manager)
    ctx = ctx_of(manager)
    if not item.isdigit() or int(item) not in draft.get("similar", []):
        raise InputError("button-stale")
    idea = await support_idea(ctx.ideas, int(item), ctx.user, (draft["lat"], draft["lon"]))
    await manager.done()
    await tapped(cb).answer(
        ctx.i18n.get("idea-supported", count=idea.supporters), reply_markup=menu_for(ctx)
    )
