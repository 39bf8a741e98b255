"""An elder calls the residents of their territory to a субботник or an action: the invitation,
«Иду» / «Не смогу», the evening-before reminder, and the report that fills itself afterwards
(no Telegram here)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import Any

from bot.services.reports import KINDS
from bot.services.validation import InputError, parse_text
from bot.services.votes import home_keys
from storage.models import ElderRegistration, Gathering, RegistrationStatus, User
from storage.repositories.audit import AuditRepository
from storage.repositories.gatherings import GatheringRepository

SCOPES = ("house", "entrance", "street", "committee")
EVENING = time(18, 0)  # the reminder comes the evening before
REPORT_AFTER = timedelta(hours=3)  # «Как прошёл субботник?» this long after the start


def scopes_of(regs: Sequence[ElderRegistration]) -> list[tuple[str, int]]:
    """(scope, registration) an elder may call: their house, entrance, street, committee."""
    found: list[tuple[str, int]] = []
    for reg in regs:
        if reg.status is not RegistrationStatus.CONFIRMED:
            continue
        if reg.street and reg.house and reg.entrance:
            found.append(("entrance", reg.id))
        if reg.street and reg.house:
            found.append(("house", reg.id))
        if reg.street:
            found.append(("street", reg.id))
        if reg.committee_id:
            found.append(("committee", reg.id))
    return found


def territory(reg: ElderRegistration, scope: str) -> dict[str, Any]:
    street_key, house_key = home_keys(reg.street, reg.house)
    found: dict[str, Any] = {"scope": scope, "district_id": reg.district_id}
    if scope == "committee":
        found["committee_id"] = reg.committee_id
        return found
    found["street_key"] = street_key
    if scope in ("house", "entrance"):
        found["house_key"] = house_key
    if scope == "entrance":
        found["entrance"] = reg.entrance
    return found


def parse_bring(text: str | None) -> str:
    return parse_text(text, max_len=300, min_len=2)


async def create_gathering(
    gatherings: GatheringRepository,
    audit: AuditRepository,
    user: User,
    regs: Sequence[ElderRegistration],
    draft: dict[str, Any],
    now: datetime,
) -> Gathering:
    """The elder's own confirmed territory only (checked again at «Отправить»)."""
    reg_id, scope = draft.get("registration_id"), draft.get("scope")
    if (scope, reg_id) not in scopes_of(regs):
        raise InputError("gather-not-yours")
    if draft.get("kind") not in KINDS or not draft.get("starts_at"):
        raise InputError("gather-incomplete")
    moment = datetime.fromisoformat(draft["starts_at"])
    if moment <= now:
        raise InputError("gather-in-past")
    reg = next(r for r in regs if r.id == reg_id)
    where = territory(reg, str(scope))
    gathering = Gathering(
        author_id=user.id,
        registration_id=reg.id,
        kind=draft["kind"],
        action_id=draft.get("action_id"),
        action_other=draft.get("action_other"),
        starts_at=moment,
        place=draft.get("place"),
        lat=draft.get("lat"),
        lon=draft.get("lon"),
        bring=draft.get("bring"),
        photo=draft.get("photo"),
        scope=scope,
        district_id=where["district_id"],
        committee_id=where.get("committee_id"),
        street_key=where.get("street_key"),
        house_key=where.get("house_key"),
        entrance=where.get("entrance"),
        created_at=now,
    )
    await gatherings.add(gathering)
    await audit.write(user.id, "gathering.create", None, gathering=gathering.id, scope=scope)
    return gathering


async def reply(
    gatherings: GatheringRepository,
    gathering: Gathering,
    user: User,
    going: bool,
    show_name: bool | None,
    now: datetime,
) -> None:
    if gathering.cancelled_at is not None:
        raise InputError("gather-cancelled")
    if gathering.starts_at <= now:
        raise InputError("gather-over")
    if not user.has_consent or not await gatherings.is_invited(gathering, user.id):
        raise InputError("gather-not-invited")
    await gatherings.reply(gathering.id, user.id, going, show_name, now)


def is_authors(gathering: Gathering | None, user: User) -> Gathering:
    if gathering is None or gathering.author_id != user.id:
        raise InputError("gather-not-yours")
    return gathering


def report_draft(gathering: Gathering, going: int, tz: tzinfo) -> dict[str, Any]:
    """What the report of a субботник called beforehand starts with: kind, action, date, place
    and as participants those who said «Иду» and the elder."""
    return {
        "gathering_id": gathering.id,
        "registration_id": gathering.registration_id,
        "district_id": gathering.district_id,
        "kind": gathering.kind,
        "action_id": gathering.action_id,
        "action_other": gathering.action_other,
        "held_on": gathering.starts_at.astimezone(tz).date().isoformat(),
        "place": gathering.place,
        "lat": gathering.lat,
        "lon": gathering.lon,
        "participants": going + 1,
        "figures": {},
        "photos": [],
    }


def evening_before(gathering: Gathering, tz: tzinfo) -> datetime:
    day = gathering.starts_at.astimezone(tz).date() - timedelta(days=1)
    return datetime.combine(day, EVENING, tzinfo=tz).astimezone(UTC)
