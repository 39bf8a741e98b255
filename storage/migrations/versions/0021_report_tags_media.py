"""«Лето», directions, thematic projects and the youth flag on reports and events; media
publications; entrances apart from windows/balconies and snow towns apart from snow figures.

A report's old «decorated» (entrances, windows and balconies together) moves to entrances or to
windows when its text names only one of them («подъезд» / «окн», «балкон»); otherwise it stays
where it was, shown as «не разделено». Snow figures stay snow figures (towns were not asked).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0021'
down_revision: str | None = '0020'


def upgrade() -> None:
    op.create_table('media_publications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=True),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('outlet', sa.String(length=100), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=False),
    sa.Column('created_by', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_media_publications_center_id_centers')),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_media_publications_district_id_districts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_media_publications'))
    )
    with op.batch_alter_table('media_publications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_media_publications_district_id'), ['district_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_media_publications_published_on'), ['published_on'], unique=False)

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('programme', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('direction', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('project', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('youth', sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entrances', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('windows', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('snow_towns', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('programme', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('direction', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('project', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('youth', sa.Boolean(), server_default=sa.false(), nullable=False))

    reports = sa.table(
        'reports',
        sa.column('id', sa.Integer()),
        sa.column('decorated', sa.Integer()),
        sa.column('entrances', sa.Integer()),
        sa.column('windows', sa.Integer()),
        sa.column('description', sa.Text()),
        sa.column('action_other', sa.String()),
        sa.column('action_id', sa.Integer()),
    )
    actions = sa.table('actions', sa.column('id', sa.Integer()), sa.column('name', sa.String()))
    said = (
        sa.func.coalesce(reports.c.description, '')
        + ' '
        + sa.func.coalesce(reports.c.action_other, '')
        + ' '
        + sa.func.coalesce(
            sa.select(actions.c.name)
            .where(actions.c.id == reports.c.action_id)
            .scalar_subquery(),
            '',
        )
    )

    def names(*stems: str) -> sa.ColumnElement[bool]:
        # SQLite's lower() leaves Cyrillic as it is: both spellings of the first letter.
        return sa.or_(*[said.like(f'%{s}%') for stem in stems for s in (stem, stem.capitalize())])

    entrances = names('подъезд')
    windows = names('окн', 'окон', 'балкон')
    decorated = reports.c.decorated.is_not(None)
    op.execute(
        reports.update()
        .where(decorated, entrances, sa.not_(windows))
        .values(entrances=reports.c.decorated, decorated=None)
    )
    op.execute(
        reports.update()
        .where(decorated, windows, sa.not_(entrances))
        .values(windows=reports.c.decorated, decorated=None)
    )


def downgrade() -> None:
    reports = sa.table(
        'reports',
        sa.column('decorated', sa.Integer()),
        sa.column('entrances', sa.Integer()),
        sa.column('windows', sa.Integer()),
    )
    op.execute(
        reports.update().values(
            decorated=sa.case(
                (
                    sa.or_(reports.c.decorated.is_not(None), reports.c.entrances.is_not(None), reports.c.windows.is_not(None)),
                    sa.func.coalesce(reports.c.decorated, 0) + sa.func.coalesce(reports.c.entrances, 0) + sa.func.coalesce(reports.c.windows, 0),
                ),
                else_=None,
            )
        )
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_column('youth')
        batch_op.drop_column('project')
        batch_op.drop_column('direction')
        batch_op.drop_column('programme')
        batch_op.drop_column('snow_towns')
        batch_op.drop_column('windows')
        batch_op.drop_column('entrances')

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('youth')
        batch_op.drop_column('project')
        batch_op.drop_column('direction')
        batch_op.drop_column('programme')

    with op.batch_alter_table('media_publications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_media_publications_published_on'))
        batch_op.drop_index(batch_op.f('ix_media_publications_district_id'))

    op.drop_table('media_publications')
