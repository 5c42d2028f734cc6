"""The internal affairs body's submission to the court: 30 days from the decision ending
the criminal case, extendable by up to 30 days (Art. 81 (3))."""

from datetime import date, timedelta

import pytest

from juvenile.rules.errors import RuleViolation
from juvenile.rules.submission import (
    ExtendedBy,
    check_case_decision_number,
    check_extension,
    check_not_before_case_decision,
    check_not_in_future,
    check_open,
    submission_due,
    submission_overdue,
)

DECIDED = date(2027, 3, 10)
DUE = date(2027, 4, 9)  # thirty days after 10 March


def test_the_submission_is_due_thirty_days_after_the_case_decision():
    assert submission_due(DECIDED) == DUE
    assert submission_due(date(2027, 12, 15)) == date(2028, 1, 14)  # across the year


def test_day_30_is_in_time_and_day_31_is_overdue():
    assert not submission_overdue(DUE, None, DECIDED + timedelta(days=30))
    assert submission_overdue(DUE, None, DECIDED + timedelta(days=31))


def test_a_recorded_submission_is_never_overdue():
    assert not submission_overdue(DUE, DUE + timedelta(days=5), DUE + timedelta(days=10))


@pytest.mark.parametrize("by", list(ExtendedBy))
def test_an_extension_of_thirty_days_is_allowed(by):
    check_extension(DECIDED, DUE + timedelta(days=30), by.value)
    check_extension(DECIDED, DUE + timedelta(days=1), by.value)


def test_an_extension_of_thirty_one_days_is_refused():
    with pytest.raises(RuleViolation) as refused:
        check_extension(DECIDED, DUE + timedelta(days=31), ExtendedBy.PROSECUTOR)
    assert refused.value.key == "submission.extension_too_long"
    assert refused.value.article == "Art. 81 (3)"
    assert refused.value.params == {"due": DUE, "limit": 30}


def test_an_extension_must_move_the_due_day_later():
    with pytest.raises(RuleViolation, match="submission.extension_too_long"):
        check_extension(DECIDED, DUE, ExtendedBy.INTERNAL_AFFAIRS)


def test_only_internal_affairs_or_the_prosecutor_extend():
    with pytest.raises(RuleViolation) as refused:
        check_extension(DECIDED, DUE + timedelta(days=10), "court")
    assert refused.value.key == "submission.extended_by_refused"
    assert refused.value.article == "Art. 81 (3)"


def test_today_is_allowed_and_tomorrow_is_refused():
    today = date(2027, 6, 1)
    check_not_in_future(today, today)
    with pytest.raises(RuleViolation) as refused:
        check_not_in_future(today + timedelta(days=1), today)
    assert refused.value.key == "submission.date_in_future"
    assert refused.value.article == "Art. 81 (3)"


def test_a_submission_on_the_decision_day_is_allowed_and_the_day_before_refused():
    check_not_before_case_decision(DECIDED, DECIDED)
    with pytest.raises(RuleViolation) as refused:
        check_not_before_case_decision(DECIDED - timedelta(days=1), DECIDED)
    assert refused.value.key == "submission.before_case_decision"
    assert refused.value.params == {"decision_date": DECIDED}


def test_the_case_decision_number_is_required_and_one_line():
    assert check_case_decision_number("  12-345/2027 ") == "12-345/2027"
    with pytest.raises(RuleViolation, match="submission.case_decision_required"):
        check_case_decision_number("  ")
    with pytest.raises(RuleViolation, match="placement.decision_number_invalid"):
        check_case_decision_number("1\n2")
    check_case_decision_number("x" * 64)
    with pytest.raises(RuleViolation, match="placement.decision_number_invalid"):
        check_case_decision_number("x" * 65)


def test_a_recorded_submission_is_closed():
    check_open(None)
    with pytest.raises(RuleViolation, match="submission.already_submitted"):
        check_open(DUE)
