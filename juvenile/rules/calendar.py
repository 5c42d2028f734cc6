"""Working days: deadlines such as "within three working days" (Art. 80 (11), Art. 81 (12)),
and school days: the days criterion 4 counts (Art. 78 (2) item 4).

Monday to Friday are working days, except public holidays and days off. Which
days those are is data, given to ``WorkingCalendar``; this module reads no
table of its own and fetches nothing:

* ``public_days``: the statutory calendar as the maintained ``holidays``
  package computes it (services.administration.public_holidays asks it): the
  holidays of the law, the weekend holidays' transfers to the next working day,
  the days the government moved by resolution, and its estimate of Kurban ait
  (an Islamic-calendar date, ``estimated`` until the government fixes it);
* the administrator's days on top, which win: the confirmed Kurban ait (it
  replaces the package's for its year), days off by government resolution and
  extra working days (these win over every other rule).
"""

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from juvenile.rules.errors import RuleViolation

ONE_DAY = timedelta(days=1)
SATURDAY = 5
SUNDAY = 6

# Catalog keys of the holidays of the law (their names in Russian and English; in
# Kazakh the package's own names are shown), and of the other kinds of day.
HOLIDAY_KEYS = (
    "holiday.new_year",
    "holiday.orthodox_christmas",
    "holiday.womens_day",
    "holiday.nauryz",
    "holiday.unity_day",
    "holiday.defender_day",
    "holiday.victory_day",
    "holiday.capital_day",
    "holiday.constitution_day",
    "holiday.republic_day",
    "holiday.first_president_day",
    "holiday.independence_day",
)
PUBLIC_HOLIDAY = "holiday.public"  # a holiday of the package this portal has no name for
KURBAN_AIT = "holiday.kurban_ait"
TRANSFERRED = "holiday.transferred"
MOVED_DAY_OFF = "holiday.moved_day_off"  # by government resolution, from the package
MOVED_WORKING_DAY = "holiday.moved_working_day"  # the day it was moved from
EXTRA_DAY_OFF = "holiday.extra_day_off"  # the administrator's
EXTRA_WORKING_DAY = "holiday.extra_working_day"  # the administrator's
DAY_KEYS = (*HOLIDAY_KEYS, PUBLIC_HOLIDAY, KURBAN_AIT, TRANSFERRED, MOVED_DAY_OFF,
            MOVED_WORKING_DAY, EXTRA_DAY_OFF, EXTRA_WORKING_DAY)


class DaySource(enum.StrEnum):
    """Where a day's status comes from, as the administrator's calendar shows it."""

    LAW = "law"  # a holiday of the law (and the package's Kurban ait estimate)
    TRANSFER = "transfer"  # a weekend holiday moved to the next working day
    RESOLUTION = "resolution"  # a day moved by government resolution
    ADMINISTRATOR = "administrator"  # entered by the portal's administrator


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One day that is not a plain weekday or weekend.

    ``key``: catalog key of what it is; ``name``: the package's name of it (in
    Kazakh), "" when it has none; ``estimated``: the package's Kurban ait estimate;
    ``related``: the holiday a transfer stands for, or the other day of a move
    by resolution.
    """

    day: date
    key: str
    source: DaySource
    working: bool = False
    name: str = ""
    estimated: bool = False
    related: date | None = None


def is_weekend(day: date) -> bool:
    return day.weekday() >= SATURDAY


class WorkingCalendar:
    """Working days for ``first_year`` … ``last_year``: the public days with the
    administrator's corrections on top.

    ``public_days``: the statutory calendar (days outside the range are ignored).
    ``kurban_ait``: the administrator's confirmed first day of Kurban ait; a year
    that has one drops the package's Kurban ait. Religious, it never moves.
    ``extra_days_off``: days off by government resolution; a public holiday keeps
    its own name, so entering a transferred day again changes nothing.
    ``extra_working_days``: days declared working (e.g. a Saturday); these win over
    every other rule.
    """

    def __init__(
        self,
        first_year: int,
        last_year: int,
        *,
        public_days: Iterable[CalendarEntry],
        kurban_ait: Iterable[date] = (),
        extra_days_off: Iterable[date] = (),
        extra_working_days: Iterable[date] = (),
    ) -> None:
        if first_year > last_year:
            raise RuleViolation("calendar.bad_year_range", first=first_year, last=last_year)
        self.first_year = first_year
        self.last_year = last_year
        kurban_ait, extra_days_off = frozenset(kurban_ait), frozenset(extra_days_off)
        working = frozenset(extra_working_days)
        # The same day both off and working is a data-entry error, not a rule to guess.
        clash = sorted(working & (kurban_ait | extra_days_off))
        if clash:
            raise RuleViolation("calendar.day_both_off_and_working", day=clash[0])
        confirmed_years = {day.year for day in kurban_ait}
        days: dict[date, CalendarEntry] = {
            entry.day: entry for entry in public_days
            if first_year <= entry.day.year <= last_year
            and not (entry.key == KURBAN_AIT and entry.day.year in confirmed_years)
        }
        for day in kurban_ait:
            days[day] = CalendarEntry(day, KURBAN_AIT, DaySource.ADMINISTRATOR)
        for day in extra_days_off:
            if day not in days or days[day].working:
                days[day] = CalendarEntry(day, EXTRA_DAY_OFF, DaySource.ADMINISTRATOR)
        for day in working:
            days[day] = CalendarEntry(day, EXTRA_WORKING_DAY, DaySource.ADMINISTRATOR,
                                    working=True)
        self._days = dict(sorted(days.items()))

    def _check_range(self, day: date) -> None:
        if not self.first_year <= day.year <= self.last_year:
            raise RuleViolation(
                "calendar.out_of_range", day=day, first=self.first_year, last=self.last_year
            )

    def is_working_day(self, day: date) -> bool:
        self._check_range(day)
        entry = self._days.get(day)
        return entry.working if entry is not None else not is_weekend(day)

    def is_school_day(self, day: date) -> bool:
        """A day with lessons, on which a pupil can miss school (Art. 78 (2) item 4
        counts such days): Monday to Saturday, since six-day-week schools teach on
        Saturdays, except public holidays and days off; a day declared working
        (a Saturday or a Sunday a day off was moved from) is one too."""
        self._check_range(day)
        entry = self._days.get(day)
        return entry.working if entry is not None else day.weekday() != SUNDAY

    def non_school_days(self, first: date, last: date) -> list[date]:
        """Every day of ``first`` … ``last`` (both included) that is not a school day."""
        days = (first + ONE_DAY * n for n in range((last - first).days + 1))
        return [day for day in days if not self.is_school_day(day)]

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` itself is not counted).

        n = 0 gives ``start`` if it is a working day, else the next working day.
        """
        if n < 0:
            raise RuleViolation("calendar.negative_days", n=n)
        day = start
        if n == 0:
            while not self.is_working_day(day):
                day += ONE_DAY
            return day
        while n:
            day += ONE_DAY
            if self.is_working_day(day):
                n -= 1
        return day

    def days_in(self, year: int) -> dict[date, CalendarEntry]:
        """Every day of ``year`` that is not a plain weekday or weekend, in date order:
        holidays (even on a weekend), days off and the days declared working."""
        self._check_range(date(year, 1, 1))
        return {day: entry for day, entry in self._days.items() if day.year == year}

    def days_off_in(self, year: int) -> dict[date, str]:
        """Every day off of ``year`` other than a plain Saturday or Sunday: date -> catalog key.

        Holidays appear even when they fall on a weekend; days declared working do not.
        """
        return {day: entry.key for day, entry in self.days_in(year).items() if not entry.working}
