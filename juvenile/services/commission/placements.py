"""Placements in special organisations (Art. 80, Art. 81): the decision, its
changes (extension, early termination, transfer to a special regime) and the
organisation's notice. The return and the rehabilitation plan are in
``placement_return``; loading and scoping a placement in ``placement_records``.

Every legal limit comes from rules.placements; this module records the
decisions and keeps their history. The responsible commission is the one of
the district of the student's school (the minor's place of residence): it is
notified before the term ends and reviews the rehabilitation plan after the
return.
"""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from juvenile import clock
from juvenile.db import transaction
from juvenile.errors import InputRefused, Refusal
from juvenile.models import (
    AuditAction,
    Commission,
    Placement,
    PlacementChange,
    PlacementChangeKind,
    PlacementStatus,
    SpecialOrganisation,
    Student,
)
from juvenile.rules import placements as rules
from juvenile.rules.errors import RuleViolation
from juvenile.rules.placements import DecidingBody, PlacementKind
from juvenile.security.actor import Actor
from juvenile.security.gate import audit_entry, authorize
from juvenile.security.policy import Permission, RecordKind
from juvenile.services.commission.placement_records import (
    current_placement,
    load_organisation,
    load_placement,
    load_student,
    placement_scope,
    require_status,
    responsible_commission,
)

NOTE_MAX_LENGTH = 1000


@dataclass(frozen=True)
class PlacementTerms:
    """What a placement decision sets (Art. 80 (2), (3); Art. 81 (3), (5)), and the
    number of that decision: a placement is registered from the document only."""

    kind: PlacementKind
    organisation_id: int
    deciding_body: DecidingBody
    decision_date: date
    start_date: date
    term_months: int
    decision_number: str = ""  # required (rules.check_decision_number)
    prosecutor_participated: bool = False  # required of a court (Art. 80 (7), Art. 81 (8))
    # The guardianship body's application, for special education (Art. 80 (2)).
    guardianship_applicant: str = ""
    guardianship_applied_on: date | None = None


def register_placement(actor: Actor, student_id: int, terms: PlacementTerms) -> Placement:
    """Record a court's (or internal affairs body's) decision to place the minor,
    with its number and date (Art. 80 (2), Art. 81 (3)).

    The responsible commission then reads the placement and who the child is,
    nothing more of the school file (security.policy.PLACEMENT_OPENS): registering
    never opens the flags, attendance or cases to the one who registers.
    """
    with transaction() as session:
        student = load_student(session, student_id)
        commission = responsible_commission(session, student)
        entry = authorize(session, actor, Permission.CREATE,
                          placement_scope(session, student, commission.id))
        placement = open_placement(session, actor, student, commission, terms)
        if entry is not None:
            entry.record_id = placement.id
        return placement


def record_notice(actor: Actor, placement_id: int, received_on: date,
                  internal_affairs: bool = False) -> Placement:
    """The organisation's notice before the term ends arrived at the commission
    (Art. 80 (10) item 4, Art. 81 (11) item 4), or, with ``internal_affairs``, at the
    internal affairs body, which a special-regime organisation notifies too
    (Art. 81 (11) item 4)."""
    with transaction() as session:
        placement, _ = load_placement(session, actor, placement_id, Permission.UPDATE)
        if placement.status == PlacementStatus.TRANSFERRED:
            raise RuleViolation("placement.not_active")
        rules.check_notice_date(received_on, placement.decision_date)
        rules.check_not_in_future(received_on, clock.today())
        if internal_affairs:
            rules.check_internal_affairs_notice(placement.kind)
            placement.internal_affairs_notice_on = received_on
        else:
            placement.notice_received_on = received_on
        session.add(placement)
        return placement


def extend_placement(
    actor: Actor, placement_id: int, ground: str, new_end: date, decided_on: date, note: str = "",
    decision_number: str = "",
) -> PlacementChange:
    """The court extends the term on a lawful ground (Art. 80 (5), Art. 81 (7)); its
    decision's number and ground are recorded. The law sets no total limit, so the
    new end is only later than the current one. A new notice is due before it."""
    note = _note(note)
    with transaction() as session:
        placement, _ = load_placement(session, actor, placement_id, Permission.UPDATE)
        require_status(placement, PlacementStatus.ACTIVE)
        rules.validate_extension(placement.kind, placement.planned_end, new_end, ground)
        number = rules.check_court_decision(decision_number)
        rules.check_not_in_future(decided_on, clock.today())
        change = PlacementChange(
            placement_id=placement.id, kind=PlacementChangeKind.EXTENSION, decided_on=decided_on,
            ground=ground, decision_number=number, previous_end=placement.planned_end,
            new_end=new_end,
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
    actor: Actor, placement_id: int, terminated_on: date, note: str = "", *,
    submitted_by: str = "", decision_number: str = "",
) -> PlacementChange:
    """The court ends the stay before the term (Art. 80 (4), Art. 81 (6)) on the
    submission of whom the kind's article names; its decision's number is recorded.
    The return is recorded when the minor arrives home."""
    note = _note(note)
    with transaction() as session:
        placement, _ = load_placement(session, actor, placement_id, Permission.UPDATE)
        require_status(placement, PlacementStatus.ACTIVE)
        rules.check_early_termination(placement.start_date, terminated_on,
                                      placement.planned_end)
        rules.check_not_in_future(terminated_on, clock.today())
        rules.check_termination_submitter(placement.kind, submitted_by)
        number = rules.check_court_decision(decision_number)
        change = PlacementChange(
            placement_id=placement.id, kind=PlacementChangeKind.EARLY_TERMINATION,
            decided_on=terminated_on, previous_end=placement.planned_end, new_end=terminated_on,
            decision_number=number, submitted_by=submitted_by, note=note,
            recorded_by=actor.user_id,
        )
        placement.status = PlacementStatus.TERMINATED
        placement.ended_on = terminated_on
        session.add_all([placement, change])
        session.flush()
        return change


def transfer_placement(
    actor: Actor, placement_id: int, organisation_id: int, decision_date: date,
    start_date: date, term_months: int, note: str = "", decision_number: str = "", *,
    ground: str = "", prosecutor_participated: bool = False,
) -> Placement:
    """Move a minor from a special education organisation to a special-regime one
    on the ground of Art. 80 (6) (an act with the features of a crime before the age
    of criminal responsibility): the first placement closes as transferred, a new one
    opens, decided by a court (Art. 81 (3)) with the prosecutor (Art. 81 (8)) and
    checked like any placement; the change keeps the ground and the decision."""
    note = _note(note)
    with transaction() as session:
        placement, student = load_placement(session, actor, placement_id, Permission.UPDATE)
        require_status(placement, PlacementStatus.ACTIVE)
        target = load_organisation(session, organisation_id)
        rules.validate_transfer(placement.kind, target.kind, ground)
        rules.check_transfer_start(start_date, placement.start_date)
        placement.status = PlacementStatus.TRANSFERRED
        placement.ended_on = start_date
        session.add(placement)
        session.flush()
        commission = responsible_commission(session, student)
        terms = PlacementTerms(kind=target.kind, organisation_id=target.id,
                               deciding_body=DecidingBody.COURT, decision_date=decision_date,
                               start_date=start_date, term_months=term_months,
                               decision_number=decision_number,
                               prosecutor_participated=prosecutor_participated)
        opened = open_placement(session, actor, student, commission, terms,
                                transferred_from_id=placement.id)
        session.add(PlacementChange(
            placement_id=placement.id, kind=PlacementChangeKind.TRANSFER,
            decided_on=decision_date, ground=ground, decision_number=opened.decision_number,
            previous_end=placement.planned_end, new_end=start_date,
            new_placement_id=opened.id, note=note, recorded_by=actor.user_id,
        ))
        session.add(audit_entry(actor, AuditAction.CREATE, RecordKind.PLACEMENT, opened.id,
                                detail=f"transfer from placement {placement.id}"))
        session.flush()
        return opened


def placement_history(actor: Actor, placement_id: int) -> tuple[Placement, list[PlacementChange]]:
    """The placement with its changes, oldest first."""
    with transaction() as session:
        placement, _ = load_placement(session, actor, placement_id, Permission.VIEW)
        changes = session.exec(select(PlacementChange)
                               .where(PlacementChange.placement_id == placement.id)
                               .order_by(col(PlacementChange.id))).all()
        return placement, list(changes)


def placement_violations(
    student: Student, organisation: SpecialOrganisation, terms: PlacementTerms
) -> list[tuple[str, Refusal]]:
    """Every rule the decision breaks, with the field it concerns (for imports)."""
    found: list[tuple[str, Refusal]] = []
    today = clock.today()
    checks = (
        ("decision_number", lambda: rules.check_decision_number(terms.decision_number)),
        ("organisation_code", lambda: rules.check_organisation_kind(
            terms.kind, organisation.kind.value, organisation.code)),
        ("term_months", lambda: rules.validate_term(terms.kind, terms.term_months)),
        ("decision_date",
         lambda: rules.validate_age_at_decision(student.birth_date, terms.decision_date)),
        ("deciding_body", lambda: rules.validate_deciding_body(terms.kind, terms.deciding_body)),
        ("decision_date", lambda: rules.check_not_in_future(terms.decision_date, today)),
        ("start_date", lambda: rules.check_start_after_decision(terms.decision_date,
                                                                terms.start_date)),
        ("start_date",
         lambda: rules.check_start_before_adulthood(student.birth_date, terms.start_date)),
        ("prosecutor_participated",
         lambda: rules.check_prosecutor(terms.deciding_body, terms.prosecutor_participated)),
        ("guardianship_applicant", lambda: rules.check_guardianship_application(
            terms.kind, terms.guardianship_applicant, terms.guardianship_applied_on,
            terms.decision_date)),
    )
    for column, check in checks:
        try:
            check()
        except Refusal as violation:
            found.append((column, violation))
    return found


def open_placement(
    session: Session, actor: Actor, student: Student, commission: Commission,
    terms: PlacementTerms, transferred_from_id: int | None = None,
) -> Placement:
    """Check and save a new placement; refuses a minor already placed."""
    organisation = load_organisation(session, terms.organisation_id)
    violations = placement_violations(student, organisation, terms)
    if violations:
        raise violations[0][1]
    if current_placement(session, student.id) is not None:
        raise RuleViolation("placement.already_placed", name=student.full_name)
    end = rules.planned_end(terms.start_date, terms.term_months)
    placement = Placement(
        student_id=student.id, kind=terms.kind, organisation_id=organisation.id,
        commission_id=commission.id, deciding_body=terms.deciding_body,
        decision_number=terms.decision_number.strip(), decision_date=terms.decision_date,
        prosecutor_participated=terms.prosecutor_participated,
        guardianship_applicant=(terms.guardianship_applicant.strip()
                                if terms.kind is PlacementKind.SPECIAL_EDUCATION else ""),
        guardianship_applied_on=(terms.guardianship_applied_on
                                 if terms.kind is PlacementKind.SPECIAL_EDUCATION else None),
        start_date=terms.start_date, term_months=terms.term_months, planned_end=end,
        notice_due=rules.notice_due(end),
        transferred_from_id=transferred_from_id, recorded_by=actor.user_id,
    )
    session.add(placement)
    session.flush()
    return placement


def _note(note: str) -> str:
    note = note.strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise InputRefused("placement.note_too_long", limit=NOTE_MAX_LENGTH)
    return note

