"""The school's prevention council: meetings and the cases considered at them (Art. 78 (3))."""

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from juvenile.models import cases, identity, organisations  # noqa: F401  (its foreign keys point at their tables)
from juvenile.models.base import enum_column, utcnow
from juvenile.rules.cases import CouncilDecision


class MeetingStatus(enum.StrEnum):
    PLANNED = "planned"
    HELD = "held"


class CouncilMeeting(SQLModel, table=True):
    """One meeting of a school's prevention council (Art. 23 item 14, Art. 78 (3)).

    ``members_present`` lists the council members who attended, one per line.
    """

    __tablename__ = "council_meeting"

    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    number: str = Field(max_length=20)  # the protocol number
    meeting_on: date
    status: MeetingStatus = enum_column(MeetingStatus, default=MeetingStatus.PLANNED)
    members_present: str = Field(default="", max_length=2000)
    created_by: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def members(self) -> list[str]:
        return [line for line in self.members_present.splitlines() if line]


class CouncilReview(SQLModel, table=True):
    """One case considered at one meeting: who of the family took part, and the decision.

    Art. 78 (3): the council considers support with the participation of the
    minor and the legal representatives; where they did not take part, the
    reason is recorded, and for the representatives whether it was a documented
    refusal to attend and when they were invited.
    """

    __tablename__ = "council_review"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "case_id"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="council_meeting.id", index=True)
    case_id: int = Field(foreign_key="support_case.id", index=True)
    minor_present: bool | None = None  # None: not recorded yet
    minor_absence_reason: str = Field(default="", max_length=500)
    representatives_present: bool | None = None
    representatives_absence_reason: str = Field(default="", max_length=500)
    # Absent representatives who refused to attend, in a documented refusal, after
    # the invitation of that day: the council may still decide (rules.council).
    representatives_refused_to_attend: bool = False
    representatives_invited_on: date | None = None
    decision: CouncilDecision | None = enum_column(CouncilDecision, default=None, nullable=True)
    decided_at: datetime | None = None
