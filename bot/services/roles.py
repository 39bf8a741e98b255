"""Giving and taking roles (who may do what is bot/permissions.py)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from storage.models import Role, User
from storage.repositories.directory import CenterRef, Directory, DistrictRef, MunicipalityRef


class GrantError(Exception):
    """A grant that cannot be applied; `reason` is a locale key."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Post:
    """Where a role holds: staff at a center, or at a district's administration without one; an
    admin of one municipality, or (all None) of the whole directory."""

    center: CenterRef | None = None
    district: DistrictRef | None = None
    municipality: MunicipalityRef | None = None

    @property
    def district_id(self) -> int | None:
        if self.center is not None:
            return self.center.district_id
        return self.district.id if self.district else None


def post_of(user: User, directory: Directory) -> Post:
    return Post(
        directory.center(user.staff_center_id),
        directory.district(user.staff_district_id),
        directory.municipality(user.admin_municipality_id),
    )


@dataclass
class RoleChange:
    before: Role
    after: Role
    post: Post


def apply_grant(target: User, role: Role, post: Post, settings: Settings) -> RoleChange:
    if role not in (Role.STAFF, Role.ADMIN):
        raise GrantError("grant-bad-role")
    if role is Role.STAFF and post.center is None and post.district is None:
        raise GrantError("grant-need-center")
    before = target.role
    target.role = role
    staff = role is Role.STAFF
    target.staff_center_id = post.center.id if staff and post.center else None
    target.staff_district_id = (
        post.district.id if staff and not post.center and post.district else None
    )
    target.admin_municipality_id = (
        post.municipality.id if role is Role.ADMIN and post.municipality else None
    )
    kept = Post(
        post.center if staff else None,
        post.district if staff and not post.center else None,
        post.municipality if role is Role.ADMIN else None,
    )
    return RoleChange(before=before, after=role, post=kept)


def apply_revoke(target: User, settings: Settings) -> RoleChange:
    if target.id in settings.admin_ids:
        raise GrantError("revoke-config-admin")
    before = target.role
    target.role = Role.RESIDENT
    target.staff_center_id = None
    target.staff_district_id = None
    target.admin_municipality_id = None
    return RoleChange(before=before, after=Role.RESIDENT, post=Post())
