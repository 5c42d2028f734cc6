"""Working days: deadlines such as "within three working days" (Art. 80 (11), Art. 81 (12)).

Monday to Friday are working days, except public holidays and days off. A
non-religious holiday on a Saturday or Sunday gives a day off on the next
working day; religious holidays (7 January, Kurban ait) do not move.

The government also moves days off by annual resolution and fixes Kurban ait
each year, so ``WorkingCalendar`` takes that as administrator data on top of
the statutory rules.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from juvenile.rules.errors import RuleViolation

ONE_DAY = timedelta(days=1)
SATURDAY = 5

# (month, day, catalog key) of the fixed non-working holidays.
_FIXED_HOLIDAYS = (
    (1, 1, "holiday.new_year"),
    (1, 2, "holiday.new_year"),
    (1, 7, "holiday.orthodox_christmas"),
    (3, 8, "holiday.womens_day"),
    (3, 21, "holiday.nauryz"),
    (3, 22, "holiday.nauryz"),
    (3, 23, "holiday.nauryz"),
    (5, 1, "holiday.unity_day"),
    (5, 7, "holiday.defender_day"),
    (5, 9, "holiday.victory_day"),
    (7, 6, "holiday.capital_day"),
    (8, 30, "holiday.constitution_day"),
    (10, 25, "holiday.republic_day"),
    (12, 16, "holiday.independence_day"),
)
KURBAN_AIT = "holiday.kurban_ait"
TRANSFERRED = "holiday.transferred"
EXTRA_DAY_OFF = "holiday.extra_day_off"
# Religious holidays stay where they fall, even on a weekend.
RELIGIOUS = frozenset({"holiday.orthodox_christmas", KURBAN_AIT})


def is_weekend(day: date) -> bool:
    return day.weekday() >= SATURDAY


def statutory_holidays(year: int) -> dict[date, str]:
    """The fixed non-working holidays of ``year``: date -> catalog key.

    Kurban ait is not here: its date is set by the government each year.
    """
    return {date(year, month, day): key for month, day, key in _FIXED_HOLIDAYS}


def transferred_days_off(year: int) -> dict[date, date]:
    """Days off given for the weekend holidays of ``year``: day off -> holiday it replaces.

    Holidays are taken in date order; each gets the first weekday after it that
    is neither a holiday nor already given to an earlier holiday. So Nauryz on
    Sat 21 - Mon 23 March gives Tue 24 (for the 21st) and Wed 25 (for the 22nd).
    """
    holidays = statutory_holidays(year) | statutory_holidays(year + 1)
    given: dict[date, date] = {}
    for holiday, key in sorted(statutory_holidays(year).items()):
        if not is_weekend(holiday) or key in RELIGIOUS:
            continue
        day = holiday + ONE_DAY
        while is_weekend(day) or day in holidays or day in given:
            day += ONE_DAY
        given[day] = holiday
    return given


class WorkingCalendar:
    """Working days for ``first_year`` … ``last_year`` with administrator corrections.

    ``kurban_ait``: the first day of Kurban ait of each year (religious, never moved).
    ``extra_days_off``: days off by government resolution (including moved days).
    ``extra_working_days``: days declared working (e.g. a Saturday); these win over
    every other rule. Administrator days never shift the statutory transfers, so
    entering a transferred day again as an extra day off changes nothing.
    """

    def __init__(
        self,
        first_year: int,
        last_year: int,
        *,
        kurban_ait: Iterable[date] = (),
        extra_days_off: Iterable[date] = (),
        extra_working_days: Iterable[date] = (),
    ) -> None:
        if first_year > last_year:
            raise RuleViolation("calendar.bad_year_range", first=first_year, last=last_year)
        self.first_year = first_year
        self.last_year = last_year
        self._working = frozenset(extra_working_days)
        admin_days_off = {day: KURBAN_AIT for day in kurban_ait}
        for day in extra_days_off:
            admin_days_off.setdefault(day, EXTRA_DAY_OFF)
        # The same day both off and working is a data-entry error, not a rule to guess.
        clash = sorted(self._working & admin_days_off.keys())
        if clash:
            raise RuleViolation("calendar.day_both_off_and_working", day=clash[0])
        days_off: dict[date, str] = {}
        for year in range(first_year, last_year + 1):
            days_off |= statutory_holidays(year)
            days_off |= dict.fromkeys(transferred_days_off(year), TRANSFERRED)
        for day, key in admin_days_off.items():
            days_off.setdefault(day, key)  # a statutory holiday keeps its own name
        self._days_off = days_off

    def _check_range(self, day: date) -> None:
        if not self.first_year <= day.year <= self.last_year:
            raise RuleViolation(
                "calendar.out_of_range", day=day, first=self.first_year, last=self.last_year
            )

    def is_working_day(self, day: date) -> bool:
        self._check_range(day)
        if day in self._working:
            return True
        return day not in self._days_off and not is_weekend(day)

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

    def days_off_in(self, year: int) -> dict[date, str]:
        """Every day off of ``year`` other than a plain Saturday or Sunday: date -> catalog key.

        Holidays appear even when they fall on a weekend; days declared working do not.
        """
        self._check_range(date(year, 1, 1))
        return {
            day: key
            for day, key in sorted(self._days_off.items())
            if day.year == year and day not in self._working
        }
