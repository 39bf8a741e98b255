"""Plans for tomorrow: a scheduler tick (the leader's only) reminds those who said «Иду» to an
elder's субботник the evening before, and a few hours after its start asks the elder «Как прошёл
субботник?» with «📝 Заполнить отчёт»; those booked for a center's reception are reminded a day
before, as are those coming to a city event (the Слёт), and an item of the rental not returned in
time gets a polite reminder (once each)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram.exceptions import TelegramAPIError
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.keyboards.callbacks import GatheringCb
from bot.services.gatherings import REPORT_AFTER, evening_before
from storage.models import Announcement, AnnouncementStatus
from storage.repositories.gatherings import GatheringRepository

logger = logging.getLogger(__name__)


class GatheringNotices:
    def __init__(self, session_factory, core, locale: str, tz: ZoneInfo, directory) -> None:  # type: ignore[no-untyped-def]
        self.session_factory = session_factory
        self.core = core
        self.locale = locale
        self.tz = tz
        self.directory = directory

    def _get(self, key: str, **args: Any) -> str:
        return str(self.core.get(key, self.locale, **args))

    def _what(self, kind: str, action_id: int | None, other: str | None) -> str:
        action = self.directory.action(action_id)
        name = action.name if action else other
        kind_name = self._get(f"rep-kind-{kind}")
        return f"{kind_name} «{name}»" if name else kind_name

    async def tick(self, now: datetime, bot: Any = None) -> int:
        done = 0
        async with self.session_factory() as session:
            gatherings = GatheringRepository(session)
            for g in await gatherings.to_remind(now, now + timedelta(hours=36)):
                if now < evening_before(g, self.tz):
                    continue
                g.reminded_at = now
                local = g.starts_at.astimezone(self.tz)
                session.add(
                    Announcement(
                        author_id=g.author_id,
                        kind="results",
                        audience="gathering-going",
                        audience_id=g.id,
                        text=self._get(
                            "gather-reminder",
                            what=self._what(g.kind, g.action_id, g.action_other),
                            time=local.strftime("%H:%M"),
                            place=g.place or self._get("gather-point"),
                        ),
                        send_at=now,
                        status=AnnouncementStatus.SCHEDULED,
                    )
                )
                done += 1
            for g in await gatherings.to_report(now - REPORT_AFTER):
                g.report_asked_at = now
                if bot is None or g.author_id is None:
                    continue
                markup = InlineKeyboardMarkup(
                    inline_keyboard=[
                        [
                            InlineKeyboardButton(
                                text=self._get("gather-fill-report"),
                                callback_data=GatheringCb(action="report", id=g.id).pack(),
                            )
                        ]
                    ]
                )
                going = await gatherings.going_count(g.id)
                try:
                    await bot.send_message(
                        g.author_id,
                        self._get(
                            "gather-how-was-it",
                            what=self._what(g.kind, g.action_id, g.action_other),
                            going=going,
                        ),
                        reply_markup=markup,
                    )
                    done += 1
                except TelegramAPIError as exc:
                    logger.info("«Как прошёл субботник?» not delivered: %s", type(exc).__name__)
            done += await self._remind_receptions(session, now)
            done += await self._remind_overdue(session, now)
            done += await self._remind_invitations(session, now)
            await session.commit()
        return done

    async def _remind_overdue(self, session: Any, now: datetime) -> int:
        """An item not returned by the end of its window: one polite reminder."""
        from storage.repositories.rental import RentalRepository

        reminded = 0
        for rental, name in await RentalRepository(session).overdue(now):
            rental.reminded_at = now
            session.add(
                Announcement(
                    kind="results",
                    audience="rental",
                    audience_id=rental.id,
                    text=self._get("rental-overdue", name=name),
                    send_at=now,
                    status=AnnouncementStatus.SCHEDULED,
                )
            )
            reminded += 1
        return reminded

    async def _remind_invitations(self, session: Any, now: datetime) -> int:
        """Those coming to a city event (the Слёт) are reminded once, a day before."""
        from storage.repositories.recognition import InvitationRepository

        reminded = 0
        for invitation in await InvitationRepository(session).to_remind(
            now, now + timedelta(days=1)
        ):
            invitation.reminded_at = now
            session.add(
                Announcement(
                    author_id=invitation.created_by,
                    kind="results",
                    audience="invitation-coming",
                    audience_id=invitation.id,
                    text=self._get(
                        "invite-reminder",
                        title=invitation.title,
                        when=invitation.starts_at.astimezone(self.tz).strftime("%d.%m %H:%M"),
                        place=invitation.place,
                    ),
                    send_at=now,
                    status=AnnouncementStatus.SCHEDULED,
                )
            )
            reminded += 1
        return reminded

    async def _remind_receptions(self, session: Any, now: datetime) -> int:
        """Those booked for a reception starting within a day are reminded once."""
        from storage.repositories.receptions import ReceptionRepository

        reminded = 0
        for r in await ReceptionRepository(session).to_remind(now, now + timedelta(days=1)):
            r.reminded_at = now
            session.add(
                Announcement(
                    author_id=r.created_by,
                    kind="results",
                    audience="reception",
                    audience_id=r.id,
                    text=self._get(
                        "reception-reminder",
                        when=r.starts_at.astimezone(self.tz).strftime("%d.%m %H:%M"),
                        specialist=r.specialist,
                        topic=r.topic,
                    ),
                    send_at=now,
                    status=AnnouncementStatus.SCHEDULED,
                )
            )
            reminded += 1
        return reminded
