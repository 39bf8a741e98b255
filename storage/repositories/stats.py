"""The aggregate queries behind /stats and /year. Each is one grouped query over an indexed range."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, String, and_, case, cast, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    DIRECTIONS,
    PROJECTS,
    Announcement,
    Application,
    Attendance,
    Caller,
    Center,
    Club,
    Contest,
    ElderRegistration,
    Event,
    Idea,
    MediaPublication,
    Nomination,
    Outbox,
    OutboxStatus,
    RegistrationStatus,
    Report,
    ReportStatus,
    Signup,
    SignupStatus,
    User,
)

if TYPE_CHECKING:
    from bot.services.stats import Period

FIGURE_COLUMNS = (
    "participants",
    "yards",
    "trees",
    "flowerbeds",
    "seedlings",
    "bags",
    "decorated",
    "entrances",
    "windows",
    "snow_towns",
    "snow_figures",
)

# What each /export holds, column by column (bot/services/exports.py names and words them).
EXPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "reports": (
        "id",
        "held_on",
        "district",
        "kind",
        "report_status",
        *FIGURE_COLUMNS,
        "author",
        "entered_by_staff",
    ),
    "signups": (
        "id",
        "created_at",
        "club_or_event",
        "center",
        "person",
        "child",
        "child_age",
        "signup_status",
        "entered_by_staff",
    ),
    "applications": (
        "id",
        "contest",
        "nomination",
        "district",
        "address",
        "responsible",
        "phone",
        "application_status",
        "place",
    ),
    "users": ("telegram_id", "role", "district", "full_name", "phone", "consent_at"),
}


def _report_marks() -> dict[str, ColumnElement[int]]:
    """Sums over accepted reports for what the marks count (see bot/services/tags.py)."""

    def counted(condition: ColumnElement[bool], value: Any = 1) -> ColumnElement[int]:
        return func.sum(case((condition, value), else_=0))

    leto = Report.programme == "leto"
    marks = {
        "youth_events": counted(and_(Report.youth, Report.kind == "event")),
        "leto_events": counted(leto),
        "leto_participants": counted(leto, Report.participants),
    }
    for d in DIRECTIONS:
        marks[f"leto_{d}_events"] = counted(and_(leto, Report.direction == d))
        marks[f"leto_{d}_participants"] = counted(
            and_(leto, Report.direction == d), Report.participants
        )
    for p in PROJECTS:
        marks[f"project_{p}"] = counted(Report.project == p)
    return marks


class StatsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _reports(self, start: date, end: date, district_id: int | None) -> Select:  # type: ignore[type-arg]
        query = select().where(
            Report.status == ReportStatus.ACCEPTED, Report.held_on >= start, Report.held_on <= end
        )
        if district_id is not None:
            query = query.where(Report.district_id == district_id)
        return query

    async def report_breakdown(
        self, start: date, end: date, district_id: int | None
    ) -> list[tuple[str, int, str, int, list[int], dict[str, int]]]:
        """One scan of the period's accepted reports, grouped by (month, district, kind):
        rows (YYYY-MM, district, kind, count, [sum of each figure column], {what the marks
        count: youth events, «Лето» by direction, thematic projects})."""
        month = func.substr(cast(Report.held_on, String), 1, 7)
        marks = _report_marks()
        query = (
            self._reports(start, end, district_id)
            .add_columns(
                month,
                Report.district_id,
                Report.kind,
                func.count(),
                *[func.coalesce(func.sum(getattr(Report, c)), 0) for c in FIGURE_COLUMNS],
                *marks.values(),
            )
            .select_from(Report)
            .group_by(month, Report.district_id, Report.kind)
        )
        figures = len(FIGURE_COLUMNS)
        return [
            (
                m,
                d,
                k,
                n,
                [int(v) for v in sums[:figures]],
                {name: int(v or 0) for name, v in zip(marks, sums[figures:], strict=True)},
            )
            for m, d, k, n, *sums in (await self.session.execute(query)).all()
        ]

    async def accepted_reports(
        self, start: date, end: date, district_id: int | None
    ) -> Sequence[Any]:
        """The year sheet's rows: plain columns (tens of thousands of reports, no photos)."""
        query = select(
            Report.id,
            Report.held_on,
            Report.district_id,
            Report.kind,
            Report.participants,
            *[getattr(Report, c) for c in FIGURE_COLUMNS[1:]],
            Report.programme,
            Report.direction,
            Report.project,
            Report.youth,
        ).where(
            Report.status == ReportStatus.ACCEPTED, Report.held_on >= start, Report.held_on <= end
        )
        if district_id is not None:
            query = query.where(Report.district_id == district_id)
        return (await self.session.execute(query.order_by(Report.held_on))).all()

    async def other_figures(
        self, start_utc: datetime, end_utc: datetime, district_id: int | None
    ) -> dict[str, int]:
        def in_district(column: ColumnElement[int | None] | object) -> ColumnElement[bool]:
            return true() if district_id is None else column == district_id  # type: ignore[return-value]

        center_ids = select(Center.id).where(in_district(Center.district_id))
        club_ids = select(Club.id).where(Club.center_id.in_(center_ids))
        q = self.session.scalar
        values = {
            "elders_confirmed": await q(
                select(func.count())
                .select_from(ElderRegistration)
                .where(
                    ElderRegistration.status == RegistrationStatus.CONFIRMED,
                    ElderRegistration.decided_at >= start_utc,
                    ElderRegistration.decided_at < end_utc,
                    in_district(ElderRegistration.district_id),
                )
            ),
            "club_members": await q(
                select(func.count())
                .select_from(Signup)
                .where(
                    Signup.club_id.in_(club_ids),
                    Signup.status == SignupStatus.ENROLLED,
                    Signup.created_at < end_utc,
                )
            ),
            "attendance": await q(
                select(func.count())
                .select_from(Attendance)
                .where(
                    Attendance.club_id.in_(club_ids),
                    Attendance.present,
                    Attendance.starts_at >= start_utc,
                    Attendance.starts_at < end_utc,
                )
            ),
            "events_held": await q(
                select(func.count())
                .select_from(Event)
                .where(
                    Event.center_id.in_(center_ids),
                    Event.active,
                    Event.starts_at >= start_utc,
                    Event.starts_at < end_utc,
                )
            ),
            "event_signups": await q(
                select(func.count())
                .select_from(Signup)
                .join(Event, Event.id == Signup.event_id)
                .where(
                    Event.center_id.in_(center_ids),
                    Signup.status == SignupStatus.ENROLLED,
                    Event.starts_at >= start_utc,
                    Event.starts_at < end_utc,
                )
            ),
            "applications": await q(
                select(func.count())
                .select_from(Application)
                .where(
                    Application.created_at >= start_utc,
                    Application.created_at < end_utc,
                    in_district(Application.district_id),
                )
            ),
            "users_new": await q(
                select(func.count())
                .select_from(User)
                .where(
                    User.created_at >= start_utc,
                    User.created_at < end_utc,
                    in_district(User.district_id),
                )
            ),
        }
        # Ideas and problems whose answer fell due in the period: answered by then, or not.
        due = (
            select(func.count())
            .select_from(Idea)
            .where(
                Idea.due_at >= start_utc,
                Idea.due_at < end_utc,
                Idea.due_at < datetime.now(UTC),  # fell due already
                in_district(Idea.district_id),
            )
        )
        values["ideas_on_time"] = await q(due.where(Idea.answered_at <= Idea.due_at))
        values["ideas_overdue"] = await q(
            due.where(Idea.answered_at.is_(None) | (Idea.answered_at > Idea.due_at))
        )
        values.update(await self._votes_and_projects(start_utc, end_utc, in_district))
        values.update(await self._consultations(start_utc, end_utc, center_ids))
        if district_id is None:  # announcements are not tied to one district
            outbox = (
                await self.session.execute(
                    select(Outbox.status, func.count())
                    .join(Announcement, Announcement.id == Outbox.announcement_id)
                    .where(Announcement.send_at >= start_utc, Announcement.send_at < end_utc)
                    .group_by(Outbox.status)
                )
            ).all()
            by_status = {OutboxStatus(s): n for s, n in outbox}
            values["announcements_sent"] = by_status.get(OutboxStatus.SENT, 0)
            values["announcements_blocked"] = by_status.get(OutboxStatus.BLOCKED, 0)
        return {k: int(v or 0) for k, v in values.items()}

    async def marked(
        self,
        start: date,
        end: date,
        start_utc: datetime,
        end_utc: datetime,
        district_id: int | None,
    ) -> dict[str, int]:
        """What the city's report counts by marks on centers' events (participants: those signed
        up) — youth events, «Лето» by direction, thematic projects (the reports' part comes with
        `report_breakdown`); and the media publications."""
        event_marks = (Event.programme, Event.direction, Event.project, Event.youth)
        events = (
            select(
                *event_marks,
                func.count(func.distinct(Event.id)),
                # Those signed up. The status is tested here, not in the join: in the join SQLite
                # may pick the index on the status and read every sign-up per event (seconds).
                func.count(case((Signup.status == SignupStatus.ENROLLED, 1))),
            )
            .outerjoin(Signup, Signup.event_id == Event.id)
            .where(
                Event.active,
                Event.starts_at >= start_utc,
                Event.starts_at < end_utc,
                (Event.programme.is_not(None)) | Event.project.is_not(None) | Event.youth,
            )
            .group_by(*event_marks)
        )
        if district_id is not None:
            events = events.where(
                Event.center_id.in_(select(Center.id).where(Center.district_id == district_id))
            )
        out: dict[str, int] = {}

        def add(name: str, value: int) -> None:
            out[name] = out.get(name, 0) + value

        for programme, direction, project, youth, count, people in (
            await self.session.execute(events)
        ).all():
            if youth:
                add("youth_events", count)
            if programme == "leto":
                add("leto_events", count)
                add("leto_participants", people)
                if direction:
                    add(f"leto_{direction}_events", count)
                    add(f"leto_{direction}_participants", people)
            if project:
                add(f"project_{project}", count)
        media = (
            select(func.count())
            .select_from(MediaPublication)
            .where(MediaPublication.published_on >= start, MediaPublication.published_on <= end)
        )
        if district_id is not None:
            media = media.where(MediaPublication.district_id == district_id)
        out["media_publications"] = int(await self.session.scalar(media) or 0)
        return out

    async def _consultations(
        self, start_utc: datetime, end_utc: datetime, center_ids: Any
    ) -> dict[str, int | None]:
        """Receptions held in the period (not cancelled, already begun) and the people who came."""
        from storage.models import Booking, Reception

        held = select(Reception.id).where(
            Reception.center_id.in_(center_ids),
            Reception.cancelled_at.is_(None),
            Reception.starts_at >= start_utc,
            Reception.starts_at < min(end_utc, datetime.now(UTC)),
        )
        q = self.session.scalar
        from storage.models import Rental, RentalItem

        return {
            "rental_issued": await q(
                select(func.count())
                .select_from(Rental)
                .join(RentalItem, RentalItem.id == Rental.item_id)
                .where(
                    RentalItem.center_id.in_(center_ids),
                    Rental.issued_at >= start_utc,
                    Rental.issued_at < end_utc,
                )
            ),
            "receptions_held": await q(select(func.count()).select_from(held.subquery())),
            "reception_people": await q(
                select(func.count())
                .select_from(Booking)
                .where(Booking.reception_id.in_(held), Booking.live, Booking.came.is_(True))
            ),
        }

    async def _votes_and_projects(
        self, start_utc: datetime, end_utc: datetime, in_district: Any
    ) -> dict[str, int | None]:
        """Votes that ended in the period and the people in them (in the bot and on paper);
        the initiative budget's projects shortlisted, won and done."""
        from storage.models import Ballot, PaperTally, Project, ProjectStatus, Vote

        q = self.session.scalar
        held = select(Vote.id).where(
            Vote.closed_at.is_not(None),
            Vote.ends_at >= start_utc,
            Vote.ends_at < end_utc,
            in_district(Vote.district_id),
        )
        meetings = (
            select(PaperTally.vote_id, PaperTally.entered_at, PaperTally.ballots)
            .where(PaperTally.vote_id.in_(held))
            .distinct()
            .subquery()
        )
        return {
            "votes_held": await q(select(func.count()).select_from(held.subquery())),
            "vote_participants": int(
                await q(select(func.count()).select_from(Ballot).where(Ballot.vote_id.in_(held)))
                or 0
            )
            + int(await q(select(func.coalesce(func.sum(meetings.c.ballots), 0))) or 0),
            "projects_shortlisted": await q(
                select(func.count())
                .select_from(Project)
                .where(
                    Project.created_at >= start_utc,
                    Project.created_at < end_utc,
                    in_district(Project.district_id),
                )
            ),
            "projects_won": await q(
                select(func.count())
                .select_from(Project)
                .where(
                    Project.vote_id.in_(held),
                    Project.status.in_((ProjectStatus.WON, ProjectStatus.DONE)),
                )
            ),
            "projects_done": await q(
                select(func.count())
                .select_from(Project)
                .where(
                    Project.done_at >= start_utc,
                    Project.done_at < end_utc,
                    in_district(Project.district_id),
                )
            ),
        }

    async def roles(self, district_id: int | None) -> dict[str, int]:
        query = (
            select(User.role, func.count()).where(User.consent_at.is_not(None)).group_by(User.role)
        )
        if district_id is not None:
            query = query.where(User.district_id == district_id)
        return {role.value: n for role, n in (await self.session.execute(query)).all()}

    async def applications_per_contest(
        self, start_utc: datetime, end_utc: datetime, district_id: int | None
    ) -> list[tuple[str, int]]:
        query = (
            select(Contest.title, func.count(Application.id))
            .join(
                Application,
                and_(
                    Application.contest_id == Contest.id,
                    Application.created_at >= start_utc,
                    Application.created_at < end_utc,
                ),
            )
            .group_by(Contest.id, Contest.title)
            .order_by(Contest.id)
        )
        if district_id is not None:
            query = query.where(Application.district_id == district_id)
        return [(t, n) for t, n in (await self.session.execute(query)).all()]

    async def per_center(
        self, start_utc: datetime, end_utc: datetime
    ) -> list[tuple[int, int, int, int]]:
        """(center, club members, events held, event sign-ups)."""
        members = dict(
            (
                await self.session.execute(
                    select(Club.center_id, func.count(Signup.id))
                    .join(
                        Signup,
                        and_(Signup.club_id == Club.id, Signup.status == SignupStatus.ENROLLED),
                    )
                    .group_by(Club.center_id)
                )
            ).all()
        )
        events = dict(
            (
                await self.session.execute(
                    select(Event.center_id, func.count())
                    .where(Event.starts_at >= start_utc, Event.starts_at < end_utc, Event.active)
                    .group_by(Event.center_id)
                )
            ).all()
        )
        signups = dict(
            (
                await self.session.execute(
                    select(Event.center_id, func.count(Signup.id))
                    .join(
                        Signup,
                        and_(Signup.event_id == Event.id, Signup.status == SignupStatus.ENROLLED),
                    )
                    .where(Event.starts_at >= start_utc, Event.starts_at < end_utc)
                    .group_by(Event.center_id)
                )
            ).all()
        )
        centers = set(members) | set(events) | set(signups)
        return [
            (c, members.get(c, 0), events.get(c, 0), signups.get(c, 0)) for c in sorted(centers)
        ]

    async def export_rows(
        self, what: str, period: Period, tz: ZoneInfo, district_id: int | None
    ) -> list[list[object]]:
        """The rows of an export, in the order of EXPORT_COLUMNS[what], as stored (ids, codes,
        moments): bot/services/exports.py puts them into words. `district_id` None = everything
        (admins)."""
        start_utc, end_utc = period.utc_bounds(tz)
        if what == "reports":
            q_reports = (
                select(Report, User.full_name)
                .outerjoin(User, User.id == Report.author_id)
                .where(Report.held_on >= period.start, Report.held_on <= period.end)
                .order_by(Report.id)
            )
            if district_id is not None:
                q_reports = q_reports.where(Report.district_id == district_id)
            return [
                [
                    r.id,
                    r.held_on,
                    r.district_id,
                    r.kind,
                    r.status.value,
                    *[getattr(r, c) for c in FIGURE_COLUMNS],
                    author or "",
                    r.entered_by is not None,
                ]
                for r, author in (await self.session.execute(q_reports)).all()
            ]
        if what == "signups":
            center_of = func.coalesce(Club.center_id, Event.center_id)
            q_signups = (
                select(Signup, func.coalesce(Club.name, Event.title), center_of, User.full_name)
                .outerjoin(Club, Club.id == Signup.club_id)
                .outerjoin(Event, Event.id == Signup.event_id)
                .outerjoin(User, User.id == Signup.user_id)
                .where(Signup.created_at >= start_utc, Signup.created_at < end_utc)
                .order_by(Signup.id)
            )
            callers_q = select(Caller)
            if district_id is not None:
                q_signups = q_signups.where(
                    center_of.in_(select(Center.id).where(Center.district_id == district_id))
                )
                callers_q = callers_q.where(Caller.district_id == district_id)
            callers = {c.id: c.full_name for c in (await self.session.execute(callers_q)).scalars()}
            return [
                [
                    s.id,
                    s.created_at,
                    name,
                    center_id,
                    person or callers.get(s.caller_id or 0, ""),
                    s.child_name or "",
                    s.child_age if s.child_age is not None else "",
                    s.status.value,
                    s.entered_by is not None,
                ]
                for s, name, center_id, person in (await self.session.execute(q_signups)).all()
            ]
        if what == "applications":
            q_apps = (
                select(Application, Contest.title, Nomination.name)
                .join(Contest, Contest.id == Application.contest_id)
                .outerjoin(Nomination, Nomination.id == Application.nomination_id)
                .where(Application.created_at >= start_utc, Application.created_at < end_utc)
                .order_by(Application.id)
            )
            if district_id is not None:
                q_apps = q_apps.where(Application.district_id == district_id)
            return [
                [
                    a.id,
                    title,
                    nomination or "",
                    a.district_id,
                    a.address_text,
                    a.responsible_name or "",
                    a.responsible_phone or "",
                    a.status.value,
                    a.place or "",
                ]
                for a, title, nomination in (await self.session.execute(q_apps)).all()
            ]
        query_u = select(User).where(User.consent_at.is_not(None)).order_by(User.id)
        if district_id is not None:
            query_u = query_u.where(User.district_id == district_id)
        return [
            [u.id, u.role.value, u.district_id, u.full_name or "", u.phone or "", u.consent_at]
            for u in (await self.session.execute(query_u)).scalars()
        ]
