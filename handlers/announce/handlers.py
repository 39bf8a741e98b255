"""/announce for staff and admins, /announcements, «Остановить»."""

from __future__ import annotations

import html
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_i18n import LazyFilter

from bot.context import Ctx, ctx_of
from bot.keyboards.builders import Rows, closable
from bot.keyboards.callbacks import AnnouncementCb
from bot.permissions import audiences, may_manage_announcement, may_send_urgent
from bot.services.announcements import (
    PHOTO_CAPTION_MAX,
    create_announcement,
    may_send,
    own_target,
)
from bot.services.clubs import parse_local_datetime
from bot.services.validation import parse_text
from bot.views import MESSAGE_MAX, cut, when_text
from handlers.announce.states import AnnounceForm as A
from handlers.forms import (
    answer_lines,
    form_data,
    go,
    opens_form,
    refuse,
    tapped,
)
from storage.models import AnnouncementStatus, OutboxStatus

router = Router(name=__name__)


@router.message(Command("announce"))
@router.message(LazyFilter("menu-announce"))
async def announce(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not ctx.actor.is_staff:  # staff whose center is gone
        refuse("ann-no-center")
    await open_announce_form(dialog_manager)


open_announce_form = opens_form("announce", A.text)


# --- The form's answers -------------------------------------------------------------------------


async def on_text(message: Message, widget: Any, manager: DialogManager) -> None:
    if message.text is None:
        refuse("ann-text-only")
    text = parse_text(message.text, max_len=MESSAGE_MAX, min_len=2)
    form_data(manager)["text"] = html.escape(text)
    await go(manager, A.photo)


async def on_photo(message: Message, widget: Any, manager: DialogManager) -> None:
    if not message.photo:
        refuse("ann-photo-only")
    draft = form_data(manager)
    draft["photo"] = message.photo[-1].file_id
    if len(draft.get("text", "")) > PHOTO_CAPTION_MAX:
        await message.answer(ctx_of(manager).i18n.get("ann-photo-long", max=PHOTO_CAPTION_MAX))
    await go(manager, A.audience)


async def no_photo(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    form_data(manager)["photo"] = None
    await go(manager, A.audience)


async def on_audience(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    ctx = ctx_of(manager)
    if item not in audiences(ctx.actor):
        refuse("button-stale")
    draft = form_data(manager)
    choose, target = own_target(ctx.actor, item)
    draft.update(audience=item, audience_id=target)
    await go(manager, A.target if choose else A.when)


async def on_target(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    target = int(item) if item.isdigit() else None
    if not await may_send(ctx.actor, ctx.directory, ctx.clubs, draft["audience"], target):
        refuse("button-stale")
    draft["audience_id"] = target
    await go(manager, A.when)


async def on_when(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    if button.widget_id == "urgent" and not may_send_urgent(
        ctx_of(manager).actor
    ):  # a hidden button answers too
        refuse("button-stale")
    draft = form_data(manager)
    draft["urgent"] = button.widget_id == "urgent"
    if button.widget_id == "later":
        await go(manager, A.datetime)
        return
    draft["send_at"] = None
    await preview(manager)


async def on_datetime(message: Message, widget: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    moment = parse_local_datetime(message.text or "", ctx.tz, ctx.now)
    form_data(manager)["send_at"] = moment.isoformat()
    await preview(manager)


async def preview(manager: DialogManager) -> None:
    """What the recipients will see, then the preview window (count, time, cost, «Отправить»)."""
    ctx = ctx_of(manager)
    draft = form_data(manager)
    count = await ctx.announcements.audience_size(
        draft["audience"], draft.get("audience_id"), "news"
    )
    draft["count"] = count
    await ctx.bot.send_message(ctx.user.id, ctx.i18n.get("ann-preview-title", count=count))
    if draft.get("photo") and len(draft["text"]) <= PHOTO_CAPTION_MAX:
        await ctx.bot.send_photo(ctx.user.id, draft["photo"], caption=draft["text"])
    else:
        if draft.get("photo"):
            await ctx.bot.send_photo(ctx.user.id, draft["photo"])
        await ctx.bot.send_message(ctx.user.id, draft["text"])
    await go(manager, A.preview)
    manager.show_mode = ShowMode.SEND  # below the preview, not in place of the old screen


async def submit(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    announcement = await create_announcement(
        ctx.announcements,
        ctx.audit,
        ctx.actor,
        draft,
        ctx.directory,
        ctx.clubs,
    )
    await manager.done()
    if draft.get("send_at"):
        when = when_text(announcement.send_at, ctx.settings)
        text = ctx.i18n.get("ann-scheduled", id=announcement.id, when=when)
    else:
        text = ctx.i18n.get(
            "ann-queued-urgent" if announcement.urgent else "ann-queued", id=announcement.id
        )
    progress = await tapped(cb).answer(text)
    announcement.progress_chat_id = progress.chat.id
    announcement.progress_message_id = progress.message_id
    ctx.delivery.wake()  # it looks again within a second anyway, once this update is committed


@router.callback_query(AnnouncementCb.filter(F.action.in_(("stop", "cancel"))))
async def stop(callback: CallbackQuery, callback_data: AnnouncementCb, ctx: Ctx) -> None:
    announcement = await ctx.announcements.get(callback_data.id) or refuse()
    if not may_manage_announcement(ctx.actor, announcement.author_id):
        refuse("ann-not-yours")
    if not await ctx.announcements.stop(announcement):
        refuse("ann-already-ended")
    await ctx.audit.write(ctx.user.id, "broadcast.stop", None, announcement=announcement.id)
    await callback.answer(ctx.i18n.get("ann-stopped"))
    await ctx.delivery.show(
        ctx.bot, announcement, await ctx.announcements.counts(announcement.id), ctx.i18n.locale
    )


@router.message(Command("announcements"))
async def announcement_list(message: Message, ctx: Ctx) -> None:
    found = await ctx.announcements.recent(None if ctx.actor.is_city_admin else ctx.user.id)
    if not found:
        await message.answer(ctx.i18n.get("ann-list-empty"))
        return
    lines = [ctx.i18n.get("ann-list-title")]
    rows: Rows = []
    for a in found:
        counts = await ctx.announcements.counts(a.id)
        status = a.status.value
        if a.status is AnnouncementStatus.SENDING and await ctx.announcements.waiting_for_telegram(
            a.id
        ):
            status = "waiting"
        preview = ("🚨 " if a.urgent else "") + cut(a.text, 41)
        lines.append(
            ctx.i18n.get(
                "ann-list-line",
                id=a.id,
                when=when_text(a.send_at, ctx.settings),
                status=ctx.i18n.get(f"ann-status-{status}"),
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
                        ctx.i18n.get("ann-cancel-scheduled", id=a.id),
                        AnnouncementCb(action="cancel", id=a.id),
                    )
                ]
            )
    await answer_lines(
        message, lines, closable(ctx.i18n, *rows, close="screen-close") if rows else None
    )
