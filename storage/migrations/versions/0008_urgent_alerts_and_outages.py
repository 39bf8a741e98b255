"""urgent announcements (paid broadcast); outbox rows waiting out an outage"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'


def upgrade() -> None:
    with op.batch_alter_table('announcements', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('urgent', sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failing_since', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('failing_since')
    with op.batch_alter_table('announcements', schema=None) as batch_op:
        batch_op.drop_column('urgent')
