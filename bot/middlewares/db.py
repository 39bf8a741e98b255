"""One database session per update; repositories and the current user go into handler data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from aiogram.types import User as TgUser
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.permissions import actor_of
from bot.services.validation import InputError
from storage.db import has_writes
from storage.fsm import update_session
from storage.repositories.announcements import AnnouncementRepository
from storage.repositories.audit import AuditRepository
from storage.repositories.clubs import ClubCounts, ClubRepository
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
from storage.repositories.users import UserCache, UserRepository
from storage.repositories.votes import VoteRepository


class DbSessionMiddleware(BaseMiddleware):
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        user_cache: UserCache | None,
        club_counts: ClubCounts | None,
        directory: Directory,
        shared: bool,
    ) -> None:
        self.session_factory = session_factory
        self.user_cache = user_cache
        self.club_counts = club_counts
        self.directory = directory
        # Several processes may serve the bot: reference data changed by another is reloaded.
        self.shared = shared

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        async with self.session_factory() as session:
            token = update_session.set(session)
            try:
                return await self._handle(handler, event, data, session)
            finally:
                update_session.reset(token)

    async def _handle(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
        session: AsyncSession,
    ) -> Any:
        if self.shared:
            await self.directory.refresh_if_changed(session)
        users = UserRepository(session, self.user_cache)
        data["session"] = session
        data["users"] = users
        data["audit"] = AuditRepository(session)
        data["elders"] = ElderRepository(session)
        data["reports"] = ReportRepository(session)
        data["clubs"] = ClubRepository(session, self.club_counts)
        data["announcements"] = AnnouncementRepository(session)
        data["contests"] = ContestRepository(session)
        data["stats_repo"] = StatsRepository(session)
        data["ideas"] = IdeaRepository(session)
        data["votes"] = VoteRepository(session)
        data["gatherings"] = GatheringRepository(session)
        data["receptions"] = ReceptionRepository(session)
        data["media"] = MediaRepository(session)
        data["recognition"] = RecognitionRepository(session)
        data["invitations"] = InvitationRepository(session)
        data["rental"] = RentalRepository(session)
        tg_user: TgUser | None = data.get("event_from_user")
        if tg_user is not None and not tg_user.is_bot:
            user = await users.get_or_create(tg_user.id)
            if not user.is_active:
                user.is_active = True  # they wrote to us again: broadcasts may reach them
            await users.refresh_username(user, tg_user.username)
            data["user"] = user
            data["actor"] = actor_of(user, data["settings"], self.directory)
        try:
            result = await handler(event, data)
        except InputError:  # a bad answer or a refused tap, told by handlers.forms.told
            if has_writes(session):  # e.g. the first contact's user row: kept
                await session.commit()
            raise
        if has_writes(session):
            await session.commit()
        # else: a read-only update; closing the session ends its transaction
        return result
