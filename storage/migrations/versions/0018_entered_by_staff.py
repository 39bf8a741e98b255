"""staff enter for people who phoned: callers, entered_by"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0018'
down_revision: str | None = '0017'


def upgrade() -> None:
    op.create_table('callers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('consent', sa.String(length=32), nullable=False),
    sa.Column('consent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('entered_by', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_callers_district_id_districts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_callers'))
    )
    with op.batch_alter_table('callers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_callers_district_id'), ['district_id'], unique=False)

    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entered_by', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('caller_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_ideas_caller_id_callers'), 'callers', ['caller_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entered_by', sa.BigInteger(), nullable=True))

    with op.batch_alter_table('signups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entered_by', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('caller_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_signups_caller_id_callers'), 'callers', ['caller_id'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('signups', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_signups_caller_id_callers'), type_='foreignkey')
        batch_op.drop_column('caller_id')
        batch_op.drop_column('entered_by')

    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_column('entered_by')

    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_ideas_caller_id_callers'), type_='foreignkey')
        batch_op.drop_column('caller_id')
        batch_op.drop_column('entered_by')

    with op.batch_alter_table('callers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_callers_district_id'))

    op.drop_table('callers')
