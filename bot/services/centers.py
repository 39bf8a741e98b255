"""A center's card, kept by its own staff (and admins): what each field accepts, and saving it.
The registry upload checks its cells with the same parsers."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.permissions import Actor, may_run_center
from bot.services.validation import InputError, Refusal, parse_text
from storage.models import Center
from storage.repositories.audit import AuditRepository
from storage.repositories.directory import Directory

# The card's fields in the order of the card; «point» is the map point (lat and lon).
CARD_FIELDS = (
    "address",
    "hours",
    "phone",
    "point",
    "link",
    "rental",
    "consultations",
    "collection",
)
TEXT_LIMITS = {
    "address": 300,
    "hours": 200,
    "link": 200,
    "rental": 300,
    "consultations": 300,
    "collection": 300,
}
MAX_PHONES = 3
# Kuzbass and around: a point outside is a typo (swapped numbers, a missing digit).
LAT_RANGE = (50.0, 58.0)
LON_RANGE = (82.0, 92.0)
LINK_HOSTS = ("t.me", "vk.com", "vk.ru", "ok.ru", "chat.whatsapp.com", "wa.me", "max.ru")


def parse_phones(text: str | None) -> str:
    """One to three Russian phone numbers with their codes, as people write them:
    «8 (3842) 12-34-56, +7 923 123 45 67»."""
    value = parse_text(text, max_len=100)
    numbers = [n for n in re.split(r"[,;]|\s{2,}", value) if n.strip()]
    if not 1 <= len(numbers) <= MAX_PHONES:
        raise InputError("input-bad-phone", max=MAX_PHONES)
    out = []
    for number in numbers:
        digits = re.sub(r"\D", "", number)
        if len(digits) == 10:
            digits = "7" + digits
        if len(digits) != 11 or digits[0] not in "78" or re.search(r"[^\d\s()+\-.]", number):
            raise InputError("input-bad-phone", max=MAX_PHONES)
        out.append(" ".join(number.split()))  # as the center writes it: «8 (3842) 12-34-56»
    return ", ".join(out)


def check_point(lat: float, lon: float) -> tuple[float, float]:
    if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
        raise InputError("input-bad-point")
    return round(lat, 6), round(lon, 6)


def parse_point(text: str | None) -> tuple[float, float]:
    """«55.354, 86.087», «55,354 86,087» or «55.354;86.087» (latitude first, as maps copy it)."""
    numbers = re.findall(r"-?\d{1,3}(?:[.,]\d+)?", text or "")
    leftover = re.sub(r"-?\d{1,3}(?:[.,]\d+)?|[\s,;]", "", text or "")
    if len(numbers) != 2 or leftover:
        raise InputError("input-bad-point")
    lat, lon = (float(n.replace(",", ".")) for n in numbers)
    return check_point(lat, lon)


def parse_link(text: str | None) -> str:
    """The center's group: a Telegram, VK, OK, WhatsApp or MAX address."""
    value = parse_text(text, max_len=TEXT_LIMITS["link"]).strip()
    if not re.match(r"https?://", value):
        value = "https://" + value.lstrip("@/")
    match = re.fullmatch(r"https?://([^/\s?#]+)(/[^\s]*)?", value)
    host = match.group(1).lower().removeprefix("www.") if match else ""
    if host not in LINK_HOSTS or not (match and match.group(2) and len(match.group(2)) > 1):
        raise InputError("input-bad-link")
    return "https://" + host + (match.group(2) or "")


def parse_card_field(field: str, text: str | None) -> Any:
    """What a typed answer means for this field of the card."""
    if field == "phone":
        return parse_phones(text)
    if field == "point":
        return parse_point(text)
    if field == "link":
        return parse_link(text)
    return parse_text(text, max_len=TEXT_LIMITS[field], min_len=2)


async def set_card_field(
    session: AsyncSession,
    audit: AuditRepository,
    directory: Directory,
    actor: Actor,
    center_id: int,
    field: str,
    value: Any,
) -> Center:
    """Save one field (None clears it), for this center's staff or an admin; every process sees
    the new card on its next update."""
    center = await session.get(Center, center_id)
    if center is None or not center.active or field not in CARD_FIELDS:
        raise Refusal("button-stale")
    if not may_run_center(actor, center.id):
        raise Refusal("mycenter-not-yours")
    if field == "point":
        center.lat, center.lon = value if value is not None else (None, None)
    else:
        setattr(center, field, value)
    center.edited_at = datetime.now(UTC)
    await audit.write(actor.id, "center.edit", None, center=center.name, field=field)
    await session.flush()
    directory.replace_with(await Directory.load(session))
    await directory.publish(session)
    return center
