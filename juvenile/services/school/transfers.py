"""A student's move to another school (Art. 23: the school keeps its students' records).

The transfer is recorded, the student's current school changes, and an open
support case notes the move and carries on at the new school. Cases, flags and
marks stay linked to the student, so the new school sees them through the
student's current school; the old school no longer does. Kept apart from
``students`` so that the register does not need to know about cases.
"""

from datetime import date

from sqlmodel import Session

from juvenile.models import CaseEventKind, SchoolTransfer, Student
from juvenile.security.actor import Actor
from juvenile.services.school.cases import open_case_of, record_event


def record_transfer_on_open_cases(
    session: Session, actor: Actor, student: Student, transfer: SchoolTransfer
) -> None:
    """Note a move on the student's open case: it carries on at the new school."""
    assert student.id is not None  # a stored row
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
    assert student.id is not None  # a stored row
    transfer = SchoolTransfer(student_id=student.id, from_school_id=student.school_id,
                              to_school_id=to_school_id, transferred_on=on,
                              recorded_by=actor.user_id)
    student.school_id = to_school_id
    session.add_all([transfer, student])
    session.flush()
    record_transfer_on_open_cases(session, actor, student, transfer)
    return transfer

