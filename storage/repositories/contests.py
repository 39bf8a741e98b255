from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Contest


class ContestRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, contest: Contest) -> Contest:
        self.session.add(contest)
        await self.session.flush()
        return contest

    async def get(self, contest_id: int) -> Contest | None:
        return await self.session.get(Contest, contest_id)
