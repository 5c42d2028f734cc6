"""Where a child's records belong, read from the database for the gate."""

from sqlmodel import Session, select

from juvenile.models import Placement, Referral, Student, SupportCase
from juvenile.security.policy import RecordKind, RecordScope


def referred_commissions(session: Session, student_id: int,
                         case_id: int | None = None) -> frozenset[int]:
    """The commissions this student's cases were referred to (Art. 78 (4)); with
    ``case_id``, those that one case was referred to."""
    query = (select(Referral.commission_id)
             .join(SupportCase, SupportCase.id == Referral.case_id)
             .where(SupportCase.student_id == student_id))
    if case_id is not None:
        query = query.where(Referral.case_id == case_id)
    return frozenset(session.exec(query).all())


def placement_commissions(session: Session, student_id: int) -> frozenset[int]:
    """The commissions of the place of residence responsible for this student's
    placements (Art. 80 (10), (11); Art. 81 (11), (12)). A placement opens to
    them the placement and who the child is, nothing more of the school file."""
    return frozenset(session.exec(
        select(Placement.commission_id).where(Placement.student_id == student_id)
    ).all())


def student_scope(
    session: Session,
    student: Student,
    kind: RecordKind = RecordKind.STUDENT,
    record_id: int | None = None,
    sensitive: bool = False,
    case_id: int | None = None,
) -> RecordScope:
    """The scope of ``student`` or of one of their records (flag, case, ...).

    ``case_id`` ties the record to one case (the case itself, a flag of it, its
    referral): only the commissions that case was referred to then read it,
    not those another case of the child went to (Art. 83 (2)).
    """
    return RecordScope(
        kind=kind,
        id=student.id if record_id is None and kind == RecordKind.STUDENT else record_id,
        school_id=student.school_id,
        commission_ids=referred_commissions(session, student.id, case_id),
        placement_commission_ids=placement_commissions(session, student.id),
        sensitive=sensitive,
    )
