"""Criterion 4: four or more unexcused days in a month (Art. 78 (2) item 4, Art. 23 item 9)."""

from datetime import date

import pytest

from juvenile.rules.attendance import (
    UNEXCUSED_DAYS_THRESHOLD,
    AttendanceStatus,
    check_mark_day,
    meets_absence_criterion,
    parse_month,
    parse_status,
    unexcused_days_by_month,
)
from juvenile.rules.calendar import CalendarEntry, DaySource, WorkingCalendar
from juvenile.rules.errors import RuleViolation

P, E, U = AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED, AttendanceStatus.UNEXCUSED


@pytest.mark.parametrize(("days", "meets"), [(0, False), (3, False), (4, True), (5, True)])
def test_art_78_2_item_4_threshold(days, meets):
    assert UNEXCUSED_DAYS_THRESHOLD == 4
    assert meets_absence_criterion(days) is meets


def test_negative_day_count_is_refused():
    with pytest.raises(RuleViolation) as caught:
        meets_absence_criterion(-1)
    assert caught.value.key == "attendance.negative_days"


@pytest.mark.parametrize(
    ("text", "status"),
    [("present", P), ("excused", E), ("unexcused", U), (" Unexcused ", U)],
)
def test_parse_status(text, status):
    assert parse_status(text) is status


@pytest.mark.parametrize("text", ["", "late", "absent", "unexcused absence"])
def test_parse_status_refuses_unknown_values(text):
    with pytest.raises(RuleViolation) as caught:
        parse_status(text)
    assert caught.value.key == "attendance.bad_status"
    assert caught.value.params == {"value": text}


def test_counts_distinct_unexcused_dates_per_month():
    marks = [
        (date(2026, 1, 30), U),
        (date(2026, 1, 31), U),
        (date(2026, 2, 2), U),
        (date(2026, 2, 2), U),  # a second lesson the same day: still one day
        (date(2026, 2, 3), E),  # a valid reason does not count
        (date(2026, 2, 4), U),
        (date(2026, 2, 5), U),
        (date(2026, 2, 6), P),
        (date(2026, 3, 2), P),
    ]
    assert unexcused_days_by_month(marks) == {"2026-01": 2, "2026-02": 3, "2026-03": 0}


def test_three_days_plus_a_duplicate_do_not_meet_the_criterion():
    marks = [(date(2026, 2, d), U) for d in (2, 3, 4, 4)]
    (count,) = unexcused_days_by_month(marks).values()
    assert count == 3
    assert not meets_absence_criterion(count)


def test_four_days_in_one_month_meet_the_criterion_but_not_across_months():
    in_month = [(date(2026, 2, d), U) for d in (2, 3, 4, 5)]
    across = [(date(2026, 1, 30), U), (date(2026, 1, 31), U)] + in_month[:2]
    assert meets_absence_criterion(unexcused_days_by_month(in_month)["2026-02"])
    assert not any(map(meets_absence_criterion, unexcused_days_by_month(across).values()))


def test_a_date_with_an_unexcused_mark_counts_even_if_another_mark_is_excused():
    marks = [(date(2026, 2, 2), E), (date(2026, 2, 2), U)]
    assert unexcused_days_by_month(marks) == {"2026-02": 1}


def test_status_codes_as_text_are_accepted_and_checked():
    assert unexcused_days_by_month([(date(2026, 2, 2), "unexcused")]) == {"2026-02": 1}
    with pytest.raises(RuleViolation):
        unexcused_days_by_month([(date(2026, 2, 2), "skipped")])


def test_no_marks_no_months():
    assert unexcused_days_by_month([]) == {}


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29)),
        ("2026-04", date(2026, 4, 1), date(2026, 4, 30)),
        ("2026-12", date(2026, 12, 1), date(2026, 12, 31)),
        ("2026-01", date(2026, 1, 1), date(2026, 1, 31)),
    ],
)
def test_parse_month(text, first, last):
    assert parse_month(text) == (first, last)


@pytest.mark.parametrize(
    "text", ["", "2026-13", "2026-00", "2026-2", "26-02", "2026/02", "0000-01", "2026-02-01"]
)
def test_parse_month_refuses_bad_input(text):
    with pytest.raises(RuleViolation) as caught:
        parse_month(text)
    assert caught.value.key == "attendance.bad_month"


def test_a_mark_is_for_today_at_the_latest():
    """Art. 78 (2) item 4 counts days missed: a day that has not come has no mark."""
    today = date(2026, 11, 25)
    check_mark_day(today, today)
    with pytest.raises(RuleViolation) as caught:
        check_mark_day(date(2026, 11, 26), today)
    assert (caught.value.key, caught.value.params) == ("attendance.error.future_date",
                                                       {"day": "2026-11-26"})


# December 2026: Saturday 5, Sunday 6, Independence Day on Wednesday 16, the
# administrator's day off on Friday 18, working Sunday 13 and Saturday 19.
_DECEMBER = WorkingCalendar(
    2026, 2026,
    public_days=[CalendarEntry(date(2026, 12, 16), "holiday.independence_day", DaySource.LAW)],
    extra_days_off=[date(2026, 12, 18)],
    extra_working_days=[date(2026, 12, 13), date(2026, 12, 19)],
)


@pytest.mark.parametrize(("day", "school_day"), [
    (date(2026, 12, 4), True),  # a Friday
    (date(2026, 12, 5), True),  # a Saturday: six-day-week schools teach
    (date(2026, 12, 6), False),  # a Sunday
    (date(2026, 12, 16), False),  # a public holiday on a weekday
    (date(2026, 12, 18), False),  # a day off by resolution, entered by the administrator
    (date(2026, 12, 13), True),  # a Sunday declared a working day
    (date(2026, 12, 19), True),  # a Saturday declared a working day
])
def test_criterion_4_counts_school_days_only(day, school_day):
    """Art. 78 (2) item 4: on a day without lessons nobody missed one (issue 15 item 4)."""
    assert _DECEMBER.is_school_day(day) is school_day
    if school_day:
        check_mark_day(day, date(2026, 12, 31), _DECEMBER)
        return
    with pytest.raises(RuleViolation) as caught:
        check_mark_day(day, date(2026, 12, 31), _DECEMBER)
    assert (caught.value.key, caught.value.params["day"]) == (
        "attendance.error.not_school_day", day.isoformat())


def test_the_non_school_days_of_a_period_both_ends_included():
    assert _DECEMBER.non_school_days(date(2026, 12, 6), date(2026, 12, 20)) == [
        date(2026, 12, 6), date(2026, 12, 16), date(2026, 12, 18), date(2026, 12, 20)]
