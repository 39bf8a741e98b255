"""Votes of a territory and the initiative budget's projects: who may hold and cast them, the
ballots, the results (no Telegram here)."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from bot.permissions import Actor, may_hold_vote, may_look_after_vote, may_moderate
from bot.services.contests import address_key
from bot.services.validation import InputError, parse_count, parse_text
from storage.models import (
    ElderRegistration,
    Idea,
    IdeaStatus,
    Project,
    ProjectStatus,
    User,
    Vote,
    VoteOption,
)
from storage.repositories.audit import AuditRepository
from storage.repositories.directory import Directory
from storage.repositories.votes import VoteRepository

SCOPES = ("house", "street", "committee", "district", "municipality", "city")
MIN_OPTIONS, MAX_OPTIONS = 2, 10
MAX_QUESTION = 300
MAX_OPTION = 60  # an answer is a button on the vote's card: what a phone shows of one
MAX_DAYS = 60
DURATIONS = (3, 7, 14, 30)  # days, as buttons
REMIND_BEFORE = timedelta(days=1)
MAX_COST = 1_000_000_000  # roubles
MAX_PAPER = 100_000


# --- Territory ---------------------------------------------------------------------------------


def home_keys(street: str | None, house: str | None) -> tuple[str | None, str | None]:
    """The normalized street and house a resident's home and a vote's territory are compared by."""
    street_key = address_key({"street": street}) if street else None
    house_key = address_key({"house": house}) if house else None
    return street_key or None, house_key or None


def territory_of_registration(reg: ElderRegistration, scope: str) -> dict[str, Any]:
    """An elder's own house, street or committee as a vote's territory."""
    street_key, house_key = home_keys(reg.street, reg.house)
    territory: dict[str, Any] = {"district_id": reg.district_id}
    if scope == "committee":
        territory["committee_id"] = reg.committee_id
    else:
        territory.update(street=reg.street, street_key=street_key)
        if scope == "house":
            territory.update(house=reg.house, house_key=house_key)
    return territory


def elder_territories(regs: Sequence[ElderRegistration]) -> list[tuple[str, int]]:
    """(scope, registration) pairs an elder may put a vote to: their house, street, committee."""
    found: list[tuple[str, int]] = []
    for reg in regs:
        if reg.street and reg.house:
            found.append(("house", reg.id))
        if reg.street:
            found.append(("street", reg.id))
        if reg.committee_id:
            found.append(("committee", reg.id))
    return found


def territory_label(vote: Vote | dict[str, Any], directory: Directory) -> str:
    """«Центральный район», «ул. Весенняя, 17 (Центральный район)», «Кемеровский городской округ»."""
    get = vote.get if isinstance(vote, dict) else lambda k: getattr(vote, k, None)
    scope = get("scope")
    district = directory.district(get("district_id"))
    if scope == "city":
        return ""
    if scope == "municipality":
        municipality = directory.municipality(get("municipality_id"))
        return municipality.name if municipality else ""
    if scope == "committee":
        committee = directory.committee(get("committee_id"))
        return committee.name if committee else ""
    if scope == "district":
        return district.name if district else ""
    place = get("place") or ", ".join(p for p in (get("street"), get("house")) if p)
    return f"{place} ({district.name})" if district else place


# --- Creating a vote ---------------------------------------------------------------------------


def parse_question(text: str | None) -> str:
    return parse_text(text, max_len=MAX_QUESTION, min_len=5, letters=True)


def parse_street(text: str | None) -> str:
    return parse_text(text, max_len=100, min_len=3, letters=True)


def parse_house(text: str | None) -> str:
    return parse_text(text, max_len=16)


def parse_options(text: str | None, have: Sequence[str]) -> list[str]:
    """New options from a message: one per line. Repeated or too many are refused."""
    lines = [" ".join(line.split()) for line in (text or "").splitlines()]
    added = [parse_text(line, max_len=MAX_OPTION) for line in lines if line]
    if not added:
        raise InputError("input-need-text")
    known = {o.lower() for o in have}
    for option in added:
        if option.lower() in known:
            raise InputError("vote-option-repeated", option=option)
        known.add(option.lower())
    if len(have) + len(added) > MAX_OPTIONS:
        raise InputError("vote-options-too-many", most=MAX_OPTIONS)
    return added


def end_of_day(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(23, 59), tzinfo=tz).astimezone(UTC)


def ends_after(days: int, now: datetime, tz: tzinfo) -> datetime:
    return end_of_day(now.astimezone(tz).date() + timedelta(days=days), tz)


@dataclass(frozen=True)
class NewVote:
    question: str
    scope: str
    territory: dict[str, Any]
    options: list[str]
    multiple: bool
    ends_at: datetime
    projects: list[int]  # a vote on projects: their ids, in the options' order
    winners: int


def new_vote(draft: dict[str, Any]) -> NewVote:
    """The draft of the vote form, checked once more as a whole before it is stored."""
    options = list(draft.get("options") or [])
    if not (MIN_OPTIONS <= len(options) <= MAX_OPTIONS) or not draft.get("question"):
        raise InputError("vote-incomplete")
    if draft.get("scope") not in SCOPES or not draft.get("ends_at"):
        raise InputError("vote-incomplete")
    return NewVote(
        question=draft["question"],
        scope=draft["scope"],
        territory=dict(draft.get("territory") or {}),
        options=options,
        multiple=bool(draft.get("multiple")),
        ends_at=datetime.fromisoformat(draft["ends_at"]),
        projects=list(draft.get("projects") or []),
        winners=int(draft.get("winners") or 0),
    )


def vote_of(scope: str | None, territory: dict[str, Any]) -> Vote:
    """A vote's row for a scope and territory (the draft's, to count its people, or to store)."""
    t = territory
    return Vote(
        scope=scope,
        municipality_id=t.get("municipality_id"),
        district_id=t.get("district_id"),
        committee_id=t.get("committee_id"),
        street_key=t.get("street_key"),
        house_key=t.get("house_key"),
        place=", ".join(p for p in (t.get("street"), t.get("house")) if p) or None,
    )


async def create_vote(
    votes: VoteRepository,
    audit: AuditRepository,
    actor: Actor,
    elder_of: list[ElderRegistration],
    spec: NewVote,
    now: datetime,
) -> Vote:
    """The vote is stored (its invitation is the caller's); the right is checked again here."""
    if not may_hold_vote(actor, spec.scope, spec.territory, elder_of):
        raise InputError("vote-not-yours")
    if spec.ends_at <= now:
        raise InputError("vote-end-past")
    vote = vote_of(spec.scope, spec.territory)
    vote.author_id = actor.id
    vote.question = spec.question
    vote.options = [
        VoteOption(
            position=i,
            text=text,
            project_id=spec.projects[i] if i < len(spec.projects) else None,
        )
        for i, text in enumerate(spec.options)
    ]
    vote.multiple = spec.multiple
    vote.winners = spec.winners
    vote.ends_at = spec.ends_at
    vote.created_at = now
    await votes.add(vote)
    if spec.projects:
        for project in [await votes.project(p) for p in spec.projects]:
            if project is None or project.status is not ProjectStatus.SHORTLISTED:
                raise InputError("project-not-shortlisted")
            project.status = ProjectStatus.VOTING
            project.vote_id = vote.id
    await audit.write(actor.id, "vote.create", None, vote=vote.id, scope=spec.scope)
    return vote


# --- Casting -----------------------------------------------------------------------------------


def is_open(vote: Vote, now: datetime) -> bool:
    return vote.closed_at is None and vote.ends_at > now


def most_choices(vote: Vote) -> int:
    """How many options one person may choose: one; all; or, on projects, as many as win."""
    if not vote.multiple:
        return 1
    return vote.winners or len(vote.options)


def options_of_mask(vote: Vote, mask: int) -> list[int]:
    """The options whose positions are the set bits of a multiple choice's button."""
    return [o.id for o in vote.options if mask >> o.position & 1]


async def cast(
    votes: VoteRepository, vote: Vote, user: User, option_ids: list[int], now: datetime
) -> bool:
    """The user's ballot (returns whether it replaced an earlier one). Refused: the vote is
    over, the user does not live in its territory, an option is not the vote's, too many
    choices, or the same choice again."""
    if not is_open(vote, now):
        raise InputError("vote-over")
    may, before = await votes.standing(vote, user.id)
    if not user.has_consent or not may:
        raise InputError("vote-not-for-you")
    known = {o.id for o in vote.options}
    chosen = sorted(set(option_ids))
    if not chosen or not set(chosen) <= known:
        raise InputError("vote-choose-one")
    if len(chosen) > most_choices(vote):
        raise InputError("vote-too-many", most=most_choices(vote))
    if before == chosen:
        raise InputError("vote-same-again")
    return await votes.cast(vote.id, user.id, chosen, now)


# --- Results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    option: VoteOption
    online: int
    paper: int

    @property
    def total(self) -> int:
        return self.online + self.paper


@dataclass(frozen=True)
class Results:
    lines: list[Line]  # most votes first (ties: in the options' order)
    voters: int  # people who voted in the bot
    paper_voters: int  # people on the paper ballots

    @property
    def votes(self) -> int:
        return sum(line.total for line in self.lines)

    def share(self, line: Line) -> int:
        return round(line.total * 100 / self.votes) if self.votes else 0

    def winners(self, how_many: int) -> list[Line]:
        """The `how_many` most voted with at least one vote (a tie at the edge wins too)."""
        voted = [line for line in self.lines if line.total > 0]
        if len(voted) <= how_many:
            return voted
        edge = voted[how_many - 1].total
        return [line for line in voted if line.total >= edge]


async def results(votes: VoteRepository, vote: Vote) -> Results:
    online, voters = await votes.online(vote.id)
    paper, paper_voters = await votes.paper(vote.id)
    lines = [Line(o, online.get(o.id, 0), paper.get(o.id, 0)) for o in vote.options]
    lines.sort(key=lambda line: (-line.total, line.option.position))
    return Results(lines, voters, paper_voters)


def bar(share: int, width: int = 8) -> str:
    filled = round(share * width / 100)
    return "▇" * filled + "░" * (width - filled)


async def close(votes: VoteRepository, vote: Vote, now: datetime) -> Results:
    """The vote ends: its results are counted, and on projects the most voted win."""
    counted = await results(votes, vote)
    vote.closed_at = now
    if vote.winners:
        won = {line.option.project_id for line in counted.winners(vote.winners)}
        for project in await votes.projects_of_vote(vote.id):
            project.status = ProjectStatus.WON if project.id in won else ProjectStatus.LOST
    return counted


def results_message(get: Any, vote: Vote, counted: Results, directory: Directory) -> str:
    """The results with a bar per option (without bars when there are many options: 600
    characters at most)."""
    key = "vote-result-line" if len(counted.lines) <= 6 else "vote-result-line-short"
    lines = []
    for line in counted.lines:
        share = counted.share(line)
        lines.append(
            get(
                key,
                bar=bar(share),
                share=share,
                option=html.escape(line.option.text[:40]),
                total=line.total,
            )
        )
        if line.paper:
            lines.append("   " + get("vote-result-paper", paper=line.paper))
    if vote.winners:
        names = ", ".join(html.escape(w.option.text[:40]) for w in counted.winners(vote.winners))
        if names:
            lines.append(get("vote-winners", names=names))
    paper = get("vote-results-paper", people=counted.paper_voters) if counted.paper_voters else ""
    return get(
        "vote-results",
        question=html.escape(vote.question),
        territory=html.escape(territory_label(vote, directory)),
        lines="\n".join(lines),
        voters=counted.voters,
        paper=paper,
    )


# --- Paper ballots -----------------------------------------------------------------------------


def parse_paper(text: str | None, least: int, most: int) -> int:
    return parse_count(text or "", least, most)


def parse_people(text: str | None) -> int:
    """How many people voted on paper at a meeting."""
    return parse_paper(text, 1, MAX_PAPER)


def parse_paper_counts(text: str | None, options: int, people: int) -> list[int]:
    """«12, 8, 0» or one number a line: as many numbers as options, none above the people."""
    parts = [p for p in re.split(r"[,;\n]+", text or "") if p.strip()]
    if len(parts) != options:
        raise InputError("vote-paper-count-mismatch", options=options)
    counts = [parse_paper(p, 0, MAX_PAPER) for p in parts]
    if any(n > people for n in counts):
        raise InputError("vote-paper-too-many", people=people)
    return counts


async def add_paper(
    votes: VoteRepository,
    audit: AuditRepository,
    actor: Actor,
    vote: Vote,
    people: int,
    counts: dict[int, int],
    now: datetime,
) -> None:
    """The figures of an offline meeting: per option, and how many took part."""
    if not may_look_after_vote(actor, vote.author_id, vote.district_id):
        raise InputError("vote-not-yours")
    if not is_open(vote, now):
        raise InputError("vote-over")
    if set(counts) - {o.id for o in vote.options} or people < 1:
        raise InputError("vote-incomplete")
    if any(n > people for n in counts.values()) or (
        not vote.multiple and sum(counts.values()) > people
    ):
        raise InputError("vote-paper-too-many", people=people)
    await votes.add_paper(vote, counts, people, actor.id, now)
    await audit.write(actor.id, "vote.paper", None, vote=vote.id, people=people)


# --- Projects of the initiative budget ---------------------------------------------------------


MAX_TITLE, MAX_DESCRIPTION = 150, 2000  # a project's


def parse_title(text: str | None) -> str:
    return parse_text(text, max_len=MAX_TITLE, min_len=3, letters=True)


def parse_description(text: str | None) -> str:
    return parse_text(text, max_len=MAX_DESCRIPTION, min_len=3)


def parse_cost(text: str | None) -> int:
    digits = "".join((text or "").split()).removesuffix("₽").removesuffix("руб").rstrip(".")
    return parse_count(digits, 1, MAX_COST)


async def shortlist(
    votes: VoteRepository,
    audit: AuditRepository,
    actor: Actor,
    idea: Idea,
    draft: dict[str, Any],
) -> Project:
    """An idea becomes a project of the district's initiative budget (once)."""
    if not may_moderate(actor, idea.district_id):
        raise InputError("idea-other-district")
    if await votes.project_of_idea(idea.id) is not None:
        raise InputError("project-exists")
    project = Project(
        idea_id=idea.id,
        district_id=idea.district_id,
        title=draft["title"],
        description=draft.get("description") or "",
        cost=int(draft["cost"]),
        photo=idea.photos[0].file_id if idea.photos else None,
        status=ProjectStatus.SHORTLISTED,
        created_by=actor.id,
    )
    votes.session.add(project)
    await votes.session.flush()
    if idea.status is IdeaStatus.NEW:
        idea.status = IdeaStatus.ACCEPTED
    await audit.write(actor.id, "project.shortlist", None, project=project.id, idea=idea.id)
    return project


def may_change_project(actor: Actor, project: Project | None) -> Project:
    if project is None:
        raise InputError("button-stale")
    if not may_moderate(actor, project.district_id):
        raise InputError("idea-other-district")
    return project


async def mark_done(audit: AuditRepository, actor: Actor, project: Project, now: datetime) -> None:
    if project.status is not ProjectStatus.WON:
        raise InputError("project-not-won")
    project.status = ProjectStatus.DONE
    project.done_at = now
    await audit.write(actor.id, "project.done", None, project=project.id)
