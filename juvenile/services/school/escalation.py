"""Automatic escalation (Art. 78 (4)): a refusal refers the case to the district commission.

Called by the council service inside the transaction that records the refusal,
so the case's new state and the referral are saved together or not at all.
"""

import json

from sqlmodel import Session, col, select

from juvenile.models import (
    AuditAction,
    CouncilMeeting,
    CouncilReview,
    CriterionFlag,
    LegalRepresentative,
    Referral,
    School,
    Student,
    SupportCase,
)
from juvenile.rules.criteria import SENSITIVE_CRITERIA, criterion
from juvenile.rules.criteria import name as criterion_name
from juvenile.security.actor import Actor
from juvenile.security.gate import audit_entry
from juvenile.security.policy import RecordKind
from juvenile.services.administration.organisation_tree import district_commission


def case_packet(
    session: Session, case: SupportCase, meeting: CouncilMeeting, review: CouncilReview
) -> dict:
    """What the commission receives: the student, the representatives, the criteria
    with their evidence (sensitive ones too: the commission now deals with the
    child), and the council's decision with who took part."""
    student = session.get(Student, case.student_id)
    school = session.get(School, student.school_id)
    representatives = session.exec(
        select(LegalRepresentative).where(LegalRepresentative.student_id == student.id)
        .order_by(col(LegalRepresentative.id))
    ).all()
    flags = session.exec(
        select(CriterionFlag).where(CriterionFlag.case_id == case.id)
        .order_by(col(CriterionFlag.criterion), col(CriterionFlag.id))
    ).all()
    return {
        "case": {"id": case.id, "opened_on": case.opened_on.isoformat()},
        "student": {
            "iin": student.iin,
            "last_name": student.last_name,
            "first_name": student.first_name,
            "middle_name": student.middle_name,
            "full_name": student.full_name,
            "birth_date": student.birth_date.isoformat(),
            "sex": str(student.sex),
            "school": {"code": school.code, "name_kk": school.name_kk,
                       "name_ru": school.name_ru},
            "grade": student.grade,
            "class_letter": student.class_letter,
            "language_of_instruction": student.language_of_instruction,
        },
        "representatives": [
            {"full_name": r.full_name, "relation": r.relation, "phone": r.phone,
             "iin": r.iin or ""}
            for r in representatives
        ],
        "criteria": [
            {
                "criterion": flag.criterion,
                "article": criterion(flag.criterion).article,
                "name_kk": criterion_name(flag.criterion, "kk"),
                "name_ru": criterion_name(flag.criterion, "ru"),
                "sensitive": flag.criterion in SENSITIVE_CRITERIA,
                "noticed_on": flag.noticed_on.isoformat(),
                "evidence": flag.evidence,
                "evidence_key": flag.evidence_key,
                "evidence_params": flag.evidence_params,
            }
            for flag in flags
        ],
        "council": {
            "meeting_number": meeting.number,
            "meeting_on": meeting.meeting_on.isoformat(),
            "members_present": meeting.members,
            "minor_present": review.minor_present,
            "minor_absence_reason": review.minor_absence_reason,
            "representatives_present": review.representatives_present,
            "representatives_absence_reason": review.representatives_absence_reason,
            # their documented refusal to attend and its invitation (Art. 78 (3))
            "representatives_refused_to_attend": review.representatives_refused_to_attend,
            "representatives_invited_on": (review.representatives_invited_on.isoformat()
                                           if review.representatives_invited_on else None),
            "decision": str(review.decision),
        },
    }


def refer_to_commission(
    session: Session, actor: Actor, case: SupportCase, meeting: CouncilMeeting,
    review: CouncilReview,
) -> Referral:
    """Write the referral with its frozen packet, and audit it as the actor's act."""
    school = session.get(School, meeting.school_id)
    commission = district_commission(session, school)
    packet = case_packet(session, case, meeting, review)
    referral = Referral(case_id=case.id, commission_id=commission.id,
                        packet=json.dumps(packet, ensure_ascii=False))
    session.add(referral)
    session.flush()
    session.add(audit_entry(actor, AuditAction.CREATE, RecordKind.REFERRAL, referral.id,
                            detail=f"Art. 78 (4): case {case.id} to commission {commission.id}"))
    return referral
