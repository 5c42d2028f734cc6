"""the internal affairs body's submission to the court, tracked by the commission

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04

Issue 15, Art. 81 (3): internal affairs sends the court its submission to
place a minor in a special-regime organisation within 30 days of the decision
ending the criminal case, extendable by up to 30 days. The district
commission records that decision, an extension and the day of the submission.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = sqlmodel.sql.sqltypes.AutoString
_TABLE = "internal_affairs_submission"


def upgrade() -> None:
    op.create_table(
        _TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("commission_id", sa.Integer(), nullable=False),
        sa.Column("case_decision_number", _TEXT(length=64), nullable=False),
        sa.Column("case_decision_date", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("extended_by", _TEXT(length=40), nullable=False),
        sa.Column("extension_decided_on", sa.Date(), nullable=True),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["commission_id"], ["commission.id"],
                                name=op.f(f"fk_{_TABLE}_commission_id_commission")),
        sa.ForeignKeyConstraint(["recorded_by"], ["app_user.id"],
                                name=op.f(f"fk_{_TABLE}_recorded_by_app_user")),
        sa.ForeignKeyConstraint(["student_id"], ["student.id"],
                                name=op.f(f"fk_{_TABLE}_student_id_student")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{_TABLE}")),
    )
    with op.batch_alter_table(_TABLE) as batch:
        for column in ("commission_id", "due_on", "student_id"):
            batch.create_index(batch.f(f"ix_{_TABLE}_{column}"), [column], unique=False)


def downgrade() -> None:
    op.drop_table(_TABLE)
