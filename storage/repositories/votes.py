"""Votes, ballots, paper tallies and the initiative budget's projects."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, false, func, insert, literal, or_, select, union_all

from storage.models import (
    Ballot,
    BallotChoice,
    District,
    Gathering,
    IdeaSupport,
    PaperTally,
    Project,
    ProjectStatus,
    User,
    Vote,
)
from storage.repositories.base import Repository, count_rows, upsert


def lives_in(vote: Vote | Gathering) -> ColumnElement[bool]:
    """Who lives in a vote's (or a субботник's) territory, by the home they registered."""
    if vote.scope == "city":
        return User.district_id.is_not(None)
    if isinstance(vote, Vote) and vote.scope == "municipality":
        districts = select(District.id).where(District.municipality_id == vote.municipality_id)
        return User.district_id.in_(districts)
    if vote.scope == "committee":
        return User.committee_id == vote.committee_id
    same_district = User.district_id == vote.district_id
    if vote.scope == "district":
        return same_district
    same_street = same_district & (User.street_key == vote.street_key)
    if vote.scope == "street":
        return same_street
    same_house = same_street & (User.house_key == vote.house_key)
    if vote.scope == "entrance":
        return same_house & (User.entrance == getattr(vote, "entrance", None))
    return same_house


def reaching(user: User) -> ColumnElement[bool]:
    """The votes whose territory holds this resident's registered home: `lives_in` seen from
    the resident's side (one rule, two directions; a test holds them to the same answers)."""
    if user.district_id is None:
        return false()

    def same(column: Any, value: object) -> ColumnElement[bool]:
        return false() if value is None else column == value

    municipality = select(District.municipality_id).where(District.id == user.district_id)
    same_district = Vote.district_id == user.district_id
    same_street = same_district & same(Vote.street_key, user.street_key)
    return or_(
        Vote.scope == "city",
        (Vote.scope == "municipality") & Vote.municipality_id.in_(municipality),
        (Vote.scope == "committee") & same(Vote.committee_id, user.committee_id),
        (Vote.scope == "district") & same_district,
        (Vote.scope == "street") & same_street,
        Vote.scope.not_in(("city", "municipality", "committee", "district", "street"))
        & same_street
        & same(Vote.house_key, user.house_key),
    )


def _open_for(now: datetime, user: User) -> list[ColumnElement[bool]]:
    return [Vote.closed_at.is_(None), Vote.ends_at > now, reaching(user)]


def _of_districts(district_ids: Sequence[int] | None) -> list[ColumnElement[bool]]:
    if district_ids is None:
        return [Vote.id.is_not(None)]  # names the table: see count_rows
    return [Vote.district_id.in_(district_ids)]


def _projects(
    district_ids: Sequence[int] | None, statuses: Sequence[ProjectStatus] | None
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Project.id.is_not(None)]  # names the table: see count_rows
    if district_ids is not None:
        where.append(Project.district_id.in_(district_ids))
    if statuses:
        where.append(Project.status.in_(statuses))
    return where


def voters_of(vote_id: int) -> Any:
    return select(Ballot.user_id).where(Ballot.vote_id == vote_id, Ballot.user_id.is_not(None))


class VoteRepository(Repository[Vote]):
    model = Vote

    async def open_for(
        self, now: datetime, user: User, offset: int = 0, limit: int = 5
    ) -> Sequence[Vote]:
        """A page of the open votes this resident may vote in, the soonest to end first."""
        result = await self.session.execute(
            select(Vote)
            .where(*_open_for(now, user))
            .order_by(Vote.ends_at, Vote.id)
            .offset(offset)
            .limit(limit)
        )
        return result.scalars().all()

    async def count_open_for(self, now: datetime, user: User) -> int:
        return await count_rows(self.session, *_open_for(now, user))

    async def voted_by(self, user_id: int, limit: int = 10) -> Sequence[Vote]:
        result = await self.session.execute(
            select(Vote)
            .join(Ballot, Ballot.vote_id == Vote.id)
            .where(Ballot.user_id == user_id)
            .order_by(Vote.ends_at.desc())
            .limit(limit)
        )
        return result.scalars().all()

    async def of_districts(
        self, district_ids: Sequence[int] | None, offset: int = 0, limit: int = 20
    ) -> Sequence[Vote]:
        """The votes staff look after: of their districts (None: all), open ones first, the
        newest first."""
        query = (
            select(Vote)
            .where(*_of_districts(district_ids))
            .order_by(Vote.closed_at.is_not(None), Vote.ends_at.desc(), Vote.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return (await self.session.execute(query)).scalars().all()

    async def count_of_districts(self, district_ids: Sequence[int] | None) -> int:
        return await count_rows(self.session, *_of_districts(district_ids))

    async def electorate(self, vote: Vote, kind: str) -> int:
        """How many people the vote reaches: consented, active, not muting this kind."""
        return int(
            await self.session.scalar(
                select(func.count())
                .select_from(User)
                .where(
                    lives_in(vote),
                    User.is_active,
                    User.consent_at.is_not(None),
                    ~User.muted.contains(kind),
                )
            )
            or 0
        )

    async def standing(self, vote: Vote, user_id: int) -> tuple[bool, list[int]]:
        """Whether the user may vote in it, and what they chose so far: one query (a burst of
        20 000 taps makes every round trip count)."""
        chosen = select(BallotChoice.option_id.label("id")).where(
            BallotChoice.ballot_id.in_(
                select(Ballot.id).where(Ballot.vote_id == vote.id, Ballot.user_id == user_id)
            )
        )
        eligible = select(literal(-1).label("id")).where(
            select(User.id).where(User.id == user_id, lives_in(vote)).exists()
        )
        ids = (await self.session.execute(union_all(chosen, eligible))).scalars().all()
        return -1 in ids, sorted(i for i in ids if i != -1)

    async def choices_of(self, vote_id: int, user_id: int) -> list[int]:
        result = await self.session.execute(
            select(BallotChoice.option_id)
            .join(Ballot, Ballot.id == BallotChoice.ballot_id)
            .where(Ballot.vote_id == vote_id, Ballot.user_id == user_id)
            .order_by(BallotChoice.option_id)
        )
        return list(result.scalars())

    async def cast(
        self, vote_id: int, user_id: int, option_ids: Sequence[int], now: datetime
    ) -> bool:
        """One ballot per person: a second cast replaces the choices. The upsert takes the
        ballot's row lock, so two taps at once (two processes) leave one ballot with one set of
        choices. Returns whether this changed an earlier ballot."""
        statement = (
            upsert(self.session, Ballot)
            .values(vote_id=vote_id, user_id=user_id, cast_at=now, changes=0)
            .on_conflict_do_update(
                index_elements=[Ballot.vote_id, Ballot.user_id],
                set_={"cast_at": now, "changes": Ballot.changes + 1},
            )
            .returning(Ballot.id, Ballot.changes)
        )
        ballot_id, changes = (await self.session.execute(statement)).one()
        if changes:  # a changed ballot: its earlier choices go
            await self.session.execute(
                delete(BallotChoice).where(BallotChoice.ballot_id == ballot_id)
            )
        await self.session.execute(
            insert(BallotChoice), [{"ballot_id": ballot_id, "option_id": o} for o in option_ids]
        )
        return bool(changes)

    async def online(self, vote_id: int) -> tuple[dict[int, int], int]:
        """Votes per option cast in the bot, and how many people cast them."""
        per_option = await self.session.execute(
            select(BallotChoice.option_id, func.count())
            .join(Ballot, Ballot.id == BallotChoice.ballot_id)
            .where(Ballot.vote_id == vote_id)
            .group_by(BallotChoice.option_id)
        )
        people = await self.session.scalar(
            select(func.count()).select_from(Ballot).where(Ballot.vote_id == vote_id)
        )
        return {o: n for o, n in per_option.all()}, int(people or 0)

    async def paper(self, vote_id: int) -> tuple[dict[int, int], int]:
        """Paper ballots per option, and how many people filled them (one row per meeting and
        option carries that meeting's people; they are counted once per meeting)."""
        rows = (
            await self.session.execute(
                select(
                    PaperTally.option_id,
                    PaperTally.count,
                    PaperTally.ballots,
                    PaperTally.entered_at,
                ).where(PaperTally.vote_id == vote_id)
            )
        ).all()
        per_option: dict[int, int] = {}
        meetings: dict[datetime, int] = {}
        for option_id, count, ballots, entered_at in rows:
            per_option[option_id] = per_option.get(option_id, 0) + count
            meetings[entered_at] = ballots
        return per_option, sum(meetings.values())

    async def add_paper(
        self, vote: Vote, counts: dict[int, int], ballots: int, by: int, now: datetime
    ) -> None:
        self.session.add_all(
            PaperTally(
                vote_id=vote.id,
                option_id=option_id,
                count=count,
                ballots=ballots,
                entered_by=by,
                entered_at=now,
            )
            for option_id, count in counts.items()
        )
        await self.session.flush()

    async def to_remind(self, now: datetime, before: Any) -> Sequence[Vote]:
        result = await self.session.execute(
            select(Vote).where(
                Vote.closed_at.is_(None),
                Vote.reminded_at.is_(None),
                Vote.ends_at > now,
                Vote.ends_at <= now + before,
                Vote.created_at < now - before,  # a short vote needs no reminder
            )
        )
        return result.scalars().all()

    async def to_close(self, now: datetime) -> Sequence[Vote]:
        result = await self.session.execute(
            select(Vote).where(Vote.closed_at.is_(None), Vote.ends_at <= now).order_by(Vote.id)
        )
        return result.scalars().all()

    # --- Projects of the initiative budget -----------------------------------------------------

    async def project(self, project_id: int) -> Project | None:
        return await self.session.get(Project, project_id)

    async def projects(
        self,
        district_ids: Sequence[int] | None,
        statuses: Sequence[ProjectStatus] | None = None,
        offset: int = 0,
        limit: int = 30,
    ) -> Sequence[Project]:
        query = (
            select(Project)
            .where(*_projects(district_ids, statuses))
            .order_by(Project.status, Project.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return (await self.session.execute(query)).scalars().all()

    async def count_projects(self, district_ids: Sequence[int] | None) -> int:
        return await count_rows(self.session, *_projects(district_ids, None))

    async def project_of_idea(self, idea_id: int) -> Project | None:
        return await self.session.scalar(select(Project).where(Project.idea_id == idea_id))

    async def projects_of_vote(self, vote_id: int) -> Sequence[Project]:
        result = await self.session.execute(select(Project).where(Project.vote_id == vote_id))
        return result.scalars().all()


def project_people(project: Project) -> ColumnElement[bool]:
    """Who hears of a project's progress: everyone who voted on it, and the idea's author and
    supporters."""
    from storage.models import Idea

    people: list[ColumnElement[bool]] = []
    if project.vote_id is not None:
        people.append(User.id.in_(voters_of(project.vote_id)))
    if project.idea_id is not None:
        people.append(
            User.id.in_(select(IdeaSupport.user_id).where(IdeaSupport.idea_id == project.idea_id))
        )
        people.append(User.id.in_(select(Idea.user_id).where(Idea.id == project.idea_id)))
    return or_(*people) if people else false()
