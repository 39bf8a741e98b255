"""ТОС elders: which roles exist, what territory each covers, and the checks of the form."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.services.validation import InputError, parse_text


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
