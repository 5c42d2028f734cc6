"""placements: the court's decisions and grounds, the prosecutor, the applicant

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04

Issue 15. A placement records the prosecutor's participation (Art. 80 (7),
Art. 81 (8)), the guardianship body's application (Art. 80 (2)) and the
internal affairs body's receipt of the notice (Art. 81 (11) item 4); a change
records the court's decision number and, for an early termination, who
submitted it (Art. 80 (4), Art. 81 (6)). Rows stored before keep the defaults
(False, "", NULL), which the register shows as not recorded.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table("special_placement") as batch:
        batch.add_column(sa.Column("prosecutor_participated", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("guardianship_applicant", _TEXT(length=200), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("guardianship_applied_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("internal_affairs_notice_on", sa.Date(), nullable=True))
    with op.batch_alter_table("placement_change") as batch:
        batch.add_column(sa.Column("decision_number", _TEXT(length=64), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("submitted_by", _TEXT(length=40), nullable=False,
                                   server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("placement_change") as batch:
        batch.drop_column("submitted_by")
        batch.drop_column("decision_number")
    with op.batch_alter_table("special_placement") as batch:
        batch.drop_column("internal_affairs_notice_on")
        batch.drop_column("guardianship_applied_on")
        batch.drop_column("guardianship_applicant")
        batch.drop_column("prosecutor_participated")
