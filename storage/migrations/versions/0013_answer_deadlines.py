"""problems reach staff at once; an answer deadline per item; overdue items escalated"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0013'
down_revision: str | None = '0012'


def upgrade() -> None:
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('due_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('notified_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('escalated_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('taken_by', sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f('ix_ideas_notified_at'), ['notified_at'], unique=False)
    # Items filed before: already in the weekly digests, nothing to announce or escalate.
    op.execute("UPDATE ideas SET notified_at = created_at, escalated_at = created_at")


def downgrade() -> None:
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ideas_notified_at'))
        batch_op.drop_column('taken_by')
        batch_op.drop_column('escalated_at')
        batch_op.drop_column('notified_at')
        batch_op.drop_column('due_at')
