"""What one update's handlers work with, typed: who acts, in which language, the settings and the
storage. A handler takes `ctx: Ctx` (a dialog's button or input: `ctx_of(manager)`) instead of a
dozen injected arguments or untyped lookups in the middleware data.

It is made by `with_context`, the last outer middleware, from what the others put into the
update's data (DbSessionMiddleware the session, the repositories, the user and the actor;
aiogram-i18n the `i18n`; the dispatcher the settings, the bot and the engines)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import TelegramObject
from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.background import Background
from bot.broadcast.engine import DeliveryEngine
from bot.config import Settings
from bot.permissions import Actor
from bot.services.contests import ContestNotices
from storage.models import User
from storage.repositories.announcements import AnnouncementRepository
from storage.repositories.audit import AuditRepository
from storage.repositories.clubs import ClubRepository
from storage.repositories.contests import ContestRepository
from storage.repositories.directory import Directory
from storage.repositories.elders import ElderRepository
from storage.repositories.gatherings import GatheringRepository
from storage.repositories.ideas import IdeaRepository
from storage.repositories.media import MediaRepository
from storage.repositories.receptions import ReceptionRepository
from storage.repositories.recognition import InvitationRepository, RecognitionRepository
from storage.repositories.rental import RentalRepository
from storage.repositories.reports import ReportRepository
from storage.repositories.stats import StatsRepository
from storage.repositories.users import UserRepository
from storage.repositories.votes import VoteRepository


class Ctx:
    __slots__ = (
        "actor",
        "announcements",
        "audit",
        "background",
        "bot",
        "clubs",
        "contest_notices",
        "contests",
        "delivery",
        "directory",
        "elders",
        "gatherings",
        "i18n",
        "ideas",
        "invitations",
        "media",
        "now",
        "receptions",
        "recognition",
        "rental",
        "reports",
        "session",
        "session_factory",
        "settings",
        "state",
        "stats_repo",
        "user",
        "users",
        "votes",
    )

    user: User
    actor: Actor
    i18n: I18nContext
    bot: Bot
    now: datetime  # when the update came: one moment for all its checks and records
    state: FSMContext
    settings: Settings
    directory: Directory
    delivery: DeliveryEngine
    contest_notices: ContestNotices
    background: Background
    session_factory: async_sessionmaker[AsyncSession]
    session: AsyncSession
    users: UserRepository
    audit: AuditRepository
    elders: ElderRepository
    reports: ReportRepository
    clubs: ClubRepository
    announcements: AnnouncementRepository
    contests: ContestRepository
    stats_repo: StatsRepository
    ideas: IdeaRepository
    votes: VoteRepository
    gatherings: GatheringRepository
    receptions: ReceptionRepository
    media: MediaRepository
    recognition: RecognitionRepository
    invitations: InvitationRepository
    rental: RentalRepository

    def __init__(self, data: dict[str, Any]) -> None:
        for name in self.__slots__:  # what the middlewares put there; an update without a user
            setattr(self, name, data.get(name))  # (a channel post) has no user: None
        self.now = datetime.now(UTC)

    @property
    def tz(self) -> ZoneInfo:
        """The city's time zone (TIMEZONE)."""
        return self.settings.tz

    @property
    def today(self) -> date:
        """The city's day at this update (Kemerovo is UTC+7: not the machine's day)."""
        return self.now.astimezone(self.settings.tz).date()


async def with_context(
    handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
    event: TelegramObject,
    data: dict[str, Any],
) -> Any:
    """The outer middleware after the session's and the language's: the update's ctx, holding
    what they put into the data (not the data itself, so nothing of an update outlives it)."""
    data["ctx"] = Ctx(data)
    return await handler(event, data)


def ctx_of(manager: DialogManager) -> Ctx:
    """The update's context in a dialog's button, input or getter."""
    return manager.middleware_data["ctx"]
