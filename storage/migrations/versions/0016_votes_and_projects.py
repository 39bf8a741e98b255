"""votes by territory, paper ballots, initiative budget projects, where residents live"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0016'
down_revision: str | None = '0015'


def upgrade() -> None:
    op.create_table('votes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.BigInteger(), nullable=True),
    sa.Column('question', sa.String(length=300), nullable=False),
    sa.Column('scope', sa.String(length=16), nullable=False),
    sa.Column('municipality_id', sa.Integer(), nullable=True),
    sa.Column('district_id', sa.Integer(), nullable=True),
    sa.Column('committee_id', sa.Integer(), nullable=True),
    sa.Column('street_key', sa.String(length=120), nullable=True),
    sa.Column('house_key', sa.String(length=32), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('multiple', sa.Boolean(), nullable=False),
    sa.Column('winners', sa.Integer(), server_default='0', nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['committee_id'], ['committees.id'], name=op.f('fk_votes_committee_id_committees')),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_votes_district_id_districts')),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipalities.id'], name=op.f('fk_votes_municipality_id_municipalities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_votes'))
    )
    with op.batch_alter_table('votes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_votes_district_id'), ['district_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_votes_ends_at'), ['ends_at'], unique=False)

    op.create_table('ballots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vote_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=True),
    sa.Column('cast_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_ballots_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vote_id'], ['votes.id'], name=op.f('fk_ballots_vote_id_votes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ballots')),
    sa.UniqueConstraint('vote_id', 'user_id', name=op.f('uq_ballots_vote_id'))
    )
    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('idea_id', sa.Integer(), nullable=True),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('cost', sa.Integer(), nullable=False),
    sa.Column('photo', sa.String(length=200), nullable=True),
    sa.Column('after_photo', sa.String(length=200), nullable=True),
    sa.Column('status', sa.Enum('shortlisted', 'voting', 'won', 'lost', 'done', name='projectstatus', native_enum=False, length=16), nullable=False),
    sa.Column('vote_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_projects_district_id_districts')),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_projects_idea_id_ideas'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vote_id'], ['votes.id'], name=op.f('fk_projects_vote_id_votes'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projects'))
    )
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_projects_district_id'), ['district_id'], unique=False)

    op.create_table('vote_options',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vote_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=150), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_vote_options_project_id_projects'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vote_id'], ['votes.id'], name=op.f('fk_vote_options_vote_id_votes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vote_options'))
    )
    with op.batch_alter_table('vote_options', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vote_options_vote_id'), ['vote_id'], unique=False)

    op.create_table('ballot_choices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ballot_id', sa.Integer(), nullable=False),
    sa.Column('option_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['ballot_id'], ['ballots.id'], name=op.f('fk_ballot_choices_ballot_id_ballots'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['option_id'], ['vote_options.id'], name=op.f('fk_ballot_choices_option_id_vote_options'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ballot_choices')),
    sa.UniqueConstraint('ballot_id', 'option_id', name=op.f('uq_ballot_choices_ballot_id'))
    )
    with op.batch_alter_table('ballot_choices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ballot_choices_option_id'), ['option_id'], unique=False)

    op.create_table('paper_tallies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vote_id', sa.Integer(), nullable=False),
    sa.Column('option_id', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('ballots', sa.Integer(), nullable=False),
    sa.Column('entered_by', sa.BigInteger(), nullable=True),
    sa.Column('entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['option_id'], ['vote_options.id'], name=op.f('fk_paper_tallies_option_id_vote_options'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vote_id'], ['votes.id'], name=op.f('fk_paper_tallies_vote_id_votes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_tallies'))
    )
    with op.batch_alter_table('paper_tallies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_paper_tallies_vote_id'), ['vote_id'], unique=False)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('committee_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('street', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('house', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('street_key', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('house_key', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('home_asked_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_users_committee_id_committees'), 'committees', ['committee_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_users_committee_id_committees'), type_='foreignkey')
        batch_op.drop_column('home_asked_at')
        batch_op.drop_column('house_key')
        batch_op.drop_column('street_key')
        batch_op.drop_column('house')
        batch_op.drop_column('street')
        batch_op.drop_column('committee_id')

    with op.batch_alter_table('paper_tallies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_paper_tallies_vote_id'))

    op.drop_table('paper_tallies')
    with op.batch_alter_table('ballot_choices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ballot_choices_option_id'))

    op.drop_table('ballot_choices')
    with op.batch_alter_table('vote_options', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vote_options_vote_id'))

    op.drop_table('vote_options')
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_projects_district_id'))

    op.drop_table('projects')
    op.drop_table('ballots')
    with op.batch_alter_table('votes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_votes_ends_at'))
        batch_op.drop_index(batch_op.f('ix_votes_district_id'))

    op.drop_table('votes')
