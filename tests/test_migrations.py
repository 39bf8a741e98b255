"""Every migration goes up, down and up again (the «stairway»), and head matches the models."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from storage.db import create_engine
from storage.migrate import alembic_config
from storage.models import Base


def _revisions() -> list[tuple[str, str]]:
    """(revision, the one before it or «base»), oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    steps = [(r.revision, r.down_revision or "base") for r in script.walk_revisions()]
    return [(rev, str(down)) for rev, down in reversed(steps)]


async def test_every_migration_goes_up_down_and_up_again(any_db_url: str):
    engine = create_engine(any_db_url)

    def stairway(connection: Connection) -> list[tuple[object, ...]]:
        config = alembic_config()
        config.attributes["connection"] = connection
        for revision, before in _revisions():
            command.upgrade(config, revision)
            command.downgrade(config, before)
            command.upgrade(config, revision)
        context = MigrationContext.configure(connection)
        return list(compare_metadata(context, Base.metadata))

    async with engine.begin() as conn:
        differences = await conn.run_sync(stairway)
    await engine.dispose()
    assert len(_revisions()) >= 8
    assert differences == [], differences
