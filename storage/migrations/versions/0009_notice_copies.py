"""copies of a notice sent to several deciders; contests' criteria without a default in Russian"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0009'
down_revision: str | None = '0008'


def upgrade() -> None:
    op.create_table('notice_copies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=16), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('message_id', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notice_copies'))
    )
    op.create_index('ix_notice_copies_subject', 'notice_copies', ['subject', 'subject_id'], unique=False)
    with op.batch_alter_table('contests', schema=None) as batch_op:
        batch_op.alter_column('criteria', existing_type=sa.String(length=300), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('contests', schema=None) as batch_op:
        batch_op.alter_column(
            'criteria',
            existing_type=sa.String(length=300),
            server_default='оформление;творческий подход;участие жителей',
        )
    op.drop_index('ix_notice_copies_subject', table_name='notice_copies')
    op.drop_table('notice_copies')
