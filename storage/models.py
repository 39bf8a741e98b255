"""Database tables. Times are stored in UTC."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime, time

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite hands back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime()}  # noqa: RUF012 - SQLAlchemy reads it


class Role(enum.StrEnum):
    RESIDENT = "resident"
    ELDER = "elder"
    STAFF = "staff"
    ADMIN = "admin"


class Municipality(Base):
    __tablename__ = "municipalities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(default=True)
    # Set once the city edits the row in the bot (registry, the center's card): from then on
    # the reference file shipped with the code no longer changes or deactivates it.
    edited_at: Mapped[datetime | None]

    districts: Mapped[list[District]] = relationship(back_populates="municipality")


class District(Base):
    __tablename__ = "districts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # Approximate centre of the district: used for distances to centers whose own point is unknown.
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(default=True)
    # Set once the city edits the row in the bot (registry, the center's card): from then on
    # the reference file shipped with the code no longer changes or deactivates it.
    edited_at: Mapped[datetime | None]

    municipality: Mapped[Municipality] = relationship(back_populates="districts")
    centers: Mapped[list[Center]] = relationship(back_populates="district")


class Center(Base):
    __tablename__ = "centers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(64))
    hours: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    link: Mapped[str | None] = mapped_column(String(200))  # the center's Telegram/VK/WhatsApp group
    rental: Mapped[str | None] = mapped_column(String(300))  # free sports equipment to borrow
    consultations: Mapped[str | None] = mapped_column(String(300))  # who receives, and when
    collection: Mapped[str | None] = mapped_column(String(300))  # batteries, parcels…
    active: Mapped[bool] = mapped_column(default=True)
    # Set once the city edits the row in the bot (registry, the center's card): from then on
    # the reference file shipped with the code no longer changes or deactivates it.
    edited_at: Mapped[datetime | None]

    district: Mapped[District] = relationship(back_populates="centers")


class Committee(Base):
    """Окружной комитет ТОС."""

    __tablename__ = "committees"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    # Set once the city edits the row in the bot (registry, the center's card): from then on
    # the reference file shipped with the code no longer changes or deactivates it.
    edited_at: Mapped[datetime | None]


class User(Base):
    """A Telegram user. Until `consent_at` is set only the id, role and language are kept."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    locale: Mapped[str | None] = mapped_column(String(8))
    role: Mapped[Role] = mapped_column(
        Enum(Role, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e]),
        default=Role.RESIDENT,
    )
    staff_center_id: Mapped[int | None] = mapped_column(
        ForeignKey("centers.id", ondelete="SET NULL"), index=True
    )
    consent_at: Mapped[datetime | None]
    username: Mapped[str | None] = mapped_column(String(64), index=True)
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"), index=True)
    # An admin of one municipality only (None: of the whole directory).
    admin_municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"))
    # Staff of a district's territorial administration, who work at no center.
    staff_district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"))
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Given in /register (after consent); shared by all of the user's territories.
    full_name: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(20))
    # Minutes before a club session to remind; 0 switches club reminders off (/settings).
    club_reminder_min: Mapped[int] = mapped_column(Integer, default=180, server_default="180")
    # Announcement kinds the user muted in /settings, comma-separated ("news", "contests").
    muted: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # Where the resident lives, if they said (optional, /home): house- and street-level votes
    # and invitations reach them. As typed, and the normalized keys that are compared.
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("committees.id"))
    street: Mapped[str | None] = mapped_column(String(100))
    house: Mapped[str | None] = mapped_column(String(16))
    street_key: Mapped[str | None] = mapped_column(String(120))
    house_key: Mapped[str | None] = mapped_column(String(32))
    entrance: Mapped[int | None] = mapped_column(Integer)
    home_asked_at: Mapped[datetime | None]  # asked once where they live (answered or not)

    @property
    def has_consent(self) -> bool:
        return self.consent_at is not None


class Action(Base):
    """A named city action from the catalogue («Окна Победы», «Чистые берега», …)."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    sort: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(default=True)


class RegistrationStatus(enum.StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    REVOKED = "revoked"


def _str_enum(e: type[enum.StrEnum]) -> Enum:
    return Enum(e, native_enum=False, length=16, values_callable=lambda x: [m.value for m in x])


class ElderRegistration(Base):
    """One territory a user asks to be (and may become) the elder of."""

    __tablename__ = "elder_registrations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    tos_role: Mapped[str] = mapped_column(String(32))
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("committees.id"))
    committee_other: Mapped[str | None] = mapped_column(String(100))
    street: Mapped[str | None] = mapped_column(String(100))
    house: Mapped[str | None] = mapped_column(String(16))
    entrance: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[RegistrationStatus] = mapped_column(
        _str_enum(RegistrationStatus), default=RegistrationStatus.PENDING, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by: Mapped[int | None] = mapped_column(BigInteger)
    decided_at: Mapped[datetime | None]
    reason: Mapped[str | None] = mapped_column(String(500))


class ReportStatus(enum.StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    RETURNED = "returned"


# What reports and events may be marked with (bot/services/tags.py): the directions of the summer
# programme «Лето» and the thematic projects, in the order of the city's annual report.
DIRECTIONS = ("civic", "sport", "creative", "eco")
PROJECTS = ("cozy", "eco", "healthy", "social", "patriotic", "youth")


class Report(Base):
    """A субботник, action or event reported by an elder, with the figures the city sums up."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("elder_registrations.id", ondelete="SET NULL")
    )
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"))
    kind: Mapped[str] = mapped_column(String(16))
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id"))
    action_other: Mapped[str | None] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(300))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    participants: Mapped[int] = mapped_column(Integer)
    bags: Mapped[int | None] = mapped_column(Integer)
    trees: Mapped[int | None] = mapped_column(Integer)
    flowerbeds: Mapped[int | None] = mapped_column(Integer)
    seedlings: Mapped[int | None] = mapped_column(Integer)
    yards: Mapped[int | None] = mapped_column(Integer)
    # Entrances, windows and balconies together: only reports from before they were counted apart.
    decorated: Mapped[int | None] = mapped_column(Integer)
    entrances: Mapped[int | None] = mapped_column(Integer)
    windows: Mapped[int | None] = mapped_column(Integer)  # windows and balconies
    snow_towns: Mapped[int | None] = mapped_column(Integer)
    snow_figures: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    programme: Mapped[str | None] = mapped_column(String(16))  # «Лето»: bot/services/tags.py
    direction: Mapped[str | None] = mapped_column(String(16))
    project: Mapped[str | None] = mapped_column(String(16))  # a thematic project
    youth: Mapped[bool] = mapped_column(default=False, server_default=false())
    status: Mapped[ReportStatus] = mapped_column(
        _str_enum(ReportStatus), default=ReportStatus.SUBMITTED
    )
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    moderated_by: Mapped[int | None] = mapped_column(BigInteger)
    moderated_at: Mapped[datetime | None]
    moderator_comment: Mapped[str | None] = mapped_column(String(500))
    # The субботник announced beforehand that this report is of (its «Иду» count prefilled).
    gathering_id: Mapped[int | None] = mapped_column(
        ForeignKey("gatherings.id", ondelete="SET NULL")
    )
    entered_by: Mapped[int | None] = mapped_column(BigInteger)  # staff, for an elder who phoned

    photos: Mapped[list[ReportPhoto]] = relationship(
        back_populates="report",
        order_by="ReportPhoto.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    __table_args__ = (
        Index("ix_reports_district_status", "district_id", "status", "submitted_at"),
        Index("ix_reports_status_held_on", "status", "held_on"),
    )


class ReportPhoto(Base):
    __tablename__ = "report_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    file_id: Mapped[str] = mapped_column(String(200))
    file_unique_id: Mapped[str] = mapped_column(String(64), index=True)

    report: Mapped[Report] = relationship(back_populates="photos")


class Club(Base):
    __tablename__ = "clubs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str | None] = mapped_column(String(64), unique=True)  # reference examples only
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(16), index=True)
    age_group: Mapped[str] = mapped_column(String(16))
    capacity: Mapped[int] = mapped_column(Integer)
    leader: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    slots: Mapped[list[ClubSlot]] = relationship(
        order_by="(ClubSlot.weekday, ClubSlot.starts)",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    @property
    def label(self) -> str:
        """What residents call it, as an event's title."""
        return self.name


class ClubSlot(Base):
    """One weekly meeting of a club: weekday (0 = Monday), local start time, length."""

    __tablename__ = "club_slots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    club_id: Mapped[int] = mapped_column(ForeignKey("clubs.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    starts: Mapped[time] = mapped_column(Time)
    minutes: Mapped[int] = mapped_column(Integer)


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"), index=True)
    title: Mapped[str] = mapped_column(String(150))
    description: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    programme: Mapped[str | None] = mapped_column(String(16))  # as on reports
    direction: Mapped[str | None] = mapped_column(String(16))
    project: Mapped[str | None] = mapped_column(String(16))
    youth: Mapped[bool] = mapped_column(default=False, server_default=false())

    @property
    def label(self) -> str:
        return self.title


class SignupStatus(enum.StrEnum):
    ENROLLED = "enrolled"
    WAITING = "waiting"
    CANCELLED = "cancelled"


class Signup(Base):
    """A place in a club or at an event, for the user or for their child (`child_name`)."""

    __tablename__ = "signups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    club_id: Mapped[int | None] = mapped_column(ForeignKey("clubs.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    # '' for the user themselves, else the child's first name (lower-cased in `who`).
    who: Mapped[str] = mapped_column(String(60), default="")
    child_name: Mapped[str | None] = mapped_column(String(60))
    child_age: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[SignupStatus] = mapped_column(_str_enum(SignupStatus), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    cancelled_at: Mapped[datetime | None]
    # Entered by staff for someone who phoned: who entered it, and the caller without the bot.
    entered_by: Mapped[int | None] = mapped_column(BigInteger)
    caller_id: Mapped[int | None] = mapped_column(ForeignKey("callers.id", ondelete="SET NULL"))

    __table_args__ = (
        # Nobody holds two live places in one club or event.
        Index(
            "uq_signups_live_club",
            "club_id",
            "user_id",
            "who",
            unique=True,
            sqlite_where=text("status != 'cancelled' AND club_id IS NOT NULL"),
            postgresql_where=text("status != 'cancelled' AND club_id IS NOT NULL"),
        ),
        Index(
            "uq_signups_live_event",
            "event_id",
            "user_id",
            "who",
            unique=True,
            sqlite_where=text("status != 'cancelled' AND event_id IS NOT NULL"),
            postgresql_where=text("status != 'cancelled' AND event_id IS NOT NULL"),
        ),
    )


class SessionCancellation(Base):
    """One club session called off by staff."""

    __tablename__ = "session_cancellations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    club_id: Mapped[int] = mapped_column(ForeignKey("clubs.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("club_id", "starts_at"),)


class Attendance(Base):
    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    club_id: Mapped[int] = mapped_column(ForeignKey("clubs.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime]
    signup_id: Mapped[int] = mapped_column(ForeignKey("signups.id", ondelete="CASCADE"))
    present: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (UniqueConstraint("club_id", "starts_at", "signup_id"),)


class Reminder(Base):
    """A reminder of a club session or an event, planned ahead and sent by the scheduler tick."""

    __tablename__ = "reminders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    signup_id: Mapped[int] = mapped_column(ForeignKey("signups.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime]  # of the session or event
    due_at: Mapped[datetime]
    # None: to send; a time: claimed for sending then; `sent` marks delivery (or giving up).
    claimed_at: Mapped[datetime | None]
    sent: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (
        UniqueConstraint("signup_id", "starts_at", "due_at"),
        Index("ix_reminders_due", "sent", "due_at"),
    )


class AnnouncementStatus(enum.StrEnum):
    SCHEDULED = "scheduled"  # waits for send_at
    SENDING = "sending"  # recipients written to the outbox, the engine works through them
    DONE = "done"
    STOPPED = "stopped"  # «Остановить» during sending, or cancelled before it started


class Announcement(Base):
    __tablename__ = "announcements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author_id: Mapped[int | None] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16), default="news")  # what a user can mute
    audience: Mapped[str] = mapped_column(
        String(16)
    )  # center, district, club, elders, municipality, all
    audience_id: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)  # HTML, user text already escaped
    photo: Mapped[str | None] = mapped_column(String(200))  # Telegram file_id
    # One button under the message (a contest's «📝 Подать заявку»): its text and callback data.
    button_text: Mapped[str | None] = mapped_column(String(64))
    button_data: Mapped[str | None] = mapped_column(String(64))
    # More buttons, in one row after that one: [[text, callback data], …] («Иду» / «Не смогу»).
    more_buttons: Mapped[list[list[str]] | None] = mapped_column(JSON)
    status: Mapped[AnnouncementStatus] = mapped_column(
        _str_enum(AnnouncementStatus), default=AnnouncementStatus.SCHEDULED, index=True
    )
    send_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    total: Mapped[int] = mapped_column(Integer, default=0)
    # An admin's urgent alert: sent with Telegram's paid broadcast (Stars), far above the free rate.
    urgent: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Where the author watches the progress (one message, edited as it goes).
    progress_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    progress_message_id: Mapped[int | None] = mapped_column(BigInteger)


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    BLOCKED = "blocked"
    FAILED = "failed"


class Outbox(Base):
    """One message of one announcement to one chat."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[OutboxStatus] = mapped_column(
        _str_enum(OutboxStatus), default=OutboxStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    error: Mapped[str | None] = mapped_column(String(200))
    # Since when Telegram could not be reached for this row (an outage); cleared by a success.
    failing_since: Mapped[datetime | None]
    # Which bot process is sending the row, and until when: another process takes it over only
    # after the lease ends (the sender died), so two processes never send one row.
    claimed_by: Mapped[str | None] = mapped_column(String(40))
    lease_until: Mapped[datetime | None]

    __table_args__ = (
        UniqueConstraint("announcement_id", "chat_id"),
        Index("ix_outbox_due", "status", "next_attempt_at"),
    )


class ContestStage(enum.StrEnum):
    APPLY = "apply"  # applications are taken until the deadline
    DISTRICT = "district"  # district juries score
    CITY = "city"  # the city jury scores what the districts sent up
    RANKING = "ranking"  # scoring closed; the admin fixes the places
    PUBLISHED = "published"


class Contest(Base):
    """A city contest: nominations, an application window, jury stages, results."""

    __tablename__ = "contests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    template: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    rules: Mapped[str] = mapped_column(Text, default="", server_default="")
    audience: Mapped[str] = mapped_column(String(16), default="all")
    audience_id: Mapped[int | None] = mapped_column(Integer)
    # Who may apply: comma-separated "residents", "elders" (committees and centers apply
    # through their elders and staff).
    applicants: Mapped[str] = mapped_column(
        String(64), default="residents,elders", server_default="residents,elders"
    )
    # "district,city": district juries first, then the city jury; or just "city".
    stages: Mapped[str] = mapped_column(
        String(32), default="district,city", server_default="district,city"
    )
    stage: Mapped[ContestStage] = mapped_column(
        _str_enum(ContestStage), default=ContestStage.APPLY, server_default="apply"
    )
    # What the jury scores, «;»-separated; set when the contest is created (the default comes
    # from the locale: contest-default-criteria).
    criteria: Mapped[str] = mapped_column(String(300))
    no_own_district: Mapped[bool] = mapped_column(default=True, server_default=true())
    advance_per_district: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    opens_at: Mapped[datetime | None]
    deadline: Mapped[datetime]
    results_at: Mapped[datetime | None]
    reminder_days: Mapped[str] = mapped_column(String(32), default="14,7,1")
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    nominations: Mapped[list[Nomination]] = relationship(
        order_by="Nomination.position", cascade="all, delete-orphan", lazy="selectin"
    )


class Nomination(Base):
    __tablename__ = "nominations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contest_id: Mapped[int] = mapped_column(
        ForeignKey("contests.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    # What the entry's address is: "house", "entrance", "window", "street", "committee", "center".
    address: Mapped[str] = mapped_column(String(16), default="house")


class ApplicationStatus(enum.StrEnum):
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"
    CITY = "city"  # sent up to the city stage
    WINNER = "winner"
    PARTICIPANT = "participant"


class Application(Base):
    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contest_id: Mapped[int] = mapped_column(
        ForeignKey("contests.id", ondelete="CASCADE"), index=True
    )
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nominations.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"))
    address_text: Mapped[str] = mapped_column(String(300))
    address_key: Mapped[str] = mapped_column(String(300))  # normalized, for «one per address»
    address_parts: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)  # as typed
    description: Mapped[str] = mapped_column(Text)
    responsible_name: Mapped[str | None] = mapped_column(String(100))
    responsible_phone: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[ApplicationStatus] = mapped_column(
        _str_enum(ApplicationStatus), default=ApplicationStatus.SUBMITTED, index=True
    )
    place: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    photos: Mapped[list[ApplicationPhoto]] = relationship(
        order_by="ApplicationPhoto.position", cascade="all, delete-orphan", lazy="selectin"
    )

    __table_args__ = (
        Index(
            "uq_applications_address",
            "nomination_id",
            "address_key",
            unique=True,
            sqlite_where=text("status != 'withdrawn'"),
            postgresql_where=text("status != 'withdrawn'"),
        ),
    )


class ApplicationPhoto(Base):
    __tablename__ = "application_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    file_id: Mapped[str] = mapped_column(String(200))
    file_unique_id: Mapped[str] = mapped_column(String(64))


class Juror(Base):
    __tablename__ = "jurors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contests.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(16))  # "district" | "city"
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"))  # the juror's own

    __table_args__ = (UniqueConstraint("contest_id", "user_id", "stage"),)


class Score(Base):
    __tablename__ = "scores"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    juror_id: Mapped[int] = mapped_column(ForeignKey("jurors.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(16))
    criterion: Mapped[int] = mapped_column(Integer)
    value: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(String(500))

    __table_args__ = (
        UniqueConstraint("application_id", "juror_id", "stage", "criterion"),
        Index("ix_scores_application", "application_id", "stage"),
    )


class ContestNotice(Base):
    """A contest message that was queued (or skipped) once: "open", "d14", "d7", "d1", "results"."""

    __tablename__ = "contest_notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contests.id", ondelete="CASCADE"))
    notice: Mapped[str] = mapped_column(String(16))
    announcement_id: Mapped[int | None] = mapped_column(ForeignKey("announcements.id"))

    __table_args__ = (UniqueConstraint("contest_id", "notice"),)


class IdeaStatus(enum.StrEnum):
    NEW = "new"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    REJECTED = "rejected"


class Idea(Base):
    """An idea or a problem from a resident («банк идей»)."""

    __tablename__ = "ideas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # "idea" | "problem"
    category: Mapped[str] = mapped_column(String(16))
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"))
    address: Mapped[str | None] = mapped_column(String(300))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[IdeaStatus] = mapped_column(_str_enum(IdeaStatus), default=IdeaStatus.NEW)
    answer: Mapped[str | None] = mapped_column(Text)
    supporters: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None]
    due_at: Mapped[datetime | None]  # the answer is due by then (the category's working days)
    notified_at: Mapped[datetime | None] = mapped_column(index=True)  # staff told of a problem
    escalated_at: Mapped[datetime | None]  # overdue: the district's admins told
    taken_by: Mapped[int | None] = mapped_column(BigInteger)  # «Взять в работу»: who
    # The author's word after «решено»: confirmed, a rating 1–5, or «не решено» with a comment.
    confirmed_at: Mapped[datetime | None]
    rating: Mapped[int | None] = mapped_column(Integer)
    reopened: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    resident_comment: Mapped[str | None] = mapped_column(Text)
    after_photo: Mapped[str | None] = mapped_column(String(200))  # staff's photo «после»
    # Entered by staff for someone who phoned: who entered it, and the caller without the bot.
    entered_by: Mapped[int | None] = mapped_column(BigInteger)
    caller_id: Mapped[int | None] = mapped_column(ForeignKey("callers.id", ondelete="SET NULL"))

    photos: Mapped[list[IdeaPhoto]] = relationship(
        order_by="IdeaPhoto.position", cascade="all, delete-orphan", lazy="selectin"
    )

    __table_args__ = (Index("ix_ideas_district_status", "district_id", "status", "category"),)


class IdeaPhoto(Base):
    __tablename__ = "idea_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    file_id: Mapped[str] = mapped_column(String(200))
    file_unique_id: Mapped[str] = mapped_column(String(64))


class IdeaSupport(Base):
    __tablename__ = "idea_supports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))

    __table_args__ = (UniqueConstraint("idea_id", "user_id"),)


class DigestSent(Base):
    """A weekly ideas digest already queued (one per week)."""

    __tablename__ = "digests_sent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    week: Mapped[str] = mapped_column(String(10), unique=True)  # ISO year-week, e.g. 2026-W47


class Vote(Base):
    """A question put to the residents of one territory (a house, a street, a committee, a
    district, a municipality, the city), or a vote on the projects of the initiative budget."""

    __tablename__ = "votes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author_id: Mapped[int | None] = mapped_column(BigInteger)
    question: Mapped[str] = mapped_column(String(300))
    scope: Mapped[str] = mapped_column(String(16))  # house, street, committee, district, …, city
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"), index=True)
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("committees.id"))
    street_key: Mapped[str | None] = mapped_column(String(120))
    house_key: Mapped[str | None] = mapped_column(String(32))
    place: Mapped[str | None] = mapped_column(String(200))  # the street and house as typed
    multiple: Mapped[bool] = mapped_column(default=False)
    # Projects of the initiative budget: how many of the most voted win.
    winners: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    ends_at: Mapped[datetime] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    reminded_at: Mapped[datetime | None]  # those who had not voted were reminded
    closed_at: Mapped[datetime | None]  # results counted and sent to the voters

    options: Mapped[list[VoteOption]] = relationship(
        order_by="VoteOption.position", cascade="all, delete-orphan", lazy="selectin"
    )


class VoteOption(Base):
    __tablename__ = "vote_options"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(150))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))


class Ballot(Base):
    """One person's vote (changeable until the end): the options are its choices."""

    __tablename__ = "ballots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"))
    # SET NULL: a voter who deleted their data still counts, without a link to them.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    cast_at: Mapped[datetime] = mapped_column(default=utcnow)
    changes: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("vote_id", "user_id"),)


class BallotChoice(Base):
    __tablename__ = "ballot_choices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ballot_id: Mapped[int] = mapped_column(ForeignKey("ballots.id", ondelete="CASCADE"))
    option_id: Mapped[int] = mapped_column(
        ForeignKey("vote_options.id", ondelete="CASCADE"), index=True
    )

    __table_args__ = (UniqueConstraint("ballot_id", "option_id"),)


class PaperTally(Base):
    """Paper ballots of an offline ТОС meeting, entered by staff: counted apart."""

    __tablename__ = "paper_tallies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"), index=True)
    option_id: Mapped[int] = mapped_column(ForeignKey("vote_options.id", ondelete="CASCADE"))
    count: Mapped[int] = mapped_column(Integer)
    ballots: Mapped[int] = mapped_column(Integer)  # paper ballots of that meeting (people)
    entered_by: Mapped[int | None] = mapped_column(BigInteger)
    entered_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProjectStatus(enum.StrEnum):
    SHORTLISTED = "shortlisted"  # chosen from the ideas, waits for a vote
    VOTING = "voting"
    WON = "won"  # being carried out
    LOST = "lost"
    DONE = "done"  # «реализовано»


class Project(Base):
    """A project of the initiative budget, made by staff from a resident's idea."""

    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idea_id: Mapped[int | None] = mapped_column(ForeignKey("ideas.id", ondelete="SET NULL"))
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)
    title: Mapped[str] = mapped_column(String(150))
    description: Mapped[str] = mapped_column(Text, default="")
    cost: Mapped[int] = mapped_column(Integer)  # roubles
    photo: Mapped[str | None] = mapped_column(String(200))  # «было»
    after_photo: Mapped[str | None] = mapped_column(String(200))  # «стало», the latest
    status: Mapped[ProjectStatus] = mapped_column(
        _str_enum(ProjectStatus), default=ProjectStatus.SHORTLISTED
    )
    vote_id: Mapped[int | None] = mapped_column(ForeignKey("votes.id", ondelete="SET NULL"))
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_at: Mapped[datetime | None]


class Reception(Base):
    """A consultation a center holds: a deputy, the pension fund, a doctor… receives `places`
    people at `starts_at` (each booking one place)."""

    __tablename__ = "receptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"), index=True)
    specialist: Mapped[str] = mapped_column(String(100))
    topic: Mapped[str] = mapped_column(String(150))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    places: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    cancelled_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]  # those booked were reminded the day before


class SpecialistAccess(Base):
    """A receiving specialist's view of the bookings of their receptions at one center (their
    name as the receptions give it, in `specialist_key`): the center's staff give it as a link
    that one person opens; it can be closed."""

    __tablename__ = "specialist_access"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"), index=True)
    specialist: Mapped[str] = mapped_column(String(100))
    specialist_key: Mapped[str] = mapped_column(String(100))
    token: Mapped[str] = mapped_column(String(32), unique=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    accepted_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]


class Booking(Base):
    """A resident's place at a reception, with the question they may write in advance."""

    __tablename__ = "bookings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reception_id: Mapped[int] = mapped_column(
        ForeignKey("receptions.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    question: Mapped[str | None] = mapped_column(Text)
    live: Mapped[bool] = mapped_column(default=True)  # False: cancelled, the place is free again
    came: Mapped[bool | None]  # staff's mark after the reception
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    cancelled_at: Mapped[datetime | None]

    __table_args__ = (
        # One live place per person per reception.
        Index(
            "uq_bookings_live",
            "reception_id",
            "user_id",
            unique=True,
            sqlite_where=text("live"),
            postgresql_where=text("live"),
        ),
    )


class RentalItem(Base):
    """Sports equipment a center lends for free: balls, rackets, chess…, `quantity` of them."""

    __tablename__ = "rental_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    quantity: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(default=True)


class RentalStatus(enum.StrEnum):
    BOOKED = "booked"
    ISSUED = "issued"
    RETURNED = "returned"
    CANCELLED = "cancelled"


class Rental(Base):
    """One item booked by a resident for a time window; staff mark it issued and returned."""

    __tablename__ = "rentals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("rental_items.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    status: Mapped[RentalStatus] = mapped_column(
        _str_enum(RentalStatus), default=RentalStatus.BOOKED, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    issued_at: Mapped[datetime | None]
    returned_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]  # a polite reminder of an overdue return, once


class Caller(Base):
    """A person without the bot whose idea or sign-up staff entered from a phone call; their
    consent to keep the name and phone was given orally (`consent`)."""

    __tablename__ = "callers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(20))
    consent: Mapped[str] = mapped_column(String(32), default="oral")  # «получено устно»
    consent_at: Mapped[datetime] = mapped_column(default=utcnow)
    entered_by: Mapped[int | None] = mapped_column(BigInteger)


class Gathering(Base):
    """A субботник or an action an elder calls the residents of their territory to, beforehand."""

    __tablename__ = "gatherings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("elder_registrations.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(String(16))
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id"))
    action_other: Mapped[str | None] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    place: Mapped[str | None] = mapped_column(String(300))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    bring: Mapped[str | None] = mapped_column(String(300))
    photo: Mapped[str | None] = mapped_column(String(200))
    # Who is invited: the elder's house, entrance, street or committee (as a vote's territory).
    scope: Mapped[str] = mapped_column(String(16))
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("committees.id"))
    street_key: Mapped[str | None] = mapped_column(String(120))
    house_key: Mapped[str | None] = mapped_column(String(32))
    entrance: Mapped[int | None] = mapped_column(Integer)
    cancelled_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    reminded_at: Mapped[datetime | None]  # those going were reminded the evening before
    report_asked_at: Mapped[datetime | None]  # «Как прошёл субботник?» sent to the elder
    messaged_at: Mapped[datetime | None]  # the elder's one message to those going


class GatheringReply(Base):
    """A resident's «✋ Иду» or «Не смогу»; `show_name`: the elder may see who they are."""

    __tablename__ = "gathering_replies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    gathering_id: Mapped[int] = mapped_column(ForeignKey("gatherings.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    going: Mapped[bool] = mapped_column(default=True)
    show_name: Mapped[bool] = mapped_column(default=False)
    at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("gathering_id", "user_id"),)


class NoticeCopy(Base):
    """One of the copies of a notice with decision buttons, sent to each of several deciders
    (an elder's application goes to every staff member of the district and to the admins): when
    one of them decides, the other copies lose their buttons."""

    __tablename__ = "notice_copies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject: Mapped[str] = mapped_column(String(16))  # what is decided: "elder"
    subject_id: Mapped[int] = mapped_column(Integer)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_notice_copies_subject", "subject", "subject_id"),)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(64))
    target_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    details: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


class AppState(Base):
    """Small shared values all bot processes read, e.g. the version of the reference data."""

    __tablename__ = "app_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(100))


class BotInstance(Base):
    """A running bot process, seen alive at `seen_at` (a heartbeat): a polling process refuses to
    start while others are alive, and /healthz reports how many there are."""

    __tablename__ = "bot_instances"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    mode: Mapped[str] = mapped_column(String(16))  # polling or webhook
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class FsmRecord(Base):
    """aiogram FSM state and data of one (bot, chat, user, thread) key."""

    __tablename__ = "fsm_state"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    state: Mapped[str | None] = mapped_column(String(200))
    data: Mapped[str] = mapped_column(Text, default="{}")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class MediaPublication(Base):
    """A newspaper article, TV story or post about a center's or committee's work, as staff
    recorded it for the year's count."""

    __tablename__ = "media_publications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)
    center_id: Mapped[int | None] = mapped_column(ForeignKey("centers.id"))
    url: Mapped[str] = mapped_column(String(500))
    outlet: Mapped[str] = mapped_column(String(100))
    published_on: Mapped[date] = mapped_column(Date, index=True)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Award(Base):
    """A person put forward for the city's recognition of a year: the memorial badge «За
    активную работу в органах ТОС» or a thanks letter, with the reason the letter says."""

    __tablename__ = "awards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # bot/services/recognition.py AWARDS
    year: Mapped[int] = mapped_column(Integer, index=True)
    reason: Mapped[str] = mapped_column(String(300))
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("user_id", "kind", "year"),)


class CityInvitation(Base):
    """The city's invitation to the «Слёт общественности» (or another event) to a chosen list:
    the year's awarded, the confirmed elders or the centers' staff, of a district or the city."""

    __tablename__ = "city_invitations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(150))
    starts_at: Mapped[datetime]
    place: Mapped[str] = mapped_column(String(200))
    guests: Mapped[str] = mapped_column(String(16))  # bot/services/recognition.py GUESTS
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"))  # None: the city
    year: Mapped[int] = mapped_column(Integer)  # whose awards «awarded» means
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    reminded_at: Mapped[datetime | None]  # those coming were reminded the day before


class InvitationReply(Base):
    """«Приду» / «Не смогу» — one per person, the last one counts."""

    __tablename__ = "invitation_replies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    invitation_id: Mapped[int] = mapped_column(
        ForeignKey("city_invitations.id", ondelete="CASCADE")
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    coming: Mapped[bool]
    at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("invitation_id", "user_id"),)
