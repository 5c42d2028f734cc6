"""Working days and holiday transfers (README "Working days"; Art. 80 (11), Art. 81 (12))."""

from datetime import date

import pytest

from juvenile.rules.calendar import (
    EXTRA_DAY_OFF,
    KURBAN_AIT,
    RELIGIOUS,
    TRANSFERRED,
    WorkingCalendar,
    statutory_holidays,
    transferred_days_off,
)
from juvenile.rules.errors import RuleViolation


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar(2020, 2030)


def test_statutory_holidays_2026():
    holidays = statutory_holidays(2026)
    assert len(holidays) == 14
    assert holidays[date(2026, 3, 22)] == "holiday.nauryz"
    assert holidays[date(2026, 12, 16)] == "holiday.independence_day"
    assert holidays[date(2026, 1, 7)] == "holiday.orthodox_christmas"
    assert "holiday.orthodox_christmas" in RELIGIOUS


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
    assert transferred_days_off(2026)[date(2026, 3, 24)] == date(2026, 3, 21)
    assert transferred_days_off(2026)[date(2026, 3, 25)] == date(2026, 3, 22)
    cal = WorkingCalendar(2026, 2026)
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
    assert transferred_days_off(2026) == {
        date(2026, 3, 9): date(2026, 3, 8),  # Sun 8 March
        date(2026, 3, 24): date(2026, 3, 21),
        date(2026, 3, 25): date(2026, 3, 22),
        date(2026, 5, 11): date(2026, 5, 9),  # Sat 9 May
        date(2026, 8, 31): date(2026, 8, 30),  # Sun 30 August
        date(2026, 10, 26): date(2026, 10, 25),  # Sun 25 October
    }


def test_7_january_on_a_weekend_is_not_moved(cal):
    # 2024: 7 January is a Sunday; Monday 8 January is an ordinary working day
    assert date(2024, 1, 7).weekday() == 6
    assert date(2024, 1, 7) not in transferred_days_off(2024).values()
    assert cal.is_working_day(date(2024, 1, 8))
    # 2023: 7 January is a Saturday; Monday 9 January is working
    assert cal.is_working_day(date(2023, 1, 9))


def test_1_and_2_january_on_a_weekend_2022(cal):
    # Sat 1 Jan -> Mon 3 Jan, Sun 2 Jan -> Tue 4 Jan
    january = {k: v for k, v in transferred_days_off(2022).items() if k.month == 1}
    assert january == {date(2022, 1, 3): date(2022, 1, 1), date(2022, 1, 4): date(2022, 1, 2)}
    assert not cal.is_working_day(date(2022, 1, 3))
    assert not cal.is_working_day(date(2022, 1, 4))
    assert cal.is_working_day(date(2022, 1, 5))


def test_1_january_on_sunday_with_2_january_monday_2023(cal):
    # Sun 1 Jan -> the next weekday that is not a holiday: Tue 3 Jan
    assert transferred_days_off(2023)[date(2023, 1, 3)] == date(2023, 1, 1)
    assert not cal.is_working_day(date(2023, 1, 3))
    assert cal.is_working_day(date(2023, 1, 4))


def test_16_december_on_saturday(cal):
    assert transferred_days_off(2023)[date(2023, 12, 18)] == date(2023, 12, 16)
    assert cal.add_working_days(date(2023, 12, 15), 1) == date(2023, 12, 19)


def test_transfers_never_land_on_a_weekend_or_holiday_and_one_per_weekend_holiday():
    for year in range(2000, 2101):
        holidays = statutory_holidays(year)
        given = transferred_days_off(year)
        moved = [d for d, k in holidays.items() if d.weekday() >= 5 and k not in RELIGIOUS]
        assert sorted(given.values()) == sorted(moved)
        for day, source in given.items():
            assert day.weekday() < 5 and day not in holidays and day > source


def test_administrator_day_off_and_extra_working_saturday():
    # Fri 8 May 2026 made a day off, Sat 16 May 2026 made a working day
    cal = WorkingCalendar(
        2026, 2026, extra_days_off={date(2026, 5, 8)}, extra_working_days={date(2026, 5, 16)}
    )
    assert not cal.is_working_day(date(2026, 5, 8))
    assert cal.is_working_day(date(2026, 5, 16))
    assert not cal.is_working_day(date(2026, 5, 17))
    # Wed 6 -> (Thu 7 holiday, Fri 8 off, Sat 9 holiday, Sun, Mon 11 transfer) Tue 12
    assert cal.add_working_days(date(2026, 5, 6), 1) == date(2026, 5, 12)
    assert cal.add_working_days(date(2026, 5, 15), 1) == date(2026, 5, 16)
    assert cal.days_off_in(2026)[date(2026, 5, 8)] == EXTRA_DAY_OFF
    plain = WorkingCalendar(2026, 2026)
    assert plain.is_working_day(date(2026, 5, 8))
    assert not plain.is_working_day(date(2026, 5, 16))


def test_extra_working_day_overrides_a_transfer():
    cal = WorkingCalendar(2026, 2026, extra_working_days={date(2026, 3, 9)})
    assert cal.is_working_day(date(2026, 3, 9))
    assert date(2026, 3, 9) not in cal.days_off_in(2026)


def test_kurban_ait_is_a_day_off_and_does_not_move():
    # Kurban ait on a Saturday (hypothetical date): Monday after stays working
    cal = WorkingCalendar(2026, 2026, kurban_ait={date(2026, 5, 27), date(2026, 6, 6)})
    assert not cal.is_working_day(date(2026, 5, 27))
    assert cal.days_off_in(2026)[date(2026, 5, 27)] == KURBAN_AIT
    assert cal.days_off_in(2026)[date(2026, 6, 6)] == KURBAN_AIT
    assert cal.is_working_day(date(2026, 6, 8))
    assert cal.add_working_days(date(2026, 5, 26), 1) == date(2026, 5, 28)


def test_kurban_ait_entered_as_extra_day_off():
    cal = WorkingCalendar(2026, 2026, extra_days_off={date(2026, 5, 27)})
    assert not cal.is_working_day(date(2026, 5, 27))
    assert cal.add_working_days(date(2026, 5, 26), 1) == date(2026, 5, 28)


def test_re_entering_a_transferred_day_changes_nothing():
    cal = WorkingCalendar(2026, 2026, extra_days_off={date(2026, 3, 24)})
    assert cal.days_off_in(2026) == WorkingCalendar(2026, 2026).days_off_in(2026)


def test_a_day_both_off_and_working_is_refused():
    with pytest.raises(RuleViolation) as caught:
        WorkingCalendar(
            2026, 2026, extra_days_off={date(2026, 5, 16)}, extra_working_days={date(2026, 5, 16)}
        )
    assert caught.value.key == "calendar.day_both_off_and_working"


def test_bad_year_range_is_refused():
    with pytest.raises(RuleViolation) as caught:
        WorkingCalendar(2027, 2026)
    assert caught.value.key == "calendar.bad_year_range"


def test_dates_outside_the_calendar_are_refused():
    cal = WorkingCalendar(2026, 2026)
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
    assert len(days_off) == 14 + 6
