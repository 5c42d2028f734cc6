"""Proposals of criterion 4 found by the absence scan (Art. 78 (2) item 4)."""

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from juvenile.models import flags, identity, organisations, students  # noqa: F401  (its foreign keys point at their tables)
from juvenile.models.base import enum_column, utcnow


class ProposalStatus(enum.StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"  # became a criterion-4 flag
    DISMISSED = "dismissed"  # with a reason, e.g. the marks were wrong


class AbsenceProposal(SQLModel, table=True):
    """A student found with four or more unexcused days in a month, waiting for
    the psychologist to confirm (a criterion-4 flag) or dismiss it.

    One per student and month: the scan never proposes the same month twice.
    """

    __tablename__ = "absence_proposal"
    __table_args__ = (sa.UniqueConstraint("student_id", "month"),)

    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="student.id", index=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    month: str = Field(max_length=7)  # YYYY-MM
    unexcused_days: int
    status: ProposalStatus = enum_column(ProposalStatus, default=ProposalStatus.PROPOSED,
                                         index=True)
    proposed_at: datetime = Field(default_factory=utcnow)
    decided_on: date | None = None
    decided_by: int | None = Field(default=None, foreign_key="app_user.id")
    dismissal_reason: str = Field(default="", max_length=500)
    flag_id: int | None = Field(default=None, foreign_key="criterion_flag.id")
