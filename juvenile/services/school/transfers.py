"""A student's move to another school (Art. 23: the school keeps its students' records).

The transfer is recorded, the student's current school changes, and an open
support case notes the move and carries on at the new school. Cases, flags and
marks stay linked to the student, so the new school sees them through the
student's current school; the old school no longer does. Kept apart from
``students`` so that the register does not need to know about cases.
"""

from datetime import date

from sqlmodel import Session

from juvenile import clock
from juvenile.db import transaction
from juvenile.models import CaseEventKind, SchoolTransfer, Student
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission
from juvenile.security.scopes import student_scope
from juvenile.services.school.cases import open_case_of, record_event
from juvenile.services.school.students import load_school, load_student


def record_transfer_on_open_cases(
    session: Session, actor: Actor, student: Student, transfer: SchoolTransfer
) -> None:
    """Note a move on the student's open case: it carries on at the new school."""
    case = open_case_of(session, student.id)
    if case is not None:
        record_event(session, case, CaseEventKind.STUDENT_TRANSFERRED, actor,
                     f"school {transfer.from_school_id} -> {transfer.to_school_id}")


def move_to_school(
    session: Session, actor: Actor, student: Student, to_school_id: int, on: date
) -> SchoolTransfer:
    """Move a student inside an open transaction (the import uses it too).

    Cases, flags and marks stay linked to the student, so the new school sees
    them through the student's current school; the old school no longer does.
    """
    transfer = SchoolTransfer(student_id=student.id, from_school_id=student.school_id,
                              to_school_id=to_school_id, transferred_on=on,
                              recorded_by=actor.user_id)
    student.school_id = to_school_id
    session.add_all([transfer, student])
    session.flush()
    record_transfer_on_open_cases(session, actor, student, transfer)
    return transfer


def transfer_student(
    actor: Actor, student_id: int, to_school_id: int, on: date | None = None
) -> SchoolTransfer:
    """Move a student to another school; only the current school's staff may do it."""
    with transaction() as session:
        student = load_student(session, student_id)
        load_school(session, to_school_id)
        entry = authorize(session, actor, Permission.UPDATE, student_scope(session, student))
        if to_school_id == student.school_id:
            raise RuleViolation("students.error.same_school")
        transfer = move_to_school(session, actor, student, to_school_id, on or clock.today())
        entry.detail = f"transferred to school {to_school_id}"
        return transfer
