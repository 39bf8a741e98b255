"""Media publications about the work of centers and committees: staff record the link, the outlet
and the day; the year's figures count them (no Telegram here)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from bot.permissions import Actor, may_record_media
from bot.services.validation import InputError, check_date, parse_date, parse_text
from storage.models import MediaPublication
from storage.repositories.audit import AuditRepository
from storage.repositories.media import MediaRepository

OUTLET_KINDS = ("newspaper", "tv", "radio", "site", "social")  # buttons; any name can be typed
MAX_AGE_DAYS = 366  # a publication of the past year can still be recorded
MAX_LINK = 500
LINK = re.compile(r"(https?://)?([\w-]+\.)+[\w-]{2,}(/\S*)?", re.IGNORECASE)


def parse_link(text: str | None) -> str:
    """A web address as people paste it: «https://vk.com/wall-1_2», «vk.com/…», «t.me/…»."""
    value = (text or "").strip()
    if len(value) > MAX_LINK:
        raise InputError("input-too-long", max=MAX_LINK, length=len(value))
    if not LINK.fullmatch(value):
        raise InputError("media-bad-link")
    return value if value.lower().startswith(("http://", "https://")) else f"https://{value}"


def parse_outlet(text: str | None) -> str:
    return parse_text(text, max_len=100, min_len=2, letters=True)


def parse_published_on(text: str | None, today: date) -> date:
    return parse_date(text or "", today, MAX_AGE_DAYS)


async def record_publication(
    media: MediaRepository,
    audit: AuditRepository,
    actor: Actor,
    draft: dict[str, Any],
    today: date,
) -> MediaPublication:
    """The publication in the actor's own district (its right checked again at «Отправить»)."""
    district_id = actor.staff_district_id
    if district_id is None or not may_record_media(actor, district_id):
        raise InputError("media-staff-only")
    published_on = date.fromisoformat(draft["published_on"])
    check_date(published_on, today, MAX_AGE_DAYS)  # a draft may have aged out
    publication = MediaPublication(
        district_id=district_id,
        center_id=actor.center_id,
        url=draft.get("url") or "",
        outlet=draft["outlet"],
        published_on=published_on,
        created_by=actor.id,
    )
    await media.add(publication)
    await audit.write(actor.id, "media.add", None, publication=publication.id)
    return publication


async def remove_publication(
    media: MediaRepository, audit: AuditRepository, actor: Actor, publication_id: int
) -> MediaPublication:
    publication = await media.get(publication_id)
    if publication is None or not may_record_media(actor, publication.district_id):
        raise InputError("media-not-yours")
    await media.remove(publication)
    await audit.write(actor.id, "media.remove", None, publication=publication_id)
    return publication
