"""Criterion 4 from attendance marks (Art. 78 (2) item 4, Art. 23 item 9).

A student meets criterion 4 after missing school without a valid reason on four
or more days within one calendar month.
"""

import calendar
import re
from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from juvenile.rules.calendar import WorkingCalendar
from juvenile.rules.errors import RuleViolation

UNEXCUSED_DAYS_THRESHOLD = 4  # "four and more days within one month", Art. 78 (2) item 4

_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    EXCUSED = "excused"  # absent with a valid reason: does not count
    UNEXCUSED = "unexcused"


def parse_status(text: str) -> AttendanceStatus:
    """An attendance status from its code (surrounding spaces and case ignored)."""
    try:
        return AttendanceStatus(str(text).strip().lower())
    except ValueError:
        raise RuleViolation("attendance.bad_status", value=text) from None


def month_key(day: date) -> str:
    """The month a date belongs to, as ``YYYY-MM``."""
    return f"{day.year:04d}-{day.month:02d}"


def unexcused_days_by_month(marks: Iterable[tuple[date, AttendanceStatus]]) -> dict[str, int]:
    """Days absent without a valid reason, per calendar month (``YYYY-MM``).

    The law counts days, not lessons or marks: a date with several unexcused
    marks counts once. Every month that has any mark appears, with 0 when no
    day in it was unexcused. Keys are in calendar order.
    """
    seen_months: set[str] = set()
    unexcused_dates: set[date] = set()
    for day, status in marks:
        seen_months.add(month_key(day))
        if parse_status(status) is AttendanceStatus.UNEXCUSED:
            unexcused_dates.add(day)
    counts = dict.fromkeys(sorted(seen_months), 0)
    for day in unexcused_dates:
        counts[month_key(day)] += 1
    return counts


def meets_absence_criterion(unexcused_days: int) -> bool:
    """Four or more unexcused days in one month meet criterion 4."""
    if unexcused_days < 0:
        raise RuleViolation("attendance.negative_days", value=unexcused_days)
    return unexcused_days >= UNEXCUSED_DAYS_THRESHOLD


def parse_month(text: str) -> tuple[date, date]:
    """First and last day of the month written ``YYYY-MM``."""
    match = _MONTH.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise RuleViolation("attendance.bad_month", value=text)
    year, month = int(match[1]), int(match[2])
    if year < 1 or not 1 <= month <= 12:
        raise RuleViolation("attendance.bad_month", value=text)
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def check_mark_day(day: date, today: date, calendar: WorkingCalendar | None = None) -> None:
    """A mark records a school day that has come (Art. 78 (2) item 4 counts days
    missed): today at the latest (Kazakhstan's day, ``juvenile.clock``), and, given
    the working ``calendar``, a day with lessons (``WorkingCalendar.is_school_day``):
    on a Sunday, a public holiday or a day off nobody missed a lesson."""
    if day > today:
        raise RuleViolation("attendance.error.future_date", day=day.isoformat())
    if calendar is not None and not calendar.is_school_day(day):
        raise RuleViolation("attendance.error.not_school_day", day=day.isoformat(),
                            article="Art. 78 (2) item 4")
