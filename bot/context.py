"""What one update's handlers work with, typed: who acts, in which language, the settings and the
storage. A handler takes `ctx: Ctx` (a dialog's button or input: `ctx_of(manager)`) instead of a
dozen injected arguments or untyped lookups in the middleware data.

It reads the update's middleware data as the middlewares left it (DbSessionMiddleware opens the
session and puts the repositories, the user and the actor there; aiogram-i18n its `i18n`), so it
holds nothing of its own and costs nothing for the parts an update does not use."""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.fsm.context import FSMContext
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
    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    # Who acts and how they are answered
    @property
    def user(self) -> User:
        return self._data["user"]

    @property
    def actor(self) -> Actor:
        return self._data["actor"]

    @property
    def i18n(self) -> I18nContext:
        return self._data["i18n"]

    @property
    def bot(self) -> Bot:
        return self._data["bot"]

    @property
    def state(self) -> FSMContext:
        return self._data["state"]

    # Long-lived: settings, reference data, engines
    @property
    def settings(self) -> Settings:
        return self._data["settings"]

    @property
    def directory(self) -> Directory:
        return self._data["directory"]

    @property
    def delivery(self) -> DeliveryEngine:
        return self._data["delivery"]

    @property
    def contest_notices(self) -> ContestNotices:
        return self._data["contest_notices"]

    @property
    def background(self) -> Background:
        return self._data["background"]

    @property
    def session_factory(self) -> async_sessionmaker[AsyncSession]:
        return self._data["session_factory"]

    # The update's database session and its repositories
    @property
    def session(self) -> AsyncSession:
        return self._data["session"]

    @property
    def users(self) -> UserRepository:
        return self._data["users"]

    @property
    def audit(self) -> AuditRepository:
        return self._data["audit"]

    @property
    def elders(self) -> ElderRepository:
        return self._data["elders"]

    @property
    def reports(self) -> ReportRepository:
        return self._data["reports"]

    @property
    def clubs(self) -> ClubRepository:
        return self._data["clubs"]

    @property
    def announcements(self) -> AnnouncementRepository:
        return self._data["announcements"]

    @property
    def contests(self) -> ContestRepository:
        return self._data["contests"]

    @property
    def stats_repo(self) -> StatsRepository:
        return self._data["stats_repo"]

    @property
    def ideas(self) -> IdeaRepository:
        return self._data["ideas"]

    @property
    def votes(self) -> VoteRepository:
        return self._data["votes"]

    @property
    def gatherings(self) -> GatheringRepository:
        return self._data["gatherings"]

    @property
    def receptions(self) -> ReceptionRepository:
        return self._data["receptions"]

    @property
    def media(self) -> MediaRepository:
        return self._data["media"]

    @property
    def recognition(self) -> RecognitionRepository:
        return self._data["recognition"]

    @property
    def invitations(self) -> InvitationRepository:
        return self._data["invitations"]

    @property
    def rental(self) -> RentalRepository:
        return self._data["rental"]


def ctx_of(manager: DialogManager) -> Ctx:
    """The update's context in a dialog's button, input or getter."""
    return manager.middleware_data["ctx"]
