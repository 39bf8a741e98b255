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
                text = self._get(
                    "gather-reminder",
                    what=self._what(g.kind, g.action_id, g.action_other),
                    time=g.starts_at.astimezone(self.tz).strftime("%H:%M"),
                    place=g.place or self._get("gather-point"),
                )
                self._remind(session, now, g, "gathering-going", text, g.author_id)
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

    def _remind(
        self, session: Any, now: datetime, row: Any, audience: str, text: str, author: Any = None
    ) -> None:
        """`row` marked reminded, and its reminder queued for `audience` (the delivery engine
        sends it, to those it means at the moment of sending)."""
        row.reminded_at = now
        session.add(
            Announcement(
                author_id=author,
                kind="results",
                audience=audience,
                audience_id=row.id,
                text=text,
                send_at=now,
                status=AnnouncementStatus.SCHEDULED,
            )
        )

    def _when(self, moment: datetime) -> str:
        return moment.astimezone(self.tz).strftime("%d.%m %H:%M")

    async def _remind_overdue(self, session: Any, now: datetime) -> int:
        """An item not returned by the end of its window: one polite reminder."""
        from storage.repositories.rental import RentalRepository

        overdue = await RentalRepository(session).overdue(now)
        for rental, name in overdue:
            self._remind(session, now, rental, "rental", self._get("rental-overdue", name=name))
        return len(overdue)

    async def _remind_invitations(self, session: Any, now: datetime) -> int:
        """Those coming to a city event (the Слёт) are reminded once, a day before."""
        from storage.repositories.recognition import InvitationRepository

        due = await InvitationRepository(session).to_remind(now, now + timedelta(days=1))
        for invitation in due:
            text = self._get(
                "invite-reminder",
                title=invitation.title,
                when=self._when(invitation.starts_at),
                place=invitation.place,
            )
            self._remind(session, now, invitation, "guests-coming", text, invitation.created_by)
        return len(due)

    async def _remind_receptions(self, session: Any, now: datetime) -> int:
        """Those booked for a reception starting within a day are reminded once."""
        from storage.repositories.receptions import ReceptionRepository

        due = await ReceptionRepository(session).to_remind(now, now + timedelta(days=1))
        for r in due:
            text = self._get(
                "reception-reminder",
                when=self._when(r.starts_at),
                specialist=r.specialist,
                topic=r.topic,
            )
            self._remind(session, now, r, "reception", text, r.created_by)
        return len(due)
