"""The «📱 Поделиться контактом» step shared by the forms that need a phone."""

from __future__ import annotations

from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.keyboards.wizard import cancel_only
from bot.services.elders import normalize_phone


def own_phone(message: Message) -> str | None:
    """The phone of a shared contact if it is the sender's own."""
    assert message.contact is not None and message.from_user is not None
    if message.contact.user_id != message.from_user.id:
        return None
    return normalize_phone(message.contact.phone_number)


async def take_own_phone(message: Message, state: FSMContext, i18n: I18nContext) -> bool:
    """Keep the shared phone in the form's data; someone else's contact is refused."""
    phone = own_phone(message)
    if phone is None:
        await message.answer(i18n.get("reg-not-own-contact"))
        return False
    await state.update_data(phone=phone)
    await message.answer(i18n.get("reg-phone-saved"), reply_markup=cancel_only(i18n))
    return True
