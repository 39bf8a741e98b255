"""ТОС elders: which roles exist, what territory each covers, and the checks of the form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.services.validation import InputError, parse_count, parse_text
from storage.models import ElderRegistration, User
from storage.repositories.elders import ElderRepository


@dataclass(frozen=True)
class TosRole:
    code: str
    street: bool
    house: bool
    entrance: bool


TOS_ROLES: dict[str, TosRole] = {
    r.code: r
    for r in (
        TosRole("house_elder", street=True, house=True, entrance=False),
        TosRole("entrance_elder", street=True, house=True, entrance=True),
        TosRole("street_elder", street=True, house=False, entrance=False),
        TosRole("house_committee", street=True, house=True, entrance=False),
        TosRole("street_committee", street=True, house=False, entrance=False),
        TosRole("district_committee", street=False, house=False, entrance=False),
        TosRole("mkd_council", street=True, house=True, entrance=False),
        TosRole("activist", street=True, house=False, entrance=False),
        TosRole("house_mistress", street=True, house=True, entrance=False),
    )
}

NAME_RE = re.compile(r"[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё'’.\-]*")
HOUSE_RE = re.compile(r"\d{1,4}(\s?[А-Яа-яA-Za-z]|/\d{1,3}|\s?к\.?\s?\d{1,2})?")


def parse_full_name(text: str | None) -> str:
    value = parse_text(text, max_len=100, min_len=3)
    words = value.split(" ")
    if len(words) < 2 or not all(NAME_RE.fullmatch(w) for w in words):
        raise InputError("input-bad-name")
    return value


def parse_house(text: str | None) -> str:
    value = parse_text(text, max_len=16)
    if not HOUSE_RE.fullmatch(value):
        raise InputError("input-bad-house")
    return value


def normalize_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    if len(digits) == 11 and digits[0] == "8":
        digits = "7" + digits[1:]
    return f"+{digits}"


TERRITORY_PARTS = ("street", "house", "entrance")


def territory_parts(role_code: str) -> tuple[str, ...]:
    """Which of street, house and entrance a role's territory is described by."""
    role = TOS_ROLES.get(role_code)
    return tuple(p for p in TERRITORY_PARTS if role is not None and getattr(role, p))


def parse_answer(step: str, text: str | None) -> Any:
    """A typed answer of the application form."""
    if step == "house":
        return parse_house(text)
    if step == "entrance":
        return parse_count(text or "", 1, 99)
    if step == "full_name":
        return parse_full_name(text)
    return parse_text(text, max_len=100, min_len=2, letters=True)  # the street, a committee


def missing_answers(draft: dict[str, Any]) -> list[str]:
    missing = [] if draft.get("tos_role") in TOS_ROLES else ["role"]
    if not draft.get("district_id"):
        missing.append("district")
    if draft.get("committee_id") is None and not draft.get("committee_other"):
        missing.append("committee")
    missing += [p for p in territory_parts(draft.get("tos_role", "")) if not draft.get(p)]
    missing += [p for p in ("full_name", "phone") if not draft.get(p)]
    return missing


async def apply_for_territory(
    elders: ElderRepository, user: User, draft: dict[str, Any]
) -> ElderRegistration:
    """A complete form becomes an application (one open application per territory); the name and
    the phone are stored on the user only now."""
    if missing_answers(draft):
        raise InputError("reg-incomplete")
    reg = ElderRegistration(
        user_id=user.id,
        tos_role=draft["tos_role"],
        district_id=draft["district_id"],
        committee_id=draft.get("committee_id"),
        committee_other=draft.get("committee_other") or None,
        street=draft.get("street"),
        house=draft.get("house"),
        entrance=draft.get("entrance"),
    )
    existing = await elders.same_territory_open(reg)
    if existing is not None:
        raise InputError("reg-duplicate", id=str(existing.id), status=existing.status.value)
    user.full_name, user.phone = draft["full_name"], draft["phone"]
    return await elders.add(reg)
