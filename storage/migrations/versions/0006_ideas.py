"""ideas"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'


def upgrade() -> None:
    op.create_table('digests_sent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('week', sa.String(length=10), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_digests_sent')),
    sa.UniqueConstraint('week', name=op.f('uq_digests_sent_week'))
    )
    op.create_table('ideas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('new', 'accepted', 'in_progress', 'resolved', 'rejected', name='ideastatus', native_enum=False, length=16), nullable=False),
    sa.Column('answer', sa.Text(), nullable=True),
    sa.Column('supporters', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_ideas_district_id_districts')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_ideas_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ideas'))
    )
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.create_index('ix_ideas_district_status', ['district_id', 'status', 'category'], unique=False)
        batch_op.create_index(batch_op.f('ix_ideas_user_id'), ['user_id'], unique=False)

    op.create_table('idea_photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('idea_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('file_id', sa.String(length=200), nullable=False),
    sa.Column('file_unique_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_idea_photos_idea_id_ideas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idea_photos'))
    )
    with op.batch_alter_table('idea_photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idea_photos_idea_id'), ['idea_id'], unique=False)

    op.create_table('idea_supports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('idea_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_idea_supports_idea_id_ideas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_idea_supports_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idea_supports')),
    sa.UniqueConstraint('idea_id', 'user_id', name=op.f('uq_idea_supports_idea_id'))
    )


def downgrade() -> None:
    op.drop_table('idea_supports')
    with op.batch_alter_table('idea_photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idea_photos_idea_id'))

    op.drop_table('idea_photos')
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ideas_user_id'))
        batch_op.drop_index('ix_ideas_district_status')

    op.drop_table('ideas')
    op.drop_table('digests_sent')
