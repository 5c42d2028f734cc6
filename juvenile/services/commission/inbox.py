"""The commission's inbox of referrals from schools (Art. 78 (4)).

The list shows whose case it is, so reading it is audited like reading a
child's record; opening a referral reads the case packet frozen at referral.
"""

import json
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, func, select

from juvenile.db import transaction
from juvenile.errors import InputRefused
from juvenile.models import (
    CriterionFlag,
    Referral,
    ReferralStatus,
    School,
    Student,
    SupportCase,
)
from juvenile.rules.criteria import SENSITIVE_CRITERIA
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind
from juvenile.security.scopes import student_scope
from juvenile.services.commission.records import commission_scope, load_commission
from juvenile.services.common import Paged

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class ReferralSummary:
    id: int
    status: ReferralStatus
    referred_at: datetime
    student_id: int
    student_name: str
    school_code: str
    school_name_kk: str
    school_name_ru: str

    def school_name(self, language: str) -> str:
        return self.school_name_kk if language == "kk" else self.school_name_ru


@dataclass(frozen=True)
class ReferralPage(Paged):
    items: list[ReferralSummary]
    total: int
    page: int
    page_size: int


@dataclass(frozen=True)
class ReferralPacket:
    referral: Referral
    student: Student
    packet: dict


def list_referrals(
    actor: Actor,
    commission_id: int | None = None,
    status: ReferralStatus | str | None = None,
    page: int = 1,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> ReferralPage:
    """One page of the commission's referrals (default: the actor's), newest first."""
    commission_id = commission_id if commission_id is not None else actor.commission_id
    if commission_id is None:
        raise InputRefused("inbox.commission_required")
    page, page_size = max(1, page), min(max(1, page_size), MAX_PAGE_SIZE)
    with transaction() as session:
        load_commission(session, commission_id)
        authorize(session, actor, Permission.VIEW,
                  commission_scope(RecordKind.REFERRAL, commission_id))
        conditions = [Referral.commission_id == commission_id]
        if status is not None:
            conditions.append(Referral.status == ReferralStatus(status))
        total = session.exec(select(func.count()).select_from(Referral).where(*conditions)).one()
        rows = session.exec(
            select(Referral, Student, School)
            .join(SupportCase, col(SupportCase.id) == Referral.case_id)
            .join(Student, col(Student.id) == SupportCase.student_id)
            .join(School, col(School.id) == Student.school_id)
            .where(*conditions)
            .order_by(col(Referral.referred_at).desc(), col(Referral.id).desc())
            .offset((page - 1) * page_size)
            .limit(page_size)
        ).all()
        items = [
            ReferralSummary(id=referral.id, status=referral.status,
                            referred_at=referral.referred_at, student_id=student.id,
                            student_name=student.full_name, school_code=school.code,
                            school_name_kk=school.name_kk, school_name_ru=school.name_ru)
            for referral, student, school in rows
        ]
        return ReferralPage(items=items, total=total, page=page, page_size=page_size)


def open_referral(actor: Actor, referral_id: int) -> ReferralPacket:
    """The case packet of one referral; the reading is audited."""
    with transaction() as session:
        referral = session.get(Referral, referral_id)
        if referral is None:
            raise NotFound(RecordKind.REFERRAL, referral_id)
        case = session.get(SupportCase, referral.case_id)
        assert case is not None  # the referral's case
        student = session.get(Student, case.student_id)
        assert student is not None  # the case's student
        sensitive = session.exec(
            select(CriterionFlag.id).where(CriterionFlag.case_id == case.id,
                                           col(CriterionFlag.criterion).in_(SENSITIVE_CRITERIA))
        ).first() is not None
        authorize(session, actor, Permission.VIEW,
                  student_scope(session, student, kind=RecordKind.REFERRAL,
                                record_id=referral.id, sensitive=sensitive,
                                case_id=case.id))
        return ReferralPacket(referral=referral, student=student,
                              packet=json.loads(referral.packet or "{}"))


def referral_counts(actor: Actor, commission_id: int | None = None) -> dict[ReferralStatus, int]:
    """How many of the commission's referrals are in each status (the inbox's tabs)."""
    commission_id = commission_id if commission_id is not None else actor.commission_id
    if commission_id is None:
        raise InputRefused("inbox.commission_required")
    with transaction() as session:
        load_commission(session, commission_id)
        authorize(session, actor, Permission.VIEW,
                  commission_scope(RecordKind.REFERRAL, commission_id))
        rows = session.exec(select(Referral.status, func.count())
                            .where(Referral.commission_id == commission_id)
                            .group_by(Referral.status)).all()
    found = dict(rows)
    return {status: found.get(status, 0) for status in ReferralStatus}
