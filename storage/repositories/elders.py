from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import func, select, true, update

from storage.models import ElderRegistration, RegistrationStatus, Role, User
from storage.repositories.base import Repository, name_contains

OPEN = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED)


class ElderRepository(Repository[ElderRegistration]):
    model = ElderRegistration

    async def of_user(self, user_id: int) -> Sequence[ElderRegistration]:
        result = await self.session.execute(
            select(ElderRegistration)
            .where(ElderRegistration.user_id == user_id)
            .order_by(ElderRegistration.id)
        )
        return result.scalars().all()

    async def confirmed_of_user(self, user_id: int) -> Sequence[ElderRegistration]:
        return [r for r in await self.of_user(user_id) if r.status is RegistrationStatus.CONFIRMED]

    async def same_territory_open(self, reg: ElderRegistration) -> ElderRegistration | None:
        """The user's pending or confirmed application for the very same territory, if any."""
        result = await self.session.execute(
            select(ElderRegistration).where(
                ElderRegistration.user_id == reg.user_id,
                ElderRegistration.tos_role == reg.tos_role,
                ElderRegistration.district_id == reg.district_id,
                func.coalesce(ElderRegistration.street, "") == (reg.street or ""),
                func.coalesce(ElderRegistration.house, "") == (reg.house or ""),
                func.coalesce(ElderRegistration.entrance, 0) == (reg.entrance or 0),
                ElderRegistration.status.in_(OPEN),
            )
        )
        return result.scalars().first()

    async def of_district(
        self, district_id: int, offset: int, limit: int
    ) -> list[tuple[ElderRegistration, str | None]]:
        """A page of the district's applications and confirmed elders, each with its name."""
        result = await self.session.execute(
            select(ElderRegistration, User.full_name)
            .outerjoin(User, User.id == ElderRegistration.user_id)
            .where(ElderRegistration.district_id == district_id, ElderRegistration.status.in_(OPEN))
            .order_by(ElderRegistration.status.desc(), ElderRegistration.id)
            .offset(offset)
            .limit(limit)
        )
        return [(reg, name) for reg, name in result.all()]

    async def confirmed_in(
        self, district_id: int, name: str | None = None, limit: int = 60
    ) -> list[tuple[ElderRegistration, str]]:
        """The district's confirmed elders with their names, by name (for staff entering on
        their behalf); `name`: those whose name holds the words typed."""
        result = await self.session.execute(
            select(ElderRegistration, User.full_name)
            .join(User, User.id == ElderRegistration.user_id)
            .where(
                ElderRegistration.district_id == district_id,
                ElderRegistration.status == RegistrationStatus.CONFIRMED,
                name_contains(User.full_name, name) if name else true(),
            )
            .order_by(User.full_name, ElderRegistration.id)
            .limit(limit)
        )
        return [(reg, name or "") for reg, name in result.all()]

    async def count_of_district(self, district_id: int) -> int:
        return int(
            await self.session.scalar(
                select(func.count())
                .select_from(ElderRegistration)
                .where(
                    ElderRegistration.district_id == district_id,
                    ElderRegistration.status.in_(OPEN),
                )
            )
            or 0
        )

    async def decide(
        self,
        registration_id: int,
        expected: RegistrationStatus,
        new: RegistrationStatus,
        actor_id: int,
        reason: str | None = None,
    ) -> bool:
        """Move an application from `expected` to `new` status; False if someone was quicker."""
        result = await self.session.execute(
            update(ElderRegistration)
            .where(ElderRegistration.id == registration_id, ElderRegistration.status == expected)
            .values(status=new, decided_by=actor_id, decided_at=datetime.now(UTC), reason=reason)
            .execution_options(synchronize_session="fetch")
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def sync_role(self, user: User) -> None:
        """A resident with a confirmed territory is an elder, and stops being one without it."""
        confirmed = await self.confirmed_of_user(user.id)
        if confirmed and user.role is Role.RESIDENT:
            user.role = Role.ELDER
        elif not confirmed and user.role is Role.ELDER:
            user.role = Role.RESIDENT
