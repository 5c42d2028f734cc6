"""Placements in special organisations (Art. 80, Art. 81): the decision, its
changes, the organisation's notice, the return and the rehabilitation plan.

Every legal limit comes from rules.placements; this module records the
decisions and keeps their history. The responsible commission is the one of
the district of the student's school (the minor's place of residence): it is
notified before the term ends and reviews the rehabilitation plan after the
return. The return, the plan's due date, the review on the commission's next
agenda and criterion 11 are one transaction.
"""

from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session, select

from juvenile.db import transaction
from juvenile.i18n import translate
from juvenile.models import (
    AuditAction,
    Commission,
    CriterionFlag,
    District,
    Placement,
    PlacementChange,
    PlacementChangeKind,
    PlacementStatus,
    School,
    SpecialOrganisation,
    Student,
)
from juvenile.rules import placements as rules
from juvenile.rules.age import is_minor
from juvenile.rules.criteria import RETURN_CRITERION
from juvenile.rules.errors import RuleViolation
from juvenile.rules.placements import DecidingBody, PlacementKind
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, audit_entry, authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope
from juvenile.security.scopes import student_scope
from juvenile.services.administration.calendar import calendar_from
from juvenile.services.administration.organisation_tree import district_commission
from juvenile.services.commission.agenda import schedule_rehabilitation_review

NOTE_MAX_LENGTH = 1000
# Statuses in which the minor is (or may still be) in the organisation.
NOT_YET_HOME = (PlacementStatus.ACTIVE, PlacementStatus.TERMINATED)


@dataclass(frozen=True)
class PlacementTerms:
    """What a placement decision sets (Art. 80 (2), (3); Art. 81 (3), (5))."""

    kind: PlacementKind
    organisation_id: int
    deciding_body: DecidingBody
    decision_date: date
    start_date: date
    term_months: int


def register_placement(actor: Actor, student_id: int, terms: PlacementTerms) -> Placement:
    """Record a court's (or internal affairs body's) decision to place the minor."""
    with transaction() as session:
        student = _load_student(session, student_id)
        commission = responsible_commission(session, student)
        entry = authorize(session, actor, Permission.CREATE,
                          placement_scope(session, student, commission.id))
        placement = open_placement(session, actor, student, commission, terms)
        if entry is not None:
            entry.record_id = placement.id
        return placement


def record_notice(actor: Actor, placement_id: int, received_on: date) -> Placement:
    """The organisation's notice before the term ends arrived (Art. 80 (10) item 4,
    Art. 81 (11) item 4)."""
    with transaction() as session:
        placement, _ = _load_for(session, actor, placement_id, Permission.UPDATE)
        if placement.status == PlacementStatus.TRANSFERRED:
            raise RuleViolation("placement.not_active")
        if received_on < placement.decision_date:
            raise RuleViolation("placement.date_before_decision",
                                decision_date=placement.decision_date)
        placement.notice_received_on = received_on
        session.add(placement)
        return placement


def extend_placement(
    actor: Actor, placement_id: int, ground: str, new_end: date, decided_on: date, note: str = ""
) -> PlacementChange:
    """The court extends the term on a lawful ground, within the kind's maximum
    (Art. 80 (5), Art. 81 (7)). A new notice is due before the new end."""
    note = _note(note)
    with transaction() as session:
        placement, _ = _load_for(session, actor, placement_id, Permission.UPDATE)
        _require_status(placement, PlacementStatus.ACTIVE)
        rules.validate_extension(placement.kind, placement.start_date, placement.planned_end,
                                 new_end, ground)
        change = PlacementChange(
            placement_id=placement.id, kind=PlacementChangeKind.EXTENSION, decided_on=decided_on,
            ground=ground, previous_end=placement.planned_end, new_end=new_end,
            previous_notice_received_on=placement.notice_received_on, note=note,
            recorded_by=actor.user_id,
        )
        placement.planned_end = new_end
        placement.notice_due = rules.notice_due(new_end)
        placement.notice_received_on = None
        session.add_all([placement, change])
        session.flush()
        return change


def terminate_placement(
    actor: Actor, placement_id: int, terminated_on: date, note: str = ""
) -> PlacementChange:
    """The court ends the stay before the term (Art. 80 (4), Art. 81 (6)); the return
    is recorded when the minor arrives home."""
    note = _note(note)
    with transaction() as session:
        placement, _ = _load_for(session, actor, placement_id, Permission.UPDATE)
        _require_status(placement, PlacementStatus.ACTIVE)
        if not placement.start_date <= terminated_on < placement.planned_end:
            raise RuleViolation("placement.termination_not_early",
                                article="Art. 80 (4), Art. 81 (6)",
                                start=placement.start_date, end=placement.planned_end)
        change = PlacementChange(
            placement_id=placement.id, kind=PlacementChangeKind.EARLY_TERMINATION,
            decided_on=terminated_on, previous_end=placement.planned_end, new_end=terminated_on,
            note=note, recorded_by=actor.user_id,
        )
        placement.status = PlacementStatus.TERMINATED
        placement.ended_on = terminated_on
        session.add_all([placement, change])
        session.flush()
        return change


def transfer_placement(
    actor: Actor, placement_id: int, organisation_id: int, decision_date: date,
    start_date: date, term_months: int, note: str = "",
) -> Placement:
    """Move a minor from a special education organisation to a special-regime one
    (Art. 80 (6)): the first placement closes as transferred, a new one opens,
    decided by a court (Art. 81 (3)) and checked like any placement."""
    note = _note(note)
    with transaction() as session:
        placement, student = _load_for(session, actor, placement_id, Permission.UPDATE)
        _require_status(placement, PlacementStatus.ACTIVE)
        target = _load_organisation(session, organisation_id)
        rules.validate_transfer(placement.kind, target.kind)
        if start_date < placement.start_date:
            raise RuleViolation("placement.transfer_before_start", start=placement.start_date)
        placement.status = PlacementStatus.TRANSFERRED
        placement.ended_on = start_date
        session.add(placement)
        session.flush()
        commission = responsible_commission(session, student)
        terms = PlacementTerms(kind=target.kind, organisation_id=target.id,
                               deciding_body=DecidingBody.COURT, decision_date=decision_date,
                               start_date=start_date, term_months=term_months)
        opened = open_placement(session, actor, student, commission, terms,
                                transferred_from_id=placement.id)
        session.add(PlacementChange(
            placement_id=placement.id, kind=PlacementChangeKind.TRANSFER,
            decided_on=decision_date, previous_end=placement.planned_end, new_end=start_date,
            new_placement_id=opened.id, note=note, recorded_by=actor.user_id,
        ))
        session.add(audit_entry(actor, AuditAction.CREATE, RecordKind.PLACEMENT, opened.id,
                                detail=f"transfer from placement {placement.id}"))
        session.flush()
        return opened


def record_return(actor: Actor, placement_id: int, return_date: date) -> Placement:
    """The minor is back at the place of residence (Art. 80 (11), Art. 81 (12)).

    In one transaction: the rehabilitation plan is due 3 working days later
    (with the administrator's calendar), its review goes on the next planned
    meeting of the district commission (or waits for the next meeting
    planned), and the student meets criterion 11 of Art. 78 (2).
    """
    with transaction() as session:
        placement, student = _load_for(session, actor, placement_id, Permission.UPDATE)
        return_placement(session, actor, placement, student, return_date)
        return placement


def record_rehabilitation_plan(actor: Actor, placement_id: int, made_on: date) -> Placement:
    """The rehabilitation plan was drawn up (closes its deadline)."""
    with transaction() as session:
        placement, _ = _load_for(session, actor, placement_id, Permission.UPDATE)
        _require_status(placement, PlacementStatus.RETURNED)
        if made_on < placement.return_date:
            raise RuleViolation("placement.plan_before_return", return_date=placement.return_date)
        placement.rehabilitation_plan_made_on = made_on
        session.add(placement)
        return placement


def placement_history(actor: Actor, placement_id: int) -> tuple[Placement, list[PlacementChange]]:
    """The placement with its changes, oldest first."""
    with transaction() as session:
        placement, _ = _load_for(session, actor, placement_id, Permission.VIEW)
        changes = session.exec(select(PlacementChange)
                               .where(PlacementChange.placement_id == placement.id)
                               .order_by(PlacementChange.id)).all()
        return placement, list(changes)


def list_placements(
    actor: Actor, commission_id: int, status: PlacementStatus | str | None = None
) -> list[Placement]:
    """The placements the commission is responsible for, latest decision first."""
    with transaction() as session:
        authorize(session, actor, Permission.VIEW,
                  RecordScope(kind=RecordKind.PLACEMENT, commission_ids=frozenset({commission_id})))
        query = select(Placement).where(Placement.commission_id == commission_id)
        if status is not None:
            query = query.where(Placement.status == PlacementStatus(status))
        return list(session.exec(query.order_by(Placement.decision_date.desc(),
                                                Placement.id.desc())))


# --- used inside other transactions (the import, the transfer) ---


def placement_violations(
    student: Student, organisation: SpecialOrganisation, terms: PlacementTerms
) -> list[tuple[str, RuleViolation]]:
    """Every rule the decision breaks, with the field it concerns (for imports)."""
    found: list[tuple[str, RuleViolation]] = []
    if organisation.kind != terms.kind:
        found.append(("organisation_code", RuleViolation(
            "placement.organisation_wrong_kind", article="Art. 80, Art. 81",
            organisation=organisation.code, kind=organisation.kind.value)))
    checks = (
        ("term_months", lambda: rules.validate_term(terms.kind, terms.term_months)),
        ("decision_date",
         lambda: rules.validate_age_at_decision(student.birth_date, terms.decision_date)),
        ("deciding_body", lambda: rules.validate_deciding_body(terms.kind, terms.deciding_body)),
    )
    for column, check in checks:
        try:
            check()
        except RuleViolation as violation:
            found.append((column, violation))
    if terms.start_date < terms.decision_date:
        found.append(("start_date", RuleViolation("placement.start_before_decision",
                                                  decision_date=terms.decision_date)))
    return found


def open_placement(
    session: Session, actor: Actor, student: Student, commission: Commission,
    terms: PlacementTerms, transferred_from_id: int | None = None,
) -> Placement:
    """Check and save a new placement; refuses a minor already placed."""
    organisation = _load_organisation(session, terms.organisation_id)
    violations = placement_violations(student, organisation, terms)
    if violations:
        raise violations[0][1]
    if current_placement(session, student.id) is not None:
        raise RuleViolation("placement.already_placed", name=student.full_name)
    end = rules.planned_end(terms.start_date, terms.term_months)
    placement = Placement(
        student_id=student.id, kind=terms.kind, organisation_id=organisation.id,
        commission_id=commission.id, deciding_body=terms.deciding_body,
        decision_date=terms.decision_date, start_date=terms.start_date,
        term_months=terms.term_months, planned_end=end, notice_due=rules.notice_due(end),
        transferred_from_id=transferred_from_id, recorded_by=actor.user_id,
    )
    session.add(placement)
    session.flush()
    return placement


def return_placement(
    session: Session, actor: Actor, placement: Placement, student: Student, return_date: date
) -> None:
    """The return and its consequences, inside the caller's transaction."""
    if placement.status == PlacementStatus.RETURNED:
        raise RuleViolation("placement.already_returned")
    if placement.status not in NOT_YET_HOME:
        raise RuleViolation("placement.not_active")
    if return_date < (placement.ended_on or placement.start_date):
        raise RuleViolation("placement.return_before_start",
                            start=placement.ended_on or placement.start_date)
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


def current_placement(session: Session, student_id: int) -> Placement | None:
    """The placement the minor has not come home from yet."""
    return session.exec(select(Placement).where(Placement.student_id == student_id,
                                                Placement.status.in_(NOT_YET_HOME))).first()


def responsible_commission(session: Session, student: Student) -> Commission:
    """The commission of the district of the student's school (place of residence).

    Remembered per school for the rest of the transaction (an import asks often).
    """
    known = session.info.setdefault("district_commission_of_school", {})
    if student.school_id in known:
        return known[student.school_id]
    school = session.get(School, student.school_id)
    try:
        commission = district_commission(session, school)
    except RuleViolation:
        district = session.get(District, school.district_id)
        raise RuleViolation("placement.no_commission", article="Art. 80 (10), Art. 81 (11)",
                            district=district.code, school=school.code) from None
    known[student.school_id] = commission
    return commission


def placement_scope(
    session: Session, student: Student, commission_id: int, placement_id: int | None = None
) -> RecordScope:
    """The student's scope plus the placement's commission (also before it exists)."""
    scope = student_scope(session, student, kind=RecordKind.PLACEMENT, record_id=placement_id)
    return replace(scope, commission_ids=scope.commission_ids | {commission_id})


def _flag_return(session: Session, actor: Actor, placement: Placement, student: Student) -> None:
    """Criterion 11 of Art. 78 (2): a minor back from a special organisation.

    The law sets it, not the school: it is audited as part of the return.
    No flag for an adult (Art. 78 (2) is about minors) or when one is open.
    """
    if not is_minor(student.birth_date, placement.return_date):
        return
    open_flag = session.exec(select(CriterionFlag.id).where(
        CriterionFlag.student_id == student.id, CriterionFlag.criterion == RETURN_CRITERION,
        CriterionFlag.resolved_on.is_(None),
    )).first()
    if open_flag is not None:
        return
    organisation = session.get(SpecialOrganisation, placement.organisation_id)
    flag = CriterionFlag(
        student_id=student.id, school_id=student.school_id, criterion=RETURN_CRITERION,
        noticed_on=placement.return_date, author_id=actor.user_id,
        evidence=translate("placement.return_evidence", actor.language,
                           organisation=organisation.name(actor.language),
                           date=placement.return_date.isoformat()),
    )
    session.add(flag)
    session.flush()
    session.add(audit_entry(actor, AuditAction.CREATE, RecordKind.FLAG, flag.id,
                            detail=f"criterion {RETURN_CRITERION} on return, "
                                   f"placement {placement.id}"))


def _load_for(
    session: Session, actor: Actor, placement_id: int, permission: Permission
) -> tuple[Placement, Student]:
    placement = session.get(Placement, placement_id)
    if placement is None:
        raise NotFound(RecordKind.PLACEMENT, placement_id)
    student = _load_student(session, placement.student_id)
    authorize(session, actor, permission,
              placement_scope(session, student, placement.commission_id, placement.id))
    return placement, student


def _load_student(session: Session, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(RecordKind.STUDENT, student_id)
    return student


def _load_organisation(session: Session, organisation_id: int) -> SpecialOrganisation:
    organisation = session.get(SpecialOrganisation, organisation_id)
    if organisation is None:
        raise NotFound(RecordKind.ORGANISATION, organisation_id)
    return organisation


def _require_status(placement: Placement, status: PlacementStatus) -> None:
    if placement.status == status:
        return
    if status == PlacementStatus.RETURNED:
        raise RuleViolation("placement.not_returned")
    raise RuleViolation("placement.not_active")


def _note(note: str) -> str:
    note = note.strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise RuleViolation("placement.note_too_long", limit=NOTE_MAX_LENGTH)
    return note
