"""The timeline of a support case: what happened, when, and by whom."""

import enum
from datetime import datetime

from sqlmodel import Field, SQLModel

from juvenile.models import cases, identity  # noqa: F401  (its foreign keys point at their tables)
from juvenile.models.base import enum_column, utcnow


class CaseEventKind(enum.StrEnum):
    OPENED = "opened"
    FLAGS_ADDED = "flags_added"
    PUT_BEFORE_COUNCIL = "put_before_council"
    PARTICIPATION_RECORDED = "participation_recorded"
    COUNCIL_DECISION = "council_decision"
    REFERRED = "referred"  # Art. 78 (4)
    STUDENT_TRANSFERRED = "student_transferred"
    CLOSED = "closed"


class CaseEvent(SQLModel, table=True):
    """One entry of a case's timeline; ``detail`` is a short code or note, not prose."""

    __tablename__ = "case_event"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="support_case.id", index=True)
    at: datetime = Field(default_factory=utcnow)
    kind: CaseEventKind = enum_column(CaseEventKind)
    actor_id: int | None = Field(default=None, foreign_key="app_user.id")
    detail: str = Field(default="", max_length=500)
