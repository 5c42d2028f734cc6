"""The school's documents: the prevention council's protocol and the individual
prevention work plan (Art. 78 (3)), as PDF in the user's language.

Each download is an export of a child's record: the gate allows it to the
school's staff and writes it to the audit log as "export".
"""

from collections import defaultdict
from dataclasses import replace

from sqlmodel import Session, col, select

from juvenile.db import transaction
from juvenile.models import (
    CouncilMeeting,
    CouncilReview,
    CriterionFlag,
    LegalRepresentative,
    MeetingStatus,
    PlanMeasure,
    School,
    SupportCase,
)
from juvenile.reports.council_data import HeardCase, Measure, PlanData, ProtocolData
from juvenile.rules.cases import CouncilDecision
from juvenile.rules.criteria import SENSITIVE_CRITERIA
from juvenile.rules.iin import sex_of
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope, is_allowed
from juvenile.services.school.cases import case_scope, load_case
from juvenile.services.school.council import meeting_scope
from juvenile.services.school.council_register import reviewed_cases


def _criteria(session: Session, actor: Actor, case: SupportCase,
              scope: RecordScope) -> tuple[int, ...]:
    """The case's criteria; 8 and 9 only for whom the gate lets see them."""
    sensitive = replace(scope, kind=RecordKind.FLAG, sensitive=True)
    show_sensitive = is_allowed(actor, Permission.VIEW, sensitive)
    numbers = session.exec(select(CriterionFlag.criterion)
                           .where(CriterionFlag.case_id == case.id)).all()
    return tuple(sorted({n for n in numbers if show_sensitive or n not in SENSITIVE_CRITERIA}))


def _measures(session: Session, case_id: int) -> tuple[Measure, ...]:
    return tuple(Measure(m.description, m.responsible, m.due_on, m.done_on)
                 for m in session.exec(select(PlanMeasure).where(PlanMeasure.case_id == case_id)
                                       .order_by(col(PlanMeasure.due_on), col(PlanMeasure.id))))


def protocol_data(actor: Actor, meeting_id: int) -> ProtocolData:
    """The protocol's content; the export is audited."""
    with transaction() as session:
        meeting = session.get(CouncilMeeting, meeting_id)
        if meeting is None:
            raise NotFound(RecordKind.COUNCIL_MEETING, meeting_id)
        authorize(session, actor, Permission.EXPORT, meeting_scope(meeting)).detail = (
            "council protocol")
        school = session.get(School, meeting.school_id)
        rows = reviewed_cases(session, meeting.id)
        representatives = defaultdict(list)
        for student_id, name in session.exec(
            select(LegalRepresentative.student_id, LegalRepresentative.full_name)
            .where(col(LegalRepresentative.student_id).in_([row[2].id for row in rows]))
            .order_by(col(LegalRepresentative.id))
        ):
            representatives[student_id].append(name)
        cases = []
        for review, case, student, commission in rows:
            scope = case_scope(session, case, student)
            cases.append(HeardCase(
                case.id, student.full_name, student.birth_date,
                f"{student.grade}{student.class_letter}",
                _criteria(session, actor, case, scope), review.minor_present,
                review.minor_absence_reason, tuple(representatives[student.id]),
                review.representatives_present, review.representatives_absence_reason,
                review.decision, commission.name_kk if commission else "",
                commission.name_ru if commission else "",
                _measures(session, case.id)
                if review.decision == CouncilDecision.SUPPORT_ASSIGNED else (),
                student_sex=sex_of(student.iin),
                representatives_invited_on=review.representatives_invited_on,
            ))
        return ProtocolData(school.name_kk, school.name_ru, meeting.number, meeting.meeting_on,
                            meeting.status == MeetingStatus.HELD, tuple(meeting.members),
                            tuple(cases))


def plan_data(actor: Actor, case_id: int) -> PlanData:
    """The individual prevention work plan of a case; the export is audited."""
    with transaction() as session:
        case, student = load_case(session, case_id)
        scope = case_scope(session, case, student)
        authorize(session, actor, Permission.EXPORT,
                  replace(scope, kind=RecordKind.PLAN_MEASURE)).detail = f"plan of case {case.id}"
        school = session.get(School, student.school_id)
        decided = session.exec(
            select(CouncilMeeting)
            .join(CouncilReview, col(CouncilReview.meeting_id) == CouncilMeeting.id)
            .where(CouncilReview.case_id == case.id,
                   CouncilReview.decision == CouncilDecision.SUPPORT_ASSIGNED)
        ).first()
        return PlanData(
            school.name_kk, school.name_ru, case.id, student.full_name, student.birth_date,
            f"{student.grade}{student.class_letter}", _criteria(session, actor, case, scope),
            decided.number if decided else "", decided.meeting_on if decided else None,
            _measures(session, case.id),
        )
