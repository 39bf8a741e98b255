"""Who may see and do what — the one place that decides. Handlers ask it; they never work out a
staff member's district themselves.

The actor is computed once per update (DbSessionMiddleware) from the user's row as it is now, so
a role given or taken away in any process holds from the next update on."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from storage.models import ElderRegistration, RegistrationStatus, Role, User
from storage.repositories.directory import Directory

STAFF_AUDIENCES = ("center", "district", "club", "elders")
ADMIN_AUDIENCES = ("district", "elders", "municipality", "all")


@dataclass(frozen=True)
class Actor:
    id: int
    role: Role
    center_id: int | None  # staff: the center they work at
    staff_district_id: int | None  # staff: that center's district (or their administration's)
    home_district_id: int | None  # where they live (residents, elders)
    # An admin of one municipality: its districts and centers; None: the whole directory.
    admin_districts: frozenset[int] | None = None
    admin_centers: frozenset[int] | None = None
    admin_municipality_id: int | None = None

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def is_city_admin(self) -> bool:
        """An admin of the whole directory (not of one municipality)."""
        return self.is_admin and self.admin_districts is None

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
    office = directory.district(user.staff_district_id) if role is Role.STAFF else None
    scope = None
    if role is Role.ADMIN and user.id not in settings.admin_ids:
        scope = directory.municipality(user.admin_municipality_id)
    districts = directory.districts(scope.id) if scope else []
    return Actor(
        id=user.id,
        role=role,
        center_id=center.id if center else None,
        staff_district_id=center.district_id if center else (office.id if office else None),
        home_district_id=user.district_id,
        admin_districts=frozenset(d.id for d in districts) if scope else None,
        admin_centers=frozenset(c.id for d in districts for c in directory.centers(d.id))
        if scope
        else None,
        admin_municipality_id=scope.id if scope else None,
    )


def _admin_of_district(actor: Actor, district_id: int | None) -> bool:
    if not actor.is_admin:
        return False
    return actor.admin_districts is None or district_id in actor.admin_districts


def districts_seen(actor: Actor) -> list[int] | None:
    """The districts whose people and queues this actor sees: None = all (city admins)."""
    if actor.is_admin:
        return None if actor.admin_districts is None else sorted(actor.admin_districts)
    return [actor.staff_district_id] if actor.staff_district_id is not None else []


def may_moderate(actor: Actor, district_id: int | None) -> bool:
    """Reports, ideas and problems, elders' applications of a district: its staff and admins."""
    if _admin_of_district(actor, district_id):
        return True
    return (
        actor.role is Role.STAFF
        and district_id is not None
        and district_id == actor.staff_district_id
    )


def may_see_figures(actor: Actor, district_id: int | None) -> bool:
    """/stats and /export of a district, or of the whole city (district_id None): city admins
    only see the whole; others their own districts."""
    if district_id is None:
        return actor.is_city_admin
    return may_moderate(actor, district_id)


def may_run_center(actor: Actor, center_id: int | None) -> bool:
    """Clubs and events of a center (create, edit, members, messages, attendance)."""
    if actor.is_admin:
        return actor.admin_centers is None or center_id in actor.admin_centers
    return actor.is_staff and center_id is not None and center_id == actor.center_id


def may_see_bookings(
    actor: Actor, center_id: int, specialist_key: str, granted: set[tuple[int, str]]
) -> bool:
    """The bookings of a reception (names and questions): the center's staff, and the receiving
    specialist to whom the staff gave access (`granted`: their open accesses, read this update)."""
    return may_run_center(actor, center_id) or (center_id, specialist_key) in granted


def may_award(actor: Actor, district_id: int | None) -> bool:
    """Put a person forward for the badge or a thanks letter: the admins over their district."""
    return district_id is not None and _admin_of_district(actor, district_id)


def may_invite(actor: Actor, district_id: int | None) -> bool:
    """Invite a list of people to a city event: the whole city — its admins; a district — the
    admins over it."""
    if district_id is None:
        return actor.is_city_admin
    return _admin_of_district(actor, district_id)


def may_record_media(actor: Actor, district_id: int | None) -> bool:
    """Media publications of a district: its staff (of a center or of the administration)."""
    return (
        actor.role is Role.STAFF
        and district_id is not None
        and (actor.staff_district_id == district_id)
    )


def may_manage_directory(actor: Actor) -> bool:
    """The registry (all municipalities at once) and appointing admins: the city's admins."""
    return actor.is_city_admin


def may_appoint(actor: Actor, role: Role, district_id: int | None) -> bool:
    """Give or take a role: city admins any; a municipality's admin staff of its districts."""
    if actor.is_city_admin:
        return True
    return (
        actor.is_admin
        and role in (Role.STAFF, Role.RESIDENT)
        and (district_id is not None and _admin_of_district(actor, district_id))
    )


def may_send_urgent(actor: Actor) -> bool:
    """A paid urgent alert is the city's decision, not a center's."""
    return actor.is_city_admin


def may_manage_announcement(actor: Actor, author_id: int | None) -> bool:
    """Stop or cancel an announcement, see it in /announcements: its author, or a city admin."""
    return actor.is_city_admin or (actor.is_staff and author_id == actor.id)


def audiences(actor: Actor) -> tuple[str, ...]:
    """Whom this actor may address in /announce (a municipality's admin: not «all»)."""
    if actor.is_admin:
        return ADMIN_AUDIENCES if actor.is_city_admin else ADMIN_AUDIENCES[:-1]
    return STAFF_AUDIENCES if actor.is_staff else ()


def may_address(
    actor: Actor,
    audience: str,
    district_id: int | None = None,
    center_id: int | None = None,
    municipality_id: int | None = None,
) -> bool:
    """An announcement to `audience`: for a center or a club, `center_id` is the center (the
    club's); for a district or its elders, `district_id`; for a municipality, `municipality_id`.
    Whether the target exists is the caller's check."""
    if audience not in audiences(actor):
        return False
    if actor.is_city_admin:
        return True
    if actor.is_admin:
        if audience == "municipality":
            return municipality_id == actor.admin_municipality_id
        if audience in ("center", "club"):
            return may_run_center(actor, center_id)
        return _admin_of_district(actor, district_id)
    if audience in ("center", "club"):
        return center_id is not None and center_id == actor.center_id
    return district_id is not None and district_id == actor.staff_district_id


def _lives_at(reg: ElderRegistration, scope: str, territory: dict[str, object]) -> bool:
    """Whether an elder's confirmed territory is (or holds) the vote's territory."""
    from bot.services.contests import address_key

    if reg.status is not RegistrationStatus.CONFIRMED or reg.district_id != territory.get(
        "district_id"
    ):
        return False
    if scope == "committee":
        return reg.committee_id is not None and reg.committee_id == territory.get("committee_id")
    if scope not in ("street", "house") or not reg.street:
        return False
    same_street = address_key({"street": reg.street}) == territory.get("street_key")
    if scope == "street":
        return same_street
    return same_street and address_key({"house": reg.house or ""}) == territory.get("house_key")


def may_hold_vote(
    actor: Actor, scope: str, territory: dict[str, object], elder_of: list[ElderRegistration]
) -> bool:
    """A vote of a territory: the city's admins any; a municipality's admin within it; staff
    within their district; a confirmed elder for their own house, street or committee."""
    district_id = territory.get("district_id")
    municipality_id = territory.get("municipality_id")
    if scope == "city":
        return actor.is_city_admin
    if scope == "municipality" or district_id is None:
        return actor.is_city_admin or (
            actor.is_admin and municipality_id == actor.admin_municipality_id
        )
    if may_moderate(actor, district_id if isinstance(district_id, int) else None):
        return True
    return any(_lives_at(reg, scope, territory) for reg in elder_of)


def may_look_after_vote(actor: Actor, author_id: int | None, district_id: int | None) -> bool:
    """See a vote's interim figures and enter its paper ballots: its author, the staff of its
    district, the admins over it (a city-wide one: the city's admins)."""
    if author_id == actor.id:
        return True
    if district_id is None:
        return actor.is_city_admin
    return may_moderate(actor, district_id)
