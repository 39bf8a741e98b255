"""Every migration goes up, down and up again (the «stairway»), and head matches the models."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
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


async def test_old_decorated_figures_are_split_where_the_report_says_which(any_db_url: str):
    """Entrances apart from windows/balconies (0021): a report that names only one of them moves
    its old figure there; one naming both (or neither) keeps it «не разделено»; down adds back."""
    engine = create_engine(any_db_url)

    def migrate(connection: Connection, up: bool, revision: str) -> None:
        config = alembic_config()
        config.attributes["connection"] = connection
        (command.upgrade if up else command.downgrade)(config, revision)

    said = [
        ("Украсили подъезд к Новому году", None, 5),
        ("Гирлянды на балконах и окна", None, 7),
        ("Всё вместе: подъезд и окна", None, 9),
        ("Провели акцию", 900, 3),  # the action «Окна Победы» says it
        ("Субботник", None, None),
    ]
    async with engine.begin() as conn:
        await conn.run_sync(migrate, True, "0020")
        for statement in (
            "insert into municipalities (id, code, name, sort, active) values (1,'m','М',0,true)",
            "insert into districts (id, municipality_id, code, name, sort, active)"
            " values (1,1,'d','Д',0,true)",
            "insert into actions (id, code, name, sort, active) values (900,'okna','Окна Победы',0,true)",
        ):
            await conn.execute(text(statement))
        for n, (description, action, decorated) in enumerate(said):
            await conn.execute(
                text(
                    "insert into reports (id, district_id, kind, action_id, held_on, participants,"
                    " decorated, description, status, submitted_at) values (:id, 1, 'action',"
                    " :action, '2025-01-10', 3, :decorated, :description, 'accepted', '2025-01-10')"
                ),
                {"id": n + 1, "action": action, "decorated": decorated, "description": description},
            )
        await conn.run_sync(migrate, True, "0021")
        split = (
            await conn.execute(
                text("select decorated, entrances, windows from reports order by id")
            )
        ).all()
        await conn.run_sync(migrate, False, "0020")
        back = (await conn.execute(text("select decorated from reports order by id"))).scalars()
        restored = list(back)
    await engine.dispose()
    assert [tuple(r) for r in split] == [
        (None, 5, None),
        (None, None, 7),
        (9, None, None),
        (None, None, 3),
        (None, None, None),
    ]
    assert restored == [5, 7, 9, 3, None]
