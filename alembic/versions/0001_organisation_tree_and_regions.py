"""organisation tree and regions

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

# The 17 oblasts and 3 cities of republican significance, with their
# ISO 3166-2:KZ codes. Codes are fixed: other data and imports refer to them.
REGIONS = [
    ("KZ-10", "oblast", "Абай облысы", "Абайская область"),
    ("KZ-11", "oblast", "Ақмола облысы", "Акмолинская область"),
    ("KZ-15", "oblast", "Ақтөбе облысы", "Актюбинская область"),
    ("KZ-19", "oblast", "Алматы облысы", "Алматинская область"),
    ("KZ-23", "oblast", "Атырау облысы", "Атырауская область"),
    ("KZ-27", "oblast", "Батыс Қазақстан облысы", "Западно-Казахстанская область"),
    ("KZ-31", "oblast", "Жамбыл облысы", "Жамбылская область"),
    ("KZ-33", "oblast", "Жетісу облысы", "Область Жетісу"),
    ("KZ-35", "oblast", "Қарағанды облысы", "Карагандинская область"),
    ("KZ-39", "oblast", "Қостанай облысы", "Костанайская область"),
    ("KZ-43", "oblast", "Қызылорда облысы", "Кызылординская область"),
    ("KZ-47", "oblast", "Маңғыстау облысы", "Мангистауская область"),
    ("KZ-55", "oblast", "Павлодар облысы", "Павлодарская область"),
    ("KZ-59", "oblast", "Солтүстік Қазақстан облысы", "Северо-Казахстанская область"),
    ("KZ-61", "oblast", "Түркістан облысы", "Туркестанская область"),
    ("KZ-62", "oblast", "Ұлытау облысы", "Область Ұлытау"),
    ("KZ-63", "oblast", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область"),
    ("KZ-71", "city", "Астана қаласы", "Город Астана"),
    ("KZ-75", "city", "Алматы қаласы", "Город Алматы"),
    ("KZ-79", "city", "Шымкент қаласы", "Город Шымкент"),
]


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _name_columns(length: int) -> list[sa.Column]:
    return [
        sa.Column("name_kk", sqlmodel.AutoString(length=length), nullable=False),
        sa.Column("name_ru", sqlmodel.AutoString(length=length), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "region",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.AutoString(length=8), nullable=False),
        sa.Column("kind", sa.Enum("oblast", "city", name="regionkind", native_enum=False), nullable=False),
        *_name_columns(200),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_region")),
        sa.UniqueConstraint("code", name=op.f("uq_region_code")),
    )
    op.create_table(
        "district",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        *_name_columns(200),
        sa.ForeignKeyConstraint(["region_id"], ["region.id"], name=op.f("fk_district_region_id_region")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_district")),
        sa.UniqueConstraint("code", name=op.f("uq_district_code")),
    )
    op.create_index(op.f("ix_district_region_id"), "district", ["region_id"])
    op.create_table(
        "special_organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("kind", sa.Enum("special_education", "special_regime", name="specialorganisationkind", native_enum=False), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        *_name_columns(300),
        sa.ForeignKeyConstraint(["region_id"], ["region.id"], name=op.f("fk_special_organisation_region_id_region")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_special_organisation")),
        sa.UniqueConstraint("code", name=op.f("uq_special_organisation_code")),
    )
    op.create_index(op.f("ix_special_organisation_region_id"), "special_organisation", ["region_id"])
    op.create_table(
        "commission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("level", sa.Enum("district", "city", "regional", name="commissionlevel", native_enum=False), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=True),
        *_name_columns(300),
        sa.ForeignKeyConstraint(["district_id"], ["district.id"], name=op.f("fk_commission_district_id_district")),
        sa.ForeignKeyConstraint(["region_id"], ["region.id"], name=op.f("fk_commission_region_id_region")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commission")),
        sa.UniqueConstraint("code", name=op.f("uq_commission_code")),
    )
    op.create_index(op.f("ix_commission_district_id"), "commission", ["district_id"])
    op.create_index(op.f("ix_commission_region_id"), "commission", ["region_id"])
    op.create_table(
        "school",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=False),
        *_name_columns(300),
        sa.ForeignKeyConstraint(["district_id"], ["district.id"], name=op.f("fk_school_district_id_district")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school")),
        sa.UniqueConstraint("code", name=op.f("uq_school_code")),
    )
    op.create_index(op.f("ix_school_district_id"), "school", ["district_id"])

    region = sa.table(
        "region",
        sa.column("code", sa.String),
        sa.column("kind", sa.String),
        sa.column("name_kk", sa.String),
        sa.column("name_ru", sa.String),
    )
    op.bulk_insert(
        region,
        [dict(zip(("code", "kind", "name_kk", "name_ru"), row, strict=True)) for row in REGIONS],
    )


def downgrade() -> None:
    for table in ("school", "commission", "special_organisation", "district", "region"):
        op.drop_table(table)
