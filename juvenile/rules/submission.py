"""The internal affairs body's submission to the court to send a minor to a
special-regime organisation (Art. 81 (3)).

For a minor under the age of criminal responsibility whose criminal case was
ended (Art. 81 (2) item 1), internal affairs sends the submission to the court
within thirty days (тәулік: calendar days) of the decision ending the case; in
exceptional cases a decision of internal affairs or of the prosecutor extends
that by up to thirty days. The district commission tracks the deadline.
"""

from datetime import date, timedelta
from enum import StrEnum

from juvenile.rules.errors import RuleViolation
from juvenile.rules.placements import DECISION_NUMBER_MAX_LENGTH

SUBMISSION_DAYS = 30  # "отыз тәулік ішінде"
EXTENSION_MAX_DAYS = 30  # "отыз тәулікке дейін ұзартылуы мүмкін"


class ExtendedBy(StrEnum):
    """Whose decision extends the term: internal affairs or the prosecutor (Art. 81 (3))."""

    INTERNAL_AFFAIRS = "internal_affairs"
    PROSECUTOR = "prosecutor"


def check_case_decision_number(number: str) -> str:
    """The decision ending (or refusing to start) the criminal case is named by its
    number (Art. 81 (3)): required, one printable line."""
    number = number.strip()
    if not number:
        raise RuleViolation("submission.case_decision_required", article="Art. 81 (3)")
    if len(number) > DECISION_NUMBER_MAX_LENGTH or not number.isprintable():
        raise RuleViolation("placement.decision_number_invalid",
                            limit=DECISION_NUMBER_MAX_LENGTH)
    return number


def check_open(submitted_on: date | None) -> None:
    """Once the submission is recorded the deadline is met: no extension, no second
    recording (Art. 81 (3))."""
    if submitted_on is not None:
        raise RuleViolation("submission.already_submitted", article="Art. 81 (3)",
                            day=submitted_on)


def submission_due(case_decision_date: date) -> date:
    """The last day for the submission: thirty days after the decision ending the
    criminal case (Art. 81 (3)); a submission on that day is in time."""
    return case_decision_date + timedelta(days=SUBMISSION_DAYS)


def check_extension(case_decision_date: date, new_due: date, extended_by: str) -> None:
    """An extension moves the due day later by at most thirty days, on the decision of
    internal affairs or the prosecutor (Art. 81 (3))."""
    if extended_by not in {e.value for e in ExtendedBy}:
        raise RuleViolation("submission.extended_by_refused", article="Art. 81 (3)")
    due = submission_due(case_decision_date)
    if not due < new_due <= due + timedelta(days=EXTENSION_MAX_DAYS):
        raise RuleViolation("submission.extension_too_long", article="Art. 81 (3)",
                            due=due, limit=EXTENSION_MAX_DAYS)


def check_not_before_case_decision(day: date, case_decision_date: date) -> None:
    """The submission and the extension follow the decision ending the case
    (Art. 81 (3)): on its day at the earliest."""
    if day < case_decision_date:
        raise RuleViolation("submission.before_case_decision", article="Art. 81 (3)",
                            decision_date=case_decision_date)


def check_not_in_future(day: date, today: date) -> None:
    """A decision, an extension, a submission is recorded once it happened: today at
    the latest (Kazakhstan's day, ``juvenile.clock``; Art. 81 (3))."""
    if day > today:
        raise RuleViolation("submission.date_in_future", article="Art. 81 (3)", day=day)


def submission_overdue(due: date, submitted_on: date | None, on: date) -> bool:
    """Not submitted and the due day (Art. 81 (3)) has passed."""
    return submitted_on is None and on > due
