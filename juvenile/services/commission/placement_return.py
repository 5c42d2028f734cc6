"""The minor's return from a special organisation (Art. 80 (11), Art. 81 (12)) and the
rehabilitation plan that follows it.

The return, the plan's due date (3 working days, with the administrator's
calendar), the review on the responsible commission's next agenda and
criterion 11 of Art. 78 (2) are one transaction.
"""

from datetime import date

from sqlmodel import Session, col, select

from juvenile import clock
from juvenile.db import transaction
from juvenile.models import (
    AuditAction,
    CriterionFlag,
    Placement,
    PlacementStatus,
    SpecialOrganisation,
    Student,
)
from juvenile.rules import placements as rules
from juvenile.rules.age import is_minor
from juvenile.rules.criteria import RETURN_CRITERION
from juvenile.rules.errors import RuleViolation
from juvenile.rules.evidence import RETURN_EVIDENCE_KEY, evidence_params
from juvenile.security.actor import Actor
from juvenile.security.gate import audit_entry
from juvenile.security.policy import Permission, RecordKind
from juvenile.services.administration.calendar import calendar_from
from juvenile.services.commission.agenda import schedule_rehabilitation_review
from juvenile.services.commission.placement_records import (
    NOT_YET_HOME,
    load_placement,
    require_status,
    responsible_commission,
)


def record_return(actor: Actor, placement_id: int, return_date: date) -> Placement:
    """The minor is back at the place of residence (Art. 80 (11), Art. 81 (12)).

    In one transaction: the local executive body's rehabilitation plan is due
    before the commission 3 working days later (with the administrator's
    calendar), its review goes on the next planned meeting of the district
    commission (or waits for the next meeting planned), and, back from a special
    education organisation, the student meets criterion 11 of Art. 78 (2).
    A return before the planned end needs the court's early termination first
    (Art. 80 (4), Art. 81 (6)); none is dated after today.
    """
    with transaction() as session:
        placement, student = load_placement(session, actor, placement_id, Permission.UPDATE)
        return_placement(session, actor, placement, student, return_date)
        return placement


def record_rehabilitation_plan(actor: Actor, placement_id: int, made_on: date) -> Placement:
    """The rehabilitation plan was drawn up (closes its deadline)."""
    with transaction() as session:
        placement, _ = load_placement(session, actor, placement_id, Permission.UPDATE)
        require_status(placement, PlacementStatus.RETURNED)
        rules.check_plan_date(made_on, placement.return_date)
        rules.check_not_in_future(made_on, clock.today())
        placement.rehabilitation_plan_made_on = made_on
        session.add(placement)
        return placement


def return_placement(
    session: Session, actor: Actor, placement: Placement, student: Student, return_date: date
) -> None:
    """The return and its consequences, inside the caller's transaction."""
    if placement.status == PlacementStatus.RETURNED:
        raise RuleViolation("placement.already_returned")
    if placement.status not in NOT_YET_HOME:
        raise RuleViolation("placement.not_active")
    rules.check_return_date(return_date, placement.ended_on or placement.start_date)
    rules.check_return_not_early(placement.status == PlacementStatus.ACTIVE, return_date,
                                 placement.planned_end)
    rules.check_not_in_future(return_date, clock.today())
    placement.status = PlacementStatus.RETURNED
    placement.return_date = return_date
    calendar = calendar_from(session, return_date, rules.REHABILITATION_PLAN_WORKING_DAYS)
    placement.rehabilitation_plan_due = rules.rehabilitation_plan_due(return_date, calendar)
    # The commission of where the minor lives now (the school may have changed).
    placement.commission_id = responsible_commission(session, student).id
    session.add(placement)
    session.flush()
    schedule_rehabilitation_review(session, placement)
    _flag_return(session, actor, placement, student)


def _flag_return(session: Session, actor: Actor, placement: Placement, student: Student) -> None:
    """Criterion 11 of Art. 78 (2): a minor back from a special organisation.

    The law sets it, not the school: it is audited as part of the return.
    Only after special education: item 11 names its graduates, not those of a
    special-regime organisation (rules.placements.return_meets_criterion_11).
    No flag for an adult (Art. 78 (2) is about minors) or when one is open.
    """
    if not rules.return_meets_criterion_11(placement.kind):
        return
    if not is_minor(student.birth_date, placement.return_date):
        return
    open_flag = session.exec(select(CriterionFlag.id).where(
        CriterionFlag.student_id == student.id, CriterionFlag.criterion == RETURN_CRITERION,
        col(CriterionFlag.resolved_on).is_(None),
    )).first()
    if open_flag is not None:
        return
    organisation = session.get(SpecialOrganisation, placement.organisation_id)
    flag = CriterionFlag(
        student_id=student.id, school_id=student.school_id, criterion=RETURN_CRITERION,
        noticed_on=placement.return_date, author_id=actor.user_id,
        evidence_key=RETURN_EVIDENCE_KEY,
        evidence_params=evidence_params(organisation_kk=organisation.name_kk,
                                        organisation_ru=organisation.name_ru,
                                        date=placement.return_date),
    )
    session.add(flag)
    session.flush()
    session.add(audit_entry(actor, AuditAction.CREATE, RecordKind.FLAG, flag.id,
                            detail=f"criterion {RETURN_CRITERION} on return, "
                                   f"placement {placement.id}"))

