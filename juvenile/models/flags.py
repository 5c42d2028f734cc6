"""Flags: a student meets one of the twelve criteria of Art. 78 (2)."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from juvenile.models import cases, identity, organisations, students  # noqa: F401  (its foreign keys point at their tables)
from juvenile.models.base import utcnow


class CriterionFlag(SQLModel, table=True):
    """One criterion noticed for one student, until resolved.

    ``criterion`` is the item number of Art. 78 (2) (1–12, see rules.criteria);
    criteria 8 and 9 are sensitive and the gate hides them accordingly.
    ``school_id`` is the school that raised the flag.
    """

    __tablename__ = "criterion_flag"

    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="student.id", index=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    criterion: int = Field(index=True)
    noticed_on: date
    evidence: str = Field(default="", max_length=2000)
    # Evidence the portal itself writes (criterion 4 from attendance, criterion 11 on a
    # return) is kept as a catalog key and its parameters (JSON), so every reader gets
    # it in their language; ``evidence`` is then empty. reports/evidence.py writes it.
    evidence_key: str = Field(default="", max_length=80)
    evidence_params: str = Field(default="", max_length=1000)
    author_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: datetime = Field(default_factory=utcnow)
    case_id: int | None = Field(default=None, foreign_key="support_case.id", index=True)
    resolved_on: date | None = None
    resolution_reason: str = Field(default="", max_length=500)


class PlanMeasure(SQLModel, table=True):
    """A measure of the individual prevention work plan (Art. 78 (3)): what,
    who is responsible, by when, and when it was done."""

    __tablename__ = "plan_measure"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="support_case.id", index=True)
    description: str = Field(max_length=1000)
    responsible: str = Field(max_length=200)
    due_on: date = Field(index=True)
    done_on: date | None = None
