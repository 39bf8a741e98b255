"""clubs events signups reminders"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'


def upgrade() -> None:
    op.create_table('clubs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=True),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('age_group', sa.String(length=16), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('leader', sa.String(length=100), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_clubs_center_id_centers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clubs')),
    sa.UniqueConstraint('code', name=op.f('uq_clubs_code'))
    )
    with op.batch_alter_table('clubs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clubs_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_clubs_center_id'), ['center_id'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_events_center_id_centers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_center_id'), ['center_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_starts_at'), ['starts_at'], unique=False)

    op.create_table('club_slots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('club_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('starts', sa.Time(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['club_id'], ['clubs.id'], name=op.f('fk_club_slots_club_id_clubs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_club_slots'))
    )
    with op.batch_alter_table('club_slots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_club_slots_club_id'), ['club_id'], unique=False)

    op.create_table('session_cancellations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('club_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['club_id'], ['clubs.id'], name=op.f('fk_session_cancellations_club_id_clubs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_cancellations')),
    sa.UniqueConstraint('club_id', 'starts_at', name=op.f('uq_session_cancellations_club_id'))
    )
    op.create_table('signups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('club_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.BigInteger(), nullable=True),
    sa.Column('who', sa.String(length=60), nullable=False),
    sa.Column('child_name', sa.String(length=60), nullable=True),
    sa.Column('child_age', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('enrolled', 'waiting', 'cancelled', name='signupstatus', native_enum=False, length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['club_id'], ['clubs.id'], name=op.f('fk_signups_club_id_clubs')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_signups_event_id_events')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_signups_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signups'))
    )
    with op.batch_alter_table('signups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signups_club_id'), ['club_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_signups_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_signups_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_signups_user_id'), ['user_id'], unique=False)
        batch_op.create_index('uq_signups_live_club', ['club_id', 'user_id', 'who'], unique=True, sqlite_where=sa.text("status != 'cancelled' AND club_id IS NOT NULL"), postgresql_where=sa.text("status != 'cancelled' AND club_id IS NOT NULL"))
        batch_op.create_index('uq_signups_live_event', ['event_id', 'user_id', 'who'], unique=True, sqlite_where=sa.text("status != 'cancelled' AND event_id IS NOT NULL"), postgresql_where=sa.text("status != 'cancelled' AND event_id IS NOT NULL"))

    op.create_table('attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('club_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('signup_id', sa.Integer(), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['club_id'], ['clubs.id'], name=op.f('fk_attendance_club_id_clubs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['signup_id'], ['signups.id'], name=op.f('fk_attendance_signup_id_signups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('club_id', 'starts_at', 'signup_id', name=op.f('uq_attendance_club_id'))
    )
    op.create_table('reminders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('signup_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['signup_id'], ['signups.id'], name=op.f('fk_reminders_signup_id_signups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_reminders_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminders')),
    sa.UniqueConstraint('signup_id', 'starts_at', 'due_at', name=op.f('uq_reminders_signup_id'))
    )
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.create_index('ix_reminders_due', ['sent', 'due_at'], unique=False)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('club_reminder_min', sa.Integer(), server_default='180', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('club_reminder_min')

    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.drop_index('ix_reminders_due')

    op.drop_table('reminders')
    op.drop_table('attendance')
    with op.batch_alter_table('signups', schema=None) as batch_op:
        batch_op.drop_index('uq_signups_live_event', sqlite_where=sa.text("status != 'cancelled' AND event_id IS NOT NULL"), postgresql_where=sa.text("status != 'cancelled' AND event_id IS NOT NULL"))
        batch_op.drop_index('uq_signups_live_club', sqlite_where=sa.text("status != 'cancelled' AND club_id IS NOT NULL"), postgresql_where=sa.text("status != 'cancelled' AND club_id IS NOT NULL"))
        batch_op.drop_index(batch_op.f('ix_signups_user_id'))
        batch_op.drop_index(batch_op.f('ix_signups_status'))
        batch_op.drop_index(batch_op.f('ix_signups_event_id'))
        batch_op.drop_index(batch_op.f('ix_signups_club_id'))

    op.drop_table('signups')
    op.drop_table('session_cancellations')
    with op.batch_alter_table('club_slots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_club_slots_club_id'))

    op.drop_table('club_slots')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_starts_at'))
        batch_op.drop_index(batch_op.f('ix_events_center_id'))

    op.drop_table('events')
    with op.batch_alter_table('clubs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clubs_center_id'))
        batch_op.drop_index(batch_op.f('ix_clubs_category'))

    op.drop_table('clubs')
