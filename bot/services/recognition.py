"""Recognition (no Telegram here): an activist's record of a period, rankings of activists and
committees with the figures behind each place, and awards — the memorial badge «За активную работу
в органах ТОС» or a thanks letter — that admins give from the ranking."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from bot.permissions import Actor, may_award, may_invite
from bot.services.stats import Period
from bot.services.validation import InputError, parse_text
from storage.models import Award, CityInvitation, User
from storage.repositories.audit import AuditRepository
from storage.repositories.recognition import InvitationRepository, RecognitionRepository

AWARDS = ("badge", "letter")
GUESTS = ("awarded", "elders", "staff")
MAX_REASON = 300
RANKING_SIZE = 10

T = TypeVar("T")


@dataclass
class Record:
    user_id: int
    name: str
    district_id: int | None
    reports: int = 0
    participants: int = 0
    places: list[tuple[int, str]] = field(default_factory=list)  # (place, contest)
    attendance: int = 0

    @property
    def merit(self) -> tuple[int, int, int, int]:
        """What puts one activist above another, in this order."""
        return (self.reports, self.participants, len(self.places), self.attendance)


def ranked(items: Sequence[T], merit: Callable[[T], tuple[int, ...]]) -> list[tuple[int, T]]:
    """Places as a jury gives them: equal figures share a place, the next place skips
    («1, 2, 2, 4»)."""
    ordered = sorted(items, key=merit, reverse=True)
    out: list[tuple[int, T]] = []
    for n, item in enumerate(ordered, start=1):
        place = out[-1][0] if out and merit(out[-1][1]) == merit(item) else n
        out.append((place, item))
    return out


async def records(
    repo: RecognitionRepository,
    period: Period,
    tz: ZoneInfo,
    district_id: int | None,
    user_id: int | None = None,
) -> list[Record]:
    """Everyone (or one person) who has accepted reports in the period, with their figures."""
    found = {
        u: Record(u, name or "—", district, n, p)
        for u, name, district, n, p in await repo.reports_by_author(
            period.start, period.end, district_id, user_id
        )
    }
    if not found:
        return []
    start_utc, end_utc = period.utc_bounds(tz)
    for u, place, contest in await repo.places(start_utc, end_utc, list(found)):
        found[u].places.append((place, contest))
    for u, sessions in (await repo.attendance(start_utc, end_utc, list(found))).items():
        found[u].attendance = sessions
    return list(found.values())


async def record_of(
    repo: RecognitionRepository, user: User, period: Period, tz: ZoneInfo
) -> Record:
    found = await records(repo, period, tz, None, user.id)
    return found[0] if found else Record(user.id, user.full_name or "—", user.district_id)


async def ranking(
    repo: RecognitionRepository, period: Period, tz: ZoneInfo, district_id: int | None
) -> list[tuple[int, Record]]:
    return ranked(await records(repo, period, tz, district_id), lambda r: r.merit)[:RANKING_SIZE]


@dataclass
class CommitteeRecord:
    name: str
    reports: int
    participants: int
    activists: int


async def committee_ranking(
    repo: RecognitionRepository,
    period: Period,
    district_id: int | None,
    committee_name: Callable[[int], str | None],
) -> list[tuple[int, CommitteeRecord]]:
    """Committees by their activists' accepted reports (a committee typed by hand is its own)."""
    rows = [
        CommitteeRecord(
            (committee_name(committee_id) if committee_id else None) or other or "—", n, p, a
        )
        for committee_id, other, n, p, a in await repo.committees(
            period.start, period.end, district_id
        )
    ]
    return ranked(rows, lambda c: (c.reports, c.participants, c.activists))[:RANKING_SIZE]


def parse_reason(text: str | None) -> str:
    return parse_text(text, max_len=MAX_REASON, min_len=5, letters=True)


async def give_award(
    repo: RecognitionRepository,
    audit: AuditRepository,
    actor: Actor,
    person: User | None,
    kind: str,
    year: int,
    reason: str,
) -> Award:
    """A badge or a letter for a person of the actor's territory (once a year each kind)."""
    if kind not in AWARDS or person is None or not person.has_consent:
        raise InputError("button-stale")
    if not may_award(actor, person.district_id):
        raise InputError("award-not-yours")
    if await repo.award_of(person.id, kind, year) is not None:
        raise InputError("award-already")
    award = await repo.add(
        Award(
            user_id=person.id,
            kind=kind,
            year=year,
            reason=reason,
            created_by=actor.id,
            created_at=datetime.now(UTC),
        )
    )
    await audit.write(actor.id, "award.give", person.id, award=kind, year=year)
    return award


async def take_back_award(
    repo: RecognitionRepository,
    audit: AuditRepository,
    actor: Actor,
    person: User | None,
    kind: str,
    year: int,
) -> None:
    """A mistaken award removed by the admins over the person's district."""
    award = await repo.award_of(person.id, kind, year) if person else None
    if award is None or person is None:
        raise InputError("award-gone")
    if not may_award(actor, person.district_id):
        raise InputError("award-not-yours")
    await repo.remove(award)
    await audit.write(actor.id, "award.take_back", person.id, award=kind, year=year)


# --- Invitations to the «Слёт общественности» (or another city event) -----------------------------


def parse_title(text: str | None) -> str:
    return parse_text(text, max_len=150, min_len=3, letters=True)


def parse_place(text: str | None) -> str:
    return parse_text(text, max_len=200, min_len=3, letters=True)


def invitation_of(draft: dict[str, Any], year: int) -> CityInvitation:
    """The draft as an invitation row (not stored yet: its reach is counted from it)."""
    if draft.get("guests") not in GUESTS:
        raise InputError("button-stale")
    return CityInvitation(
        title=draft["title"],
        starts_at=datetime.fromisoformat(draft["starts_at"]),
        place=draft["place"],
        guests=draft["guests"],
        district_id=draft.get("district_id") or None,
        year=year,
    )


async def create_invitation(
    invitations: InvitationRepository,
    audit: AuditRepository,
    actor: Actor,
    draft: dict[str, Any],
    now: datetime,
) -> CityInvitation:
    """The invitation stored, the right over its territory checked again at «Отправить»."""
    invitation = invitation_of(draft, now.year)
    if not may_invite(actor, invitation.district_id):
        raise InputError("invite-not-yours")
    if invitation.starts_at <= now:
        raise InputError("gather-in-past")
    invitation.created_by, invitation.created_at = actor.id, now
    await invitations.add(invitation)
    await audit.write(actor.id, "invitation.create", None, invitation=invitation.id)
    return invitation


async def answer_invitation(
    invitations: InvitationRepository,
    invitation: CityInvitation | None,
    user: User,
    coming: bool,
    now: datetime,
) -> CityInvitation:
    if invitation is None or invitation.starts_at <= now:
        raise InputError("invite-over")
    if not await invitations.is_invited(invitation, user.id):
        raise InputError("invite-not-for-you")
    await invitations.reply(invitation.id, user.id, coming, now)
    return invitation
