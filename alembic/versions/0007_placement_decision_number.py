"""placements: the number of the deciding body's decision

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

Issue 16 item 1. A placement in a special organisation is registered from the
decision of the court or the internal affairs body (Art. 80 (2), Art. 81 (3)):
its date was kept, now its number too. Placements registered before keep an
empty number (the server default), which the register shows as missing.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("special_placement") as batch:
        batch.add_column(sa.Column("decision_number", sqlmodel.sql.sqltypes.AutoString(length=64),
                                   nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("special_placement") as batch:
        batch.drop_column("decision_number")
