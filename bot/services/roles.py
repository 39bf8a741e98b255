"""Giving and taking roles (who may do what is bot/permissions.py)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from storage.models import Role, User
from storage.repositories.directory import CenterRef


class GrantError(Exception):
    """A grant that cannot be applied; `reason` is a locale key."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class RoleChange:
    before: Role
    after: Role
    center: CenterRef | None


def apply_grant(
    target: User, role: Role, center: CenterRef | None, settings: Settings
) -> RoleChange:
    if role is Role.STAFF and center is None:
        raise GrantError("grant-need-center")
    if role not in (Role.STAFF, Role.ADMIN):
        raise GrantError("grant-bad-role")
    before = target.role
    target.role = role
    target.staff_center_id = center.id if role is Role.STAFF and center else None
    return RoleChange(before=before, after=role, center=center)


def apply_revoke(target: User, settings: Settings) -> RoleChange:
    if target.id in settings.admin_ids:
        raise GrantError("revoke-config-admin")
    before = target.role
    target.role = Role.RESIDENT
    target.staff_center_id = None
    return RoleChange(before=before, after=Role.RESIDENT, center=None)
