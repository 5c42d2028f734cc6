"""The internal affairs body's submission to the court (Art. 81 (3)), tracked by the
district commission: the decision ending (or refusing to start) the minor's
criminal case, an extension of the 30 days, and the day of the submission.

The gate judges these records as placement records: the commission responsible
is the one of the district of the minor's school, which the minor's placement
will report to (Art. 81 (11)); registering opens nothing of the school file.
"""

from datetime import date

from sqlmodel import Session, select

from juvenile import clock
from juvenile.db import transaction
from juvenile.models import InternalAffairsSubmission, Student
from juvenile.rules import submission as rules
from juvenile.rules.errors import RuleViolation
from juvenile.rules.iin import parse_iin
from juvenile.security.actor import Actor
from juvenile.security.gate import AccessDenied, NotFound, authorize
from juvenile.security.policy import Permission, RecordKind
from juvenile.services.commission.placement_records import (
    load_student,
    placement_scope,
    responsible_commission,
)

AUDIT_DETAIL = "internal affairs submission, Art. 81 (3)"


def register_case_decision(actor: Actor, iin: str, decision_number: str,
                           decided_on: date) -> InternalAffairsSubmission:
    """Record the decision ending the criminal case of the minor with this IIN: the
    submission is due 30 days after it (Art. 81 (3)).

    An unknown IIN and a minor of another commission's district read the same
    (``placement.register.unknown_iin``); the refusal is in the audit log.
    """
    iin = parse_iin(iin, clock.today()).iin
    number = rules.check_case_decision_number(decision_number)
    rules.check_not_in_future(decided_on, clock.today())
    with transaction() as session:
        student_id = session.exec(select(Student.id).where(Student.iin == iin)).first()
        if student_id is None:
            raise RuleViolation("placement.register.unknown_iin")
        student = load_student(session, student_id)
        commission_id = responsible_commission(session, student).id
        assert commission_id is not None  # a stored row
        try:
            entry = authorize(session, actor, Permission.CREATE,
                              placement_scope(session, student, commission_id))
        except AccessDenied:  # its audit entry is written all the same (db.transaction)
            raise RuleViolation("placement.register.unknown_iin") from None
        record = InternalAffairsSubmission(
            student_id=student_id, commission_id=commission_id, case_decision_number=number,
            case_decision_date=decided_on, due_on=rules.submission_due(decided_on),
            recorded_by=actor.user_id)
        session.add(record)
        session.flush()
        entry.record_id, entry.detail = record.id, f"{entry.detail}: {AUDIT_DETAIL}"
        return record


def extend_submission(actor: Actor, submission_id: int, new_due: date, extended_by: str,
                      decided_on: date) -> InternalAffairsSubmission:
    """In exceptional cases a decision of internal affairs or the prosecutor extends
    the term by up to 30 days (Art. 81 (3))."""
    with transaction() as session:
        record = load_submission(session, actor, submission_id, Permission.UPDATE)
        rules.check_open(record.submitted_on)
        rules.check_extension(record.case_decision_date, new_due, extended_by)
        rules.check_not_before_case_decision(decided_on, record.case_decision_date)
        rules.check_not_in_future(decided_on, clock.today())
        record.due_on, record.extended_by = new_due, extended_by
        record.extension_decided_on = decided_on
        session.add(record)
        return record


def record_submission(actor: Actor, submission_id: int,
                      submitted_on: date) -> InternalAffairsSubmission:
    """The commission secretary records the day internal affairs sent the submission
    to the court; the deadline is then met (a late one stays recorded as late)."""
    with transaction() as session:
        record = load_submission(session, actor, submission_id, Permission.UPDATE)
        rules.check_open(record.submitted_on)
        rules.check_not_before_case_decision(submitted_on, record.case_decision_date)
        rules.check_not_in_future(submitted_on, clock.today())
        record.submitted_on = submitted_on
        session.add(record)
        return record


def load_submission(session: Session, actor: Actor, submission_id: int,
                    permission: Permission) -> InternalAffairsSubmission:
    record = session.get(InternalAffairsSubmission, submission_id)
    if record is None:
        raise NotFound(RecordKind.PLACEMENT, submission_id)
    student = load_student(session, record.student_id)
    entry = authorize(session, actor, permission,
                      placement_scope(session, student, record.commission_id, record.id))
    if entry is not None:
        entry.detail = f"{entry.detail}: {AUDIT_DETAIL}"
    return record
