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
        "calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("day_off", "working_day", name="calendardaykind", native_enum=False),
            nullable=False,
        ),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_day")),
    )
    op.create_table(
        "decision_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("name_kk", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("name_ru", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("follow_up", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_type")),
        sa.UniqueConstraint("code", name=op.f("uq_decision_type_code")),
    )
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
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
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
        "commission_meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commission_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("place", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column(
            "status",
            sa.Enum("planned", "held", name="commissionmeetingstatus", native_enum=False),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["commission_id"],
            ["commission.id"],
            name=op.f("fk_commission_meeting_commission_id_commission"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commission_meeting")),
    )
    with op.batch_alter_table("commission_meeting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_commission_meeting_commission_id"), ["commission_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_commission_meeting_meeting_date"), ["meeting_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_commission_meeting_status"), ["status"], unique=False)

    op.create_table(
        "commission_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commission_id", sa.Integer(), nullable=False),
        sa.Column("full_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column(
            "position",
            sa.Enum(
                "chair",
                "deputy_chair",
                "member",
                "secretary",
                name="memberposition",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commission_id"],
            ["commission.id"],
            name=op.f("fk_commission_member_commission_id_commission"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commission_member")),
    )
    with op.batch_alter_table("commission_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_commission_member_commission_id"), ["commission_id"], unique=False
        )

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
        "attendance_mark",
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("present", "excused", "unexcused", name="attendancestatus", native_enum=False),
            nullable=False,
        ),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_attendance_mark_school_id_school")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["student.id"], name=op.f("fk_attendance_mark_student_id_student")
        ),
        sa.PrimaryKeyConstraint("student_id", "day", name=op.f("pk_attendance_mark")),
    )
    with op.batch_alter_table("attendance_mark", schema=None) as batch_op:
        batch_op.create_index(
            "ix_attendance_mark_unexcused_day",
            ["day", "student_id"],
            unique=False,
            sqlite_where=sa.text("status = 'unexcused'"),
            postgresql_where=sa.text("status = 'unexcused'"),
        )
        batch_op.create_index(
            "ix_attendance_mark_unexcused_school",
            ["school_id", "day", "student_id"],
            unique=False,
            sqlite_where=sa.text("status = 'unexcused'"),
            postgresql_where=sa.text("status = 'unexcused'"),
        )

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
        batch_op.create_index(batch_op.f("ix_audit_entry_login"), ["login"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_user_id"), ["user_id"], unique=False)

    op.create_table(
        "council_meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("meeting_on", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("planned", "held", name="meetingstatus", native_enum=False),
            nullable=False,
        ),
        sa.Column("members_present", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_council_meeting_created_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_council_meeting_school_id_school")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_meeting")),
    )
    with op.batch_alter_table("council_meeting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_council_meeting_school_id"), ["school_id"], unique=False
        )

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
        "meeting_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("absence_reason", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["commission_meeting.id"],
            name=op.f("fk_meeting_attendance_meeting_id_commission_meeting"),
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["commission_member.id"],
            name=op.f("fk_meeting_attendance_member_id_commission_member"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendance")),
        sa.UniqueConstraint(
            "meeting_id", "member_id", name=op.f("uq_meeting_attendance_meeting_id")
        ),
    )
    with op.batch_alter_table("meeting_attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_attendance_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_attendance_member_id"), ["member_id"], unique=False
        )

    op.create_table(
        "minutes_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("opened_by", sa.Integer(), nullable=True),
        sa.Column("opened_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("approved_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["approved_by"], ["app_user.id"], name=op.f("fk_minutes_version_approved_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["commission_meeting.id"],
            name=op.f("fk_minutes_version_meeting_id_commission_meeting"),
        ),
        sa.ForeignKeyConstraint(
            ["opened_by"], ["app_user.id"], name=op.f("fk_minutes_version_opened_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_version")),
        sa.UniqueConstraint("meeting_id", "number", name=op.f("uq_minutes_version_meeting_id")),
    )
    with op.batch_alter_table("minutes_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_version_meeting_id"), ["meeting_id"], unique=False
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
        "special_placement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("special_education", "special_regime", name="placementkind", native_enum=False),
            nullable=False,
        ),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("commission_id", sa.Integer(), nullable=False),
        sa.Column(
            "deciding_body",
            sa.Enum("court", "internal_affairs", name="decidingbody", native_enum=False),
            nullable=False,
        ),
        sa.Column("decision_date", sa.Date(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("term_months", sa.Integer(), nullable=False),
        sa.Column("planned_end", sa.Date(), nullable=False),
        sa.Column("notice_due", sa.Date(), nullable=False),
        sa.Column("notice_received_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "terminated",
                "transferred",
                "returned",
                name="placementstatus",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("return_date", sa.Date(), nullable=True),
        sa.Column("rehabilitation_plan_due", sa.Date(), nullable=True),
        sa.Column("rehabilitation_plan_made_on", sa.Date(), nullable=True),
        sa.Column("transferred_from_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commission_id"],
            ["commission.id"],
            name=op.f("fk_special_placement_commission_id_commission"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["special_organisation.id"],
            name=op.f("fk_special_placement_organisation_id_special_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["app_user.id"], name=op.f("fk_special_placement_recorded_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["student.id"], name=op.f("fk_special_placement_student_id_student")
        ),
        sa.ForeignKeyConstraint(
            ["transferred_from_id"],
            ["special_placement.id"],
            name=op.f("fk_special_placement_transferred_from_id_special_placement"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_special_placement")),
    )
    with op.batch_alter_table("special_placement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_special_placement_commission_id"), ["commission_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_special_placement_notice_due"), ["notice_due"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_special_placement_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_special_placement_rehabilitation_plan_due"),
            ["rehabilitation_plan_due"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_special_placement_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_special_placement_student_id"), ["student_id"], unique=False
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
        "case_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "opened",
                "flags_added",
                "put_before_council",
                "participation_recorded",
                "council_decision",
                "referred",
                "student_transferred",
                "closed",
                name="caseeventkind",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("detail", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["app_user.id"], name=op.f("fk_case_event_actor_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name=op.f("fk_case_event_case_id_support_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_event")),
    )
    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_event_case_id"), ["case_id"], unique=False)

    op.create_table(
        "council_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("minor_present", sa.Boolean(), nullable=True),
        sa.Column(
            "minor_absence_reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False
        ),
        sa.Column("representatives_present", sa.Boolean(), nullable=True),
        sa.Column(
            "representatives_absence_reason",
            sqlmodel.sql.sqltypes.AutoString(length=500),
            nullable=False,
        ),
        sa.Column(
            "decision",
            sa.Enum(
                "support_assigned",
                "support_not_needed",
                "representatives_refused",
                name="councildecision",
                native_enum=False,
            ),
            nullable=True,
        ),
        sa.Column("decided_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name=op.f("fk_council_review_case_id_support_case")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["council_meeting.id"],
            name=op.f("fk_council_review_meeting_id_council_meeting"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_review")),
        sa.UniqueConstraint("meeting_id", "case_id", name=op.f("uq_council_review_meeting_id")),
    )
    with op.batch_alter_table("council_review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_council_review_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_council_review_meeting_id"), ["meeting_id"], unique=False
        )

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
        "minutes_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["minutes_version.id"],
            name=op.f("fk_minutes_document_version_id_minutes_version"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_document")),
        sa.UniqueConstraint("version_id", "language", name=op.f("uq_minutes_document_version_id")),
    )
    with op.batch_alter_table("minutes_document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_document_version_id"), ["version_id"], unique=False
        )

    op.create_table(
        "placement_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "extension",
                "early_termination",
                "transfer",
                name="placementchangekind",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("ground", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("previous_end", sa.Date(), nullable=False),
        sa.Column("new_end", sa.Date(), nullable=True),
        sa.Column("previous_notice_received_on", sa.Date(), nullable=True),
        sa.Column("new_placement_id", sa.Integer(), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["new_placement_id"],
            ["special_placement.id"],
            name=op.f("fk_placement_change_new_placement_id_special_placement"),
        ),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["special_placement.id"],
            name=op.f("fk_placement_change_placement_id_special_placement"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["app_user.id"], name=op.f("fk_placement_change_recorded_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement_change")),
    )
    with op.batch_alter_table("placement_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_placement_change_placement_id"), ["placement_id"], unique=False
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

    op.create_table(
        "absence_proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("month", sqlmodel.sql.sqltypes.AutoString(length=7), nullable=False),
        sa.Column("unexcused_days", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("proposed", "confirmed", "dismissed", name="proposalstatus", native_enum=False),
            nullable=False,
        ),
        sa.Column("proposed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("dismissal_reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("flag_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["app_user.id"], name=op.f("fk_absence_proposal_decided_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["flag_id"],
            ["criterion_flag.id"],
            name=op.f("fk_absence_proposal_flag_id_criterion_flag"),
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_absence_proposal_school_id_school")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["student.id"], name=op.f("fk_absence_proposal_student_id_student")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absence_proposal")),
        sa.UniqueConstraint("student_id", "month", name=op.f("uq_absence_proposal_student_id")),
    )
    with op.batch_alter_table("absence_proposal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_absence_proposal_school_id"), ["school_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_absence_proposal_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_absence_proposal_student_id"), ["student_id"], unique=False
        )

    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "referral",
                "rehabilitation_review",
                "other",
                name="agendaitemkind",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("referral_id", sa.Integer(), nullable=True),
        sa.Column("placement_id", sa.Integer(), nullable=True),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("hearing_notes", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "decided", "postponed", name="agendaitemstatus", native_enum=False),
            nullable=False,
        ),
        sa.Column("carried_from_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["carried_from_id"],
            ["agenda_item.id"],
            name=op.f("fk_agenda_item_carried_from_id_agenda_item"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["commission_meeting.id"],
            name=op.f("fk_agenda_item_meeting_id_commission_meeting"),
        ),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["special_placement.id"],
            name=op.f("fk_agenda_item_placement_id_special_placement"),
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referral.id"], name=op.f("fk_agenda_item_referral_id_referral")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_item_carried_from_id"), ["carried_from_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agenda_item_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_agenda_item_placement_id"), ["placement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agenda_item_referral_id"), ["referral_id"], unique=False
        )

    op.create_table(
        "commission_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("decision_type_id", sa.Integer(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("executor", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_commission_decision_agenda_item_id_agenda_item"),
        ),
        sa.ForeignKeyConstraint(
            ["decision_type_id"],
            ["decision_type.id"],
            name=op.f("fk_commission_decision_decision_type_id_decision_type"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"],
            ["app_user.id"],
            name=op.f("fk_commission_decision_recorded_by_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commission_decision")),
        sa.UniqueConstraint("agenda_item_id", name=op.f("uq_commission_decision_agenda_item_id")),
    )
    with op.batch_alter_table("commission_decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_commission_decision_decision_type_id"),
            ["decision_type_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_commission_decision_due_on"), ["due_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("commission_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commission_decision_due_on"))
        batch_op.drop_index(batch_op.f("ix_commission_decision_decision_type_id"))

    op.drop_table("commission_decision")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_referral_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_item_placement_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_item_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_item_carried_from_id"))

    op.drop_table("agenda_item")
    with op.batch_alter_table("absence_proposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_absence_proposal_student_id"))
        batch_op.drop_index(batch_op.f("ix_absence_proposal_status"))
        batch_op.drop_index(batch_op.f("ix_absence_proposal_school_id"))

    op.drop_table("absence_proposal")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_status"))
        batch_op.drop_index(batch_op.f("ix_referral_commission_id"))

    op.drop_table("referral")
    with op.batch_alter_table("plan_measure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_measure_due_on"))
        batch_op.drop_index(batch_op.f("ix_plan_measure_case_id"))

    op.drop_table("plan_measure")
    with op.batch_alter_table("placement_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_placement_change_placement_id"))

    op.drop_table("placement_change")
    with op.batch_alter_table("minutes_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minutes_document_version_id"))

    op.drop_table("minutes_document")
    with op.batch_alter_table("criterion_flag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_criterion_flag_student_id"))
        batch_op.drop_index(batch_op.f("ix_criterion_flag_school_id"))
        batch_op.drop_index(batch_op.f("ix_criterion_flag_criterion"))
        batch_op.drop_index(batch_op.f("ix_criterion_flag_case_id"))

    op.drop_table("criterion_flag")
    with op.batch_alter_table("council_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_council_review_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_council_review_case_id"))

    op.drop_table("council_review")
    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_event_case_id"))

    op.drop_table("case_event")
    with op.batch_alter_table("user_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_session_user_id"))

    op.drop_table("user_session")
    with op.batch_alter_table("support_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_support_case_student_id"))
        batch_op.drop_index(batch_op.f("ix_support_case_state"))
        batch_op.drop_index(batch_op.f("ix_support_case_school_id"))

    op.drop_table("support_case")
    with op.batch_alter_table("special_placement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_special_placement_student_id"))
        batch_op.drop_index(batch_op.f("ix_special_placement_status"))
        batch_op.drop_index(batch_op.f("ix_special_placement_rehabilitation_plan_due"))
        batch_op.drop_index(batch_op.f("ix_special_placement_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_special_placement_notice_due"))
        batch_op.drop_index(batch_op.f("ix_special_placement_commission_id"))

    op.drop_table("special_placement")
    with op.batch_alter_table("school_transfer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_school_transfer_student_id"))

    op.drop_table("school_transfer")
    with op.batch_alter_table("minutes_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minutes_version_meeting_id"))

    op.drop_table("minutes_version")
    with op.batch_alter_table("meeting_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendance_member_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_attendance_meeting_id"))

    op.drop_table("meeting_attendance")
    with op.batch_alter_table("legal_representative", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legal_representative_student_id"))

    op.drop_table("legal_representative")
    with op.batch_alter_table("council_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_council_meeting_school_id"))

    op.drop_table("council_meeting")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_user_id"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_record_id"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_login"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_at"))

    op.drop_table("audit_entry")
    with op.batch_alter_table("attendance_mark", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_attendance_mark_unexcused_school",
            sqlite_where=sa.text("status = 'unexcused'"),
            postgresql_where=sa.text("status = 'unexcused'"),
        )
        batch_op.drop_index(
            "ix_attendance_mark_unexcused_day",
            sqlite_where=sa.text("status = 'unexcused'"),
            postgresql_where=sa.text("status = 'unexcused'"),
        )

    op.drop_table("attendance_mark")
    with op.batch_alter_table("student", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_student_school_id"))
        batch_op.drop_index(batch_op.f("ix_student_last_name"))

    op.drop_table("student")
    with op.batch_alter_table("commission_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commission_member_commission_id"))

    op.drop_table("commission_member")
    with op.batch_alter_table("commission_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commission_meeting_status"))
        batch_op.drop_index(batch_op.f("ix_commission_meeting_meeting_date"))
        batch_op.drop_index(batch_op.f("ix_commission_meeting_commission_id"))

    op.drop_table("commission_meeting")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_app_user_school_id"))
        batch_op.drop_index(batch_op.f("ix_app_user_commission_id"))

    op.drop_table("app_user")
    with op.batch_alter_table("sign_in_attempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sign_in_attempt_login"))
        batch_op.drop_index(batch_op.f("ix_sign_in_attempt_at"))

    op.drop_table("sign_in_attempt")
    op.drop_table("decision_type")
    op.drop_table("calendar_day")
