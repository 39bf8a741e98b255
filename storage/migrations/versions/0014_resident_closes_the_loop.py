"""the resident's word after «решено»: confirmed, rated, or reopened with a comment"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0014'
down_revision: str | None = '0013'


def upgrade() -> None:
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('rating', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reopened', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('resident_comment', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_column('resident_comment')
        batch_op.drop_column('reopened')
        batch_op.drop_column('rating')
        batch_op.drop_column('confirmed_at')
