from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, or_, select

from storage.models import (
    Application,
    ApplicationStatus,
    Contest,
    ContestStage,
    Juror,
    Nomination,
    Score,
)
from storage.repositories.base import Repository, count_rows

LIVE_APPLICATION = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.CITY,
    ApplicationStatus.WINNER,
    ApplicationStatus.PARTICIPANT,
)


class ContestRepository(Repository[Contest]):
    model = Contest

    async def latest(self, offset: int, limit: int) -> list[tuple[Contest, int]]:
        """A page of the contests, newest first, each with its number of live applications
        (one query)."""
        live = (
            select(func.count(Application.id))
            .where(
                Application.contest_id == Contest.id,
                Application.status.in_(LIVE_APPLICATION),
            )
            .scalar_subquery()
        )
        result = await self.session.execute(
            select(Contest, live).order_by(Contest.id.desc()).offset(offset).limit(limit)
        )
        return [(contest, count) for contest, count in result.all()]

    async def count(self) -> int:
        return await count_rows(self.session, Contest.id.is_not(None))

    async def open(self, now: datetime) -> Sequence[Contest]:
        result = await self.session.execute(
            select(Contest)
            .where(
                Contest.stage == ContestStage.APPLY,
                Contest.deadline > now,
                or_(Contest.opens_at.is_(None), Contest.opens_at <= now),
            )
            .order_by(Contest.deadline)
        )
        return result.scalars().all()

    async def nomination(self, nomination_id: int) -> Nomination | None:
        return await self.session.get(Nomination, nomination_id)

    # --- applications ------------------------------------------------------------------------
    async def application(self, application_id: int) -> Application | None:
        return await self.session.get(Application, application_id)

    async def add_application(self, application: Application) -> Application:
        self.session.add(application)
        await self.session.flush()
        return application

    async def live_at(self, nomination_id: int, key: str) -> Application | None:
        """The application already standing for this nomination at this address, if any."""
        result = await self.session.execute(
            select(Application).where(
                Application.nomination_id == nomination_id,
                Application.address_key == key,
                Application.status != ApplicationStatus.WITHDRAWN,
            )
        )
        return result.scalars().first()

    async def of_user(
        self, user_id: int, offset: int, limit: int
    ) -> list[tuple[Application, str, str]]:
        """A page of a person's applications, newest first, each with its contest's title and
        its nomination's name (one query)."""
        result = await self.session.execute(
            select(Application, Contest.title, Nomination.name)
            .join(Contest, Contest.id == Application.contest_id)
            .join(Nomination, Nomination.id == Application.nomination_id)
            .where(Application.user_id == user_id)
            .order_by(Application.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return [(a, title, name) for a, title, name in result.all()]

    async def count_of_user(self, user_id: int) -> int:
        return await count_rows(self.session, Application.user_id == user_id)

    async def of_contest(self, contest_id: int) -> Sequence[Application]:
        result = await self.session.execute(
            select(Application)
            .where(Application.contest_id == contest_id, Application.status.in_(LIVE_APPLICATION))
            .order_by(Application.id)
        )
        return result.scalars().all()

    # --- jury --------------------------------------------------------------------------------
    async def add_juror(self, juror: Juror) -> Juror | None:
        exists = await self.juror(juror.contest_id, juror.user_id, juror.stage)
        if exists is not None:
            return None
        self.session.add(juror)
        await self.session.flush()
        return juror

    async def juror_by_id(self, juror_id: int) -> Juror | None:
        return await self.session.get(Juror, juror_id)

    async def jurors(self, contest_id: int) -> Sequence[Juror]:
        result = await self.session.execute(select(Juror).where(Juror.contest_id == contest_id))
        return result.scalars().all()

    async def juror(self, contest_id: int, user_id: int, stage: str) -> Juror | None:
        result = await self.session.execute(
            select(Juror).where(
                Juror.contest_id == contest_id, Juror.user_id == user_id, Juror.stage == stage
            )
        )
        return result.scalars().first()

    async def juror_stages(self, user_id: int) -> Sequence[tuple[Juror, Contest]]:
        """The user's seats on juries whose contest is at that stage right now."""
        result = await self.session.execute(
            select(Juror, Contest)
            .join(Contest, Contest.id == Juror.contest_id)
            .where(Juror.user_id == user_id, Contest.stage == Juror.stage)
        )
        return [(j, c) for j, c in result.all()]

    async def next_for(self, juror: Juror, contest: Contest) -> tuple[Application | None, int]:
        """The next entry this juror has not scored at this stage, and how many are left."""
        status = ApplicationStatus.CITY if juror.stage == "city" else ApplicationStatus.SUBMITTED
        scored = select(Score.application_id).where(
            Score.juror_id == juror.id, Score.stage == juror.stage
        )
        query = select(Application).where(
            Application.contest_id == contest.id,
            Application.status == status,
            Application.id.not_in(scored),
        )
        if contest.no_own_district and juror.district_id is not None:
            query = query.where(Application.district_id != juror.district_id)
        found = (await self.session.execute(query.order_by(Application.id))).scalars().all()
        return (found[0] if found else None), len(found)

    async def has_scored(self, juror: Juror, application_id: int) -> bool:
        return bool(
            await self.session.scalar(
                select(func.count())
                .select_from(Score)
                .where(
                    Score.juror_id == juror.id,
                    Score.application_id == application_id,
                    Score.stage == juror.stage,
                )
            )
        )

    async def save_scores(
        self, juror: Juror, application_id: int, values: list[int], comment: str | None
    ) -> None:
        for criterion, value in enumerate(values):
            self.session.add(
                Score(
                    application_id=application_id,
                    juror_id=juror.id,
                    stage=juror.stage,
                    criterion=criterion,
                    value=value,
                    comment=comment if criterion == 0 else None,
                )
            )
        await self.session.flush()

    async def all_scores(self, contest_id: int) -> Sequence[Score]:
        result = await self.session.execute(
            select(Score)
            .join(Application, Application.id == Score.application_id)
            .where(Application.contest_id == contest_id)
            .order_by(Score.application_id, Score.juror_id, Score.criterion)
        )
        return result.scalars().all()

    async def score_rows(self, contest_id: int, stage: str) -> list[tuple[int, int, int, int, int]]:
        result = await self.session.execute(
            select(Score.application_id, Score.juror_id, Score.criterion, Score.value, Score.id)
            .join(Application, Application.id == Score.application_id)
            .where(Application.contest_id == contest_id, Score.stage == stage)
        )
        return [tuple(row) for row in result.all()]  # type: ignore[misc]

    async def progress(self, contest_id: int, stage: str) -> list[tuple[int, int, int, int]]:
        """Rows (nomination, district, entries, scored entries) for the current stage."""
        status = ApplicationStatus.CITY if stage == "city" else ApplicationStatus.SUBMITTED
        scored = select(Score.application_id).where(Score.stage == stage).distinct()
        result = await self.session.execute(
            select(
                Application.nomination_id,
                Application.district_id,
                func.count(),
                func.count().filter(Application.id.in_(scored)),
            )
            .where(
                Application.contest_id == contest_id,
                Application.status.in_(
                    (status,) if stage in ("district", "city") else LIVE_APPLICATION
                ),
            )
            .group_by(Application.nomination_id, Application.district_id)
            .order_by(Application.nomination_id, Application.district_id)
        )
        return [tuple(row) for row in result.all()]  # type: ignore[misc]
