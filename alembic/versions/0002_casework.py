"""casework

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sign_in_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_attempt")),
    )
    with op.batch_alter_table("sign_in_attempt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sign_in_attempt_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_sign_in_attempt_login"), ["login"], unique=False)

    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("full_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "school_psychologist",
                "school_admin",
                "commission_secretary",
                "commission_member",
                "education_analyst",
                "admin",
                name="role",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("school_id", sa.Integer(), nullable=True),
        sa.Column("commission_id", sa.Integer(), nullable=True),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("region_id", sa.Integer(), nullable=True),
        sa.Column("password_hash", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commission_id"], ["commission.id"], name=op.f("fk_app_user_commission_id_commission")
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_app_user_district_id_district")
        ),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_app_user_region_id_region")
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_app_user_school_id_school")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("login", name=op.f("uq_app_user_login")),
    )
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_app_user_commission_id"), ["commission_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_app_user_school_id"), ["school_id"], unique=False)

    op.create_table(
        "student",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("iin", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("last_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("first_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("middle_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("sex", sa.Enum("male", "female", name="sex", native_enum=False), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=False),
        sa.Column("class_letter", sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
        sa.Column(
            "language_of_instruction", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False
        ),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_student_school_id_school")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_student")),
        sa.UniqueConstraint("iin", name=op.f("uq_student_iin")),
    )
    with op.batch_alter_table("student", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_student_last_name"), ["last_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_student_school_id"), ["school_id"], unique=False)

    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("login", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "view",
                "create",
                "update",
                "delete",
                "export",
                "sign_in",
                "sign_in_failed",
                "sign_out",
                "denied",
                name="auditaction",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("record_type", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("organisation", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("detail", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_audit_entry_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_user_id"), ["user_id"], unique=False)

    op.create_table(
        "legal_representative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("full_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("relation", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("iin", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
        sa.ForeignKeyConstraint(
            ["student_id"], ["student.id"], name=op.f("fk_legal_representative_student_id_student")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_representative")),
    )
    with op.batch_alter_table("legal_representative", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_legal_representative_student_id"), ["student_id"], unique=False
        )

    op.create_table(
        "school_transfer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("from_school_id", sa.Integer(), nullable=False),
        sa.Column("to_school_id", sa.Integer(), nullable=False),
        sa.Column("transferred_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_school_id"], ["school.id"], name=op.f("fk_school_transfer_from_school_id_school")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["app_user.id"], name=op.f("fk_school_transfer_recorded_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["student.id"], name=op.f("fk_school_transfer_student_id_student")
        ),
        sa.ForeignKeyConstraint(
            ["to_school_id"], ["school.id"], name=op.f("fk_school_transfer_to_school_id_school")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_transfer")),
    )
    with op.batch_alter_table("school_transfer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_school_transfer_student_id"), ["student_id"], unique=False
        )

    op.create_table(
        "support_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "flagged",
                "council_review",
                "under_support",
                "referred_to_commission",
                "closed",
                name="casestate",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("opened_by", sa.Integer(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "improved",
                "support_not_needed",
                "moved_school",
                "turned_18",
                "placed",
                "other",
                name="closeoutcome",
                native_enum=False,
            ),
            nullable=True,
        ),
        sa.Column("outcome_note", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["opened_by"], ["app_user.id"], name=op.f("fk_support_case_opened_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_support_case_school_id_school")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["student.id"], name=op.f("fk_support_case_student_id_student")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_case")),
    )
    with op.batch_alter_table("support_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_support_case_school_id"), ["school_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_support_case_state"), ["state"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_support_case_student_id"), ["student_id"], unique=False
        )

    op.create_table(
        "user_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("ended_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_user_session_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_session")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_user_session_token_sha256")),
    )
    with op.batch_alter_table("user_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_session_user_id"), ["user_id"], unique=False)

    op.create_table(
        "criterion_flag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.Integer(), nullable=False),
        sa.Column("noticed_on", sa.Date(), nullable=False),
        sa.Column("evidence", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column(
            "resolution_reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["app_user.id"], name=op.f("fk_criterion_flag_author_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name=op.f("fk_criterion_flag_case_id_support_case")
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_criterion_flag_school_id_school")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["student.id"], name=op.f("fk_criterion_flag_student_id_student")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criterion_flag")),
    )
    with op.batch_alter_table("criterion_flag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_criterion_flag_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_criterion_flag_criterion"), ["criterion"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_criterion_flag_school_id"), ["school_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_criterion_flag_student_id"), ["student_id"], unique=False
        )

    op.create_table(
        "plan_measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("responsible", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name=op.f("fk_plan_measure_case_id_support_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_measure")),
    )
    with op.batch_alter_table("plan_measure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_measure_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_measure_due_on"), ["due_on"], unique=False)

    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("commission_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "new", "on_agenda", "decided", "closed", name="referralstatus", native_enum=False
            ),
            nullable=False,
        ),
        sa.Column("referred_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("packet", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name=op.f("fk_referral_case_id_support_case")
        ),
        sa.ForeignKeyConstraint(
            ["commission_id"], ["commission.id"], name=op.f("fk_referral_commission_id_commission")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
        sa.UniqueConstraint("case_id", name=op.f("uq_referral_case_id")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referral_commission_id"), ["commission_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_referral_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_status"))
        batch_op.drop_index(batch_op.f("ix_referral_commission_id"))

    op.drop_table("referral")
    with op.batch_alter_table("plan_measure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_measure_due_on"))
        batch_op.drop_index(batch_op.f("ix_plan_measure_case_id"))

    op.drop_table("plan_measure")
    with op.batch_alter_table("criterion_flag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_criterion_flag_student_id"))
        batch_op.drop_index(batch_op.f("ix_criterion_flag_school_id"))
        batch_op.drop_index(batch_op.f("ix_criterion_flag_criterion"))
        batch_op.drop_index(batch_op.f("ix_criterion_flag_case_id"))

    op.drop_table("criterion_flag")
    with op.batch_alter_table("user_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_session_user_id"))

    op.drop_table("user_session")
    with op.batch_alter_table("support_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_support_case_student_id"))
        batch_op.drop_index(batch_op.f("ix_support_case_state"))
        batch_op.drop_index(batch_op.f("ix_support_case_school_id"))

    op.drop_table("support_case")
    with op.batch_alter_table("school_transfer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_school_transfer_student_id"))

    op.drop_table("school_transfer")
    with op.batch_alter_table("legal_representative", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legal_representative_student_id"))

    op.drop_table("legal_representative")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_user_id"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_record_id"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_at"))

    op.drop_table("audit_entry")
    with op.batch_alter_table("student", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_student_school_id"))
        batch_op.drop_index(batch_op.f("ix_student_last_name"))

    op.drop_table("student")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_app_user_school_id"))
        batch_op.drop_index(batch_op.f("ix_app_user_commission_id"))

    op.drop_table("app_user")
    with op.batch_alter_table("sign_in_attempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sign_in_attempt_login"))
        batch_op.drop_index(batch_op.f("ix_sign_in_attempt_at"))

    op.drop_table("sign_in_attempt")
