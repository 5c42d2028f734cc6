"""Flags: a student meets one or more criteria of Art. 78 (2).

A flag records the criterion, the day it was noticed, the evidence and its
author; it is later resolved with a date and a reason. Criteria 8 and 9 are
sensitive (Art. 3 (2) item 4, Art. 83 (2)): their flags pass the gate as
sensitive records, so only the student's school and the commission the case
was referred to see them.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session

from juvenile import clock
from juvenile.db import transaction
from juvenile.errors import InputRefused
from juvenile.models import CriterionFlag, Student
from juvenile.rules.age import require_minor_for_flag
from juvenile.rules.criteria import (
    SENSITIVE_CRITERIA,
    check_criteria_once,
    check_noticed_on,
    check_resolved_on,
    criterion,
)
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope
from juvenile.security.scopes import student_scope
from juvenile.services.school.students import load_student

EVIDENCE_MAX_LENGTH = 2000
REASON_MAX_LENGTH = 500


@dataclass(frozen=True)
class NewFlag:
    criterion: int
    noticed_on: date
    evidence: str
    evidence_key: str = ""  # evidence the portal writes: a catalog key ...
    evidence_params: str = ""  # ... and its parameters as JSON (reports/evidence.py)


def flag_scope(session: Session, student: Student, flag: CriterionFlag) -> RecordScope:
    """A flag's scope; a sensitive one (criteria 8, 9) reaches a commission only
    through the referral of the flag's own case (Art. 83 (2))."""
    sensitive = flag.criterion in SENSITIVE_CRITERIA
    return student_scope(session, student, kind=RecordKind.FLAG, record_id=flag.id,
                         sensitive=sensitive,
                         case_id=(flag.case_id or 0) if sensitive else None)


def check_text(value: str, required_key: str, limit: int) -> str:
    """A required free-text note (evidence, a reason) within its length limit."""
    value = value.strip()
    if not value:
        raise InputRefused(required_key)
    if len(value) > limit:
        raise InputRefused("flag.error.text_too_long", limit=limit)
    return value


def create_flags(
    session: Session, actor: Actor, student: Student, flags: Sequence[NewFlag],
    today: date | None = None,
) -> list[CriterionFlag]:
    """Add flags inside an open transaction (the absence proposals use it too).

    Each flag is checked and authorized on its own, sensitive ones as sensitive.
    """
    today = today or clock.today()
    if not flags:
        raise RuleViolation("flag.error.none_given")
    check_criteria_once([flag.criterion for flag in flags])
    scope = student_scope(session, student, kind=RecordKind.FLAG)
    created = []
    for new in flags:
        number = criterion(new.criterion).number
        check_noticed_on(new.noticed_on, today)
        require_minor_for_flag(student.birth_date, new.noticed_on)  # Art. 78 (2)
        entry = authorize(session, actor, Permission.CREATE,
                          replace(scope, sensitive=number in SENSITIVE_CRITERIA))
        assert student.id is not None  # a stored row
        flag = CriterionFlag(
            student_id=student.id, school_id=student.school_id, criterion=number,
            noticed_on=new.noticed_on, author_id=actor.user_id,
            evidence="" if new.evidence_key else check_text(
                new.evidence, "flag.error.evidence_required", EVIDENCE_MAX_LENGTH),
            evidence_key=new.evidence_key, evidence_params=new.evidence_params,
        )
        session.add(flag)
        session.flush()
        entry.record_id = flag.id
        created.append(flag)
    return created


def add_flags(
    actor: Actor, student_id: int, flags: Sequence[NewFlag], today: date | None = None
) -> list[CriterionFlag]:
    """Flag a student on one or more criteria at once (Art. 78 (2)); minors only."""
    with transaction() as session:
        student = load_student(session, student_id)
        return create_flags(session, actor, student, flags, today)


def load_flag(session: Session, flag_id: int) -> tuple[CriterionFlag, Student]:
    flag = session.get(CriterionFlag, flag_id)
    if flag is None:
        raise NotFound(RecordKind.FLAG, flag_id)
    return flag, load_student(session, flag.student_id)


def resolve_flag(
    actor: Actor, flag_id: int, resolved_on: date, reason: str, today: date | None = None
) -> CriterionFlag:
    """The criterion no longer applies: record since when and why."""
    with transaction() as session:
        flag, student = load_flag(session, flag_id)
        authorize(session, actor, Permission.UPDATE, flag_scope(session, student, flag))
        if flag.resolved_on is not None:
            raise RuleViolation("flag.error.already_resolved", day=flag.resolved_on)
        check_resolved_on(resolved_on, flag.noticed_on, today or clock.today())
        flag.resolution_reason = check_text(reason, "flag.error.reason_required",
                                            REASON_MAX_LENGTH)
        flag.resolved_on = resolved_on
        session.add(flag)
        return flag
