"""The school's front page: who is flagged on which criterion, the next council,
open deadlines (overdue first), this month's absence proposals to review, and
the placements of its students a commission registered lately: the school is
told, since the commission of the place of residence now follows the minor
(Art. 80 (10), (11); Art. 81 (11), (12)).

Counts are of the school's current students (history follows the student) and
of unresolved flags; the sensitive criteria 8 and 9 are counted only for
those the gate lets see them (Art. 3 (2) item 4, Art. 83 (2)).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import col, func, select

from juvenile import clock
from juvenile.db import transaction
from juvenile.models import (
    AbsenceProposal,
    CouncilMeeting,
    CouncilReview,
    CriterionFlag,
    MeetingStatus,
    Placement,
    ProposalStatus,
    SpecialOrganisation,
    Student,
    SupportCase,
)
from juvenile.rules.attendance import month_key
from juvenile.rules.cases import CaseState
from juvenile.rules.criteria import CRITERIA, SENSITIVE_CRITERIA
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope, is_allowed
from juvenile.services.deadlines import Deadline, list_deadlines
from juvenile.services.school.students import school_scope

DEADLINES_SHOWN = 8
# Placements registered within this many days are announced on the dashboard.
PLACEMENT_NOTICE_DAYS = 30
PLACEMENTS_SHOWN = 5


@dataclass(frozen=True)
class PlacementNotice:
    """A placement of one of the school's students, registered by a commission."""

    student_id: int
    student_name: str
    organisation_kk: str
    organisation_ru: str
    decision_number: str
    decision_date: date
    registered_on: date


@dataclass(frozen=True)
class NextMeeting:
    meeting_id: int
    number: str
    meeting_on: date
    cases: int


@dataclass(frozen=True)
class SchoolDashboard:
    on: date
    students: int
    by_criterion: dict[int, int]  # criterion -> students flagged on it (unresolved)
    by_case_state: dict[CaseState, int]  # open cases by state
    next_meeting: NextMeeting | None
    deadlines: list[Deadline]  # overdue first, then by due date; at most DEADLINES_SHOWN
    deadlines_total: int
    overdue_total: int
    month: str
    proposals_waiting: int
    placements: list[PlacementNotice]  # registered lately, newest first


def school_dashboard(actor: Actor, on: date | None = None) -> SchoolDashboard:
    """The actor's school at a glance on ``on`` (today by default)."""
    on = on or clock.today()
    school_id = actor.school_id
    month = month_key(on)
    with transaction() as session:
        authorize(session, actor, Permission.VIEW,
                  school_scope(RecordKind.STUDENT, school_id)).detail = "dashboard"
        students = session.exec(
            select(func.count(col(Student.id))).where(Student.school_id == school_id)).one()
        show_sensitive = is_allowed(actor, Permission.VIEW, RecordScope(
            kind=RecordKind.FLAG, school_id=school_id, sensitive=True))
        by_criterion = dict.fromkeys((c.number for c in CRITERIA
                                      if show_sensitive or c.number not in SENSITIVE_CRITERIA),
                                     0)
        for number, count in session.exec(
            select(CriterionFlag.criterion, func.count(func.distinct(CriterionFlag.student_id)))
            .join(Student, col(Student.id) == CriterionFlag.student_id)
            .where(Student.school_id == school_id, col(CriterionFlag.resolved_on).is_(None))
            .group_by(col(CriterionFlag.criterion))
        ):
            if number in by_criterion:
                by_criterion[number] = count
        by_state = {CaseState(state): count for state, count in session.exec(
            select(SupportCase.state, func.count(col(SupportCase.id)))
            .join(Student, col(Student.id) == SupportCase.student_id)
            .where(Student.school_id == school_id, SupportCase.state != CaseState.CLOSED)
            .group_by(SupportCase.state))}
        meeting = session.exec(
            select(CouncilMeeting).where(CouncilMeeting.school_id == school_id,
                                         CouncilMeeting.status == MeetingStatus.PLANNED,
                                         CouncilMeeting.meeting_on >= on)
            .order_by(col(CouncilMeeting.meeting_on), col(CouncilMeeting.id)).limit(1)).first()
        next_meeting = None
        if meeting is not None:
            cases = session.exec(select(func.count(col(CouncilReview.id)))
                                 .where(CouncilReview.meeting_id == meeting.id)).one()
            assert meeting.id is not None  # a stored row
            next_meeting = NextMeeting(meeting.id, meeting.number, meeting.meeting_on, cases)
        waiting = session.exec(
            select(func.count(col(AbsenceProposal.id)))
            .join(Student, col(Student.id) == AbsenceProposal.student_id)
            .where(Student.school_id == school_id, AbsenceProposal.month == month,
                   AbsenceProposal.status == ProposalStatus.PROPOSED)).one()
        placements = _placement_notices(session, actor, school_id, on)
    deadlines = list_deadlines(actor, on)  # the school's own, overdue first
    return SchoolDashboard(
        on=on, students=students, by_criterion=by_criterion, by_case_state=by_state,
        next_meeting=next_meeting, deadlines=deadlines[:DEADLINES_SHOWN],
        deadlines_total=len(deadlines),
        overdue_total=sum(1 for d in deadlines if d.overdue), month=month,
        proposals_waiting=waiting, placements=placements,
    )


def _placement_notices(session, actor: Actor, school_id: int | None,
                       on: date) -> list[PlacementNotice]:
    """Placements of the school's current students registered in the last
    PLACEMENT_NOTICE_DAYS days (the school reads its students' placements)."""
    if not is_allowed(actor, Permission.VIEW,
                      school_scope(RecordKind.PLACEMENT, school_id)):
        return []
    since = datetime.combine(on - timedelta(days=PLACEMENT_NOTICE_DAYS), time(), tzinfo=UTC)
    rows = session.exec(
        select(Placement, Student, SpecialOrganisation)
        .join(Student, Student.id == Placement.student_id)
        .join(SpecialOrganisation, SpecialOrganisation.id == Placement.organisation_id)
        .where(Student.school_id == school_id, Placement.recorded_at >= since)
        .order_by(Placement.recorded_at.desc(), Placement.id.desc()).limit(PLACEMENTS_SHOWN)
    ).all()
    return [PlacementNotice(student.id, student.full_name, organisation.name_kk,
                            organisation.name_ru, placement.decision_number,
                            placement.decision_date, placement.recorded_at.date())
            for placement, student, organisation in rows]
