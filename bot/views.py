"""Rendering shared by several handlers (texts from locales, HTML-escaped data)."""

from __future__ import annotations

import html
from datetime import datetime
from zoneinfo import ZoneInfo

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from storage.models import User
from storage.repositories.directory import CenterRef, Directory


def center_card(i18n: I18nContext, center: CenterRef) -> str:
    unknown = i18n.get("center-unknown")
    return i18n.get(
        "center-card",
        name=html.escape(center.name),
        district=html.escape(center.district.name),
        address=html.escape(center.address or unknown),
        hours=html.escape(center.hours or unknown),
        phone=html.escape(center.phone or unknown),
        clubs=i18n.get("center-clubs-soon"),
    )


def local_time(moment: datetime, settings: Settings) -> datetime:
    """Times are stored in UTC and shown in the city's time zone (TIMEZONE)."""
    return moment.astimezone(ZoneInfo(settings.timezone))


def role_name(i18n: I18nContext, role: str) -> str:
    return i18n.get(f"role-{role}")


def place_name(user: User, directory: Directory) -> str | None:
    district = directory.district(user.district_id)
    return html.escape(district.full_name) if district else None


async def edit_or_send(
    callback: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Replace the screen in place; a double tap (same content) is not an error."""
    message = callback.message
    if not isinstance(message, Message):  # too old for Telegram to give it back
        if callback.from_user:
            await callback.bot.send_message(callback.from_user.id, text, reply_markup=markup)  # type: ignore[union-attr]
        return
    if message.text is not None:
        try:
            await message.edit_text(text, reply_markup=markup)
            return
        except TelegramBadRequest as exc:
            if "not modified" in exc.message:
                return
    await message.answer(text, reply_markup=markup)
