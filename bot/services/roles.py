"""Who may do what. ADMIN_IDS are admins whatever the database says."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from storage.models import Role, User
from storage.repositories.directory import CenterRef, Directory


def effective_role(user: User, settings: Settings) -> Role:
    if user.id in settings.admin_ids:
        return Role.ADMIN
    return user.role


def may_moderate(user: User, settings: Settings, directory: Directory, district_id: int) -> bool:
    """Admins moderate everywhere; staff only in the district of their own center."""
    role = effective_role(user, settings)
    if role is Role.ADMIN:
        return True
    center = directory.center(user.staff_center_id)
    return role is Role.STAFF and center is not None and center.district_id == district_id


def moderated_districts(user: User, settings: Settings, directory: Directory) -> list[int] | None:
    """The districts whose queue this user sees; None means all of them (admins)."""
    if effective_role(user, settings) is Role.ADMIN:
        return None
    center = directory.center(user.staff_center_id)
    return [center.district_id] if center else []


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
