"""Quarters and their edges (Art. 21 item 10: the analysis is quarterly)."""

from datetime import UTC, date, datetime

import pytest

from juvenile.analysis.periods import Quarter, day_end, quarter_of
from juvenile.reports.charts import nice_step
from juvenile.rules.errors import RuleViolation


@pytest.mark.parametrize(("number", "first", "last"), [
    (1, date(2028, 1, 1), date(2028, 3, 31)),
    (2, date(2028, 4, 1), date(2028, 6, 30)),
    (3, date(2028, 7, 1), date(2028, 9, 30)),
    (4, date(2028, 10, 1), date(2028, 12, 31)),
])
def test_a_quarter_runs_from_its_first_to_its_last_day(number, first, last):
    quarter = Quarter(2028, number)
    assert (quarter.first_day, quarter.last_day) == (first, last)
    assert quarter.contains(first) and quarter.contains(last)
    assert not quarter.contains(date.fromordinal(first.toordinal() - 1))
    assert not quarter.contains(date.fromordinal(last.toordinal() + 1))
    assert quarter_of(first) == quarter_of(last) == quarter


def test_the_months_of_a_quarter_include_a_leap_february():
    assert Quarter(2028, 1).months() == [(date(2028, 1, 1), date(2028, 1, 31)),
                                         (date(2028, 2, 1), date(2028, 2, 29)),
                                         (date(2028, 3, 1), date(2028, 3, 31))]
    assert Quarter(2026, 1).months()[1] == (date(2026, 2, 1), date(2026, 2, 28))


def test_previous_and_later_quarters_cross_the_year():
    assert Quarter(2026, 1).previous() == Quarter(2025, 4)
    assert Quarter(2025, 4).shifted(1) == Quarter(2026, 1)
    assert Quarter(2026, 2).last_n(4) == [Quarter(2025, 3), Quarter(2025, 4), Quarter(2026, 1),
                                          Quarter(2026, 2)]
    assert Quarter(2026, 2).key == "2026-Q2" and Quarter(2026, 4).roman == "IV"


def test_timestamps_are_cut_at_midnight_in_kazakhstan():
    """A decision at 23:30 on 31 March in Almaty is 18:30 UTC: still the first quarter."""
    q1 = Quarter(2026, 1)
    assert q1.end == datetime(2026, 3, 31, 19, 0, tzinfo=UTC)
    assert datetime(2026, 3, 31, 18, 30, tzinfo=UTC) < q1.end
    assert Quarter(2026, 2).start == q1.end == day_end(date(2026, 3, 31))


@pytest.mark.parametrize(("year", "number", "key"), [
    (2026, 0, "analysis.error.bad_quarter"), (2026, 5, "analysis.error.bad_quarter"),
    (1999, 1, "analysis.error.bad_year"), (2101, 1, "analysis.error.bad_year"),
])
def test_impossible_quarters_are_refused(year, number, key):
    with pytest.raises(RuleViolation) as refused:
        Quarter(year, number)
    assert refused.value.key == key


@pytest.mark.parametrize(("largest", "whole", "step"), [
    (1, True, 1), (1, False, 0.2), (37, True, 10), (4, True, 1), (180, False, 50), (0, True, 1),
])
def test_chart_axes_take_round_steps(largest, whole, step):
    assert nice_step(largest, whole=whole) == pytest.approx(step)
