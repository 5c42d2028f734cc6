"""Every open deadline in one list: what is due, by whom, and how late.

Six kinds of deadline, each from its own rule:
- the rehabilitation plan the local executive body brings before the commission,
  3 working days after the return (Art. 80 (11), Art. 81 (12));
- the organisation's notice, a month before the term ends (Art. 80 (10) item 4,
  Art. 81 (11) item 4), while the placement is in force;
- the return of a placement whose term ended with no return recorded (due on the
  planned end; the commission records it). A placement's entries carry the 18th
  birthday when the planned end passes it (Art. 80 (1), Art. 81 (2), Art. 59 (8) 4);
- the internal affairs body's submission to the court, 30 days after the decision
  ending the minor's criminal case, or as extended (Art. 81 (3)); the commission
  tracks it, a school does not see it;
- the follow-up of a commission decision, by its due date (Art. 79);
- the measures of an individual prevention work plan (Art. 78 (3)) of an open case.

The actor sees the deadlines of their own organisation only: a school those
of its students, a commission those of its placements, decisions and referred
cases; each kind only if the role may read such records at all.
"""

import enum
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, func, select

from juvenile.db import transaction
from juvenile.models import (
    AgendaItem,
    AuditAction,
    Commission,
    CommissionDecision,
    CommissionMeeting,
    CriterionFlag,
    InternalAffairsSubmission,
    Placement,
    PlacementStatus,
    PlanMeasure,
    Referral,
    Role,
    School,
    SpecialOrganisation,
    Student,
    SupportCase,
)
from juvenile.rules.cases import CaseState
from juvenile.rules.criteria import SENSITIVE_CRITERIA
from juvenile.rules.placements import (
    end_of_stay_at_adulthood,
    return_overdue,
    term_passes_adulthood,
)
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, audit_entry, authorize
from juvenile.security.policy import (
    COMMISSION_ROLES,
    SCHOOL_ROLES,
    Permission,
    RecordKind,
    RecordScope,
    is_allowed,
)


class DeadlineKind(enum.StrEnum):
    REHABILITATION_PLAN = "rehabilitation_plan"
    TERM_END_NOTICE = "term_end_notice"
    RETURN_NOT_RECORDED = "return_not_recorded"
    INTERNAL_AFFAIRS_SUBMISSION = "internal_affairs_submission"
    DECISION_FOLLOW_UP = "decision_follow_up"
    PLAN_MEASURE = "plan_measure"


# The record each kind of deadline belongs to, as the policy knows it.
_RECORD_KIND = {
    DeadlineKind.REHABILITATION_PLAN: RecordKind.PLACEMENT,
    DeadlineKind.TERM_END_NOTICE: RecordKind.PLACEMENT,
    DeadlineKind.RETURN_NOT_RECORDED: RecordKind.PLACEMENT,
    DeadlineKind.INTERNAL_AFFAIRS_SUBMISSION: RecordKind.PLACEMENT,
    DeadlineKind.DECISION_FOLLOW_UP: RecordKind.COMMISSION_DECISION,
    DeadlineKind.PLAN_MEASURE: RecordKind.PLAN_MEASURE,
}


@dataclass(frozen=True)
class Deadline:
    """One open deadline. ``organisation_code`` is who must act: the commission (plan,
    decision), the special organisation (notice) or the school (plan measure)."""

    kind: DeadlineKind
    due_on: date
    days_left: int  # negative when overdue
    overdue: bool
    record_id: int
    student_id: int | None
    student_iin: str
    student_name: str
    school_code: str
    organisation_code: str
    detail: str
    organisation_name_kk: str = ""  # filled by list_deadlines: readers know names, not codes
    organisation_name_ru: str = ""
    # A placement whose planned end passes the 18th birthday: that birthday (a warning).
    adult_on: date | None = None

    def organisation_name(self, language: str) -> str:
        name = self.organisation_name_kk if language == "kk" else self.organisation_name_ru
        return name or self.organisation_code


@dataclass(frozen=True)
class _Filter:
    school_id: int | None = None
    commission_id: int | None = None


def list_deadlines(actor: Actor, on: date, org_code: str | None = None) -> list[Deadline]:
    """Open deadlines in the actor's scope, overdue first, then by due date.

    ``org_code`` narrows to one school or commission (by its code).
    """
    with transaction() as session:
        kinds = _readable_kinds(actor)
        if not kinds:  # e.g. an analyst: refused and audited by the gate
            authorize(session, actor, Permission.VIEW, _own_scope(actor, RecordKind.PLACEMENT))
        if org_code:  # another organisation's list is a refused access, not a read
            scope = _org_scope(session, org_code)
            if not is_allowed(actor, Permission.VIEW, scope):
                authorize(session, actor, Permission.VIEW, scope)
        found = _named(session, _collect(session, actor, kinds, on, org_code))
        session.add(audit_entry(actor, AuditAction.VIEW, "deadlines", None,
                                detail=f"{len(found)} deadlines on {on} {org_code or ''}"))
        order = list(DeadlineKind)
        return sorted(found, key=lambda d: (not d.overdue, d.due_on, order.index(d.kind),
                                            d.record_id))


@dataclass(frozen=True)
class DeadlineCounts:
    open: int
    overdue: int


def deadline_counts(actor: Actor, on: date) -> DeadlineCounts:
    """How many of the actor's deadlines are open and overdue, for the navigation badge.

    Only numbers leave this function, so unlike the list it writes no audit entry
    (it runs on every page); a role that reads no deadlines gets zeros.
    """
    kinds = _readable_kinds(actor)
    if not kinds:
        return DeadlineCounts(0, 0)
    with transaction() as session:
        found = _collect(session, actor, kinds, on, None)
    return DeadlineCounts(open=len(found), overdue=sum(d.overdue for d in found))


def _named(session: Session, found: list[Deadline]) -> list[Deadline]:
    """The deadlines with the names of who must act: one query per kind of organisation."""
    codes = {d.organisation_code for d in found}
    names: dict[str, tuple[str, str]] = {}
    for table in (School, Commission, SpecialOrganisation):
        names.update((code, (kk, ru)) for code, kk, ru in session.exec(
            select(table.code, table.name_kk, table.name_ru).where(col(table.code).in_(codes))))
    named = []
    for d in found:
        kk, ru = names.get(d.organisation_code, ("", ""))
        named.append(replace(d, organisation_name_kk=kk, organisation_name_ru=ru))
    return named


def _readable_kinds(actor: Actor) -> list[DeadlineKind]:
    return [kind for kind in DeadlineKind if _may_read(actor, _RECORD_KIND[kind])]


def _collect(session: Session, actor: Actor, kinds: list[DeadlineKind], on: date,
             org_code: str | None) -> list[Deadline]:
    filters = [_actor_filter(actor)]
    if org_code:
        filters.append(_org_filter(session, org_code))
    hide_sensitive = actor.role == Role.ADMIN
    found: list[Deadline] = []
    if DeadlineKind.REHABILITATION_PLAN in kinds:
        found += _placement_deadlines(session, on, filters)
    if DeadlineKind.INTERNAL_AFFAIRS_SUBMISSION in kinds:
        found += _submission_deadlines(session, on, filters)
    if DeadlineKind.DECISION_FOLLOW_UP in kinds:
        found += _decision_deadlines(session, on, filters)
    if DeadlineKind.PLAN_MEASURE in kinds:
        found += _measure_deadlines(session, on, filters, hide_sensitive)
    return found


# The student's columns each query selects (plain rows load far faster than objects).
_STUDENT = (Student.id, Student.iin, Student.last_name, Student.first_name, Student.middle_name,
            School.code)


def _entry(kind: DeadlineKind, due_on: date, on: date, record_id: int, student: tuple,
           organisation_code: str, detail: str = "") -> Deadline:
    """``student``: the values of _STUDENT (all None for a question about no student)."""
    student_id, iin, last_name, first_name, middle_name, school_code = student
    days_left = (due_on - on).days
    return Deadline(
        kind=kind, due_on=due_on, days_left=days_left, overdue=days_left < 0,
        record_id=record_id, student_id=student_id, student_iin=iin or "",
        student_name=" ".join(part for part in (last_name, first_name, middle_name) if part),
        school_code=school_code or "", organisation_code=organisation_code, detail=detail,
    )


def _placement_deadlines(session: Session, on: date, filters: list[_Filter]) -> list[Deadline]:
    query = (
        # sqlmodel types select() for four columns at most
        select(  # pyright: ignore[reportCallIssue]
               Placement.id, Placement.status, Placement.rehabilitation_plan_due,
               Placement.notice_due, Placement.planned_end, Commission.code,
               SpecialOrganisation.code, Student.birth_date, *_STUDENT)
        .join(Student, Student.id == Placement.student_id)
        .join(School, School.id == Student.school_id)
        .join(Commission, Commission.id == Placement.commission_id)
        .join(SpecialOrganisation, SpecialOrganisation.id == Placement.organisation_id)
        .where(
            ((col(Placement.status) == PlacementStatus.RETURNED)
             & col(Placement.rehabilitation_plan_made_on).is_(None))
            | ((col(Placement.status) == PlacementStatus.ACTIVE)
               & (col(Placement.notice_received_on).is_(None)
                  | (col(Placement.planned_end) < on)))
        )
    )
    for f in filters:
        if f.school_id is not None:
            query = query.where(Student.school_id == f.school_id)
        if f.commission_id is not None:
            query = query.where(Placement.commission_id == f.commission_id)
    found = []
    for row in session.exec(query):
        (placement_id, status, plan_due, notice, end, commission_code, organisation_code,
         birth) = row[:8]
        student = row[8:]
        if status == PlacementStatus.RETURNED:
            found.append(_entry(DeadlineKind.REHABILITATION_PLAN, plan_due, on, placement_id,
                                student, commission_code))
            continue
        if return_overdue(True, end, on):  # the notice no longer matters
            entry = _entry(DeadlineKind.RETURN_NOT_RECORDED, end, on, placement_id, student,
                           commission_code, end.isoformat())
        else:
            entry = _entry(DeadlineKind.TERM_END_NOTICE, notice, on, placement_id, student,
                           organisation_code, end.isoformat())
        if term_passes_adulthood(birth, end):
            entry = replace(entry, adult_on=end_of_stay_at_adulthood(birth))
        found.append(entry)
    return found


def _submission_deadlines(session: Session, on: date, filters: list[_Filter]) -> list[Deadline]:
    """Open until the submission is recorded; the detail is the case decision's number.
    A criminal case's outcome is the commission's and internal affairs' concern: a
    school's list never carries it."""
    if any(f.school_id is not None for f in filters):
        return []
    query = (
        # sqlmodel types select() for four columns at most
        select(  # pyright: ignore[reportCallIssue]
               InternalAffairsSubmission.id, InternalAffairsSubmission.due_on,
               InternalAffairsSubmission.case_decision_number, Commission.code, *_STUDENT)
        .join(Student, Student.id == InternalAffairsSubmission.student_id)
        .join(School, School.id == Student.school_id)
        .join(Commission, Commission.id == InternalAffairsSubmission.commission_id)
        .where(col(InternalAffairsSubmission.submitted_on).is_(None))
    )
    for f in filters:
        if f.commission_id is not None:
            query = query.where(InternalAffairsSubmission.commission_id == f.commission_id)
    found = []
    for row in session.exec(query):
        record_id, due_on, number, commission_code = row[:4]
        found.append(_entry(DeadlineKind.INTERNAL_AFFAIRS_SUBMISSION, due_on, on, record_id,
                            row[4:], commission_code, number))
    return found


def _decision_deadlines(session: Session, on: date, filters: list[_Filter]) -> list[Deadline]:
    placed = aliased(Placement)
    query = (
        # sqlmodel types select() for four columns at most
        select(  # pyright: ignore[reportCallIssue]
               CommissionDecision.id, CommissionDecision.due_on, CommissionDecision.executor,
               Commission.code, *_STUDENT)
        .join(AgendaItem, AgendaItem.id == CommissionDecision.agenda_item_id)
        .join(CommissionMeeting, CommissionMeeting.id == AgendaItem.meeting_id)
        .join(Commission, Commission.id == CommissionMeeting.commission_id)
        .outerjoin(Referral, Referral.id == AgendaItem.referral_id)
        .outerjoin(SupportCase, SupportCase.id == Referral.case_id)
        .outerjoin(placed, placed.id == AgendaItem.placement_id)
        .outerjoin(Student, Student.id == func.coalesce(SupportCase.student_id, placed.student_id))
        .outerjoin(School, School.id == Student.school_id)
        .where(col(CommissionDecision.due_on).is_not(None),
               col(CommissionDecision.done_on).is_(None))
    )
    for f in filters:
        if f.school_id is not None:
            query = query.where(Student.school_id == f.school_id)
        if f.commission_id is not None:
            query = query.where(CommissionMeeting.commission_id == f.commission_id)
    found = []
    for row in session.exec(query):
        decision_id, due_on, executor, commission_code = row[:4]
        found.append(_entry(DeadlineKind.DECISION_FOLLOW_UP, due_on, on, decision_id, row[4:],
                            commission_code, executor))
    return found


def _measure_deadlines(session: Session, on: date, filters: list[_Filter],
                       hide_sensitive: bool) -> list[Deadline]:
    query = (
        # sqlmodel types select() for four columns at most
        select(  # pyright: ignore[reportCallIssue]
            PlanMeasure.id, PlanMeasure.due_on, PlanMeasure.description, *_STUDENT)
        .join(SupportCase, SupportCase.id == PlanMeasure.case_id)
        .join(Student, Student.id == SupportCase.student_id)
        .join(School, School.id == Student.school_id)
        .where(col(PlanMeasure.done_on).is_(None), SupportCase.state != CaseState.CLOSED)
    )
    for f in filters:
        if f.school_id is not None:
            query = query.where(Student.school_id == f.school_id)
        if f.commission_id is not None:
            referred = select(Referral.case_id).where(Referral.commission_id == f.commission_id)
            query = query.where(col(SupportCase.id).in_(referred))
    if hide_sensitive:  # criteria 8 and 9: only the school and the commission (Art. 3 (2) 4)
        sensitive = select(CriterionFlag.case_id).where(
            col(CriterionFlag.criterion).in_(SENSITIVE_CRITERIA),
            col(CriterionFlag.case_id).is_not(None))
        query = query.where(col(SupportCase.id).not_in(sensitive))
    found = []
    for row in session.exec(query):
        measure_id, due_on, description = row[:3]
        school_code = row[-1]  # the school carries out its own plan's measures
        found.append(_entry(DeadlineKind.PLAN_MEASURE, due_on, on, measure_id, row[3:],
                            school_code, description))
    return found


def _may_read(actor: Actor, kind: RecordKind) -> bool:
    return is_allowed(actor, Permission.VIEW, _own_scope(actor, kind))


def _own_scope(actor: Actor, kind: RecordKind) -> RecordScope:
    """A record of the actor's own organisation: may the role read such records at all?"""
    own = frozenset({actor.commission_id}) if actor.commission_id is not None else frozenset()
    return RecordScope(kind=kind, school_id=actor.school_id, commission_ids=own,
                       district_id=actor.district_id, region_id=actor.region_id)


def _org_scope(session: Session, code: str) -> RecordScope:
    """Where the deadlines of the school or commission ``code`` belong: a school's
    with the school and the commissions its students' cases were referred to or
    whose placements they are (Art. 78 (4), Art. 80 (10), Art. 81 (11)); a
    commission's with that commission (Art. 83 (2))."""
    asked = _org_filter(session, code)
    if asked.school_id is None:
        assert asked.commission_id is not None  # _org_filter names one or the other
        return RecordScope(kind=RecordKind.PLACEMENT,
                           commission_ids=frozenset({asked.commission_id}))
    referred = session.exec(select(Referral.commission_id).join(
        SupportCase, col(SupportCase.id) == Referral.case_id).join(
        Student, col(Student.id) == SupportCase.student_id).where(
        Student.school_id == asked.school_id).distinct()).all()
    placed = session.exec(select(Placement.commission_id).join(
        Student, col(Student.id) == Placement.student_id).where(
        Student.school_id == asked.school_id).distinct()).all()
    return RecordScope(kind=RecordKind.PLACEMENT, school_id=asked.school_id,
                       commission_ids=frozenset(referred),
                       placement_commission_ids=frozenset(placed))


def _actor_filter(actor: Actor) -> _Filter:
    if actor.role in SCHOOL_ROLES:
        return _Filter(school_id=actor.school_id)
    if actor.role in COMMISSION_ROLES:
        return _Filter(commission_id=actor.commission_id)
    return _Filter()


def _org_filter(session: Session, code: str) -> _Filter:
    school = session.exec(select(School).where(School.code == code)).first()
    if school is not None:
        return _Filter(school_id=school.id)
    commission = session.exec(select(Commission).where(Commission.code == code)).first()
    if commission is not None:
        return _Filter(commission_id=commission.id)
    raise NotFound(RecordKind.ORGANISATION, code)
