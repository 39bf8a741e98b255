"""Copies of a notice with decision buttons sent to several deciders (see NoticeCopy)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import NoticeCopy


class NoticeCopyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, subject: str, subject_id: int, chat_id: int, message_id: int) -> None:
        self.session.add(
            NoticeCopy(
                subject=subject, subject_id=subject_id, chat_id=chat_id, message_id=message_id
            )
        )

    async def take(self, subject: str, subject_id: int) -> list[tuple[int, int]]:
        """The copies' (chat, message), forgotten: a decision retires them once."""
        where = (NoticeCopy.subject == subject, NoticeCopy.subject_id == subject_id)
        rows = (
            await self.session.execute(
                select(NoticeCopy.chat_id, NoticeCopy.message_id).where(*where)
            )
        ).all()
        await self.session.execute(delete(NoticeCopy).where(*where))
        return [(chat, message) for chat, message in rows]
