"""Votes end on time: a scheduler tick (the leader's only) reminds those who have not voted a day
before the end, then counts each ended vote once and sends its results, with a chart, to everyone
who voted (through the delivery engine); on projects the most voted win."""

from __future__ import annotations

import html
import logging
from datetime import datetime
from typing import Any

from aiogram.exceptions import TelegramAPIError
from aiogram.types import BufferedInputFile

from bot.charts import vote_chart
from bot.keyboards.callbacks import VoteCb
from bot.services.votes import REMIND_BEFORE, close, results_message, territory_label
from storage.models import Announcement, AnnouncementStatus, Vote
from storage.repositories.votes import VoteRepository

logger = logging.getLogger(__name__)


class VoteNotices:
    def __init__(self, session_factory, core, locale: str, directory) -> None:  # type: ignore[no-untyped-def]
        self.session_factory = session_factory
        self.core = core
        self.locale = locale
        self.directory = directory

    def _get(self, key: str, **args: Any) -> str:
        return str(self.core.get(key, self.locale, **args))

    def _where(self, vote: Vote) -> str:
        return html.escape(territory_label(vote, self.directory) or self._get("vote-scope-city"))

    async def tick(self, now: datetime, bot: Any = None) -> int:
        """Returns how many messages were queued (reminders and results)."""
        queued = 0
        async with self.session_factory() as session:
            votes = VoteRepository(session)
            for vote in await votes.to_remind(now, REMIND_BEFORE):
                vote.reminded_at = now
                session.add(
                    self._announcement(
                        vote,
                        "vote-waiting",
                        "votes",
                        self._get(
                            "vote-reminder",
                            territory=self._where(vote),
                            question=html.escape(vote.question),
                        ),
                        now,
                        button=True,
                    )
                )
                queued += 1
            for vote in await votes.to_close(now):
                counted = await close(votes, vote, now)
                text = results_message(self._get, vote, counted, self.directory)
                announcement = self._announcement(vote, "vote-voters", "results", text, now)
                announcement.photo = await self._chart(bot, vote, counted)
                session.add(announcement)
                queued += 1
            await session.commit()
        return queued

    def _announcement(
        self, vote: Vote, audience: str, kind: str, text: str, now: datetime, button: bool = False
    ) -> Announcement:
        return Announcement(
            author_id=vote.author_id,
            kind=kind,
            audience=audience,
            audience_id=vote.id,
            text=text,
            button_text=self._get("vote-open-button") if button else None,
            button_data=VoteCb(action="open", id=vote.id).pack() if button else None,
            send_at=now,
            status=AnnouncementStatus.SCHEDULED,
        )

    async def _chart(self, bot: Any, vote: Vote, counted: Any) -> str | None:
        """The chart goes to the vote's author first; its Telegram file then goes to every voter
        (one upload, not one per voter). No author to send it to: the results go as text."""
        if bot is None or vote.author_id is None:
            return None
        png = vote_chart(
            vote.question,
            [(line.option.text, line.online, line.paper) for line in counted.lines],
            {"online": self._get("vote-chart-online"), "paper": self._get("vote-chart-paper")},
        )
        try:
            sent = await bot.send_photo(
                vote.author_id, BufferedInputFile(png, "results.png"), caption=vote.question[:200]
            )
        except TelegramAPIError as exc:
            logger.info("Vote chart not delivered to its author: %s", type(exc).__name__)
            return None
        return sent.photo[-1].file_id if sent.photo else None
