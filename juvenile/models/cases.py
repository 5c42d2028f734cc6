"""Support cases (Art. 78 (3)) and their referral to the commission (Art. 78 (4))."""

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from juvenile.models import identity, organisations, students  # noqa: F401  (its foreign keys point at their tables)
from juvenile.models.base import enum_column, utcnow
from juvenile.rules.cases import CaseState, CloseOutcome


class SupportCase(SQLModel, table=True):
    """Pedagogical support of one student, from confirmed flags to its close.

    ``school_id`` is the school that opened it (for the quarterly analysis);
    who may see it follows the student's current school.
    """

    __tablename__ = "support_case"
    # One open case per student (Art. 78 (3)): later flags join it.
    __table_args__ = (
        sa.Index("uq_support_case_open_student", "student_id", unique=True,
                 sqlite_where=sa.text("state != 'closed'"),
                 postgresql_where=sa.text("state != 'closed'")),
    )

    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="student.id", index=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    state: CaseState = enum_column(CaseState, index=True)
    opened_on: date
    opened_by: int | None = Field(default=None, foreign_key="app_user.id")
    closed_on: date | None = None
    outcome: CloseOutcome | None = enum_column(CloseOutcome, default=None, nullable=True)
    outcome_note: str = Field(default="", max_length=500)


class ReferralStatus(enum.StrEnum):
    NEW = "new"
    ON_AGENDA = "on_agenda"
    DECIDED = "decided"
    CLOSED = "closed"


class Referral(SQLModel, table=True):
    """A case passed to the district commission after the representatives refused.

    ``packet`` is the case packet frozen at the moment of referral (JSON: the
    student, representatives, criteria with evidence, the council decision), so
    the commission reads what the school decided on, even if records change later.
    """

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="support_case.id", unique=True)
    commission_id: int = Field(foreign_key="commission.id", index=True)
    status: ReferralStatus = enum_column(ReferralStatus, default=ReferralStatus.NEW, index=True)
    referred_at: datetime = Field(default_factory=utcnow)
    packet: str
