"""cases: one open case per student, as a partial unique index

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

Issue 16 item 2: two users opening a case for one student at the same moment
made two open cases. The service now locks the student's row; the index makes
the database refuse a second open case whatever the path. A database that
already holds two open cases of one student cannot take the index: the upgrade
stops with the students to settle (close all but one of their open cases).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPEN = "state != 'closed'"


def upgrade() -> None:
    doubled = op.get_bind().execute(sa.text(
        "SELECT student_id FROM support_case WHERE state != 'closed' "
        "GROUP BY student_id HAVING count(*) > 1 ORDER BY student_id"
    )).scalars().all()
    if doubled:
        raise RuntimeError("students with more than one open case (close all but one, then "
                           f"upgrade again): {', '.join(map(str, doubled))}")
    op.create_index("uq_support_case_open_student", "support_case", ["student_id"],
                    unique=True, sqlite_where=sa.text(_OPEN), postgresql_where=sa.text(_OPEN))


def downgrade() -> None:
    op.drop_index("uq_support_case_open_student", table_name="support_case")
