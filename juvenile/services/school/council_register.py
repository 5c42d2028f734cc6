"""Reading the prevention council's work (Art. 78 (3), Art. 23 item 14): the
school's meetings, one meeting with its cases as recorded, and the cases that
wait for the council. Recording goes through services.council.
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from juvenile.db import transaction
from juvenile.models import (
    Commission,
    CouncilMeeting,
    CouncilReview,
    MeetingStatus,
    Referral,
    School,
    Student,
    SupportCase,
)
from juvenile.rules.cases import CaseState, CouncilDecision
from juvenile.rules.iin import Sex, sex_of
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope
from juvenile.services.common import Paged, page_count
from juvenile.services.school.council import meeting_scope

MEETINGS_PAGE = 20


@dataclass(frozen=True)
class MeetingLine:
    meeting_id: int
    number: str
    meeting_on: date
    status: MeetingStatus
    cases: int
    decided: int


@dataclass(frozen=True)
class MeetingsPage(Paged):
    meetings: list[MeetingLine]
    total: int
    page: int
    page_size: int


@dataclass(frozen=True)
class WaitingCase:
    case_id: int
    student_id: int
    student_name: str
    class_name: str
    opened_on: date


@dataclass(frozen=True)
class AgendaLine:
    case_id: int
    student_id: int
    student_name: str
    class_name: str
    case_state: CaseState
    minor_present: bool | None
    minor_absence_reason: str
    representatives_present: bool | None
    representatives_absence_reason: str
    decision: CouncilDecision | None
    commission_kk: str
    commission_ru: str
    student_sex: Sex  # from the IIN, for the wording of the minor's part
    representatives_invited_on: date | None  # set for a documented refusal to attend


@dataclass(frozen=True)
class MeetingFile:
    meeting_id: int
    school_id: int
    school_kk: str
    school_ru: str
    number: str
    meeting_on: date
    status: MeetingStatus
    members: list[str]
    agenda: list[AgendaLine]


def _council_scope(actor: Actor) -> RecordScope:
    return RecordScope(kind=RecordKind.COUNCIL_MEETING, school_id=actor.school_id)


def list_meetings(actor: Actor, page: int = 1, page_size: int = MEETINGS_PAGE) -> MeetingsPage:
    """The actor's school's council meetings, the latest first."""
    page = max(1, int(page))
    with transaction() as session:
        authorize(session, actor, Permission.VIEW, _council_scope(actor))
        where = CouncilMeeting.school_id == actor.school_id
        total = session.exec(select(func.count(col(CouncilMeeting.id))).where(where)).one()
        page = min(page, page_count(total, page_size))
        decided = func.count(col(CouncilReview.decision))
        rows = session.exec(
            select(CouncilMeeting, func.count(col(CouncilReview.id)), decided)
            .outerjoin(CouncilReview, col(CouncilReview.meeting_id) == CouncilMeeting.id)
            .where(where).group_by(col(CouncilMeeting.id))
            .order_by(col(CouncilMeeting.meeting_on).desc(), col(CouncilMeeting.id).desc())
            .offset((page - 1) * page_size).limit(page_size)
        ).all()
    return MeetingsPage(
        [MeetingLine(m.id, m.number, m.meeting_on, MeetingStatus(m.status), cases, done)
         for m, cases, done in rows], total, page, page_size)


def cases_waiting_for_council(actor: Actor) -> list[WaitingCase]:
    """The school's cases flagged and not yet before the council, and those the council
    postponed (under review, on no planned meeting): they can be planned."""
    on_planned_meeting = (
        select(CouncilReview.case_id)
        .join(CouncilMeeting, col(CouncilMeeting.id) == CouncilReview.meeting_id)
        .where(CouncilMeeting.status == MeetingStatus.PLANNED))
    postponed = sa.and_(SupportCase.state == CaseState.COUNCIL_REVIEW,
                        col(SupportCase.id).not_in(on_planned_meeting))
    with transaction() as session:
        authorize(session, actor, Permission.VIEW,
                  RecordScope(kind=RecordKind.CASE, school_id=actor.school_id))
        rows = session.exec(
            select(col(SupportCase.id), col(SupportCase.opened_on), Student)
            .join(Student, col(Student.id) == SupportCase.student_id)
            .where(Student.school_id == actor.school_id,
                   sa.or_(SupportCase.state == CaseState.FLAGGED, postponed))
            .order_by(col(SupportCase.opened_on), col(SupportCase.id))
        ).all()
    return [WaitingCase(case_id, s.id, s.full_name, f"{s.grade}{s.class_letter}", opened_on)
            for case_id, opened_on, s in rows]


def open_meeting(actor: Actor, meeting_id: int) -> MeetingFile:
    """One meeting with its cases as recorded; NotFound or AccessDenied for a stranger."""
    with transaction() as session:
        meeting = session.get(CouncilMeeting, meeting_id)
        if meeting is None:
            raise NotFound(RecordKind.COUNCIL_MEETING, meeting_id)
        authorize(session, actor, Permission.VIEW, meeting_scope(meeting))
        school = session.get(School, meeting.school_id)
        rows = reviewed_cases(session, meeting.id)
        agenda = [
            AgendaLine(
                case.id, student.id, student.full_name, f"{student.grade}{student.class_letter}",
                CaseState(case.state), review.minor_present, review.minor_absence_reason,
                review.representatives_present, review.representatives_absence_reason,
                review.decision, commission.name_kk if commission else "",
                commission.name_ru if commission else "", sex_of(student.iin),
                review.representatives_invited_on)
            for review, case, student, commission in rows
        ]
        return MeetingFile(meeting.id, meeting.school_id, school.name_kk, school.name_ru,
                           meeting.number, meeting.meeting_on, MeetingStatus(meeting.status),
                           meeting.members, agenda)


def reviewed_cases(session: Session, meeting_id: int) -> list:
    """A council meeting's reviews in the order recorded, each with its case, its
    student and the commission a refusal referred it to (None if none); the meeting
    page and its protocol read the same rows."""
    return list(session.exec(
        select(CouncilReview, SupportCase, Student, Commission)
        .join(SupportCase, col(SupportCase.id) == CouncilReview.case_id)
        .join(Student, col(Student.id) == SupportCase.student_id)
        .outerjoin(Referral, col(Referral.case_id) == SupportCase.id)
        .outerjoin(Commission, col(Commission.id) == Referral.commission_id)
        .where(CouncilReview.meeting_id == meeting_id).order_by(col(CouncilReview.id))
    ).all())
