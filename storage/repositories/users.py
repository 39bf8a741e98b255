from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Role, User


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)

    async def get_or_create(self, user_id: int) -> User:
        """Only the Telegram id (and defaults) is stored here: no personal data before consent."""
        user = await self.get(user_id)
        if user is None:
            user = User(id=user_id, role=Role.RESIDENT, is_active=True)
            self.session.add(user)
        return user

    async def find_by_username(self, username: str) -> User | None:
        name = username.removeprefix("@").lower()
        result = await self.session.execute(select(User).where(User.username == name))
        return result.scalars().first()

    async def give_consent(self, user: User, at: datetime, username: str | None) -> None:
        user.consent_at = at
        user.username = username.lower() if username else None

    async def refresh_username(self, user: User, username: str | None) -> None:
        """Keep the @username current, but only for users who consented to storing it."""
        name = username.lower() if username else None
        if user.has_consent and user.username != name:
            user.username = name

    async def with_extra_commands(self) -> Sequence[User]:
        result = await self.session.execute(
            select(User).where(User.role.in_((Role.STAFF, Role.ADMIN)))
        )
        return result.scalars().all()

    async def erase_personal_data(self, user: User) -> None:
        """152-ФЗ deletion of the user's row; figures elsewhere keep no link to the person."""
        if user in self.session.new:  # created by this very update (e.g. a repeated tap)
            self.session.expunge(user)
        else:
            await self.session.delete(user)

    async def set_active(self, user_id: int, active: bool) -> None:
        await self.session.execute(update(User).where(User.id == user_id).values(is_active=active))
