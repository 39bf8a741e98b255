"""Database tables. Times are stored in UTC."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime

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
    active: Mapped[bool] = mapped_column(default=True)

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
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Given in /register (after consent); shared by all of the user's territories.
    full_name: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(20))

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
    decorated: Mapped[int | None] = mapped_column(Integer)
    snow_figures: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[ReportStatus] = mapped_column(
        _str_enum(ReportStatus), default=ReportStatus.SUBMITTED
    )
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    moderated_by: Mapped[int | None] = mapped_column(BigInteger)
    moderated_at: Mapped[datetime | None]
    moderator_comment: Mapped[str | None] = mapped_column(String(500))

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


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(64))
    target_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    details: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


class FsmRecord(Base):
    """aiogram FSM state and data of one (bot, chat, user, thread) key."""

    __tablename__ = "fsm_state"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    state: Mapped[str | None] = mapped_column(String(200))
    data: Mapped[str] = mapped_column(Text, default="{}")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
