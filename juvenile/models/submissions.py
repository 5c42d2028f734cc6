"""The internal affairs body's submission to the court (Art. 81 (3)), as the
district commission tracks it.

One row per decision ending (or refusing to start) a minor's criminal case:
the submission is due 30 days after it, later if extended (at most 30 days more,
by a decision of internal affairs or the prosecutor). ``due_on`` is kept
current so the deadline board is a plain query.
"""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from juvenile.models import identity, organisations, students  # noqa: F401  (its foreign keys point at their tables)
from juvenile.models.base import utcnow


class InternalAffairsSubmission(SQLModel, table=True):
    """``commission_id`` is the commission of the district of the minor's school,
    as for a placement (services.commission.placement_records)."""

    __tablename__ = "internal_affairs_submission"

    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="student.id", index=True)
    commission_id: int = Field(foreign_key="commission.id", index=True)
    case_decision_number: str = Field(max_length=64)
    case_decision_date: date
    due_on: date = Field(index=True)
    # The extension (Art. 81 (3)): whose decision (rules.submission.ExtendedBy), its date.
    extended_by: str = Field(default="", max_length=40)
    extension_decided_on: date | None = None
    submitted_on: date | None = None  # recorded by the commission secretary
    recorded_by: int | None = Field(default=None, foreign_key="app_user.id")
    recorded_at: datetime = Field(default_factory=utcnow)
