"""The commission's own work (Art. 79): members, meetings, agenda, decisions.

A meeting decides only with a quorum of its members present (see
rules.quorum); attendance is recorded per member. Agenda items carry a
referral (Art. 78 (4)), the review of a returned minor's rehabilitation plan
(Art. 80 (11), Art. 81 (12)) or any other question; each is decided once, by a
decision from the catalogue. Postponing carries an item to a later meeting as
a new item linked to the first, so the history stays readable.
"""

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from juvenile.models import cases, identity, organisations, placements  # noqa: F401  (its foreign keys point at their tables)
from juvenile.models.base import Named, enum_column, utcnow


class MemberPosition(enum.StrEnum):
    """The composition of Art. 79 (4): chair, deputy chair, members, secretary."""

    CHAIR = "chair"
    DEPUTY_CHAIR = "deputy_chair"
    MEMBER = "member"
    SECRETARY = "secretary"


class CommissionMember(SQLModel, table=True):
    """A person in the commission's composition. Inactive members stay for history
    (their attendance of past meetings) but no longer count towards a quorum."""

    __tablename__ = "commission_member"

    id: int | None = Field(default=None, primary_key=True)
    commission_id: int = Field(foreign_key="commission.id", index=True)
    full_name: str = Field(max_length=200)
    position: MemberPosition = enum_column(MemberPosition)
    active: bool = True


class CommissionMeetingStatus(enum.StrEnum):
    PLANNED = "planned"
    HELD = "held"  # attendance has been recorded


class CommissionMeeting(SQLModel, table=True):
    """A sitting of the commission; ``number`` counts the commission's meetings
    within the calendar year of ``meeting_date``."""

    __tablename__ = "commission_meeting"

    id: int | None = Field(default=None, primary_key=True)
    commission_id: int = Field(foreign_key="commission.id", index=True)
    number: int
    meeting_date: date = Field(index=True)
    place: str = Field(default="", max_length=300)
    status: CommissionMeetingStatus = enum_column(
        CommissionMeetingStatus, default=CommissionMeetingStatus.PLANNED, index=True
    )


class MeetingAttendance(SQLModel, table=True):
    """Whether one member attended one meeting. The rows of a meeting are the
    composition at that meeting, so a later change of members leaves its
    quorum as it was."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="commission_meeting.id", index=True)
    member_id: int = Field(foreign_key="commission_member.id", index=True)
    present: bool
    absence_reason: str = Field(default="", max_length=300)


class AgendaItemKind(enum.StrEnum):
    REFERRAL = "referral"  # a case referred by a school, Art. 78 (4)
    REHABILITATION_REVIEW = "rehabilitation_review"  # Art. 80 (11), Art. 81 (12)
    OTHER = "other"


class AgendaItemStatus(enum.StrEnum):
    OPEN = "open"
    DECIDED = "decided"
    POSTPONED = "postponed"  # carried to a later meeting (the item there links back)


class AgendaItem(SQLModel, table=True):
    """A question on a meeting's agenda, in the order of ``position`` (1, 2, …)."""

    __tablename__ = "agenda_item"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="commission_meeting.id", index=True)
    position: int
    kind: AgendaItemKind = enum_column(AgendaItemKind)
    referral_id: int | None = Field(default=None, foreign_key="referral.id", index=True)
    placement_id: int | None = Field(default=None, foreign_key="special_placement.id",
                                     index=True)
    title: str = Field(default="", max_length=500)
    hearing_notes: str = Field(default="", max_length=4000)
    status: AgendaItemStatus = enum_column(AgendaItemStatus, default=AgendaItemStatus.OPEN)
    carried_from_id: int | None = Field(default=None, foreign_key="agenda_item.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)


class DecisionType(Named, SQLModel, table=True):
    """An entry of the catalogue of decisions; migration 0003 seeds the defaults and
    an administrator may add more. ``follow_up``: the decision is executed by
    someone by a due date (not so for closing without measures or postponing)."""

    __tablename__ = "decision_type"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)
    name_kk: str = Field(max_length=300)
    name_ru: str = Field(max_length=300)
    follow_up: bool = True
    active: bool = True


class CommissionDecision(SQLModel, table=True):
    """What the commission decided on one agenda item, and its follow-up."""

    __tablename__ = "commission_decision"

    id: int | None = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="agenda_item.id", unique=True)
    decision_type_id: int = Field(foreign_key="decision_type.id", index=True)
    decided_on: date
    executor: str = Field(default="", max_length=300)
    due_on: date | None = Field(default=None, index=True)
    notes: str = Field(default="", max_length=4000)
    done_on: date | None = None
    recorded_by: int | None = Field(default=None, foreign_key="app_user.id")
    recorded_at: datetime = Field(default_factory=utcnow)


class MinutesVersion(SQLModel, table=True):
    """One version of a meeting's minutes (Art. 79): number 1 is the minutes as first
    approved, 2, 3, … the amendments, each opened with its reason. A version is a
    draft until approved; once approved it is locked with its documents, and the
    meeting's attendance, agenda, notes and decisions may change again only after
    a new amendment is opened."""

    __tablename__ = "minutes_version"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="commission_meeting.id", index=True)
    number: int
    reason: str = Field(default="", max_length=1000)  # why the amendment was opened
    opened_by: int | None = Field(default=None, foreign_key="app_user.id")
    opened_at: datetime = Field(default_factory=utcnow)
    approved_by: int | None = Field(default=None, foreign_key="app_user.id")
    approved_at: datetime | None = None


class MinutesDocument(SQLModel, table=True):
    """The PDF of an approved version in one official language, as approved: the
    bytes and their SHA-256 never change (kept in the database, not a public folder)."""

    __tablename__ = "minutes_document"
    __table_args__ = (sa.UniqueConstraint("version_id", "language"),)

    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="minutes_version.id", index=True)
    language: str = Field(max_length=2)
    sha256: str = Field(max_length=64)
    size: int
    pdf: bytes = Field(sa_type=sa.LargeBinary)
