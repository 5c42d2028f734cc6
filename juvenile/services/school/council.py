"""The school's prevention council (Art. 78 (3), Art. 23 item 14).

A meeting is planned with its cases (each moves to council review; a case the
council postponed goes before a later meeting), held with the members present,
and for each case records whether the minor and the legal representatives took
part and then the decision. A refusal by the
representatives refers the case to the district commission in the same
transaction (Art. 78 (4)).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from juvenile import clock
from juvenile.db import transaction
from juvenile.errors import InputRefused
from juvenile.models import (
    CaseEventKind,
    CouncilMeeting,
    CouncilReview,
    MeetingStatus,
    PlanMeasure,
    SupportCase,
)
from juvenile.models.base import utcnow
from juvenile.rules import council as council_rules
from juvenile.rules.cases import (
    CaseState,
    CouncilDecision,
    apply_council_decision,
    check_transition,
    outcome_of_council_decision,
)
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope
from juvenile.services.school import escalation
from juvenile.services.school.cases import case_scope, close, load_case, record_event
from juvenile.services.school.flags import REASON_MAX_LENGTH, check_text
from juvenile.services.school.students import load_school

NUMBER_MAX_LENGTH = 20
MEMBER_MAX_LENGTH = 200
MEASURE_MAX_LENGTH = 1000
RESPONSIBLE_MAX_LENGTH = 200


@dataclass(frozen=True)
class NewMeasure:
    """A measure of the individual prevention work plan: what, who, by when."""

    description: str
    responsible: str
    due_on: date


@dataclass(frozen=True)
class Participation:
    """Whether the minor and the legal representatives took part (Art. 78 (3)), with
    the reason for whoever did not."""

    minor_present: bool
    representatives_present: bool
    minor_absence_reason: str = ""
    representatives_absence_reason: str = ""
    # absent representatives: a documented refusal to attend, and when they were invited
    representatives_refused_to_attend: bool = False
    representatives_invited_on: date | None = None


def meeting_scope(meeting: CouncilMeeting) -> RecordScope:
    return RecordScope(kind=RecordKind.COUNCIL_MEETING, id=meeting.id,
                       school_id=meeting.school_id)


def _load_meeting(session: Session, meeting_id: int) -> CouncilMeeting:
    meeting = session.get(CouncilMeeting, meeting_id)
    if meeting is None:
        raise NotFound(RecordKind.COUNCIL_MEETING, meeting_id)
    return meeting


def _put_before_council(
    session: Session, actor: Actor, meeting: CouncilMeeting, case_ids: Sequence[int]
) -> None:
    if meeting.status != MeetingStatus.PLANNED:
        raise RuleViolation("council.error.meeting_held")
    for case_id in dict.fromkeys(case_ids):
        case, student = load_case(session, case_id, locked=True)
        authorize(session, actor, Permission.UPDATE, case_scope(session, case, student))
        if student.school_id != meeting.school_id:
            raise RuleViolation("council.error.other_school", case=case.id)
        council_rules.check_case_before_meeting(case.id, case.opened_on, meeting.meeting_on)
        if case.state == CaseState.COUNCIL_REVIEW:  # postponed at an earlier meeting
            council_rules.check_postponed_to(meeting.meeting_on, _pending(session, case))
        else:
            check_transition(case.state, CaseState.COUNCIL_REVIEW)
        case.state = CaseState.COUNCIL_REVIEW
        assert meeting.id is not None and case.id is not None  # a stored row
        session.add_all([case, CouncilReview(meeting_id=meeting.id, case_id=case.id)])
        record_event(session, case, CaseEventKind.PUT_BEFORE_COUNCIL, actor,
                     f"meeting {meeting.number} {meeting.meeting_on.isoformat()}")


def _pending(session: Session, case: SupportCase) -> list[tuple[date, bool]]:
    """(day, held) of the meetings that have the case on their agenda, undecided."""
    rows = session.exec(
        select(col(CouncilMeeting.meeting_on), col(CouncilMeeting.status))
        .join(CouncilReview, col(CouncilReview.meeting_id) == CouncilMeeting.id)
        .where(CouncilReview.case_id == case.id, col(CouncilReview.decision).is_(None)))
    return [(day, status == MeetingStatus.HELD) for day, status in rows]


def plan_council_meeting(
    actor: Actor, school_id: int, number: str, meeting_on: date, case_ids: Sequence[int] = ()
) -> CouncilMeeting:
    """Plan a council meeting; the cases given move to council review."""
    with transaction() as session:
        load_school(session, school_id)
        entry = authorize(session, actor, Permission.CREATE,
                          RecordScope(kind=RecordKind.COUNCIL_MEETING, school_id=school_id))
        meeting = CouncilMeeting(
            school_id=school_id, meeting_on=meeting_on, created_by=actor.user_id,
            number=check_text(str(number), "council.error.number_required", NUMBER_MAX_LENGTH),
        )
        session.add(meeting)
        session.flush()
        entry.record_id = meeting.id
        _put_before_council(session, actor, meeting, case_ids)
        return meeting


def add_cases_to_meeting(
    actor: Actor, meeting_id: int, case_ids: Sequence[int]
) -> CouncilMeeting:
    """Put more cases on a planned meeting's agenda."""
    with transaction() as session:
        meeting = _load_meeting(session, meeting_id)
        authorize(session, actor, Permission.UPDATE, meeting_scope(meeting))
        if not case_ids:
            raise RuleViolation("case.error.no_cases")
        _put_before_council(session, actor, meeting, case_ids)
        return meeting


def hold_council_meeting(
    actor: Actor, meeting_id: int, members_present: Sequence[str], today: date | None = None
) -> CouncilMeeting:
    """Record that the meeting took place and who of the council was present."""
    with transaction() as session:
        meeting = _load_meeting(session, meeting_id)
        authorize(session, actor, Permission.UPDATE, meeting_scope(meeting))
        if meeting.status != MeetingStatus.PLANNED:
            raise RuleViolation("council.error.meeting_held")
        council_rules.check_meeting_day_reached(meeting.meeting_on, today or clock.today())
        members = [check_text(m, "council.error.members_required", MEMBER_MAX_LENGTH)
                   for m in members_present if m.strip()]
        if not members:
            raise InputRefused("council.error.members_required")
        meeting.members_present = "\n".join(members)
        meeting.status = MeetingStatus.HELD
        session.add(meeting)
        return meeting


def _review(
    session: Session, actor: Actor, meeting_id: int, case_id: int
) -> tuple[CouncilMeeting, CouncilReview, SupportCase]:
    """The meeting (held), its review of the case (undecided) and the case, authorized."""
    meeting = _load_meeting(session, meeting_id)
    authorize(session, actor, Permission.UPDATE, meeting_scope(meeting))
    case, student = load_case(session, case_id, locked=True)
    authorize(session, actor, Permission.UPDATE, case_scope(session, case, student))
    review = session.exec(
        select(CouncilReview).where(CouncilReview.meeting_id == meeting.id,
                                    CouncilReview.case_id == case.id)
    ).first()
    if review is None:
        raise RuleViolation("council.error.case_not_on_agenda", case=case.id)
    if meeting.status != MeetingStatus.HELD:
        raise RuleViolation("council.error.meeting_not_held")
    if review.decision is not None:
        raise RuleViolation("council.error.already_decided", case=case.id)
    return meeting, review, case


def _absence_reason(present: bool, reason: str, required_key: str) -> str:
    return "" if present else check_text(reason, required_key, REASON_MAX_LENGTH)


def record_participation(
    actor: Actor, meeting_id: int, case_id: int, *, minor_present: bool,
    representatives_present: bool, minor_absence_reason: str = "",
    representatives_absence_reason: str = "", representatives_refused_to_attend: bool = False,
    representatives_invited_on: date | None = None,
) -> CouncilReview:
    """Whether the minor and the legal representatives took part (Art. 78 (3));
    a reason is required for whoever did not, and for the representatives'
    documented refusal to attend the date they were invited."""
    participation = Participation(bool(minor_present), bool(representatives_present),
                                  minor_absence_reason, representatives_absence_reason,
                                  bool(representatives_refused_to_attend),
                                  representatives_invited_on)
    with transaction() as session:
        meeting, review, case = _review(session, actor, meeting_id, case_id)
        _participate(session, actor, meeting, review, case, participation)
        return review


def _participate(
    session: Session, actor: Actor, meeting: CouncilMeeting, review: CouncilReview,
    case: SupportCase, participation: Participation,
) -> None:
    review.minor_present = bool(participation.minor_present)
    review.minor_absence_reason = _absence_reason(
        review.minor_present, participation.minor_absence_reason,
        "council.error.minor_reason_required")
    review.representatives_present = bool(participation.representatives_present)
    review.representatives_absence_reason = _absence_reason(
        review.representatives_present, participation.representatives_absence_reason,
        "council.error.representatives_reason_required")
    refused = not review.representatives_present and participation.representatives_refused_to_attend
    invited_on = participation.representatives_invited_on if refused else None
    if refused and invited_on is None:
        raise InputRefused("council.error.invitation_date_required")
    if invited_on is not None:
        council_rules.check_invitation_day(invited_on, meeting.meeting_on)
    review.representatives_refused_to_attend = refused
    review.representatives_invited_on = invited_on
    session.add(review)
    record_event(session, case, CaseEventKind.PARTICIPATION_RECORDED, actor,
                 f"minor={int(review.minor_present)} "
                 f"representatives={int(review.representatives_present)}")


def _plan_measures(
    case: SupportCase, meeting: CouncilMeeting, measures: Sequence[NewMeasure]
) -> list[PlanMeasure]:
    council_rules.check_plan_with_decision(CouncilDecision.SUPPORT_ASSIGNED, measures)
    assert case.id is not None  # a stored row
    plan = []
    for measure in measures:
        council_rules.check_measure_due(measure.due_on, meeting.meeting_on)
        plan.append(PlanMeasure(
            case_id=case.id, due_on=measure.due_on,
            description=check_text(measure.description, "council.error.measure_required",
                                   MEASURE_MAX_LENGTH),
            responsible=check_text(measure.responsible, "council.error.responsible_required",
                                   RESPONSIBLE_MAX_LENGTH),
        ))
    return plan


def record_council_decision(
    actor: Actor, meeting_id: int, case_id: int, decision: CouncilDecision | str,
    measures: Sequence[NewMeasure] = (), participation: Participation | None = None,
    today: date | None = None,
) -> SupportCase:
    """The council's decision on a case (Art. 78 (3)), after participation is recorded.

    ``participation``, when given, is recorded first in the same transaction: a
    refused decision leaves it unsaved too (one user action, one commit). The
    decision is dated the meeting's day, which must have come (``today``).

    "Support assigned" and "representatives refused" need the representatives
    present or their documented refusal to attend (rules.council, Art. 78 (3)).

    - support assigned: the individual prevention work plan (at least one measure);
    - support not needed: the case closes with that outcome;
    - representatives refused: the case is referred to the district commission,
      with its packet, in this same transaction (Art. 78 (4)); without a
      commission in the district nothing is saved.
    """
    decision = CouncilDecision(decision)
    with transaction() as session:
        meeting, review, case = _review(session, actor, meeting_id, case_id)
        council_rules.check_decision_day_reached(meeting.meeting_on, today or clock.today())
        if participation is not None:
            _participate(session, actor, meeting, review, case, participation)
        council_rules.require_participation(review.minor_present,
                                            review.representatives_present)
        council_rules.check_representatives_heard(
            decision, bool(review.representatives_present),
            review.representatives_refused_to_attend, review.representatives_invited_on,
            meeting.meeting_on)
        target = apply_council_decision(case.state, decision)
        if decision != CouncilDecision.SUPPORT_ASSIGNED:
            council_rules.check_plan_with_decision(decision, measures)
        review.decision, review.decided_at = decision, utcnow()
        session.add(review)
        record_event(session, case, CaseEventKind.COUNCIL_DECISION, actor,
                     f"{decision.value} meeting {meeting.number}")
        outcome = outcome_of_council_decision(decision)
        if outcome is not None:
            close(session, actor, case, outcome, meeting.meeting_on)
            return case
        if decision == CouncilDecision.SUPPORT_ASSIGNED:
            session.add_all(_plan_measures(case, meeting, measures))
        case.state = target
        session.add(case)
        session.flush()
        if decision == CouncilDecision.REPRESENTATIVES_REFUSED:
            referral = escalation.refer_to_commission(session, actor, case, meeting, review)
            record_event(session, case, CaseEventKind.REFERRED, actor,
                         f"referral {referral.id} commission {referral.commission_id}")
        return case
