"""Calendar quarters (Art. 21 item 10: education departments analyse every quarter).

A quarter runs from the first day of its first month to the last day of its
third month, both included: an event dated on the first or on the last day
belongs to the quarter. Months, not school terms: the law speaks of quarters.

Timestamps (a council's decision, a referral) are stored in UTC; a quarter's
edges are midnights in Kazakhstan (``juvenile.clock.KAZAKHSTAN_TIME``: one time
zone, UTC+5, since 1 March 2024). A refusal recorded at 23:30 on 31 March in
Almaty belongs to the first quarter, although it is 18:30 UTC.
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from juvenile.clock import KAZAKHSTAN_TIME
from juvenile.rules.errors import RuleViolation

QUARTERS_PER_YEAR = 4
MONTHS_PER_QUARTER = 3
ROMAN = ("I", "II", "III", "IV")


def day_start(day: date) -> datetime:
    """Midnight at the start of ``day`` in Kazakhstan, as an aware datetime."""
    return datetime.combine(day, time.min, KAZAKHSTAN_TIME)


def day_end(day: date) -> datetime:
    """Midnight after ``day`` in Kazakhstan: timestamps before it fall on or before ``day``."""
    return day_start(day + timedelta(days=1))


@dataclass(frozen=True, order=True)
class Quarter:
    """Quarter ``number`` (1..4) of ``year``."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if not isinstance(self.number, int) or not 1 <= self.number <= QUARTERS_PER_YEAR:
            raise RuleViolation("analysis.error.bad_quarter", value=self.number)
        if not isinstance(self.year, int) or not 2000 <= self.year <= 2100:
            raise RuleViolation("analysis.error.bad_year", value=self.year)

    @property
    def first_day(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def last_day(self) -> date:
        month = self.first_month + MONTHS_PER_QUARTER - 1
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def first_month(self) -> int:
        return (self.number - 1) * MONTHS_PER_QUARTER + 1

    @property
    def start(self) -> datetime:
        """The first moment of the quarter (for timestamps such as a decision's time)."""
        return day_start(self.first_day)

    @property
    def end(self) -> datetime:
        """The first moment after the quarter: timestamps before it belong to it."""
        return day_end(self.last_day)

    @property
    def roman(self) -> str:
        return ROMAN[self.number - 1]

    def months(self) -> list[tuple[date, date]]:
        """(first day, last day) of each of the three months, in order."""
        months = []
        for month in range(self.first_month, self.first_month + MONTHS_PER_QUARTER):
            last = calendar.monthrange(self.year, month)[1]
            months.append((date(self.year, month, 1), date(self.year, month, last)))
        return months

    def contains(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def shifted(self, quarters: int) -> "Quarter":
        """The quarter ``quarters`` later (earlier when negative)."""
        index = self.year * QUARTERS_PER_YEAR + self.number - 1 + quarters
        year, number = divmod(index, QUARTERS_PER_YEAR)
        return Quarter(year, number + 1)

    def previous(self) -> "Quarter":
        return self.shifted(-1)

    def last_n(self, n: int) -> list["Quarter"]:
        """The ``n`` quarters ending with this one, oldest first."""
        return [self.shifted(offset) for offset in range(1 - n, 1)]

    @property
    def key(self) -> str:
        """A language-neutral label, e.g. ``2026-Q2`` (column names, file names)."""
        return f"{self.year}-Q{self.number}"


def quarter_of(day: date) -> Quarter:
    """The quarter ``day`` falls in."""
    return Quarter(day.year, (day.month - 1) // MONTHS_PER_QUARTER + 1)
