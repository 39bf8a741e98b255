"""Collecting 1–N photos in a form (reports, contest applications).

Each photo of an album arrives as its own update, one after another for one user (event
isolation); they collect into one list in the form's data, and one status message is edited as
they come instead of answering each."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.filters.content import Has

PHOTO_KEYS = ("status_message", "status_group", "overflow_group")


async def collect_photo(
    message: Message,
    bot: Bot,
    state: FSMContext,
    i18n: I18nContext,
    limit: int,
    markup: InlineKeyboardMarkup,
) -> None:
    assert message.photo is not None
    data = await state.get_data()
    photos: list[dict[str, str]] = data.setdefault("photos", [])
    group = message.media_group_id
    largest = message.photo[-1]
    if len(photos) >= limit:
        if group is None or data.get("overflow_group") != group:  # one warning per album
            data["overflow_group"] = group
            await message.answer(i18n.get("rep-photos-limit", limit=limit))
        await state.set_data(data)
        return
    if any(p["unique"] == largest.file_unique_id for p in photos):
        await message.answer(i18n.get("rep-photo-repeat"))
        return
    photos.append({"file_id": largest.file_id, "unique": largest.file_unique_id})
    text = i18n.get("rep-photos-count", count=len(photos), limit=limit)
    if group is not None and data.get("status_group") == group and data.get("status_message"):
        await bot.edit_message_text(
            text, chat_id=message.chat.id, message_id=data["status_message"], reply_markup=markup
        )
    else:
        sent = await message.answer(text, reply_markup=markup)
        data["status_message"], data["status_group"] = sent.message_id, group
    await state.set_data(data)


def forget_photo_status(data: dict[str, object]) -> None:
    for key in PHOTO_KEYS:
        data.pop(key, None)


async def _video(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("rep-photos-no-video"))


async def _document(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("rep-photos-no-document"))


async def _other(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("rep-photos-need-photo"))


def refuse_non_photos(router: Router, state: State) -> None:
    """At a photo step: a clear answer to a video, a file, or anything else. Register after the
    router's own photo handler for the state."""
    in_state = StateFilter(state)  # a bare State would be checked in a thread by aiogram
    router.message.register(_video, in_state, Has(F.video | F.video_note | F.animation))
    router.message.register(_document, in_state, Has(F.document))
    router.message.register(_other, in_state)
