"""The phone of a shared contact («📱 Поделиться контактом»)."""

from __future__ import annotations

from aiogram.types import Message

from bot.services.elders import normalize_phone


def own_phone(message: Message) -> str | None:
    """The phone of a shared contact if it is the sender's own."""
    assert message.contact is not None and message.from_user is not None
    if message.contact.user_id != message.from_user.id:
        return None
    return normalize_phone(message.contact.phone_number)
