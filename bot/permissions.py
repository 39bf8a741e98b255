"""Who may see and do what — the one place that decides. Handlers ask it; they never work out a
staff member's district themselves.

The actor is computed once per update (DbSessionMiddleware) from the user's row as it is now, so
a role given or taken away in any process holds from the next update on."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from storage.models import Role, User
from storage.repositories.directory import Directory

STAFF_AUDIENCES = ("center", "district", "club", "elders")
ADMIN_AUDIENCES = ("district", "elders", "municipality", "all")


@dataclass(frozen=True)
class Actor:
    id: int
    role: Role
    center_id: int | None  # staff: the center they work at
    staff_district_id: int | None  # staff: that center's district
    home_district_id: int | None  # where they live (residents, elders)

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def is_staff(self) -> bool:
        """Staff of a center with a known district, or an admin (who may do what staff may)."""
        return self.is_admin or (self.role is Role.STAFF and self.staff_district_id is not None)


def effective_role(user: User, settings: Settings) -> Role:
    """ADMIN_IDS are admins whatever the database says."""
    return Role.ADMIN if user.id in settings.admin_ids else user.role


def actor_of(user: User, settings: Settings, directory: Directory) -> Actor:
    role = effective_role(user, settings)
    center = directory.center(user.staff_center_id) if role is Role.STAFF else None
    return Actor(
        id=user.id,
        role=role,
        center_id=center.id if center else None,
        staff_district_id=center.district_id if center else None,
        home_district_id=user.district_id,
    )


def districts_seen(actor: Actor) -> list[int] | None:
    """The districts whose people and queues this actor sees: None = all (admins)."""
    if actor.is_admin:
        return None
    return [actor.staff_district_id] if actor.staff_district_id is not None else []


def may_moderate(actor: Actor, district_id: int | None) -> bool:
    """Reports, ideas and problems, elders' applications of a district: its staff and admins."""
    if actor.is_admin:
        return True
    return actor.is_staff and district_id is not None and district_id == actor.staff_district_id


def may_see_figures(actor: Actor, district_id: int | None) -> bool:
    """/stats and /export of a district, or of the whole city (district_id None): admins only
    see the city; staff their own district."""
    if actor.is_admin:
        return True
    return district_id is not None and may_moderate(actor, district_id)


def may_run_center(actor: Actor, center_id: int | None) -> bool:
    """Clubs and events of a center (create, edit, members, messages, attendance)."""
    return actor.is_admin or (
        actor.is_staff and center_id is not None and center_id == actor.center_id
    )


def may_send_urgent(actor: Actor) -> bool:
    """A paid urgent alert is the city's decision, not a center's."""
    return actor.is_admin


def may_manage_announcement(actor: Actor, author_id: int | None) -> bool:
    """Stop or cancel an announcement, see it in /announcements: its author, or an admin."""
    return actor.is_admin or (actor.is_staff and author_id == actor.id)


def audiences(actor: Actor) -> tuple[str, ...]:
    """Whom this actor may address in /announce."""
    if actor.is_admin:
        return ADMIN_AUDIENCES
    return STAFF_AUDIENCES if actor.is_staff else ()


def may_address(
    actor: Actor, audience: str, district_id: int | None = None, center_id: int | None = None
) -> bool:
    """An announcement to `audience`: for a center or a club, `center_id` is the center (the
    club's); for a district or its elders, `district_id`. Whether the target exists is the
    caller's check."""
    if audience not in audiences(actor):
        return False
    if actor.is_admin:
        return True
    if audience in ("center", "club"):
        return center_id is not None and center_id == actor.center_id
    return district_id is not None and district_id == actor.staff_district_id
