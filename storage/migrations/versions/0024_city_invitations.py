"""the city's invitations (the «Слёт общественности») and the replies «Приду» / «Не смогу»"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0024'
down_revision: str | None = '0023'


def upgrade() -> None:
    op.create_table('city_invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('guests', sa.String(length=16), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_city_invitations_district_id_districts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_city_invitations'))
    )
    op.create_table('invitation_replies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('coming', sa.Boolean(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['invitation_id'], ['city_invitations.id'], name=op.f('fk_invitation_replies_invitation_id_city_invitations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_invitation_replies_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation_replies')),
    sa.UniqueConstraint('invitation_id', 'user_id', name=op.f('uq_invitation_replies_invitation_id'))
    )
    with op.batch_alter_table('invitation_replies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_replies_user_id'), ['user_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('invitation_replies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitation_replies_user_id'))

    op.drop_table('invitation_replies')
    op.drop_table('city_invitations')
