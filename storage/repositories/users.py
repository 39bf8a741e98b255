from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import event, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, make_transient_to_detached

from storage.db import on_commit, transaction_info
from storage.models import Caller, Center, Role, User
from storage.repositories.base import name_contains, upsert

USER_COLUMNS = tuple(c.key for c in User.__mapper__.column_attrs)


CHANGED_USERS = "changed_users"


class UserCache:
    """Committed user rows kept between updates: almost every update needs its user, and
    reading it costs more than the rest of a simple screen.

    A row is kept when it is read, refreshed whenever a session that loaded it commits, and
    dropped on deletion: exact in one process, so it is used only on SQLite (one process by
    design). With several processes on PostgreSQL there is no cache: a role revoked or data
    deleted through one process must be seen by the next update through any other."""

    def __init__(self, ttl: float = 30.0, size: int = 100_000) -> None:
        self.ttl = ttl
        self.size = size
        self._rows: OrderedDict[int, tuple[float, dict[str, Any]]] = OrderedDict()
        # Counts the commits that stored or dropped rows. A row read before one of them may be
        # older than what that commit stored (a role revoked while the read was on its way), so
        # a read keeps its row only if no commit came in between.
        self.commits = 0

    def get(self, user_id: int) -> dict[str, Any] | None:
        cached = self._rows.get(user_id)
        if cached is None or time.monotonic() - cached[0] > self.ttl:
            return None
        return cached[1]

    def put(self, user: User) -> None:
        """A committed row."""
        self.commits += 1
        self._keep(user)

    def put_read(self, user: User, commits_before_read: int) -> None:
        """A row just read, unless a commit stored or dropped rows since the read began."""
        if self.commits == commits_before_read:
            self._keep(user)

    def _keep(self, user: User) -> None:
        self._rows[user.id] = (time.monotonic(), {k: getattr(user, k) for k in USER_COLUMNS})
        self._rows.move_to_end(user.id)
        if len(self._rows) > self.size:
            self._rows.popitem(last=False)

    def evict(self, user_id: int) -> None:
        self.commits += 1
        self._rows.pop(user_id, None)

    def clear(self) -> None:
        self._rows.clear()


class UserRepository:
    def __init__(self, session: AsyncSession, cache: UserCache | None = None) -> None:
        self.session = session
        self.cache = cache

    async def get(self, user_id: int) -> User | None:
        loaded = self.session.sync_session.identity_map.get((User, (user_id,), None))
        if isinstance(loaded, User):
            return loaded
        values = self.cache.get(user_id) if self.cache else None
        user: User | None
        if values is not None:
            user = User(**values)
            make_transient_to_detached(user)  # a known row: no SELECT, changes become an UPDATE
            self.session.add(user)
        else:
            commits = self.cache.commits if self.cache else 0
            user = await self.session.get(User, user_id)
            if user is not None and self.cache is not None:
                self.cache.put_read(user, commits)
        self._remember_on_commit()
        return user

    def _remember_on_commit(self) -> None:
        cache, info = self.cache, transaction_info(self.session)
        if cache is None or info.get("user_cache_hooked"):
            return
        info["user_cache_hooked"] = True
        session = self.session

        def store() -> None:
            # Changed rows are held by _hold_changed_users: a flushed object is otherwise only
            # weakly referenced by the session and may already be gone.
            for obj in (*info.get(CHANGED_USERS, ()), *session.sync_session.identity_map.values()):
                if isinstance(obj, User):
                    cache.put(obj)

        on_commit(session, store)

    async def get_or_create(self, user_id: int) -> User:
        """Only the Telegram id (and defaults) is stored here: no personal data before consent.

        A new user's row is inserted at once in a short transaction of its own, ignoring a row
        that another process inserted for their other first update meanwhile."""
        user = await self.get(user_id)
        if user is None:
            statement = (
                upsert(self.session, User)
                .values(
                    id=user_id, role=Role.RESIDENT, is_active=True, club_reminder_min=180, muted=""
                )
                .on_conflict_do_nothing(index_elements=[User.id])
            )
            async with AsyncSession(self.session.bind) as own:
                await own.execute(statement)
                await own.commit()
            user = await self.session.get(User, user_id)
            assert user is not None
            self._remember_on_commit()
        return user

    async def find(self, ref: int | str | None, create: bool = False) -> User | None:
        """By Telegram id or @username (see parse_user_ref); `create`: a row for an id that
        has not written yet (a role given before their first message)."""
        if isinstance(ref, int):
            return await self.get_or_create(ref) if create else await self.get(ref)
        if isinstance(ref, str):
            return await self.find_by_username(ref)
        return None

    async def find_by_username(self, username: str) -> User | None:
        name = username.removeprefix("@").lower()
        result = await self.session.execute(select(User).where(User.username == name))
        self._remember_on_commit()
        return result.scalars().first()

    async def search(
        self, query: str, limit: int, districts: Sequence[int] | None = None
    ) -> Sequence[User]:
        """People whose name contains the words typed, or whose @username starts with them
        (`districts`: only people who live or work there). Several spellings of the case: SQLite
        compares only Latin letters without case."""
        name = " ".join(query.split()).removeprefix("@").lower()
        by_name = name_contains(User.full_name, query)
        query_ = select(User).where(by_name | User.username.startswith(name, autoescape=True))
        if districts is not None:
            centers = select(Center.id).where(Center.district_id.in_(districts))
            query_ = query_.where(
                User.district_id.in_(districts)
                | User.staff_district_id.in_(districts)
                | User.staff_center_id.in_(centers)
            )
        found = await self.session.execute(
            query_.order_by(User.full_name, User.username).limit(limit)
        )
        return found.scalars().all()

    async def give_consent(self, user: User, at: datetime, username: str | None) -> None:
        user.consent_at = at
        user.username = username.lower() if username else None

    async def refresh_username(self, user: User, username: str | None) -> None:
        """Keep the @username current, but only for users who consented to storing it."""
        name = username.lower() if username else None
        if user.has_consent and user.username != name:
            user.username = name

    async def deciders(self, center_ids: Sequence[int], admin_ids: frozenset[int]) -> list[User]:
        """Staff of these centers and every admin: who decides on a district's applications."""
        result = await self.session.execute(
            select(User).where(
                ((User.role == Role.STAFF) & User.staff_center_id.in_(center_ids))
                | (User.role == Role.ADMIN)
                | User.id.in_(admin_ids)
            )
        )
        found = {u.id: u for u in result.scalars()}
        for admin_id in admin_ids - found.keys():  # an ADMIN_IDS admin who never wrote yet
            found[admin_id] = User(id=admin_id, role=Role.ADMIN)
        return sorted(found.values(), key=lambda u: u.id)

    async def staff_of(self, center_ids: Sequence[int]) -> Sequence[User]:
        result = await self.session.execute(
            select(User).where(User.role == Role.STAFF, User.staff_center_id.in_(center_ids))
        )
        return result.scalars().all()

    async def with_extra_commands(self) -> Sequence[User]:
        result = await self.session.execute(
            select(User).where(User.role.in_((Role.ELDER, Role.STAFF, Role.ADMIN)))
        )
        return result.scalars().all()

    async def add_caller(self, caller: Caller) -> Caller:
        """A person without the bot whom staff entered from a phone call."""
        self.session.add(caller)
        await self.session.flush()
        return caller

    async def caller(self, caller_id: int | None) -> Caller | None:
        return await self.session.get(Caller, caller_id) if caller_id else None

    async def footprint(self, user_id: int) -> dict[str, int]:
        """How much else the bot keeps linked to the user (for /mydata)."""
        from storage.models import (
            Application,
            Award,
            Idea,
            InvitationReply,
            Report,
            Signup,
            SignupStatus,
        )

        async def count(model: Any, *where: Any) -> int:
            return int(
                await self.session.scalar(select(func.count()).select_from(model).where(*where))
                or 0
            )

        return {
            "reports": await count(Report, Report.author_id == user_id),
            "signups": await count(
                Signup, Signup.user_id == user_id, Signup.status != SignupStatus.CANCELLED
            ),
            "applications": await count(Application, Application.user_id == user_id),
            "ideas": await count(Idea, Idea.user_id == user_id),
            "awards": await count(Award, Award.user_id == user_id),
            "invitations": await count(InvitationReply, InvitationReply.user_id == user_id),
        }

    async def scrub_linked(self, user_id: int) -> None:
        """Before the row goes, every copy of the person's data on other rows goes too:
        - sign-ups: live places end, children's names and ages go;
        - contest applications: the responsible person, and — unless the application won in a
          published contest (its address was announced with the results) — the address, the
          text and the photos; the nomination and the scores stay for the contest's figures;
        - ideas and problems: the text, the address, the location and the photos (the category,
          district and status stay in the figures);
        - the outbox: nothing more is sent to them, delivered rows keep no chat id;
        - ids of the person as staff (who moderated, decided, created, announced) are unlinked.
        Reports stay in the city's figures without an author (said in /deleteme and README)."""
        from sqlalchemy import String, cast, delete, literal

        from storage.models import (
            Announcement,
            Application,
            ApplicationPhoto,
            ApplicationStatus,
            Contest,
            ContestStage,
            ElderRegistration,
            Idea,
            IdeaPhoto,
            NoticeCopy,
            Outbox,
            OutboxStatus,
            Report,
            Signup,
            SignupStatus,
        )

        session = self.session
        await session.execute(
            update(Signup)
            .where(Signup.user_id == user_id, Signup.status != SignupStatus.CANCELLED)
            .values(status=SignupStatus.CANCELLED, cancelled_at=func.now())
        )
        await session.execute(
            update(Signup)
            .where(Signup.user_id == user_id)
            .values(who="", child_name=None, child_age=None)  # `who` holds the child's name too
        )
        published = select(Contest.id).where(Contest.stage == ContestStage.PUBLISHED)
        unpublished = (
            select(Application.id)
            .where(
                Application.user_id == user_id,
                or_(Application.place.is_(None), Application.contest_id.not_in(published)),
            )
            .scalar_subquery()
        )
        await session.execute(
            update(Application)
            .where(Application.user_id == user_id)
            .values(responsible_name=None, responsible_phone=None)
        )
        await session.execute(  # a contest still under way: the application is withdrawn
            update(Application)
            .where(Application.user_id == user_id, Application.contest_id.not_in(published))
            .values(status=ApplicationStatus.WITHDRAWN)
        )
        await session.execute(
            update(Application)
            .where(Application.id.in_(unpublished))
            .values(
                address_text="",
                address_key=literal("erased:") + cast(Application.id, String),
                address_parts={},
                description="",
            )
            .execution_options(synchronize_session=False)
        )
        await session.execute(
            delete(ApplicationPhoto).where(ApplicationPhoto.application_id.in_(unpublished))
        )
        mine = select(Idea.id).where(Idea.user_id == user_id).scalar_subquery()
        await session.execute(delete(IdeaPhoto).where(IdeaPhoto.idea_id.in_(mine)))
        await session.execute(
            update(Idea)
            .where(Idea.user_id == user_id)
            .values(text="", address=None, lat=None, lon=None)
        )
        await session.execute(
            delete(Outbox).where(Outbox.chat_id == user_id, Outbox.status == OutboxStatus.PENDING)
        )
        await session.execute(
            update(Outbox)
            .where(Outbox.chat_id == user_id)
            .values(chat_id=-Outbox.id)  # unique per announcement, and no one's id
            .execution_options(synchronize_session=False)
        )
        await session.execute(delete(NoticeCopy).where(NoticeCopy.chat_id == user_id))
        await session.execute(
            update(Report).where(Report.moderated_by == user_id).values(moderated_by=None)
        )
        await session.execute(
            update(ElderRegistration)
            .where(ElderRegistration.decided_by == user_id)
            .values(decided_by=None)
        )
        await session.execute(
            update(Contest).where(Contest.created_by == user_id).values(created_by=None)
        )
        await session.execute(
            update(Announcement)
            .where(Announcement.author_id == user_id)
            .values(author_id=None, progress_chat_id=None, progress_message_id=None)
        )

    async def erase_personal_data(self, user: User) -> None:
        """152-ФЗ deletion of the user's row; figures elsewhere keep no link to the person."""
        await self.session.delete(user)  # the row always exists: get_or_create inserts it
        if self.cache is not None:
            cache, user_id = self.cache, user.id
            on_commit(self.session, lambda: cache.evict(user_id))

    async def set_active(self, user_id: int, active: bool) -> None:
        await self.session.execute(update(User).where(User.id == user_id).values(is_active=active))
        if self.cache is not None:
            cache = self.cache
            on_commit(self.session, lambda: cache.evict(user_id))


@event.listens_for(Session, "before_flush")
def _hold_changed_users(session: Session, *_: Any) -> None:
    changed = [o for o in (*session.new, *session.dirty) if isinstance(o, User)]
    if changed:
        transaction_info(session).setdefault(CHANGED_USERS, []).extend(changed)
