"""The case page: a support case with its flags, plan, council reviews, referral and
timeline, and the next steps its state allows (rules.cases); marking a measure
of the individual prevention work plan done (Art. 78 (3)).
"""

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlmodel import col, select

from juvenile import clock
from juvenile.db import transaction
from juvenile.models import (
    CaseEvent,
    CaseEventKind,
    Commission,
    CouncilMeeting,
    CouncilReview,
    CriterionFlag,
    MeetingStatus,
    PlanMeasure,
    Referral,
    ReferralStatus,
    User,
)
from juvenile.rules.cases import (
    CLOSING_OUTCOMES,
    CaseState,
    CloseOutcome,
    CouncilDecision,
    allowed_targets,
)
from juvenile.rules.council import check_measure_done
from juvenile.rules.criteria import SENSITIVE_CRITERIA
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind, is_allowed
from juvenile.services.school.cases import (
    add_flags_to_case,
    case_scope,
    load_case,
    open_case,
    open_case_of,
)
from juvenile.services.school.student_file import FlagLine


@dataclass(frozen=True)
class MeasureLine:
    measure_id: int
    description: str
    responsible: str
    due_on: date
    done_on: date | None


@dataclass(frozen=True)
class ReviewLine:
    meeting_id: int
    number: str
    meeting_on: date
    meeting_held: bool
    minor_present: bool | None
    minor_absence_reason: str
    representatives_present: bool | None
    representatives_absence_reason: str
    decision: CouncilDecision | None
    representatives_invited_on: date | None  # set for a documented refusal to attend


@dataclass(frozen=True)
class EventLine:
    at: datetime
    kind: CaseEventKind
    author: str
    detail: str


@dataclass(frozen=True)
class CaseFile:
    case_id: int
    state: CaseState
    opened_on: date
    closed_on: date | None
    outcome: CloseOutcome | None
    outcome_note: str
    student_id: int
    student_name: str
    student_iin: str
    class_name: str
    flags: list[FlagLine]
    measures: list[MeasureLine]
    reviews: list[ReviewLine]
    events: list[EventLine]
    referral_status: ReferralStatus | None
    commission_kk: str
    commission_ru: str
    next_states: frozenset[CaseState]  # rules.cases.allowed_targets
    closing_outcomes: tuple[CloseOutcome, ...]
    free_flag_ids: tuple[int, ...]  # the student's unresolved flags in no case
    may_change: bool  # the school's staff work the case; others only read it


def open_case_file(actor: Actor, case_id: int) -> CaseFile:
    """Everything the case page shows; NotFound or AccessDenied for a stranger."""
    with transaction() as session:
        case, student = load_case(session, case_id)
        scope = case_scope(session, case, student)
        authorize(session, actor, Permission.VIEW, scope)
        flags, free = [], []
        for flag in session.exec(select(CriterionFlag)
                                 .where(CriterionFlag.student_id == student.id)
                                 .order_by(col(CriterionFlag.criterion), col(CriterionFlag.id))):
            if flag.case_id not in (case.id, None):
                continue
            if flag.criterion in SENSITIVE_CRITERIA:
                sensitive = replace(scope, kind=RecordKind.FLAG, id=flag.id, sensitive=True)
                if not is_allowed(actor, Permission.VIEW, sensitive):
                    continue
                authorize(session, actor, Permission.VIEW, sensitive)
            if flag.case_id == case.id:
                flags.append(FlagLine(flag.id, flag.criterion, flag.noticed_on, flag.evidence,
                                      flag.evidence_key, flag.evidence_params,
                                      flag.case_id, flag.resolved_on, flag.resolution_reason))
            elif flag.resolved_on is None:
                free.append(flag.id)
        measures = [MeasureLine(m.id, m.description, m.responsible, m.due_on, m.done_on)
                    for m in session.exec(select(PlanMeasure)
                                          .where(PlanMeasure.case_id == case.id)
                                          .order_by(col(PlanMeasure.due_on), col(PlanMeasure.id)))]
        reviews = [
            ReviewLine(meeting.id, meeting.number, meeting.meeting_on,
                       meeting.status == MeetingStatus.HELD, review.minor_present,
                       review.minor_absence_reason, review.representatives_present,
                       review.representatives_absence_reason, review.decision,
                       review.representatives_invited_on)
            for review, meeting in session.exec(
                select(CouncilReview, CouncilMeeting)
                .join(CouncilMeeting, col(CouncilMeeting.id) == CouncilReview.meeting_id)
                .where(CouncilReview.case_id == case.id).order_by(col(CouncilMeeting.meeting_on)))
        ]
        events = [
            EventLine(event.at, CaseEventKind(event.kind), name or "", event.detail)
            for event, name in session.exec(
                select(CaseEvent, User.full_name)
                .outerjoin(User, col(User.id) == CaseEvent.actor_id)
                .where(CaseEvent.case_id == case.id).order_by(col(CaseEvent.at), col(CaseEvent.id)))
        ]
        referral = session.exec(select(Referral, Commission)
                                .join(Commission, col(Commission.id) == Referral.commission_id)
                                .where(Referral.case_id == case.id)).first()
        state = CaseState(case.state)
        return CaseFile(
            case_id=case.id, state=state, opened_on=case.opened_on, closed_on=case.closed_on,
            outcome=CloseOutcome(case.outcome) if case.outcome else None,
            outcome_note=case.outcome_note, student_id=student.id,
            student_name=student.full_name, student_iin=student.iin,
            class_name=f"{student.grade}{student.class_letter}", flags=flags,
            measures=measures, reviews=reviews, events=events,
            referral_status=ReferralStatus(referral[0].status) if referral else None,
            commission_kk=referral[1].name_kk if referral else "",
            commission_ru=referral[1].name_ru if referral else "",
            next_states=allowed_targets(state),
            closing_outcomes=tuple(o for o in CloseOutcome
                                   if o in CLOSING_OUTCOMES.get(state, frozenset())),
            free_flag_ids=tuple(free) if state != CaseState.CLOSED else (),
            may_change=is_allowed(actor, Permission.UPDATE, scope),
        )


def mark_measure_done(actor: Actor, measure_id: int, done_on: date | None = None,
                      today: date | None = None) -> PlanMeasure:
    """A measure of the individual plan was carried out on ``done_on`` (Art. 78 (3))."""
    today = today or clock.today()
    done_on = done_on or today
    with transaction() as session:
        measure = session.get(PlanMeasure, measure_id)
        if measure is None:
            raise NotFound(RecordKind.PLAN_MEASURE, measure_id)
        case, student = load_case(session, measure.case_id)
        authorize(session, actor, Permission.UPDATE, replace(
            case_scope(session, case, student), kind=RecordKind.PLAN_MEASURE, id=measure.id))
        if measure.done_on is not None:
            raise RuleViolation("plan.error.already_done", day=measure.done_on)
        if case.state == CaseState.CLOSED:
            raise RuleViolation("case.error.closed")
        check_measure_done(done_on, case.opened_on, today)
        measure.done_on = done_on
        session.add(measure)
        return measure


def start_case(actor: Actor, student_id: int, on: date | None = None) -> int:
    """Open a support case from all of the student's unresolved flags not yet in a
    case, or join them to the open case (one open case per student, Art. 78 (3));
    returns the case's id."""
    with transaction() as session:  # one transaction: the case services join it
        flag_ids = session.exec(select(CriterionFlag.id).where(
            CriterionFlag.student_id == student_id, col(CriterionFlag.case_id).is_(None),
            col(CriterionFlag.resolved_on).is_(None)).order_by(col(CriterionFlag.id))).all()
        existing = open_case_of(session, student_id)
        if existing is not None:
            return add_flags_to_case(actor, existing.id, flag_ids).id
        return open_case(actor, student_id, flag_ids, on).id
