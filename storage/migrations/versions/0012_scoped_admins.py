"""an admin scoped to one municipality; staff of a district's administration without a center"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision: str = '0012'
down_revision: str | None = '0011'


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('admin_municipality_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('staff_district_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_users_admin_municipality_id_municipalities'),
            'municipalities', ['admin_municipality_id'], ['id'],
        )
        batch_op.create_foreign_key(
            batch_op.f('fk_users_staff_district_id_districts'),
            'districts', ['staff_district_id'], ['id'],
        )


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_users_staff_district_id_districts'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_users_admin_municipality_id_municipalities'), type_='foreignkey')
        batch_op.drop_column('staff_district_id')
        batch_op.drop_column('admin_municipality_id')
