"""«Идея или проблема»: residents send, support and follow them; staff answer (/ideas)."""

from __future__ import annotations

import html
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext, LazyFilter

from bot.config import Settings
from bot.filters.content import Has
from bot.filters.roles import IsStaff
from bot.keyboards.builders import MAIN_MENU_KEYS, inline, main_menu
from bot.keyboards.callbacks import IdeaCb
from bot.keyboards.wizard import ChoiceCb, cancel_only, choices, text_step
from bot.notify import tell
from bot.permissions import Actor, districts_seen, may_moderate
from bot.photos import collect_photo, forget_photo_status, refuse_non_photos
from bot.services.geo import distance_km
from bot.services.ideas import (
    CATEGORIES,
    KINDS,
    MAX_PHOTOS,
    MAX_TEXT,
    MUNICIPALITY_RADIUS_KM,
    PER_DAY,
    STAFF_STATUSES,
    may_support,
    nearby,
)
from bot.services.validation import InputError, parse_id, parse_text
from bot.views import send_album
from bot.wizard import WizardCb
from handlers.states import IdeaForm, IdeasStaff
from storage.models import Idea, IdeaPhoto, IdeaStatus, User
from storage.repositories.audit import AuditRepository
from storage.repositories.directory import Directory
from storage.repositories.ideas import OPEN, IdeaRepository
from storage.repositories.users import UserRepository

router = Router(name=__name__)
staff_router = Router(name=f"{__name__}.staff")
staff_router.message.filter(IsStaff())
staff_router.callback_query.filter(IsStaff())

WZ = "idea"


def _day_start(settings: Settings) -> datetime:
    tz = ZoneInfo(settings.timezone)
    return datetime.combine(datetime.now(tz).date(), time(), tzinfo=tz).astimezone(UTC)


async def _over_limit(user: User, ideas: IdeaRepository, settings: Settings) -> bool:
    return await ideas.count_since(user.id, _day_start(settings)) >= PER_DAY


def _photos_markup(i18n: I18nContext, has_photos: bool) -> InlineKeyboardMarkup:
    key = "wizard-done-button" if has_photos else "idea-no-photos"
    return inline(
        [(i18n.get(key), WizardCb(wizard=WZ, action="done"))],
        [(i18n.get("wizard-cancel"), WizardCb(wizard=WZ, action="cancel"))],
    )


@router.message(Command("idea"))
@router.message(StateFilter(None), LazyFilter("menu-idea"))
async def idea_start(
    message: Message,
    user: User,
    state: FSMContext,
    ideas: IdeaRepository,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    if not user.has_consent or user.district_id is None:
        await message.answer(i18n.get("idea-need-district"))
        return
    if await _over_limit(user, ideas, settings):
        await message.answer(i18n.get("idea-limit", limit=PER_DAY))
        return
    await state.set_state(IdeaForm.kind)
    await state.set_data({"photos": []})
    await message.answer(i18n.get("idea-ask-kind"), reply_markup=cancel_only(i18n))
    await message.answer(
        i18n.get("idea-ask-kind"),
        reply_markup=choices(
            i18n,
            WZ,
            "kind",
            [(i18n.get(f"idea-kind-{k}"), k) for k in KINDS],
            per_row=2,
            back=False,
        ),
    )


@router.callback_query(
    StateFilter(IdeaForm.kind), ChoiceCb.filter((F.wizard == WZ) & (F.step == "kind"))
)
async def kind_chosen(
    callback: CallbackQuery, callback_data: ChoiceCb, state: FSMContext, i18n: I18nContext
) -> None:
    if callback_data.value not in KINDS or not isinstance(callback.message, Message):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    await state.update_data(kind=callback_data.value)
    await state.set_state(IdeaForm.category)
    options = [(i18n.get(f"idea-cat-{c}"), c) for c in CATEGORIES]
    await callback.message.answer(
        i18n.get("idea-ask-category"),
        reply_markup=choices(i18n, WZ, "category", options, per_row=2),
    )


@router.callback_query(
    IdeaForm.category, ChoiceCb.filter((F.wizard == WZ) & (F.step == "category"))
)
async def category_chosen(
    callback: CallbackQuery, callback_data: ChoiceCb, state: FSMContext, i18n: I18nContext
) -> None:
    if callback_data.value not in CATEGORIES or not isinstance(callback.message, Message):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    await state.update_data(category=callback_data.value)
    await state.set_state(IdeaForm.place)
    await callback.message.answer(i18n.get("idea-ask-place"), reply_markup=text_step(i18n, WZ))


@router.callback_query(
    StateFilter(IdeaForm.category, IdeaForm.place),
    WizardCb.filter((F.wizard == WZ) & (F.action == "back")),
)
async def back(callback: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await callback.answer()
    if not isinstance(callback.message, Message):
        return
    if await state.get_state() == IdeaForm.place.state:
        await state.set_state(IdeaForm.category)
        options = [(i18n.get(f"idea-cat-{c}"), c) for c in CATEGORIES]
        await callback.message.answer(
            i18n.get("idea-ask-category"),
            reply_markup=choices(i18n, WZ, "category", options, per_row=2),
        )
    else:
        await state.set_state(IdeaForm.kind)
        await callback.message.answer(
            i18n.get("idea-ask-kind"),
            reply_markup=choices(
                i18n,
                WZ,
                "kind",
                [(i18n.get(f"idea-kind-{k}"), k) for k in KINDS],
                per_row=2,
                back=False,
            ),
        )


@router.message(StateFilter(IdeaForm.place, IdeaForm.text), LazyFilter(*MAIN_MENU_KEYS))
async def menu_text_in_form(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("input-menu-text"))


@router.message(StateFilter(IdeaForm.place), Has(F.location))
async def place_point(
    message: Message, user: User, state: FSMContext, directory: Directory, i18n: I18nContext
) -> None:
    assert message.location is not None
    municipality = directory.municipality(user.municipality_id)
    lat, lon = message.location.latitude, message.location.longitude
    if municipality is None or not _inside(municipality, directory, lat, lon):
        await message.answer(i18n.get("idea-outside"))
        return
    await state.update_data(lat=lat, lon=lon, address=None)
    await state.set_state(IdeaForm.text)
    await message.answer(i18n.get("idea-ask-text"))


def _inside(municipality, directory: Directory, lat: float, lon: float) -> bool:  # type: ignore[no-untyped-def]
    """Within reach of the municipality's districts (their approximate centres)."""
    points = [
        (d.lat, d.lon)
        for d in directory.districts(municipality.id)
        if d.lat is not None and d.lon is not None
    ]
    return any(distance_km(lat, lon, a, b) <= MUNICIPALITY_RADIUS_KM for a, b in points)  # type: ignore[arg-type]


@router.message(StateFilter(IdeaForm.place), Has(F.text))
async def place_text(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    try:
        address = parse_text(message.text, max_len=300, min_len=3, letters=True)
    except InputError as exc:
        await message.answer(i18n.get(exc.key, **exc.args_))
        return
    await state.update_data(address=address, lat=None, lon=None)
    await state.set_state(IdeaForm.text)
    await message.answer(i18n.get("idea-ask-text"))


@router.message(StateFilter(IdeaForm.place))
async def place_other(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("idea-ask-place"))


@router.message(StateFilter(IdeaForm.text), Has(F.text))
async def text_given(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    try:
        text = parse_text(message.text, max_len=MAX_TEXT, min_len=3)
    except InputError as exc:
        await message.answer(i18n.get(exc.key, **exc.args_))
        return
    await state.update_data(text=text)
    await state.set_state(IdeaForm.photos)
    await message.answer(i18n.get("idea-ask-photos"), reply_markup=_photos_markup(i18n, False))


@router.message(StateFilter(IdeaForm.text))
async def text_needed(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("input-need-text"))


@router.message(StateFilter(IdeaForm.photos), Has(F.photo))
async def photo(message: Message, bot: Bot, state: FSMContext, i18n: I18nContext) -> None:
    await collect_photo(message, bot, state, i18n, MAX_PHOTOS, _photos_markup(i18n, True))


refuse_non_photos(router, IdeaForm.photos)


def _idea_text(i18n: I18nContext, idea: Idea, limit: int | None = None) -> str:
    """The text as HTML; its author may have deleted their data (/deleteme)."""
    if not idea.text:
        return i18n.get("idea-text-erased")
    return html.escape(idea.text[:limit] if limit else idea.text)


def _place_text(i18n: I18nContext, idea: Idea | dict[str, object]) -> str:
    address = idea.get("address") if isinstance(idea, dict) else idea.address
    return html.escape(str(address)) if address else i18n.get("idea-point")


@router.callback_query(
    StateFilter(IdeaForm.photos), WizardCb.filter((F.wizard == WZ) & (F.action == "done"))
)
async def photos_done(callback: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await callback.answer()
    data = await state.get_data()
    forget_photo_status(data)
    await state.set_data(data)
    await state.set_state(IdeaForm.summary)
    if isinstance(callback.message, Message):
        await callback.message.answer(
            i18n.get(
                "idea-summary",
                kind=i18n.get(f"idea-kind-{data['kind']}"),
                category=i18n.get(f"idea-cat-{data['category']}"),
                place=_place_text(i18n, data),
                text=html.escape(data["text"]),
                photos=len(data.get("photos", [])),
            ),
            reply_markup=inline(
                [(i18n.get("wizard-send"), WizardCb(wizard=WZ, action="submit"))],
                [(i18n.get("wizard-cancel"), WizardCb(wizard=WZ, action="cancel"))],
            ),
        )


@router.callback_query(
    StateFilter(IdeaForm.summary), WizardCb.filter((F.wizard == WZ) & (F.action == "submit"))
)
@router.callback_query(StateFilter(IdeaForm.summary), IdeaCb.filter(F.action == "send"))
async def submit(
    callback: CallbackQuery,
    callback_data: WizardCb | IdeaCb,
    user: User,
    state: FSMContext,
    ideas: IdeaRepository,
    directory: Directory,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    data = await state.get_data()
    if not isinstance(callback.message, Message):
        return
    if await _over_limit(user, ideas, settings):
        await callback.answer(i18n.get("idea-limit", limit=PER_DAY), show_alert=True)
        return
    if isinstance(callback_data, WizardCb) and data.get("lat") is not None:
        district = directory.district(user.district_id)
        districts = (
            [d.id for d in directory.districts(district.municipality_id)] if district else []
        )
        close = nearby(
            data["lat"], data["lon"], await ideas.open_with_points(districts, data["category"])
        )
        if close:
            await callback.answer()
            lines = [i18n.get("idea-nearby", count=len(close))]
            lines += [
                i18n.get(
                    "idea-nearby-line",
                    id=i.id,
                    text=_idea_text(i18n, i, 80),
                    supporters=i.supporters,
                )
                for i in close
            ]
            rows: list[list[tuple[str, CallbackData]]] = [
                [(i18n.get("idea-support", id=i.id), IdeaCb(action="support", id=i.id))]
                for i in close
            ]
            rows.append([(i18n.get("idea-send-anyway"), IdeaCb(action="send", id=0))])
            await callback.message.answer("\n".join(lines), reply_markup=inline(*rows))
            return
    await callback.answer()
    idea = await ideas.add(
        Idea(
            user_id=user.id,
            kind=data["kind"],
            category=data["category"],
            district_id=user.district_id,
            address=data.get("address"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            text=data["text"],
            status=IdeaStatus.NEW,
            photos=[
                IdeaPhoto(position=i, file_id=p["file_id"], file_unique_id=p["unique"])
                for i, p in enumerate(data.get("photos", []), start=1)
            ],
        )
    )
    await state.clear()
    await callback.message.answer(i18n.get("idea-sent", id=idea.id), reply_markup=main_menu(i18n))


@router.callback_query(WizardCb.filter((F.wizard == WZ) & (F.action == "submit")))
@router.callback_query(IdeaCb.filter(F.action == "send"))
async def submit_again(callback: CallbackQuery, i18n: I18nContext) -> None:
    await callback.answer(i18n.get("idea-already-sent"), show_alert=True)


@router.callback_query(IdeaCb.filter(F.action == "support"))
async def support(
    callback: CallbackQuery,
    callback_data: IdeaCb,
    user: User,
    state: FSMContext,
    ideas: IdeaRepository,
    i18n: I18nContext,
) -> None:
    idea = await ideas.get(callback_data.id)
    if idea is None:
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    if idea.user_id == user.id:
        await callback.answer(i18n.get("idea-support-own"), show_alert=True)
        return
    data = await state.get_data() if await state.get_state() == IdeaForm.summary.state else {}
    filing_at = (data["lat"], data["lon"]) if data.get("lat") is not None else None
    if not may_support(idea, user.district_id, filing_at):
        await callback.answer(i18n.get("idea-support-elsewhere"), show_alert=True)
        return
    if idea.status not in OPEN:
        await callback.answer(i18n.get("idea-support-closed"), show_alert=True)
        return
    if not await ideas.support(idea, user.id):
        await callback.answer(i18n.get("idea-support-twice", id=idea.id), show_alert=True)
        return
    if await state.get_state() == IdeaForm.summary.state:
        await state.clear()  # supported instead of sending a duplicate
        if isinstance(callback.message, Message):
            await callback.message.answer(
                i18n.get("idea-supported", count=idea.supporters), reply_markup=main_menu(i18n)
            )
    await callback.answer(i18n.get("idea-supported", count=idea.supporters), show_alert=True)


def idea_card(i18n: I18nContext, idea: Idea, directory: Directory) -> str:
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
    return text


@router.message(Command("myideas"))
async def my_ideas(message: Message, user: User, ideas: IdeaRepository, i18n: I18nContext) -> None:
    found = await ideas.of_user(user.id)
    if not found:
        await message.answer(i18n.get("myideas-empty"))
        return
    lines = [i18n.get("myideas-title")]
    for idea in found:
        answer = i18n.get("myideas-answer", answer=html.escape(idea.answer)) if idea.answer else ""
        lines.append(
            i18n.get(
                "myideas-line",
                id=idea.id,
                category=i18n.get(f"idea-cat-{idea.category}"),
                status=i18n.get(f"idea-status-{idea.status.value}"),
                answer=answer,
            )
        )
    await message.answer("\n".join(lines))


# --- staff --------------------------------------------------------------------------------------

FILTERS = ("open", "new", "accepted", "in_progress", "resolved", "rejected")


@staff_router.message(Command("ideas"))
async def ideas_list(
    message: Message,
    actor: Actor,
    command: CommandObject,
    directory: Directory,
    ideas: IdeaRepository,
    i18n: I18nContext,
) -> None:
    wanted = (command.args or "open").strip()
    status = wanted if wanted in FILTERS else "open"
    await _send_list(message, actor, status, directory, ideas, i18n)


@staff_router.callback_query(IdeaCb.filter(F.action == "filter"))
async def ideas_filter(
    callback: CallbackQuery,
    actor: Actor,
    callback_data: IdeaCb,
    directory: Directory,
    ideas: IdeaRepository,
    i18n: I18nContext,
) -> None:
    await callback.answer()
    if isinstance(callback.message, Message):
        status = callback_data.value if callback_data.value in FILTERS else "open"
        await _send_list(callback.message, actor, status, directory, ideas, i18n)


async def _send_list(
    message: Message,
    actor: Actor,
    status: str,
    directory: Directory,
    ideas: IdeaRepository,
    i18n: I18nContext,
) -> None:
    seen = districts_seen(actor)  # None: every district (admins)
    scope = None if seen is None else (seen[0] if seen else -1)
    district = directory.district(scope) if scope else None
    found = await ideas.of_district(scope, status, None)
    name = i18n.get("ideas-filter-open") if status == "open" else i18n.get(f"idea-status-{status}")
    lines = [
        i18n.get(
            "ideas-title",
            district=html.escape(district.name if district else i18n.get("stats-all-districts")),
            filter=name,
        )
    ]
    rows: list[list[tuple[str, CallbackData]]] = []
    for idea in found:
        lines.append(
            i18n.get(
                "ideas-line",
                id=idea.id,
                supporters=idea.supporters,
                category=i18n.get(f"idea-cat-{idea.category}"),
                text=_idea_text(i18n, idea, 60),
            )
        )
        rows.append([(i18n.get("ideas-open", id=idea.id), IdeaCb(action="open", id=idea.id))])
    if not found:
        lines.append(i18n.get("ideas-none"))
    rows.append(
        [
            (
                i18n.get("ideas-filter-open") if f == "open" else i18n.get(f"idea-status-{f}"),
                IdeaCb(action="filter", id=0, value=f),
            )
            for f in FILTERS[:3]
        ]
    )
    rows.append(
        [
            (i18n.get(f"idea-status-{f}"), IdeaCb(action="filter", id=0, value=f))
            for f in FILTERS[3:]
        ]
    )
    await message.answer("\n".join(lines), reply_markup=inline(*rows))


async def _own_idea(
    callback: CallbackQuery,
    actor: Actor,
    idea_id: int,
    ideas: IdeaRepository,
    i18n: I18nContext,
) -> Idea | None:
    idea = await ideas.get(idea_id)
    if idea is None:
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return None
    if not may_moderate(actor, idea.district_id):
        await callback.answer(i18n.get("ideas-not-your-district"), show_alert=True)
        return None
    return idea


@staff_router.callback_query(IdeaCb.filter(F.action == "open"))
async def idea_open(
    callback: CallbackQuery,
    actor: Actor,
    callback_data: IdeaCb,
    bot: Bot,
    user: User,
    directory: Directory,
    ideas: IdeaRepository,
    i18n: I18nContext,
) -> None:
    idea = await _own_idea(callback, actor, callback_data.id, ideas, i18n)
    if idea is None:
        return
    await callback.answer()
    if idea.lat is not None and idea.lon is not None:
        await bot.send_location(user.id, idea.lat, idea.lon)
    rows: list[list[tuple[str, CallbackData]]] = [
        [
            (i18n.get(f"idea-status-{s}"), IdeaCb(action="status", id=idea.id, value=s))
            for s in STAFF_STATUSES[:2]
        ],
        [
            (i18n.get(f"idea-status-{s}"), IdeaCb(action="status", id=idea.id, value=s))
            for s in STAFF_STATUSES[2:]
        ],
        [(i18n.get("ideas-move"), IdeaCb(action="move", id=idea.id))],
    ]
    await send_album(
        bot,
        user.id,
        [p.file_id for p in idea.photos],
        idea_card(i18n, idea, directory),
        inline(*rows),
    )


@staff_router.callback_query(IdeaCb.filter(F.action == "status"))
async def status_ask(
    callback: CallbackQuery,
    actor: Actor,
    callback_data: IdeaCb,
    state: FSMContext,
    ideas: IdeaRepository,
    i18n: I18nContext,
) -> None:
    idea = await _own_idea(callback, actor, callback_data.id, ideas, i18n)
    if (
        idea is None
        or callback_data.value not in STAFF_STATUSES
        or not isinstance(callback.message, Message)
    ):
        if idea is not None:
            await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    await state.set_state(IdeasStaff.answer)
    await state.set_data({"idea_id": idea.id, "status": callback_data.value})
    prompt = "ideas-ask-reason" if callback_data.value == "rejected" else "ideas-ask-answer"
    await callback.message.answer(
        i18n.get(prompt, status=i18n.get(f"idea-status-{callback_data.value}"))
    )


@staff_router.message(StateFilter(IdeasStaff.answer), Has(F.text))
async def status_answer(
    message: Message,
    actor: Actor,
    bot: Bot,
    user: User,
    users: UserRepository,
    state: FSMContext,
    settings: Settings,
    ideas: IdeaRepository,
    audit: AuditRepository,
    i18n: I18nContext,
) -> None:
    try:
        answer = parse_text(message.text, max_len=1000, min_len=3)
    except InputError as exc:
        await message.answer(i18n.get(exc.key, **exc.args_))
        return
    data = await state.get_data()
    await state.clear()
    idea = await ideas.get(data["idea_id"])
    if idea is None or not may_moderate(actor, idea.district_id):
        await message.answer(i18n.get("button-stale"))
        return
    idea.status = IdeaStatus(data["status"])
    idea.answer = answer
    idea.answered_at = datetime.now(UTC)
    await audit.write(user.id, "idea.status", idea.user_id, idea=idea.id, status=idea.status.value)
    status = i18n.get(f"idea-status-{idea.status.value}")
    await message.answer(i18n.get("ideas-status-set", id=idea.id, status=status))
    author = await users.get(idea.user_id) if idea.user_id else None
    await tell(
        bot,
        author,
        settings,
        i18n,
        "idea-status-changed",
        id=str(idea.id),
        status=status,
        answer=" " + html.escape(answer),
    )


@staff_router.callback_query(IdeaCb.filter(F.action == "move"))
async def move_ask(
    callback: CallbackQuery,
    actor: Actor,
    callback_data: IdeaCb,
    directory: Directory,
    ideas: IdeaRepository,
    i18n: I18nContext,
) -> None:
    idea = await _own_idea(callback, actor, callback_data.id, ideas, i18n)
    if idea is None or not isinstance(callback.message, Message):
        return
    await callback.answer()
    here = directory.district(idea.district_id)
    assert here is not None
    rows: list[list[tuple[str, CallbackData]]] = [
        [(d.name, IdeaCb(action="moveto", id=idea.id, value=str(d.id)))]
        for d in directory.districts(here.municipality_id)
        if d.id != idea.district_id
    ]
    await callback.message.answer(i18n.get("ideas-choose-district"), reply_markup=inline(*rows))


@staff_router.callback_query(IdeaCb.filter(F.action == "moveto"))
async def move_to(
    callback: CallbackQuery,
    actor: Actor,
    callback_data: IdeaCb,
    user: User,
    directory: Directory,
    ideas: IdeaRepository,
    audit: AuditRepository,
    i18n: I18nContext,
) -> None:
    idea = await _own_idea(callback, actor, callback_data.id, ideas, i18n)
    target = directory.district(parse_id(callback_data.value))
    if idea is None or not isinstance(callback.message, Message):
        return
    if target is None:
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    idea.district_id = target.id
    await audit.write(user.id, "idea.move", idea.user_id, idea=idea.id, district=target.code)
    await callback.message.answer(
        i18n.get("ideas-moved", id=idea.id, district=html.escape(target.name))
    )
