"""Working days and holiday transfers (README "Working days"; Art. 80 (11), Art. 81 (12)).

The calendar is pure: it is given the statutory days as data. Most tests give it
the days the ``holidays`` package computes (public_holidays, as the portal
does); the last ones give it days written by hand, to show that nothing else
reaches it.
"""

from datetime import date

import pytest

from juvenile.rules.calendar import (
    EXTRA_DAY_OFF,
    EXTRA_WORKING_DAY,
    KURBAN_AIT,
    TRANSFERRED,
    CalendarEntry,
    DaySource,
    WorkingCalendar,
)
from juvenile.rules.errors import RuleViolation
from juvenile.services.administration.public_holidays import public_days


def calendar(first: int, last: int, **admin) -> WorkingCalendar:
    return WorkingCalendar(first, last, public_days=public_days(first, last), **admin)


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return calendar(2020, 2030)


def _law(year: int) -> dict[date, str]:
    return {day: entry.key for day, entry in calendar(year, year).days_in(year).items()
            if entry.source == DaySource.LAW}


def _transfers(year: int) -> dict[date, date]:
    return {day: entry.related for day, entry in calendar(year, year).days_in(year).items()
            if entry.source == DaySource.TRANSFER}


def test_holidays_of_the_law_2026():
    """2026: thirteen fixed holidays (no Constitution Day this year) and Kurban ait."""
    holidays = _law(2026)
    assert len(holidays) == 14
    assert holidays[date(2026, 3, 22)] == "holiday.nauryz"
    assert holidays[date(2026, 12, 16)] == "holiday.independence_day"
    assert holidays[date(2026, 1, 7)] == "holiday.orthodox_christmas"
    assert holidays[date(2026, 5, 27)] == KURBAN_AIT
    assert "holiday.constitution_day" not in holidays.values()


def test_friday_return_plus_three_working_days_skips_16_december(cal):
    # Fri 11 Dec 2026 -> Mon 14, Tue 15, (Wed 16 holiday), Thu 17
    assert cal.add_working_days(date(2026, 12, 11), 3) == date(2026, 12, 17)


def test_span_across_a_weekend(cal):
    # Thu 9 Apr 2026 -> Fri 10, (Sat, Sun), Mon 13
    assert cal.add_working_days(date(2026, 4, 9), 2) == date(2026, 4, 13)


def test_start_day_is_not_counted(cal):
    assert cal.add_working_days(date(2026, 4, 13), 1) == date(2026, 4, 14)


def test_zero_days_is_the_first_working_day_on_or_after_start(cal):
    assert cal.add_working_days(date(2026, 4, 14), 0) == date(2026, 4, 14)
    assert cal.add_working_days(date(2026, 4, 11), 0) == date(2026, 4, 13)


def test_negative_days_are_refused(cal):
    with pytest.raises(RuleViolation) as caught:
        cal.add_working_days(date(2026, 4, 14), -1)
    assert caught.value.key == "calendar.negative_days"


def test_nauryz_2026_on_a_weekend():
    # Sat 21, Sun 22 and Mon 23 March; the weekend days move to Tue 24 and Wed 25
    assert _transfers(2026)[date(2026, 3, 24)] == date(2026, 3, 21)
    assert _transfers(2026)[date(2026, 3, 25)] == date(2026, 3, 22)
    cal = calendar(2026, 2026)
    march = {d: k for d, k in cal.days_off_in(2026).items() if d.month == 3 and d.day > 20}
    assert march == {
        date(2026, 3, 21): "holiday.nauryz",
        date(2026, 3, 22): "holiday.nauryz",
        date(2026, 3, 23): "holiday.nauryz",
        date(2026, 3, 24): TRANSFERRED,
        date(2026, 3, 25): TRANSFERRED,
    }
    assert cal.is_working_day(date(2026, 3, 20))
    assert cal.is_working_day(date(2026, 3, 26))
    assert cal.add_working_days(date(2026, 3, 20), 1) == date(2026, 3, 26)


def test_all_2026_transfers():
    """Sun 30 August 2026 is no longer Constitution Day (the holidays law changed in
    2026), so Mon 31 August is no longer its transfer."""
    assert _transfers(2026) == {
        date(2026, 3, 9): date(2026, 3, 8),  # Sun 8 March
        date(2026, 3, 24): date(2026, 3, 21),
        date(2026, 3, 25): date(2026, 3, 22),
        date(2026, 5, 11): date(2026, 5, 9),  # Sat 9 May
        date(2026, 10, 26): date(2026, 10, 25),  # Sun 25 October
    }


def test_7_january_on_a_weekend_is_not_moved(cal):
    # 2024: 7 January is a Sunday; Monday 8 January is an ordinary working day
    assert date(2024, 1, 7).weekday() == 6
    assert date(2024, 1, 7) not in _transfers(2024).values()
    assert cal.is_working_day(date(2024, 1, 8))
    # 2023: 7 January is a Saturday; Monday 9 January is working
    assert cal.is_working_day(date(2023, 1, 9))


def test_1_and_2_january_on_a_weekend_2022(cal):
    # Sat 1 Jan -> Mon 3 Jan, Sun 2 Jan -> Tue 4 Jan
    january = {k: v for k, v in _transfers(2022).items() if k.month == 1}
    assert january == {date(2022, 1, 3): date(2022, 1, 1), date(2022, 1, 4): date(2022, 1, 2)}
    assert not cal.is_working_day(date(2022, 1, 3))
    assert not cal.is_working_day(date(2022, 1, 4))
    assert cal.is_working_day(date(2022, 1, 5))


def test_1_january_on_sunday_with_2_january_monday_2023(cal):
    # Sun 1 Jan -> the next weekday that is not a holiday: Tue 3 Jan
    assert _transfers(2023)[date(2023, 1, 3)] == date(2023, 1, 1)
    assert not cal.is_working_day(date(2023, 1, 3))
    assert cal.is_working_day(date(2023, 1, 4))


def test_16_december_on_saturday(cal):
    assert _transfers(2023)[date(2023, 12, 18)] == date(2023, 12, 16)
    assert cal.add_working_days(date(2023, 12, 15), 1) == date(2023, 12, 19)


def test_transfers_never_land_on_a_weekend_or_holiday_and_one_per_weekend_holiday():
    for year in range(2022, 2031):
        holidays = _law(year)
        given = _transfers(year)
        moved = [d for d, k in holidays.items() if d.weekday() >= 5
                 and k not in ("holiday.orthodox_christmas", KURBAN_AIT)]
        assert sorted(given.values()) == sorted(moved)
        for day, source in given.items():
            assert day.weekday() < 5 and day not in holidays and day > source


def test_administrator_day_off_and_extra_working_saturday():
    # Fri 8 May 2026 made a day off, Sat 16 May 2026 made a working day
    cal = calendar(2026, 2026, extra_days_off={date(2026, 5, 8)},
                   extra_working_days={date(2026, 5, 16)})
    assert not cal.is_working_day(date(2026, 5, 8))
    assert cal.is_working_day(date(2026, 5, 16))
    assert not cal.is_working_day(date(2026, 5, 17))
    # Wed 6 -> (Thu 7 holiday, Fri 8 off, Sat 9 holiday, Sun, Mon 11 transfer) Tue 12
    assert cal.add_working_days(date(2026, 5, 6), 1) == date(2026, 5, 12)
    assert cal.add_working_days(date(2026, 5, 15), 1) == date(2026, 5, 16)
    assert cal.days_off_in(2026)[date(2026, 5, 8)] == EXTRA_DAY_OFF
    assert cal.days_in(2026)[date(2026, 5, 16)].key == EXTRA_WORKING_DAY
    plain = calendar(2026, 2026)
    assert plain.is_working_day(date(2026, 5, 8))
    assert not plain.is_working_day(date(2026, 5, 16))


def test_extra_working_day_overrides_a_transfer():
    cal = calendar(2026, 2026, extra_working_days={date(2026, 3, 9)})
    assert cal.is_working_day(date(2026, 3, 9))
    assert date(2026, 3, 9) not in cal.days_off_in(2026)
    assert cal.days_in(2026)[date(2026, 3, 9)].source == DaySource.ADMINISTRATOR


def test_the_administrators_days_win_over_the_package():
    """Mon 31 Aug 2026 is a working day by the package; the administrator may still make
    it a day off (a government resolution), and make Constitution Day 2027 working."""
    cal = calendar(2026, 2027, extra_days_off={date(2026, 8, 31)},
                   extra_working_days={date(2027, 3, 15)})
    assert not cal.is_working_day(date(2026, 8, 31))
    assert cal.is_working_day(date(2027, 3, 15))
    assert cal.days_in(2027)[date(2027, 3, 15)].working


def test_a_day_off_by_resolution_on_a_working_day_of_the_package_wins():
    """5 January 2025 (a Sunday) was a working day by government resolution (the package
    has it); an administrator's day off on it wins."""
    assert calendar(2025, 2025).days_in(2025)[date(2025, 1, 5)].key != EXTRA_DAY_OFF
    assert calendar(2025, 2025).is_working_day(date(2025, 1, 5))
    cal = calendar(2025, 2025, extra_days_off={date(2025, 1, 5)})
    assert not cal.is_working_day(date(2025, 1, 5))
    assert cal.days_off_in(2025)[date(2025, 1, 5)] == EXTRA_DAY_OFF


def test_kurban_ait_estimated_by_the_package_until_confirmed():
    """The package estimates Kurban ait 2026 on Wed 27 May; the administrator's date is
    the government's and replaces the estimate of its year only."""
    estimated = calendar(2026, 2027).days_in(2026)[date(2026, 5, 27)]
    assert estimated.key == KURBAN_AIT and estimated.estimated
    assert estimated.source == DaySource.LAW
    assert not calendar(2025, 2025).days_in(2025)[date(2025, 6, 6)].estimated  # fixed by now
    moved = calendar(2026, 2027, kurban_ait={date(2026, 5, 28)})
    assert moved.is_working_day(date(2026, 5, 27))
    assert not moved.is_working_day(date(2026, 5, 28))
    assert moved.days_in(2026)[date(2026, 5, 28)] == CalendarEntry(
        date(2026, 5, 28), KURBAN_AIT, DaySource.ADMINISTRATOR)
    assert moved.days_in(2027)[date(2027, 5, 16)].estimated  # 2027 keeps its estimate
    confirmed = calendar(2026, 2026, kurban_ait={date(2026, 5, 27)})
    assert not confirmed.days_in(2026)[date(2026, 5, 27)].estimated


def test_kurban_ait_is_a_day_off_and_does_not_move():
    # Kurban ait on a Saturday (6 June 2026, hypothetical): the Monday after stays working
    cal = calendar(2026, 2026, kurban_ait={date(2026, 6, 6)})
    assert cal.days_off_in(2026)[date(2026, 6, 6)] == KURBAN_AIT
    assert cal.is_working_day(date(2026, 6, 8))
    assert cal.is_working_day(date(2026, 5, 27))


def test_re_entering_a_transferred_day_changes_nothing():
    cal = calendar(2026, 2026, extra_days_off={date(2026, 3, 24)})
    assert cal.days_off_in(2026) == calendar(2026, 2026).days_off_in(2026)


def test_a_day_both_off_and_working_is_refused():
    with pytest.raises(RuleViolation) as caught:
        calendar(2026, 2026, extra_days_off={date(2026, 5, 16)},
                 extra_working_days={date(2026, 5, 16)})
    assert caught.value.key == "calendar.day_both_off_and_working"


def test_bad_year_range_is_refused():
    with pytest.raises(RuleViolation) as caught:
        WorkingCalendar(2027, 2026, public_days=())
    assert caught.value.key == "calendar.bad_year_range"


def test_dates_outside_the_calendar_are_refused():
    cal = calendar(2026, 2026)
    for day in (date(2025, 12, 31), date(2027, 1, 1)):
        with pytest.raises(RuleViolation) as caught:
            cal.is_working_day(day)
        assert caught.value.key == "calendar.out_of_range"
    with pytest.raises(RuleViolation):
        cal.add_working_days(date(2026, 12, 30), 5)
    with pytest.raises(RuleViolation):
        cal.days_off_in(2027)


def test_days_off_in_lists_weekend_holidays_but_not_plain_weekends(cal):
    days_off = cal.days_off_in(2026)
    assert date(2026, 3, 8) in days_off  # a Sunday, but a holiday
    assert date(2026, 3, 14) not in days_off  # a plain Saturday
    assert all(d.year == 2026 for d in days_off)
    assert list(days_off) == sorted(days_off)
    assert len(days_off) == 14 + 5  # the law's (with Kurban ait) and the transfers


# ---- the calendar is pure: only the days it is given -------------------------------

def test_only_the_given_days_count():
    given = [
        CalendarEntry(date(2031, 1, 1), "holiday.new_year", DaySource.LAW, name="Жаңа жыл"),
        CalendarEntry(date(2031, 1, 4), "holiday.moved_working_day", DaySource.RESOLUTION,
                      working=True, related=date(2031, 1, 3)),
        CalendarEntry(date(2030, 12, 31), "holiday.new_year", DaySource.LAW),  # out of range
    ]
    cal = WorkingCalendar(2031, 2031, public_days=given)
    assert not cal.is_working_day(date(2031, 1, 1))
    assert cal.is_working_day(date(2031, 1, 2))
    assert cal.is_working_day(date(2031, 1, 4))  # a Saturday made working
    assert list(cal.days_in(2031)) == [date(2031, 1, 1), date(2031, 1, 4)]
    assert WorkingCalendar(2031, 2031, public_days=()).is_working_day(date(2031, 1, 1))
