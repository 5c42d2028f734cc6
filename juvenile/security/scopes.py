"""Where a child's records belong, read from the database for the gate."""

from sqlmodel import Session, select

from juvenile.models import Placement, Referral, Student, SupportCase
from juvenile.security.policy import RecordKind, RecordScope


def commissions_of_student(session: Session, student_id: int) -> frozenset[int]:
    """The commissions dealing with this student: those their cases were referred
    to (Art. 78 (4)), and the commission of the place of residence responsible for
    their placements (Art. 80 (10), (11); Art. 81 (11), (12))."""
    referred = session.exec(
        select(Referral.commission_id)
        .join(SupportCase, SupportCase.id == Referral.case_id)
        .where(SupportCase.student_id == student_id)
    ).all()
    placed = session.exec(
        select(Placement.commission_id).where(Placement.student_id == student_id)
    ).all()
    return frozenset(referred) | frozenset(placed)


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
