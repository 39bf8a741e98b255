from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def write(
        self, actor_id: int | None, action: str, target_id: int | None = None, **details: Any
    ) -> None:
        self.session.add(
            AuditEntry(actor_id=actor_id, action=action, target_id=target_id, details=details)
        )

    async def last(self, limit: int) -> Sequence[AuditEntry]:
        result = await self.session.execute(
            select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        )
        return result.scalars().all()

    async def unlink_user(self, user_id: int) -> None:
        """Keep the record of what happened, drop who it was (after /deleteme)."""
        await self.session.execute(
            update(AuditEntry).where(AuditEntry.actor_id == user_id).values(actor_id=None)
        )
        await self.session.execute(
            update(AuditEntry).where(AuditEntry.target_id == user_id).values(target_id=None)
        )
