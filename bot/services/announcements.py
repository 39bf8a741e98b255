"""What an announcement will take: messages, time at the sending rate, Stars for an urgent one."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.permissions import Actor, may_address, may_send_urgent
from bot.services.validation import InputError
from storage.models import Announcement, AnnouncementStatus
from storage.repositories.announcements import AnnouncementRepository
from storage.repositories.audit import AuditRepository
from storage.repositories.clubs import ClubRepository
from storage.repositories.directory import Directory

PHOTO_CAPTION_MAX = 1024  # a longer text follows the photo as a message of its own
PAID_MESSAGES_PER_STAR = 10  # Telegram's paid broadcast: 0.1 Star a message


@dataclass(frozen=True)
class SendEstimate:
    messages: int
    minutes: int  # whole minutes, rounded up; 0 when it takes less than a minute
    stars: int  # what Telegram charges; 0 for an ordinary announcement


def estimate(recipients: int, text: str, photo: bool, rate: float, urgent: bool) -> SendEstimate:
    each = 2 if photo and len(text) > PHOTO_CAPTION_MAX else 1
    messages = recipients * each
    seconds = messages / rate
    return SendEstimate(
        messages=messages,
        minutes=math.ceil(seconds / 60) if seconds >= 60 else 0,
        stars=math.ceil(messages / PAID_MESSAGES_PER_STAR) if urgent else 0,
    )


def own_target(actor: Actor, audience: str) -> tuple[bool, int | None]:
    """Whether the author must choose a target for `audience`, or else the one it is: staff
    address their own center and district; an admin's «all» has no target."""
    if audience == "club" or (actor.is_admin and audience != "all"):
        return True, None
    if audience == "all":
        return False, None
    return False, actor.center_id if audience == "center" else actor.staff_district_id


async def may_send(
    actor: Actor,
    directory: Directory,
    clubs: ClubRepository,
    audience: str,
    audience_id: int | None,
) -> bool:
    """The actor may address this audience (bot/permissions.py), and it exists."""
    if audience == "club":
        club = await clubs.club(audience_id or 0)
        return (
            club is not None
            and club.active
            and may_address(actor, audience, center_id=club.center_id)
        )
    if audience == "center":
        return may_address(actor, audience, center_id=audience_id)
    if audience in ("district", "elders"):
        exists = directory.district(audience_id) is not None
        return exists and may_address(actor, audience, district_id=audience_id)
    if audience == "municipality":
        return directory.municipality(audience_id) is not None and may_address(
            actor, audience, municipality_id=audience_id
        )
    return audience == "all" and may_address(actor, audience)


async def create_announcement(
    announcements: AnnouncementRepository,
    audit: AuditRepository,
    actor: Actor,
    draft: dict[str, Any],
    directory: Directory,
    clubs: ClubRepository,
) -> Announcement:
    """A previewed announcement is scheduled (now or at its time) and audited. Raises InputError
    when the author may not address the audience (any more) or nobody is in it."""
    urgent = bool(draft.get("urgent"))
    audience, audience_id = draft["audience"], draft.get("audience_id")
    allowed = await may_send(actor, directory, clubs, audience, audience_id)
    if not allowed or (urgent and not may_send_urgent(actor)):
        raise InputError("button-stale")
    if await announcements.audience_size(audience, audience_id, "news") == 0:
        raise InputError("ann-no-recipients")
    send_at = (
        datetime.fromisoformat(draft["send_at"]) if draft.get("send_at") else datetime.now(UTC)
    )
    announcement = await announcements.add(
        Announcement(
            author_id=actor.id,
            kind="news",
            audience=audience,
            audience_id=audience_id,
            text=draft["text"],
            photo=draft.get("photo"),
            send_at=send_at,
            status=AnnouncementStatus.SCHEDULED,
            urgent=urgent,
        )
    )
    await audit.write(
        actor.id,
        "broadcast.create",
        None,
        announcement=announcement.id,
        audience=audience,
        audience_id=audience_id,
        urgent=urgent,
    )
    return announcement


async def queue_notice(
    announcements: AnnouncementRepository,
    author_id: int,
    audience: str,
    audience_id: int,
    kind: str,
    text: str,
    now: datetime,
    **extra: Any,
) -> Announcement:
    """A message to an audience (a vote's residents, a субботник's, a project's people) for the
    delivery engine, sent from now on once the update is committed."""
    return await announcements.add(
        Announcement(
            author_id=author_id,
            kind=kind,
            audience=audience,
            audience_id=audience_id,
            text=text,
            send_at=now,
            status=AnnouncementStatus.SCHEDULED,
            **extra,
        )
    )
