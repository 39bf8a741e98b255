"""contests nominations applications jury"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'


def upgrade() -> None:
    op.create_table('nominations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contest_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['contest_id'], ['contests.id'], name=op.f('fk_nominations_contest_id_contests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nominations'))
    )
    with op.batch_alter_table('nominations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nominations_contest_id'), ['contest_id'], unique=False)

    op.create_table('applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contest_id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=True),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('address_text', sa.String(length=300), nullable=False),
    sa.Column('address_key', sa.String(length=300), nullable=False),
    sa.Column('address_parts', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('responsible_name', sa.String(length=100), nullable=True),
    sa.Column('responsible_phone', sa.String(length=20), nullable=True),
    sa.Column('status', sa.Enum('submitted', 'withdrawn', 'city', 'winner', 'participant', name='applicationstatus', native_enum=False, length=16), nullable=False),
    sa.Column('place', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['contest_id'], ['contests.id'], name=op.f('fk_applications_contest_id_contests'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_applications_district_id_districts')),
    sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'], name=op.f('fk_applications_nomination_id_nominations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_applications_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications'))
    )
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applications_contest_id'), ['contest_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_applications_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_applications_user_id'), ['user_id'], unique=False)
        batch_op.create_index('uq_applications_address', ['nomination_id', 'address_key'], unique=True, sqlite_where=sa.text("status != 'withdrawn'"), postgresql_where=sa.text("status != 'withdrawn'"))

    op.create_table('jurors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contest_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['contest_id'], ['contests.id'], name=op.f('fk_jurors_contest_id_contests'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_jurors_district_id_districts')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_jurors_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jurors')),
    sa.UniqueConstraint('contest_id', 'user_id', 'stage', name=op.f('uq_jurors_contest_id'))
    )
    op.create_table('application_photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('file_id', sa.String(length=200), nullable=False),
    sa.Column('file_unique_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_photos_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_photos'))
    )
    with op.batch_alter_table('application_photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_photos_application_id'), ['application_id'], unique=False)

    op.create_table('scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('juror_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('criterion', sa.Integer(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('comment', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_scores_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['juror_id'], ['jurors.id'], name=op.f('fk_scores_juror_id_jurors'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scores')),
    sa.UniqueConstraint('application_id', 'juror_id', 'stage', 'criterion', name=op.f('uq_scores_application_id'))
    )
    with op.batch_alter_table('scores', schema=None) as batch_op:
        batch_op.create_index('ix_scores_application', ['application_id', 'stage'], unique=False)

    with op.batch_alter_table('contests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('template', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('description', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('rules', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('applicants', sa.String(length=64), server_default='residents,elders', nullable=False))
        batch_op.add_column(sa.Column('stages', sa.String(length=32), server_default='district,city', nullable=False))
        batch_op.add_column(sa.Column('stage', sa.Enum('apply', 'district', 'city', 'ranking', 'published', name='conteststage', native_enum=False, length=16), server_default='apply', nullable=False))
        batch_op.add_column(sa.Column('criteria', sa.String(length=300), server_default='оформление;творческий подход;участие жителей', nullable=False))
        batch_op.add_column(sa.Column('no_own_district', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column('advance_per_district', sa.Integer(), server_default='3', nullable=False))
        batch_op.add_column(sa.Column('opens_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('results_at', sa.DateTime(timezone=True), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('contests', schema=None) as batch_op:
        batch_op.drop_column('results_at')
        batch_op.drop_column('opens_at')
        batch_op.drop_column('advance_per_district')
        batch_op.drop_column('no_own_district')
        batch_op.drop_column('criteria')
        batch_op.drop_column('stage')
        batch_op.drop_column('stages')
        batch_op.drop_column('applicants')
        batch_op.drop_column('rules')
        batch_op.drop_column('description')
        batch_op.drop_column('template')

    with op.batch_alter_table('scores', schema=None) as batch_op:
        batch_op.drop_index('ix_scores_application')

    op.drop_table('scores')
    with op.batch_alter_table('application_photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_photos_application_id'))

    op.drop_table('application_photos')
    op.drop_table('jurors')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index('uq_applications_address', sqlite_where=sa.text("status != 'withdrawn'"), postgresql_where=sa.text("status != 'withdrawn'"))
        batch_op.drop_index(batch_op.f('ix_applications_user_id'))
        batch_op.drop_index(batch_op.f('ix_applications_status'))
        batch_op.drop_index(batch_op.f('ix_applications_contest_id'))

    op.drop_table('applications')
    with op.batch_alter_table('nominations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nominations_contest_id'))

    op.drop_table('nominations')
