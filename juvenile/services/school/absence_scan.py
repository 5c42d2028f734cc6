"""The absence scan: criterion 4 from attendance (Art. 78 (2) item 4, Art. 23 item 9).

A student absent without a valid reason on four or more distinct school days
of one calendar month meets criterion 4 (Sundays, public holidays and days
off of the working calendar are not counted; Saturdays are). The scan proposes it; the psychologist
confirms the proposal (a criterion-4 flag) or dismisses it with a reason. A
month is proposed at most once per student, whatever became of the proposal.
"""

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from juvenile import clock
from juvenile.db import lock, transaction
from juvenile.models import (
    AbsenceProposal,
    AttendanceMark,
    CriterionFlag,
    ProposalStatus,
    School,
    Student,
)
from juvenile.models.attendance import UNEXCUSED_CONDITION, on_school_days
from juvenile.models.base import utcnow
from juvenile.rules.age import is_minor
from juvenile.rules.attendance import UNEXCUSED_DAYS_THRESHOLD, parse_month
from juvenile.rules.criteria import ABSENCE_CRITERION
from juvenile.rules.errors import RuleViolation
from juvenile.rules.evidence import absence_evidence
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind
from juvenile.services.administration.calendar import calendar_from
from juvenile.services.school.flags import REASON_MAX_LENGTH, NewFlag, check_text, create_flags
from juvenile.services.school.students import load_school, load_student, school_scope

_LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class AbsenceFinding:
    """A student meeting criterion 4 in ``month``, with the proposal made for it."""

    student_id: int
    iin: str
    school_code: str
    month: str
    unexcused_days: int
    proposal_id: int
    proposal_status: ProposalStatus
    newly_proposed: bool


def unexcused_days_query(first: date, last: date, school_id: int | None,
                         non_school_days: Collection[date] = ()) -> sa.Select:
    """Students with at least the threshold of unexcused days in [first, last],
    none of ``non_school_days`` counted (Art. 78 (2) item 4: days with lessons).

    One row per (student, day) is the table's key, so counting days counts
    distinct days; the literal status condition lets SQLite use the partial index.
    """
    days = func.count(sa.distinct(col(AttendanceMark.day)))
    counted = (
        select(AttendanceMark.student_id, days.label("days"))
        .where(sa.text(UNEXCUSED_CONDITION), col(AttendanceMark.day).between(first, last),
               on_school_days(col(AttendanceMark.day), non_school_days))
        .group_by(col(AttendanceMark.student_id))
        .having(days >= UNEXCUSED_DAYS_THRESHOLD)
        .subquery()
    )
    query = (
        # sqlmodel types select() for four columns at most
        select(  # pyright: ignore[reportCallIssue]
            Student.id, Student.iin, Student.birth_date, School.id, School.code, counted.c.days)
        .join(Student, Student.id == counted.c.student_id)
        .join(School, School.id == Student.school_id)
        .order_by(School.code, Student.iin)
    )
    return query if school_id is None else query.where(Student.school_id == school_id)


def scan_absences(
    actor: Actor, month: str, school_id: int | None = None, today: date | None = None
) -> list[AbsenceFinding]:
    """Find the students meeting criterion 4 in ``month`` (``YYYY-MM``) and propose
    the flag for those not yet proposed for that month.

    School staff scan their own school. Students already 18 are left out:
    no flag may be raised for them (Art. 78 (2)).
    """
    first, last = parse_month(month)
    month = first.strftime("%Y-%m")
    today = today or clock.today()
    if school_id is None and not actor.is_system:
        school_id = actor.school_id
    with transaction() as session:
        if school_id is not None:
            load_school(session, school_id)
        authorize(session, actor, Permission.VIEW,
                  school_scope(RecordKind.ATTENDANCE, school_id))
        # a mark on a day without lessons (stored before the day was declared
        # off, or bypassing the import) is not counted
        off = calendar_from(session, first).non_school_days(first, last)
        found = [row for row in session.connection().execute(
                     unexcused_days_query(first, last, school_id, off))
                 if _counted_minor(row[0], row[2], today)]
        proposed = {row.student_id: row for row in session.connection().execute(
            select(AbsenceProposal.id, AbsenceProposal.student_id, AbsenceProposal.status,
                   AbsenceProposal.unexcused_days)
            .where(AbsenceProposal.month == month))}
        for student_school in sorted({row[3] for row in found}):
            entry = authorize(session, actor, Permission.CREATE,
                              school_scope(RecordKind.FLAG, student_school))
            entry.detail = f"criterion 4 proposals for {month}"
        new_ids = _insert_proposals(session, month, [
            (student_id, student_school, days)
            for student_id, _, _, student_school, _, days in found
            if student_id not in proposed])
        _update_days(session, [
            (proposed[student_id].id, days)
            for student_id, _, _, _, _, days in found
            if student_id in proposed and proposed[student_id].status == ProposalStatus.PROPOSED
            and proposed[student_id].unexcused_days != days])
        findings = []
        for student_id, iin, _, _, school_code, days in found:
            earlier = proposed.get(student_id)
            if earlier is None:
                findings.append(AbsenceFinding(student_id, iin, school_code, month, days,
                                               new_ids[student_id], ProposalStatus.PROPOSED,
                                               True))
            else:
                findings.append(AbsenceFinding(student_id, iin, school_code, month, days,
                                               earlier.id, ProposalStatus(earlier.status),
                                               False))
        return findings


def _counted_minor(student_id: int, birth_date: date, today: date) -> bool:
    """Under 18 today (Art. 78 (2)). A record whose age cannot be told (a birth
    date after today, registered before such an IIN was refused) is left out and
    logged, so that one bad record does not stop the scan of the whole school."""
    try:
        return is_minor(birth_date, today)
    except RuleViolation as violation:
        _LOG.warning("absence scan: student %s left out (%s)", student_id, violation.key)
        return False


def _insert_proposals(session: Session, month: str,
                      rows: list[tuple[int, int, int]]) -> dict[int, int]:
    """The new proposals (student, school, days) in one bulk insert, not as ORM
    objects (thousands in a month of a region); their ids by student."""
    if not rows:
        return {}
    now = utcnow()
    connection = session.connection()
    # a plain executemany (the driver's own loop), then the ids read back in one query
    connection.execute(sa.insert(AbsenceProposal), [
        {"student_id": student_id, "school_id": school_id, "month": month,
         "unexcused_days": days, "status": ProposalStatus.PROPOSED, "proposed_at": now,
         "dismissal_reason": ""}
        for student_id, school_id, days in rows])
    new = {student_id for student_id, _, _ in rows}
    ids = connection.execute(select(AbsenceProposal.student_id, AbsenceProposal.id)
                             .where(AbsenceProposal.month == month)).tuples()
    return {student_id: id_ for student_id, id_ in ids if student_id in new}


def _update_days(session: Session, changes: list[tuple[int, int]]) -> None:
    """Undecided proposals count the month's later marks too: (id, days), one
    executemany."""
    if not changes:
        return
    session.connection().execute(
        sa.update(AbsenceProposal).where(col(AbsenceProposal.id) == sa.bindparam("proposal_id"))
        .values(unexcused_days=sa.bindparam("days")),
        [{"proposal_id": proposal_id, "days": days} for proposal_id, days in changes])


def _proposal(session: Session, actor: Actor, proposal_id: int) -> AbsenceProposal:
    """An undecided proposal the actor may act on (the student's current school)."""
    # Locked and read afresh: a proposal confirmed (or dismissed) by another user
    # meanwhile is refused as decided, not confirmed a second time.
    proposal = lock(session, AbsenceProposal, proposal_id)
    if proposal is None:
        raise NotFound(RecordKind.FLAG, proposal_id)
    student = load_student(session, proposal.student_id)
    authorize(session, actor, Permission.UPDATE,
              school_scope(RecordKind.FLAG, student.school_id))
    if proposal.status != ProposalStatus.PROPOSED:
        raise RuleViolation("absence.error.already_decided", status=proposal.status)
    return proposal


def _confirm(session: Session, actor: Actor, proposal_id: int, on: date) -> CriterionFlag:
    proposal = _proposal(session, actor, proposal_id)
    student = load_student(session, proposal.student_id)
    evidence = absence_evidence(proposal.unexcused_days, proposal.month)
    [flag] = create_flags(session, actor, student, [NewFlag(ABSENCE_CRITERION, on, "", *evidence)])
    proposal.status, proposal.flag_id = ProposalStatus.CONFIRMED, flag.id
    proposal.decided_on, proposal.decided_by = on, actor.user_id
    session.add(proposal)
    return flag


def _dismiss(
    session: Session, actor: Actor, proposal_id: int, reason: str, on: date
) -> AbsenceProposal:
    proposal = _proposal(session, actor, proposal_id)
    proposal.dismissal_reason = check_text(reason, "absence.error.reason_required",
                                           REASON_MAX_LENGTH)
    proposal.status = ProposalStatus.DISMISSED
    proposal.decided_on, proposal.decided_by = on, actor.user_id
    session.add(proposal)
    return proposal


def confirm_absence_proposals(
    actor: Actor, proposal_ids: Sequence[int], on: date | None = None
) -> list[CriterionFlag]:
    """Confirm several proposals at once, all or none; each becomes a criterion-4 flag."""
    on = on or clock.today()
    with transaction() as session:
        return [_confirm(session, actor, pid, on) for pid in dict.fromkeys(proposal_ids)]



def dismiss_absence_proposals(
    actor: Actor, proposal_ids: Sequence[int], reason: str, on: date | None = None
) -> list[AbsenceProposal]:
    """Dismiss several proposals with one reason, all or none."""
    on = on or clock.today()
    with transaction() as session:
        return [_dismiss(session, actor, pid, reason, on) for pid in dict.fromkeys(proposal_ids)]
