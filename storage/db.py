"""Engine and session factory for SQLite (default) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import ORMExecuteState, Session


def _sqlite_pragmas(lock_wait: float) -> Callable[[Any, Any], None]:
    def apply(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # SQLite retries a locked write with its own growing back-off for this long.
        cursor.execute(f"PRAGMA busy_timeout={int(lock_wait * 1000)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return apply


def create_engine(url: str, pool_size: int = 10, lock_wait: float = 60) -> AsyncEngine:
    """Create the async engine; for a SQLite file, its directory is created first. A write
    waits up to `lock_wait` seconds for a lock (a backup, a long export, another process)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            url,
            hide_parameters=True,  # an error's text never carries the values (personal data)
            connect_args={"timeout": lock_wait},
            # every update waiting out a lock holds a connection meanwhile
            pool_size=10,
            max_overflow=90,
            pool_timeout=lock_wait + 30,
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas(lock_wait))
        return engine
    return create_async_engine(
        url,
        hide_parameters=True,
        pool_pre_ping=True,
        pool_size=pool_size,
        max_overflow=pool_size,
    )


FAULT_LOG = {"locked": "database is locked", "disk-full": "disk full"}  # for logs and /healthz


def storage_fault(exc: BaseException) -> str | None:
    """«locked» or «disk-full» when the database could not write for one of those reasons
    (to tell the user and the log what happened, without the statement or its values)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "database is locked" in text or "lock timeout" in text:
        return "locked"
    if "disk is full" in text or "no space left" in text or "diskfull" in text:
        return "disk-full"
    return None


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions write only at commit (autoflush off): SQLite has one writer at a time, and a
    handler's write lock must not be held while it waits for Telegram. Code that must see its own
    pending rows in a query flushes explicitly."""
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


AFTER_COMMIT = "after_commit_callbacks"
TRANSACTION = "transaction_scoped"


def on_commit(session: AsyncSession | Session, callback: Callable[[], None]) -> None:
    """Run `callback` once the session's transaction commits; forget it on rollback."""
    session.info.setdefault(AFTER_COMMIT, []).append(callback)


def transaction_info(session: AsyncSession | Session) -> dict[str, Any]:
    """A dict that lives until the session's transaction commits or rolls back."""
    info: dict[str, Any] = session.info.setdefault(TRANSACTION, {})
    return info


def has_writes(session: AsyncSession) -> bool:
    """Whether committing would write anything (pending ORM changes or executed DML)."""
    return bool(
        session.new or session.dirty or session.deleted or transaction_info(session).get("dml")
    )


@event.listens_for(Session, "do_orm_execute")
def _note_dml(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        transaction_info(state.session)["dml"] = True


@event.listens_for(Session, "after_flush")
def _note_flush(session: Session, _context: object) -> None:
    # A flush empties new/dirty/deleted; its writes still wait for the commit.
    transaction_info(session)["dml"] = True


@event.listens_for(Session, "after_commit")
def _run_after_commit(session: Session) -> None:
    for callback in session.info.pop(AFTER_COMMIT, []):
        callback()
    session.info.pop(TRANSACTION, None)


@event.listens_for(Session, "after_rollback")
def _drop_after_commit(session: Session) -> None:
    session.info.pop(AFTER_COMMIT, None)
    session.info.pop(TRANSACTION, None)
