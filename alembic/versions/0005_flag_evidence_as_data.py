"""flags: the portal's own evidence as a catalog key and its parameters

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

Issue 14 item 2. A criterion-4 flag confirmed from attendance stored its evidence
as English text ("6 unexcused days in 2026-11"), shown so on Kazakh and Russian
pages and for ever in the frozen commission packet; a criterion-11 flag raised on a
return stored a sentence in its author's language. Both become a key and JSON
parameters (``juvenile.rules.evidence``), in the flags and in the packets. A
return's sentence is recognised in any of the three languages, its organisation
by its name in either official language.
"""

import json
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ABSENCES = re.compile(r"^(\d+) unexcused days in (\d{4}-\d{2})$")
# placement.return_evidence as it read in kk, ru (both wordings) and en.
RETURNS = [re.compile(pattern) for pattern in (
    r"^«(?P<organisation>.+)» ұйымынан (?P<date>\d{4}-\d{2}-\d{2}) оралды",
    r"^Вернулся\(ась\) из организации «(?P<organisation>.+)» (?P<date>\d{4}-\d{2}-\d{2})",
    r"^Возвращение из организации «(?P<organisation>.+)» (?P<date>\d{4}-\d{2}-\d{2})",
    r"^Returned from (?P<organisation>.+) on (?P<date>\d{4}-\d{2}-\d{2})",
)]

flag = sa.table("criterion_flag", sa.column("id", sa.Integer), sa.column("evidence", sa.String),
                sa.column("evidence_key", sa.String), sa.column("evidence_params", sa.String))
referral = sa.table("referral", sa.column("id", sa.Integer), sa.column("packet", sa.Text))
organisation = sa.table("special_organisation", sa.column("name_kk", sa.String),
                        sa.column("name_ru", sa.String))


def _as_data(evidence: str, names: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    found = ABSENCES.match(evidence or "")
    if found:
        return "flag.evidence.absences", json.dumps(
            {"days": int(found[1]), "month": found[2]}, sort_keys=True)
    for pattern in RETURNS:
        found = pattern.match(evidence or "")
        if found and found["organisation"] in names:
            kk, ru = names[found["organisation"]]
            return "placement.return_evidence", json.dumps(
                {"date": found["date"], "organisation_kk": kk, "organisation_ru": ru},
                ensure_ascii=False, sort_keys=True)
    return None


def upgrade() -> None:
    with op.batch_alter_table("criterion_flag") as table:
        table.add_column(sa.Column("evidence_key", sa.String(80), nullable=False,
                                   server_default=""))
        table.add_column(sa.Column("evidence_params", sa.String(1000), nullable=False,
                                   server_default=""))
    connection = op.get_bind()
    names = {}
    for kk, ru in connection.execute(sa.select(organisation.c.name_kk, organisation.c.name_ru)):
        names[kk] = names[ru] = (kk, ru)
    for flag_id, evidence in connection.execute(sa.select(flag.c.id, flag.c.evidence)):
        data = _as_data(evidence, names)
        if data is not None:
            connection.execute(flag.update().where(flag.c.id == flag_id).values(
                evidence="", evidence_key=data[0], evidence_params=data[1]))
    for referral_id, packet in connection.execute(sa.select(referral.c.id, referral.c.packet)):
        content = json.loads(packet or "{}")
        changed = False
        for criterion in content.get("criteria", []):
            data = _as_data(criterion.get("evidence", ""), names)
            if data is not None and not criterion.get("evidence_key"):
                criterion.update(evidence="", evidence_key=data[0], evidence_params=data[1])
                changed = True
        if changed:
            connection.execute(referral.update().where(referral.c.id == referral_id)
                               .values(packet=json.dumps(content, ensure_ascii=False)))


def downgrade() -> None:
    with op.batch_alter_table("criterion_flag") as table:
        table.drop_column("evidence_params")
        table.drop_column("evidence_key")
