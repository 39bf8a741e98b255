"""a button under an announcement (a contest's «📝 Подать заявку»)"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0011'
down_revision: str | None = '0010'


def upgrade() -> None:
    with op.batch_alter_table('announcements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('button_text', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('button_data', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('announcements', schema=None) as batch_op:
        batch_op.drop_column('button_data')
        batch_op.drop_column('button_text')
