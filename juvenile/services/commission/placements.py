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


def record_notice(actor: Actor, placement_id: int, received_on: date) -> Placement:
    """The organisation's notice before the term ends arrived (Art. 80 (10) item 4,
    Art. 81 (11) item 4)."""
    with transaction() as session:
        placement, _ = load_placement(session, actor, placement_id, Permission.UPDATE)
        if placement.status == PlacementStatus.TRANSFERRED:
            raise RuleViolation("placement.not_active")
        rules.check_notice_date(received_on, placement.decision_date)
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
        placement, _ = load_placement(session, actor, placement_id, Permission.UPDATE)
        require_status(placement, PlacementStatus.ACTIVE)
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
        placement, _ = load_placement(session, actor, placement_id, Permission.UPDATE)
        require_status(placement, PlacementStatus.ACTIVE)
        rules.check_early_termination(placement.start_date, terminated_on,
                                      placement.planned_end)
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
    start_date: date, term_months: int, note: str = "", decision_number: str = "",
) -> Placement:
    """Move a minor from a special education organisation to a special-regime one
    (Art. 80 (6)): the first placement closes as transferred, a new one opens,
    decided by a court (Art. 81 (3)) and checked like any placement."""
    note = _note(note)
    with transaction() as session:
        placement, student = load_placement(session, actor, placement_id, Permission.UPDATE)
        require_status(placement, PlacementStatus.ACTIVE)
        target = load_organisation(session, organisation_id)
        rules.validate_transfer(placement.kind, target.kind)
        rules.check_transfer_start(start_date, placement.start_date)
        placement.status = PlacementStatus.TRANSFERRED
        placement.ended_on = start_date
        session.add(placement)
        session.flush()
        commission = responsible_commission(session, student)
        terms = PlacementTerms(kind=target.kind, organisation_id=target.id,
                               deciding_body=DecidingBody.COURT, decision_date=decision_date,
                               start_date=start_date, term_months=term_months,
                               decision_number=decision_number)
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
    checks = (
        ("decision_number", lambda: rules.check_decision_number(terms.decision_number)),
        ("organisation_code", lambda: rules.check_organisation_kind(
            terms.kind, organisation.kind.value, organisation.code)),
        ("term_months", lambda: rules.validate_term(terms.kind, terms.term_months)),
        ("decision_date",
         lambda: rules.validate_age_at_decision(student.birth_date, terms.decision_date)),
        ("deciding_body", lambda: rules.validate_deciding_body(terms.kind, terms.deciding_body)),
        ("start_date", lambda: rules.check_start_after_decision(terms.decision_date,
                                                                terms.start_date)),
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

