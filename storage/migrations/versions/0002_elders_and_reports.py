"""elders and reports"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'


def upgrade() -> None:
    op.create_table('actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actions')),
    sa.UniqueConstraint('code', name=op.f('uq_actions_code'))
    )
    op.create_table('elder_registrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('tos_role', sa.String(length=32), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.Integer(), nullable=True),
    sa.Column('committee_other', sa.String(length=100), nullable=True),
    sa.Column('street', sa.String(length=100), nullable=True),
    sa.Column('house', sa.String(length=16), nullable=True),
    sa.Column('entrance', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('pending', 'confirmed', 'rejected', 'revoked', name='registrationstatus', native_enum=False, length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.BigInteger(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reason', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['committee_id'], ['committees.id'], name=op.f('fk_elder_registrations_committee_id_committees')),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_elder_registrations_district_id_districts')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_elder_registrations_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elder_registrations'))
    )
    with op.batch_alter_table('elder_registrations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_elder_registrations_district_id'), ['district_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_elder_registrations_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_elder_registrations_user_id'), ['user_id'], unique=False)

    op.create_table('reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.BigInteger(), nullable=True),
    sa.Column('registration_id', sa.Integer(), nullable=True),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=True),
    sa.Column('action_other', sa.String(length=200), nullable=True),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('bags', sa.Integer(), nullable=True),
    sa.Column('trees', sa.Integer(), nullable=True),
    sa.Column('flowerbeds', sa.Integer(), nullable=True),
    sa.Column('seedlings', sa.Integer(), nullable=True),
    sa.Column('yards', sa.Integer(), nullable=True),
    sa.Column('decorated', sa.Integer(), nullable=True),
    sa.Column('snow_figures', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('submitted', 'accepted', 'returned', name='reportstatus', native_enum=False, length=16), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('moderated_by', sa.BigInteger(), nullable=True),
    sa.Column('moderated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('moderator_comment', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_reports_action_id_actions')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_reports_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_reports_district_id_districts')),
    sa.ForeignKeyConstraint(['registration_id'], ['elder_registrations.id'], name=op.f('fk_reports_registration_id_elder_registrations'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports'))
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reports_author_id'), ['author_id'], unique=False)
        batch_op.create_index('ix_reports_district_status', ['district_id', 'status', 'submitted_at'], unique=False)
        batch_op.create_index('ix_reports_status_held_on', ['status', 'held_on'], unique=False)

    op.create_table('report_photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('file_id', sa.String(length=200), nullable=False),
    sa.Column('file_unique_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_report_photos_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_photos'))
    )
    with op.batch_alter_table('report_photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_photos_file_unique_id'), ['file_unique_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_photos_report_id'), ['report_id'], unique=False)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('full_name', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('phone', sa.String(length=20), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('phone')
        batch_op.drop_column('full_name')

    with op.batch_alter_table('report_photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_photos_report_id'))
        batch_op.drop_index(batch_op.f('ix_report_photos_file_unique_id'))

    op.drop_table('report_photos')
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index('ix_reports_status_held_on')
        batch_op.drop_index('ix_reports_district_status')
        batch_op.drop_index(batch_op.f('ix_reports_author_id'))

    op.drop_table('reports')
    with op.batch_alter_table('elder_registrations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_elder_registrations_user_id'))
        batch_op.drop_index(batch_op.f('ix_elder_registrations_status'))
        batch_op.drop_index(batch_op.f('ix_elder_registrations_district_id'))

    op.drop_table('elder_registrations')
    op.drop_table('actions')
