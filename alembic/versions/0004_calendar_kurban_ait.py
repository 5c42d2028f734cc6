"""calendar: the confirmed Kurban ait is a kind of day of its own

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03

Hand-written data migration (issue 14 item 1). The statutory calendar now comes
from the ``holidays`` package, which estimates Kurban ait; the administrator's
entry of it is the government's date and replaces the estimate of its year.
Before, Kurban ait could only be entered as a plain day off with a note: such
days (a note naming Kurban ait in Kazakh, Russian or English) become
``kurban_ait``. ``kind`` is a VARCHAR(11) (a non-native enum without a CHECK
constraint), so the new value needs no change of the column.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

calendar_day = sa.table("calendar_day", sa.column("day", sa.Date), sa.column("kind", sa.String),
                        sa.column("note", sa.String))
# How the notes name it: Құрбан айт, Курбан айт / Курбан-байрам, Kurban ait / bayram.
_NAMES = ("құрбан", "курбан", "kurban", "qurban")


def upgrade() -> None:
    # Matched in Python: SQLite's lower() folds ASCII letters only.
    connection = op.get_bind()
    days = [day for day, note in connection.execute(
        sa.select(calendar_day.c.day, calendar_day.c.note)
        .where(calendar_day.c.kind == "day_off"))
        if any(name in (note or "").lower() for name in _NAMES)]
    if days:
        op.execute(calendar_day.update().where(calendar_day.c.day.in_(days))
                   .values(kind="kurban_ait"))


def downgrade() -> None:
    op.execute(calendar_day.update().where(calendar_day.c.kind == "kurban_ait")
               .values(kind="day_off"))
