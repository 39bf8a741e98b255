"""Erasing a user's personal data (152-ФЗ)."""

from __future__ import annotations

from aiogram.fsm.context import FSMContext

from storage.fsm import DatabaseStorage
from storage.models import User
from storage.repositories.audit import AuditRepository
from storage.repositories.users import UserRepository


async def erase_user(
    user: User, users: UserRepository, audit: AuditRepository, state: FSMContext
) -> None:
    """The user row (with name, phone, territories), saved forms, children's names, the
    responsible person on contest applications, and the link from audit records go. Figures stay
    without a link: reports, ideas and applications lose their author (FK SET NULL); live places
    in clubs and events end."""
    await state.clear()
    if isinstance(state.storage, DatabaseStorage):
        await state.storage.delete_user(user.id)
    await audit.unlink_user(user.id)
    await audit.write(None, "user.erased")
    await users.scrub_linked(user.id)
    await users.erase_personal_data(user)
