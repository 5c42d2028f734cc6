"""The absence proposals of one month for the school's psychologist to review
(criterion 4, Art. 78 (2) item 4): who, how many unexcused days, and what has
become of each proposal. The scan, the confirmation and the dismissal are in
services.absence_scan.
"""

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from juvenile.db import collated, transaction
from juvenile.models import AbsenceProposal, ProposalStatus, Student
from juvenile.rules.attendance import parse_month
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission, RecordKind
from juvenile.services.school.students import school_scope


@dataclass(frozen=True)
class ProposalLine:
    proposal_id: int
    student_id: int
    student_name: str
    iin: str
    class_name: str
    unexcused_days: int
    status: ProposalStatus
    decided_on: date | None
    dismissal_reason: str


def month_proposals(actor: Actor, month: str) -> list[ProposalLine]:
    """The actor's school's proposals for ``month`` (YYYY-MM), undecided first."""
    first, _ = parse_month(month)
    month = first.strftime("%Y-%m")
    with transaction() as session:
        authorize(session, actor, Permission.VIEW,
                  school_scope(RecordKind.FLAG, actor.school_id)).detail = f"proposals {month}"
        rows = session.exec(
            select(AbsenceProposal, Student)
            .join(Student, col(Student.id) == AbsenceProposal.student_id)
            .where(Student.school_id == actor.school_id, AbsenceProposal.month == month)
            .order_by(collated(Student.last_name, actor.language),
                      collated(Student.first_name, actor.language), col(AbsenceProposal.id))
        ).all()
    order = list(ProposalStatus)
    lines = [ProposalLine(p.id, s.id, s.full_name, s.iin, f"{s.grade}{s.class_letter}",
                          p.unexcused_days, ProposalStatus(p.status), p.decided_on,
                          p.dismissal_reason) for p, s in rows]
    return sorted(lines, key=lambda line: order.index(line.status))
