"""The «📱 Поделиться контактом» step shared by the forms that need a phone."""

from __future__ import annotations

from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.keyboards.wizard import cancel_only
from bot.services.elders import normalize_phone


async def take_own_phone(message: Message, state: FSMContext, i18n: I18nContext) -> bool:
    """Keep the shared phone in the form's data; someone else's contact is refused."""
    assert message.contact is not None and message.from_user is not None
    if message.contact.user_id != message.from_user.id:
        await message.answer(i18n.get("reg-not-own-contact"))
        return False
    await state.update_data(phone=normalize_phone(message.contact.phone_number))
    await message.answer(i18n.get("reg-phone-saved"), reply_markup=cancel_only(i18n))
    return True
