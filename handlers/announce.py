"""/announce for staff and admins, /announcements, «Остановить»."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.broadcast.engine import DeliveryEngine
from bot.config import Settings
from bot.filters.content import Has
from bot.filters.roles import IsStaff
from bot.keyboards.builders import inline
from bot.keyboards.callbacks import AnnouncementCb
from bot.keyboards.wizard import ChoiceCb, nav_row
from bot.permissions import Actor, audiences, may_address
from bot.services.announcements import PHOTO_CAPTION_MAX, estimate
from bot.services.clubs import parse_local_datetime
from bot.services.validation import InputError, parse_id, parse_text
from bot.views import MESSAGE_MAX, when_text
from bot.wizard import WizardCb
from handlers.states import Announce
from storage.models import Announcement, AnnouncementStatus, OutboxStatus, User
from storage.repositories.announcements import AnnouncementRepository
from storage.repositories.audit import AuditRepository
from storage.repositories.clubs import ClubRepository
from storage.repositories.directory import Directory

router = Router(name=__name__)
router.message.filter(IsStaff())
router.callback_query.filter(IsStaff())

WZ = "ann"


@router.message(Command("announce"))
async def announce(
    message: Message,
    actor: Actor,
    state: FSMContext,
    i18n: I18nContext,
) -> None:
    if not actor.is_staff:  # staff whose center is gone
        await message.answer(i18n.get("ann-no-center"))
        return
    await state.set_data({})
    await _ask_text(message, state, i18n)


async def _ask_text(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(Announce.text)
    await message.answer(
        i18n.get("ann-ask-text", max=MESSAGE_MAX), reply_markup=inline(nav_row(i18n, WZ, False))
    )


@router.message(StateFilter(Announce.text), Has(F.text))
async def got_text(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    try:
        text = parse_text(message.text, max_len=MESSAGE_MAX, min_len=2)
    except InputError as exc:
        await message.answer(i18n.get(exc.key, **exc.args_))
        return
    await state.update_data(text=html.escape(text))
    await _ask_photo(message, state, i18n)


async def _ask_photo(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(Announce.photo)
    await message.answer(
        i18n.get("ann-ask-photo"),
        reply_markup=inline(
            [(i18n.get("ann-no-photo"), ChoiceCb(wizard=WZ, step="photo", value="none"))],
            nav_row(i18n, WZ),
        ),
    )


@router.message(StateFilter(Announce.text))
async def text_needed(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("ann-text-only"))


async def _ask_audience(
    message: Message, actor: Actor, state: FSMContext, i18n: I18nContext
) -> None:
    await state.set_state(Announce.audience)
    codes = audiences(actor)
    rows: list[list[tuple[str, CallbackData]]] = [
        [(i18n.get(f"ann-aud-{c}"), ChoiceCb(wizard=WZ, step="aud", value=c))] for c in codes
    ]
    rows.append(nav_row(i18n, WZ))
    await message.answer(i18n.get("ann-ask-audience"), reply_markup=inline(*rows))


@router.message(StateFilter(Announce.photo), Has(F.photo))
async def got_photo(message: Message, actor: Actor, state: FSMContext, i18n: I18nContext) -> None:
    assert message.photo is not None
    data = await state.get_data()
    await state.update_data(photo=message.photo[-1].file_id)
    if len(data.get("text", "")) > PHOTO_CAPTION_MAX:
        await message.answer(i18n.get("ann-photo-long"))
    await _ask_audience(message, actor, state, i18n)


@router.callback_query(
    StateFilter(Announce.photo), ChoiceCb.filter((F.wizard == WZ) & (F.step == "photo"))
)
async def no_photo(
    callback: CallbackQuery, actor: Actor, state: FSMContext, i18n: I18nContext
) -> None:
    await callback.answer()
    await state.update_data(photo=None)
    if isinstance(callback.message, Message):
        await _ask_audience(callback.message, actor, state, i18n)


@router.message(StateFilter(Announce.photo))
async def photo_needed(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("ann-photo-only"))


@router.callback_query(
    StateFilter(Announce.audience), ChoiceCb.filter((F.wizard == WZ) & (F.step == "aud"))
)
async def audience_chosen(
    callback: CallbackQuery,
    actor: Actor,
    callback_data: ChoiceCb,
    state: FSMContext,
    directory: Directory,
    clubs: ClubRepository,
    i18n: I18nContext,
) -> None:
    code = callback_data.value
    if code not in audiences(actor) or not isinstance(callback.message, Message):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    await state.update_data(audience=code)
    if not actor.is_admin and code != "club":
        own = actor.center_id if code == "center" else actor.staff_district_id
        await state.update_data(audience_id=own)
        await _ask_when(callback.message, actor, state, i18n)
        return
    if code == "all":
        await state.update_data(audience_id=None)
        await _ask_when(callback.message, actor, state, i18n)
        return
    if code == "club":
        options = [(c.name, c.id) for c in await clubs.clubs([actor.center_id or 0])]
        prompt = "ann-choose-club"
    elif code == "municipality":
        options = [(m.name, m.id) for m in directory.municipalities()]
        prompt = "ann-choose-municipality"
    else:  # an admin's district or elders: which district
        options = [
            (d.full_name, d.id)
            for m in directory.municipalities()
            for d in directory.districts(m.id)
        ]
        prompt = "ann-choose-district"
    await state.set_state(Announce.target)
    rows: list[list[tuple[str, CallbackData]]] = [
        [(name[:60], ChoiceCb(wizard=WZ, step="target", value=str(i)))] for name, i in options
    ]
    rows.append(nav_row(i18n, WZ))
    await callback.message.answer(i18n.get(prompt), reply_markup=inline(*rows))


async def _allowed(
    actor: Actor,
    directory: Directory,
    clubs: ClubRepository,
    audience: str,
    audience_id: int | None,
) -> bool:
    """The actor may address this audience (bot/permissions.py), and it exists."""
    if audience == "club":
        club = await clubs.club(audience_id or 0)
        return (
            club is not None
            and club.active
            and may_address(actor, audience, center_id=club.center_id)
        )
    if audience == "center":
        return may_address(actor, audience, center_id=audience_id)
    if audience in ("district", "elders"):
        exists = directory.district(audience_id) is not None
        return exists and may_address(actor, audience, district_id=audience_id)
    if audience == "municipality":
        return directory.municipality(audience_id) is not None and may_address(actor, audience)
    return audience == "all" and may_address(actor, audience)


@router.callback_query(
    StateFilter(Announce.target), ChoiceCb.filter((F.wizard == WZ) & (F.step == "target"))
)
async def target_chosen(
    callback: CallbackQuery,
    actor: Actor,
    callback_data: ChoiceCb,
    state: FSMContext,
    directory: Directory,
    clubs: ClubRepository,
    i18n: I18nContext,
) -> None:
    data = await state.get_data()
    target = parse_id(callback_data.value)
    if not await _allowed(actor, directory, clubs, data.get("audience", ""), target):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    await state.update_data(audience_id=target)
    if isinstance(callback.message, Message):
        await _ask_when(callback.message, actor, state, i18n)


async def _ask_when(message: Message, actor: Actor, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(Announce.when)
    rows: list[list[tuple[str, CallbackData]]] = [
        [
            (i18n.get("ann-now"), ChoiceCb(wizard=WZ, step="when", value="now")),
            (i18n.get("ann-later"), ChoiceCb(wizard=WZ, step="when", value="later")),
        ]
    ]
    if actor.is_admin:  # a paid alert is the city's decision, not a center's
        rows.append([(i18n.get("ann-urgent"), ChoiceCb(wizard=WZ, step="when", value="urgent"))])
    rows.append(nav_row(i18n, WZ))
    await message.answer(i18n.get("ann-ask-when"), reply_markup=inline(*rows))


@router.callback_query(
    StateFilter(Announce.when), ChoiceCb.filter((F.wizard == WZ) & (F.step == "when"))
)
async def when_chosen(
    callback: CallbackQuery,
    actor: Actor,
    callback_data: ChoiceCb,
    bot: Bot,
    user: User,
    state: FSMContext,
    settings: Settings,
    announcements: AnnouncementRepository,
    i18n: I18nContext,
) -> None:
    urgent = callback_data.value == "urgent"
    if not isinstance(callback.message, Message) or (urgent and not actor.is_admin):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    await state.update_data(urgent=urgent)
    if callback_data.value == "later":
        await state.set_state(Announce.datetime)
        await callback.message.answer(
            i18n.get("ann-ask-datetime"), reply_markup=inline(nav_row(i18n, WZ))
        )
        return
    await state.update_data(send_at=None)
    await _preview(callback.message, bot, user, state, settings, announcements, i18n)


@router.message(StateFilter(Announce.datetime), Has(F.text))
async def datetime_typed(
    message: Message,
    bot: Bot,
    user: User,
    state: FSMContext,
    settings: Settings,
    announcements: AnnouncementRepository,
    i18n: I18nContext,
) -> None:
    try:
        moment = parse_local_datetime(
            message.text or "", ZoneInfo(settings.timezone), datetime.now(UTC)
        )
    except InputError as exc:
        await message.answer(i18n.get(exc.key, **exc.args_))
        return
    await state.update_data(send_at=moment.isoformat())
    await _preview(message, bot, user, state, settings, announcements, i18n)


async def _preview(
    message: Message,
    bot: Bot,
    user: User,
    state: FSMContext,
    settings: Settings,
    announcements: AnnouncementRepository,
    i18n: I18nContext,
) -> None:
    data = await state.get_data()
    count = await announcements.audience_size(data["audience"], data.get("audience_id"), "news")
    await state.set_state(Announce.preview)
    await message.answer(i18n.get("ann-preview-title", count=count))
    if data.get("photo") and len(data["text"]) <= PHOTO_CAPTION_MAX:
        await bot.send_photo(user.id, data["photo"], caption=data["text"])
    else:
        if data.get("photo"):
            await bot.send_photo(user.id, data["photo"])
        await bot.send_message(user.id, data["text"])
    when = (
        when_text(datetime.fromisoformat(data["send_at"]), settings)
        if data.get("send_at")
        else i18n.get("ann-preview-now")
    )
    urgent = bool(data.get("urgent"))
    cost = estimate(
        count,
        data["text"],
        bool(data.get("photo")),
        settings.paid_broadcast_rate if urgent else settings.broadcast_rate,
        urgent,
    )
    lines = [
        i18n.get("ann-preview-when", when=when),
        i18n.get("ann-preview-duration", minutes=cost.minutes),
    ]
    if urgent:
        lines.append(i18n.get("ann-preview-urgent", stars=cost.stars))
        balance = await _star_balance(bot)
        if balance is not None:
            key = "ann-preview-balance" if balance >= cost.stars else "ann-preview-balance-short"
            lines.append(i18n.get(key, balance=balance))
    await message.answer(
        "\n".join(lines),
        reply_markup=inline(
            [(i18n.get("wizard-send"), WizardCb(wizard=WZ, action="submit"))], nav_row(i18n, WZ)
        ),
    )


async def _star_balance(bot: Bot) -> int | None:
    """The bot's Stars, or None when Telegram does not tell (the preview then omits it)."""
    try:
        return (await bot.get_my_star_balance()).amount
    except TelegramAPIError:
        return None


@router.callback_query(
    StateFilter(Announce.preview), WizardCb.filter((F.wizard == WZ) & (F.action == "submit"))
)
async def submit(
    callback: CallbackQuery,
    actor: Actor,
    user: User,
    state: FSMContext,
    settings: Settings,
    directory: Directory,
    clubs: ClubRepository,
    announcements: AnnouncementRepository,
    audit: AuditRepository,
    delivery: DeliveryEngine,
    i18n: I18nContext,
) -> None:
    data = await state.get_data()
    urgent = bool(data.get("urgent"))
    if not await _allowed(actor, directory, clubs, data["audience"], data.get("audience_id")) or (
        urgent and not actor.is_admin
    ):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    if await announcements.audience_size(data["audience"], data.get("audience_id"), "news") == 0:
        await callback.answer(i18n.get("ann-no-recipients"), show_alert=True)
        return
    await callback.answer()
    await state.clear()
    send_at = datetime.fromisoformat(data["send_at"]) if data.get("send_at") else datetime.now(UTC)
    announcement = await announcements.add(
        Announcement(
            author_id=user.id,
            kind="news",
            audience=data["audience"],
            audience_id=data.get("audience_id"),
            text=data["text"],
            photo=data.get("photo"),
            send_at=send_at,
            status=AnnouncementStatus.SCHEDULED,
            urgent=urgent,
        )
    )
    await audit.write(
        user.id,
        "broadcast.create",
        None,
        announcement=announcement.id,
        audience=data["audience"],
        audience_id=data.get("audience_id"),
        urgent=urgent,
    )
    if not isinstance(callback.message, Message):
        return
    await callback.message.edit_reply_markup(reply_markup=None)
    if data.get("send_at"):
        text = i18n.get("ann-scheduled", id=announcement.id, when=when_text(send_at, settings))
    else:
        text = i18n.get("ann-queued-urgent" if urgent else "ann-queued", id=announcement.id)
    progress = await callback.message.answer(text)
    announcement.progress_chat_id = progress.chat.id
    announcement.progress_message_id = progress.message_id
    delivery.wake()  # it looks again within a second anyway, once this update is committed


@router.callback_query(WizardCb.filter((F.wizard == WZ) & (F.action == "back")))
async def back(callback: CallbackQuery, actor: Actor, state: FSMContext, i18n: I18nContext) -> None:
    """«Назад» on any screen of /announce: the screen before it, with what was chosen kept."""
    current = await state.get_state()
    message = callback.message
    previous = {
        Announce.photo.state: "text",
        Announce.audience.state: "photo",
        Announce.target.state: "audience",
        Announce.when.state: "audience",
        Announce.datetime.state: "when",
        Announce.preview.state: "when",
    }.get(current or "")
    if previous is None or not isinstance(message, Message):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    await callback.answer()
    if previous == "text":
        await _ask_text(message, state, i18n)
    elif previous == "photo":
        await _ask_photo(message, state, i18n)
    elif previous == "audience":
        await _ask_audience(message, actor, state, i18n)
    else:
        await _ask_when(message, actor, state, i18n)


@router.callback_query(WizardCb.filter((F.wizard == WZ) & (F.action == "submit")))
async def submit_again(callback: CallbackQuery, i18n: I18nContext) -> None:
    await callback.answer(i18n.get("rep-already-sent"), show_alert=True)


@router.callback_query(AnnouncementCb.filter(F.action.in_(("stop", "cancel"))))
async def stop(
    callback: CallbackQuery,
    actor: Actor,
    callback_data: AnnouncementCb,
    bot: Bot,
    user: User,
    announcements: AnnouncementRepository,
    audit: AuditRepository,
    delivery: DeliveryEngine,
    i18n: I18nContext,
) -> None:
    announcement = await announcements.get(callback_data.id)
    if announcement is None:
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    if announcement.author_id != user.id and not actor.is_admin:
        await callback.answer(i18n.get("ann-not-yours"), show_alert=True)
        return
    if not await announcements.stop(announcement):
        await callback.answer(i18n.get("ann-already-ended"), show_alert=True)
        return
    await audit.write(user.id, "broadcast.stop", None, announcement=announcement.id)
    await callback.answer(i18n.get("ann-stopped"))
    await delivery.show(bot, announcement, await announcements.counts(announcement.id), i18n.locale)


@router.message(Command("announcements"))
async def announcement_list(
    message: Message,
    actor: Actor,
    user: User,
    settings: Settings,
    announcements: AnnouncementRepository,
    i18n: I18nContext,
) -> None:
    found = await announcements.recent(None if actor.is_admin else user.id)
    if not found:
        await message.answer(i18n.get("ann-list-empty"))
        return
    lines = [i18n.get("ann-list-title")]
    rows: list[list[tuple[str, CallbackData]]] = []
    for a in found:
        counts = await announcements.counts(a.id)
        status = a.status.value
        if a.status is AnnouncementStatus.SENDING and await announcements.waiting_for_telegram(
            a.id
        ):
            status = "waiting"
        preview = ("🚨 " if a.urgent else "") + a.text[:40] + ("…" if len(a.text) > 40 else "")
        lines.append(
            i18n.get(
                "ann-list-line",
                id=a.id,
                when=when_text(a.send_at, settings),
                status=i18n.get(f"ann-status-{status}"),
                sent=counts.get(OutboxStatus.SENT, 0),
                total=a.total,
                blocked=counts.get(OutboxStatus.BLOCKED, 0),
                preview=preview,
            )
        )
        if a.status is AnnouncementStatus.SCHEDULED:
            rows.append(
                [
                    (
                        i18n.get("ann-cancel-scheduled", id=a.id),
                        AnnouncementCb(action="cancel", id=a.id),
                    )
                ]
            )
    await message.answer("\n".join(lines), reply_markup=inline(*rows) if rows else None)
