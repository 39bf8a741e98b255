"""Problems reach their district's staff at once, and items past their answer deadline reach the
admins over the district: a scheduler tick (the leader's only), through the delivery engine and,
for the few escalations, straight to the admins (ADMIN_IDS included, who may have no row)."""

from __future__ import annotations

import html
from datetime import datetime
from itertools import groupby
from typing import Any

from aiogram.exceptions import TelegramAPIError
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.keyboards.callbacks import IdeaCb
from storage.models import Announcement, AnnouncementStatus, Idea, Role, User
from storage.repositories.ideas import OPEN

SHOWN_IN_ALERT = 5


class IdeaAlerts:
    """Each tick: new problems go to their district's staff through the delivery engine (a burst
    is one message, with «🛠 Взять в работу» when it is one problem); items past their answer
    deadline go once to the admins over their district."""

    def __init__(self, session_factory, core, locale: str, directory, admin_ids) -> None:  # type: ignore[no-untyped-def]
        self.session_factory = session_factory
        self.core = core
        self.locale = locale
        self.directory = directory
        self.admin_ids: frozenset[int] = frozenset(admin_ids)

    def _lines(self, items: list[Idea]) -> str:
        return "\n".join(
            self.core.get(
                "idea-alert-line",
                self.locale,
                id=str(i.id),
                category=self.core.get(f"idea-cat-{i.category}", self.locale),
                text=html.escape(" ".join(i.text.split())[:60]),
            )
            for i in items[:SHOWN_IN_ALERT]
        )

    async def tick(self, now: datetime, bot: Any = None) -> int:
        told = 0
        async with self.session_factory() as session:
            fresh = (
                (
                    await session.execute(
                        select(Idea)
                        .where(Idea.kind == "problem", Idea.notified_at.is_(None))
                        .order_by(Idea.district_id, Idea.id)
                    )
                )
                .scalars()
                .all()
            )
            for district_id, group in groupby(fresh, key=lambda i: i.district_id):
                items = list(group)
                district = self.directory.district(district_id)
                name = district.name if district else ""
                if len(items) == 1:
                    text = self.core.get("idea-alert-one", self.locale, district=name)
                    button = ("idea-take", IdeaCb(action="take", id=items[0].id))
                else:
                    text = self.core.get(
                        "idea-alert-many", self.locale, district=name, count=len(items)
                    )
                    button = ("idea-alert-open", IdeaCb(action="filter", id=0, value="new"))
                session.add(
                    Announcement(
                        kind="problems",
                        audience="staff",
                        audience_id=district_id,
                        text=f"{text}\n{self._lines(items)}",
                        button_text=self.core.get(button[0], self.locale),
                        button_data=button[1].pack(),
                        send_at=now,
                        status=AnnouncementStatus.SCHEDULED,
                    )
                )
                for item in items:
                    item.notified_at = now
                told += 1
            told += await self._escalate(session, now, bot)
            await session.commit()
        return told

    async def _escalate(self, session: AsyncSession, now: datetime, bot: Any) -> int:
        """Unanswered past the deadline: the admins over the district are told once."""
        late = (
            (
                await session.execute(
                    select(Idea)
                    .where(
                        Idea.escalated_at.is_(None),
                        Idea.answered_at.is_(None),
                        Idea.due_at < now,
                        Idea.status.in_(OPEN),
                    )
                    .order_by(Idea.district_id, Idea.id)
                )
            )
            .scalars()
            .all()
        )
        told = 0
        for district_id, group in groupby(late, key=lambda i: i.district_id):
            items = list(group)
            for item in items:
                item.escalated_at = now
            district = self.directory.district(district_id)
            if district is None or bot is None:
                continue
            admins = await session.execute(
                select(User.id).where(
                    User.is_active,
                    (User.role == Role.ADMIN) | User.id.in_(self.admin_ids),
                    User.admin_municipality_id.is_(None)
                    | (User.admin_municipality_id == district.municipality_id),
                )
            )
            recipients = set(admins.scalars()) | set(self.admin_ids)
            text = self.core.get(
                "idea-overdue", self.locale, district=district.name, count=len(items)
            )
            markup = InlineKeyboardMarkup(
                inline_keyboard=[
                    [
                        InlineKeyboardButton(
                            text=self.core.get("idea-alert-open", self.locale),
                            callback_data=IdeaCb(action="filter", id=0, value="open").pack(),
                        )
                    ]
                ]
            )
            for chat_id in sorted(recipients):
                try:
                    await bot.send_message(
                        chat_id, f"{text}\n{self._lines(items)}", reply_markup=markup
                    )
                    told += 1
                except TelegramAPIError:
                    pass  # blocked or never opened the bot: the list in /ideas shows it first
        return told
