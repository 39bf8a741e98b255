"""Staff enter a report, an idea or a club sign-up for someone of their district who phoned: an
elder from the district's list, or a caller without the bot whose consent was given orally."""

from __future__ import annotations

import re
from typing import Any

from bot.permissions import Actor, may_moderate
from bot.services.elders import normalize_phone
from bot.services.ideas import Author
from bot.services.validation import InputError, parse_text
from storage.models import Caller, ElderRegistration, RegistrationStatus
from storage.repositories.audit import AuditRepository
from storage.repositories.elders import ElderRepository
from storage.repositories.users import UserRepository


def behalf_of(actor: Actor, draft: dict[str, Any]) -> Author | None:
    """The author of a form filled for someone else (None: the user's own); refused unless the
    staff member works in that person's district — checked again at «Отправить»."""
    behalf = draft.get("on_behalf")
    if not behalf:
        return None
    if not may_moderate(actor, behalf.get("district_id")):
        raise InputError("behalf-not-yours")
    return Author(
        user_id=behalf.get("user_id"),
        district_id=behalf["district_id"],
        entered_by=actor.id,
        caller_id=behalf.get("caller_id"),
    )


async def elder_of_district(
    elders: ElderRepository, actor: Actor, registration_id: int
) -> ElderRegistration:
    reg = await elders.get(registration_id)
    if reg is None or reg.status is not RegistrationStatus.CONFIRMED:
        raise InputError("button-stale")
    if not may_moderate(actor, reg.district_id):
        raise InputError("behalf-not-yours")
    return reg


def parse_name(text: str | None) -> str:
    return parse_text(text, max_len=100, min_len=3, letters=True)


def parse_caller(name: str | None, phone: str | None) -> tuple[str, str]:
    full_name = parse_name(name)
    if not 10 <= len(re.sub(r"\D", "", phone or "")) <= 11:
        raise InputError("behalf-bad-phone")
    return full_name, normalize_phone(phone or "")


async def add_caller(
    users: UserRepository,
    audit: AuditRepository,
    actor: Actor,
    district_id: int,
    name: str,
    phone: str,
) -> Caller:
    """The person is kept with «согласие получено устно» and who took it."""
    caller = await users.add_caller(
        Caller(district_id=district_id, full_name=name, phone=phone, entered_by=actor.id)
    )
    await audit.write(actor.id, "caller.add", None, caller=caller.id, consent="oral")
    return caller
