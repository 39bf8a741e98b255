"""a receiving specialist's access to the bookings of their receptions"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0022'
down_revision: str | None = '0021'


def upgrade() -> None:
    op.create_table('specialist_access',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('specialist', sa.String(length=100), nullable=False),
    sa.Column('specialist_key', sa.String(length=100), nullable=False),
    sa.Column('token', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=True),
    sa.Column('created_by', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_specialist_access_center_id_centers')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_specialist_access_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_specialist_access')),
    sa.UniqueConstraint('token', name=op.f('uq_specialist_access_token'))
    )
    with op.batch_alter_table('specialist_access', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_specialist_access_center_id'), ['center_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_specialist_access_user_id'), ['user_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('specialist_access', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_specialist_access_user_id'))
        batch_op.drop_index(batch_op.f('ix_specialist_access_center_id'))

    op.drop_table('specialist_access')
