"""council reviews: the representatives' documented refusal to attend, and their invitation

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04

Issue 15 item 6. Art. 78 (3): the council considers the question with the
minor and the legal representatives. "Support assigned" and "the
representatives refused" now need the representatives present, or their
absence recorded as a documented refusal to attend with the date they were
invited. Reviews recorded before keep "no refusal documented" (the server
default) and no invitation date. (Chained after 0007 here; the merge re-chains
it after 0008.)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("council_review") as batch:
        batch.add_column(sa.Column("representatives_refused_to_attend", sa.Boolean(),
                                   nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("representatives_invited_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("council_review") as batch:
        batch.drop_column("representatives_invited_on")
        batch.drop_column("representatives_refused_to_attend")
