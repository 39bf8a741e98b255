"""sports equipment rental: items and rentals"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0020'
down_revision: str | None = '0019'


def upgrade() -> None:
    op.create_table('rental_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_rental_items_center_id_centers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rental_items'))
    )
    with op.batch_alter_table('rental_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rental_items_center_id'), ['center_id'], unique=False)

    op.create_table('rentals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=True),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.Enum('booked', 'issued', 'returned', 'cancelled', name='rentalstatus', native_enum=False, length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('returned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['rental_items.id'], name=op.f('fk_rentals_item_id_rental_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_rentals_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rentals'))
    )
    with op.batch_alter_table('rentals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rentals_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rentals_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_rentals_user_id'), ['user_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('rentals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rentals_user_id'))
        batch_op.drop_index(batch_op.f('ix_rentals_status'))
        batch_op.drop_index(batch_op.f('ix_rentals_item_id'))

    op.drop_table('rentals')
    with op.batch_alter_table('rental_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rental_items_center_id'))

    op.drop_table('rental_items')
