"""centers' own cards (group link, equipment rental, consultations, collection points); rows the
city edited in the bot are no longer changed by the reference file"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0010'
down_revision: str | None = '0009'

DIRECTORY = ('municipalities', 'districts', 'centers', 'committees')
CARD = {'link': 200, 'rental': 300, 'consultations': 300, 'collection': 300}


def upgrade() -> None:
    for table in DIRECTORY:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True))
            if table == 'centers':
                for name, length in CARD.items():
                    batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=True))


def downgrade() -> None:
    for table in DIRECTORY:
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table == 'centers':
                for name in CARD:
                    batch_op.drop_column(name)
            batch_op.drop_column('edited_at')
