"""Role filters for routers: `router.message.filter(IsAdmin())`."""

from __future__ import annotations

from aiogram.filters import BaseFilter
from aiogram.types import TelegramObject

from bot.config import Settings
from bot.permissions import Actor, effective_role
from storage.models import Role, User


class HasRole(BaseFilter):
    def __init__(self, *roles: Role) -> None:
        self.roles = roles

    async def __call__(
        self, event: TelegramObject, settings: Settings, user: User | None = None
    ) -> bool:
        return user is not None and effective_role(user, settings) in self.roles


def IsAdmin() -> HasRole:
    return HasRole(Role.ADMIN)


def IsStaff() -> HasRole:
    """Staff of a center, and admins (who may do whatever staff may)."""
    return HasRole(Role.STAFF, Role.ADMIN)


async def is_city_admin(event: TelegramObject, actor: Actor | None = None) -> bool:
    """An admin of the whole directory: contests, the year's figures, the audit log."""
    return actor is not None and actor.is_city_admin
