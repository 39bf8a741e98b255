"""the staff's photo «после» sent with «решено»"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0015'
down_revision: str | None = '0014'


def upgrade() -> None:
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('after_photo', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_column('after_photo')
