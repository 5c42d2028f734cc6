"""Where a child's records belong, read from the database for the gate."""

from sqlmodel import Session, select

from juvenile.models import Referral, Student, SupportCase
from juvenile.security.policy import RecordKind, RecordScope


def commissions_of_student(session: Session, student_id: int) -> frozenset[int]:
    """The commissions dealing with this student: those their cases were referred
    to (Art. 78 (4)). Placements add the commission of the place of residence."""
    referred = session.exec(
        select(Referral.commission_id)
        .join(SupportCase, SupportCase.id == Referral.case_id)
        .where(SupportCase.student_id == student_id)
    ).all()
    return frozenset(referred)


def student_scope(
    session: Session,
    student: Student,
    kind: RecordKind = RecordKind.STUDENT,
    record_id: int | None = None,
    sensitive: bool = False,
) -> RecordScope:
    """The scope of ``student`` or of one of their records (flag, case, ...)."""
    return RecordScope(
        kind=kind,
        id=student.id if record_id is None and kind == RecordKind.STUDENT else record_id,
        school_id=student.school_id,
        commission_ids=commissions_of_student(session, student.id),
        sensitive=sensitive,
    )
