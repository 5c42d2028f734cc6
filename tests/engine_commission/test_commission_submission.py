"""The internal affairs body's submission to the court (Art. 81 (3)): the district
commission registers the decision ending the criminal case, an extension, and the day
of the submission; the deadline is on its board until the submission is recorded."""

from datetime import date, timedelta

import pytest
from commission_world import SYSTEM
from sqlmodel import select

from juvenile import db
from juvenile.models import AuditEntry, InternalAffairsSubmission, Role
from juvenile.rules.errors import RuleViolation
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission.submissions import (
    extend_submission,
    record_submission,
    register_case_decision,
)
from juvenile.services.deadlines import DeadlineKind, list_deadlines

DECIDED = date(2027, 5, 10)  # the tests' today is 1 June 2027
DUE = date(2027, 6, 9)


def _stored(record_id: int) -> InternalAffairsSubmission:
    with db.transaction() as session:
        record = session.get(InternalAffairsSubmission, record_id)
        assert record is not None
        return record


def _board(actor, on: date) -> list:
    return [d for d in list_deadlines(actor, on)
            if d.kind == DeadlineKind.INTERNAL_AFFAIRS_SUBMISSION]


@pytest.fixture
def registered(world):
    student = world.student(birth=date(2014, 2, 3))
    secretary = world.secretary("C1")
    return student, secretary, register_case_decision(secretary, student.iin, " 7-12/2027 ",
                                                      DECIDED)


def test_the_decision_is_registered_for_the_commission_of_the_minors_district(world,
                                                                              registered):
    student, secretary, record = registered
    stored = _stored(record.id)
    assert (stored.student_id, stored.commission_id, stored.case_decision_number,
            stored.case_decision_date, stored.due_on, stored.submitted_on) == (
        student.id, world.commissions["C1"], "7-12/2027", DECIDED, DUE, None)
    assert stored.recorded_by == secretary.user_id
    with db.transaction() as session:
        entry = session.exec(select(AuditEntry).where(AuditEntry.record_id == record.id,
                                                      AuditEntry.login == secretary.login)
                             ).one()
    assert "Art. 81 (3)" in entry.detail


def test_the_deadline_is_due_then_overdue_then_done(registered):
    _, secretary, record = registered
    [due] = _board(secretary, DUE)  # day 30: still in time
    assert (due.record_id, due.due_on, due.days_left, due.overdue) == (record.id, DUE, 0, False)
    assert due.organisation_code == "C1" and due.detail == "7-12/2027"
    [late] = _board(secretary, DUE + timedelta(days=1))  # day 31
    assert (late.days_left, late.overdue) == (-1, True)
    record_submission(secretary, record.id, date(2027, 5, 30))
    assert _board(secretary, DUE + timedelta(days=1)) == []
    assert _stored(record.id).submitted_on == date(2027, 5, 30)


def test_an_extension_moves_the_due_day_by_at_most_thirty_days(registered):
    _, secretary, record = registered
    with pytest.raises(RuleViolation, match="submission.extension_too_long"):
        extend_submission(secretary, record.id, DUE + timedelta(days=31), "prosecutor",
                          date(2027, 6, 1))
    extend_submission(secretary, record.id, DUE + timedelta(days=30), "prosecutor",
                      date(2027, 6, 1))
    stored = _stored(record.id)
    assert (stored.due_on, stored.extended_by, stored.extension_decided_on) == (
        date(2027, 7, 9), "prosecutor", date(2027, 6, 1))
    [entry] = _board(secretary, date(2027, 7, 9))
    assert not entry.overdue


def test_dates_after_today_or_before_the_decision_are_refused(world, registered):
    student, secretary, record = registered
    with pytest.raises(RuleViolation, match="submission.date_in_future"):
        register_case_decision(secretary, student.iin, "8/2027", date(2027, 6, 2))
    with pytest.raises(RuleViolation, match="submission.date_in_future"):
        record_submission(secretary, record.id, date(2027, 6, 2))
    with pytest.raises(RuleViolation, match="submission.before_case_decision"):
        record_submission(secretary, record.id, DECIDED - timedelta(days=1))
    with pytest.raises(RuleViolation, match="submission.date_in_future"):
        extend_submission(secretary, record.id, DUE + timedelta(days=5), "internal_affairs",
                          date(2027, 6, 2))
    assert _stored(record.id).submitted_on is None and _stored(record.id).due_on == DUE
    record_submission(secretary, record.id, date(2027, 6, 1))  # today
    with pytest.raises(RuleViolation, match="submission.already_submitted"):
        record_submission(secretary, record.id, date(2027, 6, 1))
    with pytest.raises(RuleViolation, match="submission.already_submitted"):
        extend_submission(secretary, record.id, DUE + timedelta(days=5), "internal_affairs",
                          date(2027, 6, 1))


def test_another_commission_neither_sees_nor_changes_it(world, registered):
    student, _, record = registered
    other = world.secretary("C2")
    assert _board(other, DUE) == []
    with pytest.raises(AccessDenied):
        record_submission(other, record.id, date(2027, 5, 30))
    with pytest.raises(AccessDenied):
        extend_submission(other, record.id, DUE + timedelta(days=5), "prosecutor",
                          date(2027, 5, 30))
    # registering for a minor of another district reads like an unknown IIN
    with pytest.raises(RuleViolation, match="placement.register.unknown_iin"):
        register_case_decision(other, student.iin, "9/2027", DECIDED)
    with pytest.raises(NotFound):
        record_submission(other, record.id + 1000, date(2027, 5, 30))
    assert _stored(record.id).submitted_on is None


def test_a_member_reads_nothing_and_a_school_never_sees_the_criminal_case(world, registered):
    _, _, record = registered
    with pytest.raises(AccessDenied):
        record_submission(world.user(Role.COMMISSION_MEMBER, "C1"), record.id, DECIDED)
    psychologist = world.user(Role.SCHOOL_PSYCHOLOGIST, "S1")
    assert _board(psychologist, DUE) == []
    assert [d.record_id for d in _board(SYSTEM, DUE)] == [record.id]
