"""consultations: receptions and bookings"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0019'
down_revision: str | None = '0018'


def upgrade() -> None:
    op.create_table('receptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('specialist', sa.String(length=100), nullable=False),
    sa.Column('topic', sa.String(length=150), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('places', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_receptions_center_id_centers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_receptions'))
    )
    with op.batch_alter_table('receptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_receptions_center_id'), ['center_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_receptions_starts_at'), ['starts_at'], unique=False)

    op.create_table('bookings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reception_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=True),
    sa.Column('question', sa.Text(), nullable=True),
    sa.Column('live', sa.Boolean(), nullable=False),
    sa.Column('came', sa.Boolean(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['reception_id'], ['receptions.id'], name=op.f('fk_bookings_reception_id_receptions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_bookings_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bookings'))
    )
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bookings_reception_id'), ['reception_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_bookings_user_id'), ['user_id'], unique=False)
        batch_op.create_index('uq_bookings_live', ['reception_id', 'user_id'], unique=True, sqlite_where=sa.text('live'), postgresql_where=sa.text('live'))



def downgrade() -> None:
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.drop_index('uq_bookings_live', sqlite_where=sa.text('live'), postgresql_where=sa.text('live'))
        batch_op.drop_index(batch_op.f('ix_bookings_user_id'))
        batch_op.drop_index(batch_op.f('ix_bookings_reception_id'))

    op.drop_table('bookings')
    with op.batch_alter_table('receptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_receptions_starts_at'))
        batch_op.drop_index(batch_op.f('ix_receptions_center_id'))

    op.drop_table('receptions')
