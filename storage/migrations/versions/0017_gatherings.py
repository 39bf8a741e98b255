"""elders call their neighbours to субботники: gatherings and replies; the entrance one lives at"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0017'
down_revision: str | None = '0016'


def upgrade() -> None:
    op.create_table('gatherings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.BigInteger(), nullable=True),
    sa.Column('registration_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=True),
    sa.Column('action_other', sa.String(length=200), nullable=True),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('bring', sa.String(length=300), nullable=True),
    sa.Column('photo', sa.String(length=200), nullable=True),
    sa.Column('scope', sa.String(length=16), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.Integer(), nullable=True),
    sa.Column('street_key', sa.String(length=120), nullable=True),
    sa.Column('house_key', sa.String(length=32), nullable=True),
    sa.Column('entrance', sa.Integer(), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('report_asked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('messaged_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_gatherings_action_id_actions')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_gatherings_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['committee_id'], ['committees.id'], name=op.f('fk_gatherings_committee_id_committees')),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_gatherings_district_id_districts')),
    sa.ForeignKeyConstraint(['registration_id'], ['elder_registrations.id'], name=op.f('fk_gatherings_registration_id_elder_registrations'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gatherings'))
    )
    with op.batch_alter_table('gatherings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gatherings_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gatherings_district_id'), ['district_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gatherings_starts_at'), ['starts_at'], unique=False)

    op.create_table('gathering_replies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('gathering_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('going', sa.Boolean(), nullable=False),
    sa.Column('show_name', sa.Boolean(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['gathering_id'], ['gatherings.id'], name=op.f('fk_gathering_replies_gathering_id_gatherings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_gathering_replies_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gathering_replies')),
    sa.UniqueConstraint('gathering_id', 'user_id', name=op.f('uq_gathering_replies_gathering_id'))
    )
    with op.batch_alter_table('announcements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('more_buttons', sa.JSON(), nullable=True))

    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('gathering_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_reports_gathering_id_gatherings'), 'gatherings', ['gathering_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entrance', sa.Integer(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('entrance')

    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_reports_gathering_id_gatherings'), type_='foreignkey')
        batch_op.drop_column('gathering_id')

    with op.batch_alter_table('announcements', schema=None) as batch_op:
        batch_op.drop_column('more_buttons')

    op.drop_table('gathering_replies')
    with op.batch_alter_table('gatherings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gatherings_starts_at'))
        batch_op.drop_index(batch_op.f('ix_gatherings_district_id'))
        batch_op.drop_index(batch_op.f('ix_gatherings_author_id'))

    op.drop_table('gatherings')
