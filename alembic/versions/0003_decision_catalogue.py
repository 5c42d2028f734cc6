"""decision catalogue: the default decisions of a commission on juvenile affairs

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

Hand-written data migration. The commission chooses each decision from this
catalogue (Art. 79 (6)); an administrator may add more types later.
``follow_up`` is false where no executor and due date make sense.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (code, name_kk, name_ru, follow_up)
DEFAULT_DECISIONS = [
    (
        "individual_prevention",
        "Жеке профилактика шараларын қолдану (48, 82-баптар)",
        "Применить меры индивидуальной профилактики (статьи 48, 82)",
        True,
    ),
    (
        "representative_obligations",
        "Заңды өкілдерге міндеттер жүктеу",
        "Возложить обязанности на законных представителей",
        True,
    ),
    (
        "family_support_centre",
        "Отбасын қолдау орталығына жіберу",
        "Направить в центр поддержки семьи",
        True,
    ),
    (
        "placement_petition",
        "Арнаулы ұйымға жіберу туралы қорғаншылық және қамқоршылық органына немесе сотқа өтінішхат беру",
        "Ходатайствовать перед органом опеки и попечительства или судом о направлении в специальную организацию",
        True,
    ),
    (
        "preventive_registration",
        "Профилактикалық есепке қою туралы өтінішхат беру",
        "Ходатайствовать о постановке на профилактический учёт",
        True,
    ),
    (
        "close_without_measures",
        "Шаралар қолданбай қарауды тоқтату",
        "Прекратить рассмотрение без применения мер",
        False,
    ),
    (
        "postpone",
        "Қарауды кейінге қалдыру",
        "Отложить рассмотрение",
        False,
    ),
]

decision_type = sa.table(
    "decision_type",
    sa.column("id", sa.Integer),
    sa.column("code", sa.String),
    sa.column("name_kk", sa.String),
    sa.column("name_ru", sa.String),
    sa.column("follow_up", sa.Boolean),
    sa.column("active", sa.Boolean),
)
commission_decision = sa.table("commission_decision", sa.column("decision_type_id", sa.Integer))


def upgrade() -> None:
    connection = op.get_bind()
    present = set(connection.scalars(sa.select(decision_type.c.code)))
    rows = [
        {"code": code, "name_kk": kk, "name_ru": ru, "follow_up": follow_up, "active": True}
        for code, kk, ru, follow_up in DEFAULT_DECISIONS
        if code not in present
    ]
    if rows:
        op.bulk_insert(decision_type, rows)


def downgrade() -> None:
    # Types already used by a decision stay: the decisions keep their meaning.
    used = sa.select(commission_decision.c.decision_type_id)
    op.execute(
        decision_type.delete().where(
            decision_type.c.code.in_([code for code, *_ in DEFAULT_DECISIONS]),
            decision_type.c.id.not_in(used),
        )
    )
