"""Placements of minors in special organisations and their changes (Art. 80, Art. 81).

The table is ``special_placement``. ``planned_end`` and ``notice_due`` are
kept current (an extension moves both) so that deadlines are plain queries;
every change of the term or of the organisation is a ``PlacementChange`` row.
"""

import enum
from datetime import date, datetime

from sqlmodel import Field, SQLModel

from juvenile.models import identity, organisations, students  # noqa: F401  (its foreign keys point at their tables)
from juvenile.models.base import enum_column, utcnow
from juvenile.rules.placements import DecidingBody, PlacementKind


class PlacementStatus(enum.StrEnum):
    ACTIVE = "active"  # the minor is in the organisation
    TERMINATED = "terminated"  # ended early by the court, Art. 80 (4), Art. 81 (6)
    TRANSFERRED = "transferred"  # moved to a special-regime organisation, Art. 80 (6)
    RETURNED = "returned"  # back at the place of residence, Art. 80 (11), Art. 81 (12)


class Placement(SQLModel, table=True):
    """One decision sending a minor to a special organisation, and its course.

    ``commission_id`` is the commission of the minor's place of residence (the
    district of the student's school): it receives the organisation's notice
    and reviews the rehabilitation plan after the return.
    """

    __tablename__ = "special_placement"

    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="student.id", index=True)
    kind: PlacementKind = enum_column(PlacementKind)
    organisation_id: int = Field(foreign_key="special_organisation.id", index=True)
    commission_id: int = Field(foreign_key="commission.id", index=True)
    deciding_body: DecidingBody = enum_column(DecidingBody)
    # The deciding body's decision this placement is registered from (Art. 80 (2),
    # Art. 81 (3)): its number and date. Rows before migration 0007 have "".
    decision_number: str = Field(default="", max_length=64)
    decision_date: date
    # The prosecutor took part when the question was considered (Art. 80 (7),
    # Art. 81 (8)); required of a court decision. Rows before 0008 have False.
    prosecutor_participated: bool = Field(default=False)
    # The guardianship body's application a special-education placement is decided on
    # (Art. 80 (2)): who applied and when. Empty for special regime and before 0008.
    guardianship_applicant: str = Field(default="", max_length=200)
    guardianship_applied_on: date | None = None
    start_date: date
    term_months: int
    planned_end: date
    notice_due: date = Field(index=True)
    notice_received_on: date | None = None  # by the commission
    # A special-regime organisation notifies internal affairs too (Art. 81 (11) item 4).
    internal_affairs_notice_on: date | None = None
    status: PlacementStatus = enum_column(PlacementStatus, default=PlacementStatus.ACTIVE,
                                          index=True)
    ended_on: date | None = None  # early termination or transfer
    return_date: date | None = None
    rehabilitation_plan_due: date | None = Field(default=None, index=True)
    rehabilitation_plan_made_on: date | None = None
    transferred_from_id: int | None = Field(default=None, foreign_key="special_placement.id")
    recorded_by: int | None = Field(default=None, foreign_key="app_user.id")
    recorded_at: datetime = Field(default_factory=utcnow)


class PlacementChangeKind(enum.StrEnum):
    EXTENSION = "extension"  # Art. 80 (5), Art. 81 (7)
    EARLY_TERMINATION = "early_termination"  # Art. 80 (4), Art. 81 (6)
    TRANSFER = "transfer"  # Art. 80 (6)


class PlacementChange(SQLModel, table=True):
    """One change of a placement by a later decision, kept as history.

    An extension keeps the end it replaced and the notice received for that
    end (a new notice is due before the new end); a transfer names the
    placement it opened.
    """

    __tablename__ = "placement_change"

    id: int | None = Field(default=None, primary_key=True)
    placement_id: int = Field(foreign_key="special_placement.id", index=True)
    kind: PlacementChangeKind = enum_column(PlacementChangeKind)
    decided_on: date
    # extension ground code or the transfer's (rules.placements)
    ground: str = Field(default="", max_length=40)
    # The court's decision (Art. 80 (4)-(6), Art. 81 (6), (7)); "" before migration 0008.
    decision_number: str = Field(default="", max_length=64)
    # Who submitted an early termination (rules.placements.TerminationSubmitter).
    submitted_by: str = Field(default="", max_length=40)
    previous_end: date
    new_end: date | None = None
    previous_notice_received_on: date | None = None
    new_placement_id: int | None = Field(default=None, foreign_key="special_placement.id")
    note: str = Field(default="", max_length=1000)
    recorded_by: int | None = Field(default=None, foreign_key="app_user.id")
    recorded_at: datetime = Field(default_factory=utcnow)
