"""Support cases (Art. 78 (3)): opened from a student's flags, closed with an outcome.

Every move of a case goes through ``rules.cases``; each is written to the
case's timeline (``CaseEvent``) in the same transaction.
"""

from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, select

from juvenile import clock
from juvenile.db import lock, transaction
from juvenile.errors import InputRefused
from juvenile.models import (
    CaseEvent,
    CaseEventKind,
    CriterionFlag,
    Student,
    SupportCase,
)
from juvenile.rules.age import require_minor_for_flag
from juvenile.rules.cases import (
    CaseState,
    CloseOutcome,
    check_closed_on,
    check_closing,
    check_no_open_case,
)
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope
from juvenile.security.scopes import student_scope
from juvenile.services.school.flags import REASON_MAX_LENGTH
from juvenile.services.school.students import load_student


def record_event(
    session: Session, case: SupportCase, kind: CaseEventKind, actor: Actor, detail: str = ""
) -> CaseEvent:
    assert case.id is not None  # a stored row
    event = CaseEvent(case_id=case.id, kind=kind, actor_id=actor.user_id, detail=detail[:500])
    session.add(event)
    return event


def load_case(
    session: Session, case_id: int, *, locked: bool = False
) -> tuple[SupportCase, Student]:
    """The case and its student; ``locked``: the case row is locked until the unit of
    work ends and read afresh (an action that checks the case's state, then moves it)."""
    case = lock(session, SupportCase, case_id) if locked else session.get(SupportCase, case_id)
    if case is None:
        raise NotFound(RecordKind.CASE, case_id)
    return case, load_student(session, case.student_id)


def case_scope(session: Session, case: SupportCase, student: Student) -> RecordScope:
    """A commission reads a case once that case was referred to it (Art. 78 (4))."""
    return student_scope(session, student, kind=RecordKind.CASE, record_id=case.id,
                         case_id=case.id)


def open_case_of(session: Session, student_id: int) -> SupportCase | None:
    return session.exec(
        select(SupportCase).where(SupportCase.student_id == student_id,
                                  SupportCase.state != CaseState.CLOSED)
    ).first()


def _free_flags(session: Session, student: Student, flag_ids: Sequence[int]) -> list:
    """The flags to link: the student's own, unresolved, not in another case."""
    if not flag_ids:
        raise RuleViolation("case.error.no_flags")
    flags = []
    for flag_id in dict.fromkeys(flag_ids):
        flag = session.get(CriterionFlag, flag_id)
        if flag is None or flag.student_id != student.id:
            raise NotFound(RecordKind.FLAG, flag_id)
        if flag.resolved_on is not None:
            raise RuleViolation("case.error.flag_resolved", flag=flag_id)
        if flag.case_id is not None:
            raise RuleViolation("case.error.flag_in_case", flag=flag_id, case=flag.case_id)
        flags.append(flag)
    return flags


def _link(session: Session, case: SupportCase, flags: list[CriterionFlag]) -> str:
    for flag in flags:
        flag.case_id = case.id
        session.add(flag)
    return "criteria " + ",".join(str(flag.criterion) for flag in flags)


def open_case(
    actor: Actor, student_id: int, flag_ids: Sequence[int], on: date | None = None
) -> SupportCase:
    """Open a support case from a student's flags; it waits for the council (Art. 78 (3)).

    A student has at most one open case: later flags join it (``add_flags_to_case``).
    """
    on = on or clock.today()
    with transaction() as session:
        # The student's row is locked: two cases opened at once for one student
        # are one after the other, and the second finds the first open.
        student = load_student(session, student_id, locked=True)
        entry = authorize(session, actor, Permission.CREATE,
                          student_scope(session, student, kind=RecordKind.CASE))
        require_minor_for_flag(student.birth_date, on)  # support is for minors only
        assert student.id is not None  # a stored row
        existing = open_case_of(session, student.id)
        check_no_open_case(existing.id if existing is not None else None)
        flags = _free_flags(session, student, flag_ids)
        case = SupportCase(student_id=student.id, school_id=student.school_id,
                           state=CaseState.FLAGGED, opened_on=on, opened_by=actor.user_id)
        session.add(case)
        session.flush()
        entry.record_id = case.id
        record_event(session, case, CaseEventKind.OPENED, actor, _link(session, case, flags))
        return case


def add_flags_to_case(actor: Actor, case_id: int, flag_ids: Sequence[int]) -> SupportCase:
    """Join more of the student's flags to their open case."""
    with transaction() as session:
        case, student = load_case(session, case_id, locked=True)
        authorize(session, actor, Permission.UPDATE, case_scope(session, case, student))
        if case.state == CaseState.CLOSED:
            raise RuleViolation("case.error.closed")
        flags = _free_flags(session, student, flag_ids)
        record_event(session, case, CaseEventKind.FLAGS_ADDED, actor,
                     _link(session, case, flags))
        return case


def close(
    session: Session, actor: Actor, case: SupportCase, outcome: CloseOutcome, on: date,
    note: str = "",
) -> None:
    """Close a case inside an open transaction (housekeeping and the council use it)."""
    check_closing(case.state, outcome)
    note = note.strip()
    if outcome == CloseOutcome.OTHER and not note:
        raise InputRefused("case.error.note_required")
    if len(note) > REASON_MAX_LENGTH:
        raise InputRefused("flag.error.text_too_long", limit=REASON_MAX_LENGTH)
    check_closed_on(on, case.opened_on)
    case.state, case.outcome = CaseState.CLOSED, CloseOutcome(outcome)
    case.closed_on, case.outcome_note = on, note
    session.add(case)
    record_event(session, case, CaseEventKind.CLOSED, actor, f"{case.outcome.value} {note}")


def close_case(
    actor: Actor, case_id: int, outcome: CloseOutcome | str, note: str = "",
    on: date | None = None,
) -> SupportCase:
    """Close a case with an outcome that fits its state (rules.cases.check_closing)."""
    with transaction() as session:
        case, student = load_case(session, case_id, locked=True)
        authorize(session, actor, Permission.UPDATE, case_scope(session, case, student))
        close(session, actor, case, CloseOutcome(outcome), on or clock.today(), note)
        return case
