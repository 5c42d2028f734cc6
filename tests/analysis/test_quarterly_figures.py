"""The quarterly analysis (Art. 21 item 10) of the hand-built district: every figure
is counted by hand in analysis_world.py and must come out exactly."""

import math
from datetime import date, datetime

import pytest
from analysis_world import analyst

from juvenile import clock, db
from juvenile.analysis.indicators import catalogue
from juvenile.errors import InputRefused
from juvenile.models import AttendanceMark
from juvenile.rules.attendance import AttendanceStatus
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.services.administration.calendar import add_working_day
from juvenile.services.analysis.quarterly import (
    quarterly_analysis,
    rank_schools,
    school_figures,
)

# Non-zero counts of 2026 Q2 in district TST-D1; every other counted figure is 0.
Q2 = {
    "TST-A": {
        # a1 (assigned 31 Mar), a10 (not yet moved), a2 (assigned on 1 Apr itself)
        "support_start": 3,
        # a2 only: a1's case closed on 30 Jun, a10 has moved to B
        "support_end": 1,
        "flag_1": 1, "flag_3": 1, "flag_9": 1,  # 1 Apr and 30 Jun in; 31 Mar, 1 Jul out
        "cases_opened": 2,  # opened 1 Apr and 10 Apr; 31 Mar is Q1
        "closed_improved": 1, "closed_support_not_needed": 1,  # 30 Jun and 20 Apr
        "council_meetings": 2,  # 1 Apr, 20 Apr held; 30 Jun only planned
        "refusals": 1, "referrals": 1,
        "decision_representative_obligations": 1,  # decided on 1 Apr
        "decision_individual_prevention": 1,
        "placements_started": 1,  # 1 Apr
        "placements_ended": 1, "placements_returned": 1,  # returned 30 Jun
        "rehab_plans_due": 1, "rehab_plans_on_time": 1,  # returned in Q1, due 1 Apr
        "enrolled": 9,
        "unexcused_days": 17,  # a1 4, a2 4 (not 1 Jul), a3 3 (not 31 Mar), a10 2, a4 4
        "students_4day": 2,  # a1 (April from the 1st), a2 (June to the 30th)
    },
    "TST-B": {
        "support_end": 2,  # a10 after the move, b3 (closed only on 1 Jul)
        "flag_4": 1,
        "cases_opened": 3,  # 1 May, 1 Jun, 30 Jun; 1 Jul is out
        "council_meetings": 2,  # 20 May and 30 Jun; 1 Jul is out
        "refusals": 1, "referrals": 1,  # at 23:59 on 30 Jun, Kazakhstan time
        "placements_ended": 2,  # terminated 20 May, returned 20 Jun
        "placements_returned": 1,
        "rehab_plans_due": 1,  # due 25 Jun, made 26 Jun: late
        "enrolled": 5,
        "unexcused_days": 5,  # a10 after the move 2, b1 3; excused days do not count
        "students_4day": 1,  # a10: 2 days at A + 2 at B in May, counted at B
    },
}
# 2026 Q1 in TST-D1: the previous quarter.
Q1 = {
    "TST-A": {
        "support_end": 2,  # a1 (assigned 31 Mar), a10; a5's case closed on 31 Mar
        "flag_1": 1,
        "cases_opened": 5, "closed_improved": 1,
        "council_meetings": 3, "refusals": 1, "referrals": 1,  # 23:59:59 on 31 Mar
        "placements_ended": 1, "placements_returned": 1,  # returned 27 Mar
        "enrolled": 9,
        "unexcused_days": 1,  # 31 Mar
    },
    "TST-B": {"enrolled": 5},
}
# Decided on a question that is not a referral: the district's total only.
DISTRICT_ONLY = {"decision_close_without_measures": 1}
SUMS = {"flags_total": "flag_", "cases_closed": "closed_", "decisions_total": "decision_"}


def _expected(counts: dict[str, int], codes: list[str]) -> dict[str, float]:
    figures = {code: float(counts.get(code, 0)) for code in codes}
    for total, prefix in SUMS.items():
        figures[total] = sum(v for c, v in figures.items() if c.startswith(prefix))
    figures["unexcused_per_100"] = figures["unexcused_days"] * 100 / figures["enrolled"]
    due = figures["rehab_plans_due"]
    figures["rehab_on_time_pct"] = figures["rehab_plans_on_time"] * 100 / due if due else math.nan
    return figures


def _district_total(per_school: dict[str, dict[str, int]], extra: dict[str, int]) -> dict:
    total: dict[str, int] = dict(extra)
    for counts in per_school.values():
        for code, value in counts.items():
            total[code] = total.get(code, 0) + value
    return total


def _same(actual: float, expected: float) -> bool:
    if math.isnan(expected):
        return math.isnan(actual)
    return actual == pytest.approx(expected)


def _codes(result) -> list[str]:
    return [indicator.code for indicator in result.indicators]


def test_every_figure_of_every_school_matches_the_hand_count(world):
    result = quarterly_analysis(Actor.system(), 2026, 2, district_id=world.districts["TST-D1"])

    assert list(result.by_school.index) == ["TST-A", "TST-B"]  # TST-C is another district
    assert list(result.by_school.columns) == _codes(result)
    for quarter, frame in ((Q2, result.by_school), (Q1, result.previous_by_school)):
        for school, counts in quarter.items():
            expected = _expected(counts, _codes(result))
            wrong = {code: (frame.at[school, code], value) for code, value in expected.items()
                     if not _same(float(frame.at[school, code]), value)}
            assert not wrong, f"{school}: {wrong}"


def test_totals_add_the_schools_and_the_district_level_decisions(world):
    result = quarterly_analysis(Actor.system(), 2026, 2, district_id=world.districts["TST-D1"])
    current = _expected(_district_total(Q2, DISTRICT_ONLY), _codes(result))
    previous = _expected(_district_total(Q1, {}), _codes(result))

    for code in _codes(result):
        row = result.totals.loc[code]
        assert _same(row["value"], current[code]), code
        assert _same(row["previous"], previous[code]), code
    assert result.totals.at["decisions_total", "value"] == 3  # 2 at school A + 1 district-only
    assert result.by_school["decisions_total"].sum() == 2
    assert result.totals.at["unexcused_per_100", "value"] == pytest.approx(22 / 14 * 100)
    assert result.totals.at["rehab_on_time_pct", "value"] == 50.0


def test_change_against_the_previous_quarter(world):
    result = quarterly_analysis(Actor.system(), 2026, 2, district_id=world.districts["TST-D1"])

    flags = result.figure("flags_total")
    assert (flags.value, flags.previous, flags.change, flags.change_pct) == (4, 1, 3, 300.0)
    meetings = result.figure("council_meetings")
    assert meetings.change == 1 and meetings.change_pct == pytest.approx(100 / 3)
    # From nothing: the change is the value, the percent change does not exist.
    started = result.figure("placements_started")
    assert (started.value, started.previous, started.change, started.change_pct) == (
        1, 0, 1, None)
    # Nothing was due in Q1: no percentage then, so no change of it either.
    on_time = result.figure("rehab_on_time_pct")
    assert (on_time.value, on_time.previous, on_time.change, on_time.change_pct) == (
        50.0, None, None, None)
    unchanged = result.figure("cases_opened")
    assert (unchanged.change, unchanged.change_pct) == (0, 0.0)
    # Per school too: A's flags went from 1 to 3.
    assert result.change_by_school.at["TST-A", "flags_total"] == 2
    assert result.change_pct_by_school.at["TST-A", "flags_total"] == 200.0
    assert math.isnan(result.change_pct_by_school.at["TST-B", "flags_total"])


def test_an_empty_previous_quarter_gives_changes_without_percentages(world):
    """Nothing happened in 2025 Q4: every change of 2026 Q1 is its value, and no
    percent change exists (there is no percentage of nothing)."""
    result = quarterly_analysis(Actor.system(), 2026, 1, district_id=world.districts["TST-D1"])
    current = _expected(_district_total(Q1, {}), _codes(result))

    for code in _codes(result):
        figure = result.figure(code)
        if code == "enrolled":  # the roll is today's in every quarter
            assert (figure.previous, figure.change, figure.change_pct) == (14, 0, 0.0)
            continue
        expected = None if math.isnan(current[code]) else current[code]
        assert figure.value == expected, code
        if code == "rehab_on_time_pct":
            assert figure.previous is None and figure.change is None
        else:
            assert figure.previous == 0, code
            assert figure.change == figure.value, code
        assert figure.change_pct is None, code


def test_events_one_day_outside_belong_to_the_neighbouring_quarters(world):
    district = world.districts["TST-D1"]
    q3 = quarterly_analysis(Actor.system(), 2026, 3, district_id=district)
    # 1 July: a4's flag, b2's case, B's meeting and the refusal at 00:00 are in Q3.
    assert q3.by_school.at["TST-A", "flag_12"] == 1
    assert q3.by_school.at["TST-B", "cases_opened"] == 1
    assert q3.by_school.at["TST-B", "council_meetings"] == 1
    assert q3.by_school.at["TST-B", "refusals"] == 1
    assert q3.by_school.at["TST-B", "referrals"] == 1
    assert q3.by_school.at["TST-A", "unexcused_days"] == 1
    assert q3.by_school.at["TST-B", "closed_moved_school"] == 1
    assert q3.by_school.at["TST-A", "placements_started"] == 1
    assert q3.totals.at["decision_family_support_centre", "value"] == 1
    # The previous quarter of Q3 is Q2: its figures are the ones counted by hand.
    assert q3.previous_by_school.at["TST-A", "flags_total"] == 3
    # The trend runs over the last four quarters, oldest first.
    assert list(q3.trend.columns) == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
    assert list(q3.trend.loc["flags_total"]) == [0, 1, 4, 1]


def test_a_student_who_moved_counts_at_each_school_on_its_own_days(world):
    """a10 moved from A to B on 15 May: under support at A on 1 April, at B on
    30 June; their May absences at both schools add up to the four-day rule."""
    system = Actor.system()
    school_a = school_figures(system, 2026, 2, world.schools["TST-A"])
    school_b = school_figures(system, 2026, 2, world.schools["TST-B"])

    assert school_a.figure("support_start").value == 3
    assert school_a.figure("support_end").value == 1
    assert school_b.figure("support_start").value == 0
    assert school_b.figure("support_end").value == 2
    assert school_b.figure("students_4day").value == 1
    assert school_a.figure("students_4day").value == 2
    # The drill-down is the same figures as the district's row of that school.
    district = quarterly_analysis(system, 2026, 2, district_id=world.districts["TST-D1"])
    assert school_b.by_school.loc["TST-B"].equals(district.by_school.loc["TST-B"])
    assert list(school_b.school("TST-B").columns) == ["value", "previous", "change",
                                                      "change_pct"]


def test_the_region_adds_its_districts(world):
    system = Actor.system()
    region = quarterly_analysis(system, 2026, 2, region_id=world.region_id)
    first = quarterly_analysis(system, 2026, 2, district_id=world.districts["TST-D1"])
    second = quarterly_analysis(system, 2026, 2, district_id=world.districts["TST-D2"])

    assert list(region.by_school.index) == ["TST-A", "TST-B", "TST-C"]
    counted = [c for c in _codes(region) if c not in ("unexcused_per_100", "rehab_on_time_pct")]
    for code in counted:
        assert region.totals.at[code, "value"] == (
            first.totals.at[code, "value"] + second.totals.at[code, "value"]), code
    assert second.totals.at["flag_1", "value"] == 1
    assert second.totals.at["unexcused_days", "value"] == 5
    assert second.totals.at["students_4day", "value"] == 1


def test_schools_rank_by_the_chosen_indicators(world):
    district = world.districts["TST-D1"]
    result = quarterly_analysis(Actor.system(), 2026, 2, district_id=district,
                                rank_by=["unexcused_per_100"])
    assert list(result.ranking.index) == ["TST-A", "TST-B"]
    assert list(result.ranking["rank"]) == [1, 2]

    ranked = rank_schools(result.by_school, ["council_meetings", "cases_opened"],
                          ascending=[False, True])
    assert list(ranked.index) == ["TST-A", "TST-B"]  # a tie on meetings, fewer cases first
    ranked = rank_schools(result.by_school, ["rehab_on_time_pct"], ascending=True)
    assert list(ranked.index) == ["TST-B", "TST-A"]
    with pytest.raises(RuleViolation) as refused:
        rank_schools(result.by_school, ["no_such_figure"])
    assert refused.value.key == "analysis.error.unknown_indicator"


def test_the_analyst_sees_their_own_district_by_default(world):
    own = analyst(district_id=world.districts["TST-D1"])
    result = quarterly_analysis(own, 2026, 2)
    assert result.scope.code == "TST-D1"
    assert result.totals.at["flags_total", "value"] == 4


def test_no_name_of_a_child_at_any_level(world):
    result = quarterly_analysis(Actor.system(), 2026, 2, district_id=world.districts["TST-D1"])
    text = " ".join(str(frame.to_dict()) for frame in (
        result.schools, result.by_school, result.totals, result.trend, result.long()))
    assert "Тестова" not in text and "A1" not in text
    assert set(result.schools.columns) == {"school_id", "district_code", "name_kk", "name_ru"}


def test_bad_periods_and_scopes_are_refused(world):
    system = Actor.system()
    for year, quarter, key in ((2026, 5, "analysis.error.bad_quarter"),
                               (2026, 0, "analysis.error.bad_quarter"),
                               (1990, 1, "analysis.error.bad_year")):
        with pytest.raises(RuleViolation) as refused:
            quarterly_analysis(system, year, quarter, district_id=world.districts["TST-D1"])
        assert refused.value.key == key
    with pytest.raises(InputRefused) as refused:
        quarterly_analysis(system, 2026, 2)
    assert refused.value.key == "analysis.error.scope_required"
    with pytest.raises(RuleViolation) as refused:
        quarterly_analysis(system, 2026, 2, district_id=world.districts["TST-D1"],
                           region_id=world.region_id)
    assert refused.value.key == "analysis.error.one_scope"


def test_indicator_labels_exist_in_both_official_languages(world):
    result = quarterly_analysis(Actor.system(), 2026, 2, district_id=world.districts["TST-D1"])
    for indicator in catalogue([]) + result.indicators:
        for language in ("kk", "ru"):
            label = indicator.label(language)
            assert label and "analysis." not in label and "case." not in label, label
    assert result.label("decision_individual_prevention", "kk").startswith("Жеке профилактика")
    assert result.label("flag_4", "ru") == "Критерий 4"


@pytest.mark.parametrize(("today", "due", "on_time"), [
    ("2026-07-03T12:00", 0, 0),  # the due day itself: the plan is still in time
    ("2026-07-04T09:00", 1, 0),  # the day after: late
])
def test_a_plan_still_in_time_is_on_neither_side_of_the_share(world, today, due, on_time):
    """Art. 80 (11): the rehabilitation plan within 3 working days of the return. a8
    came back on 30 Jun 2026; the plan, due 3 Jul, is not made (issue 20, item 6)."""
    moment = datetime.fromisoformat(today).replace(tzinfo=clock.KAZAKHSTAN_TIME)
    with clock.frozen_at(moment):
        result = quarterly_analysis(Actor.system(), 2026, 3,
                                    district_id=world.districts["TST-D1"])
    assert result.by_school.at["TST-A", "rehab_plans_due"] == due
    assert result.by_school.at["TST-A", "rehab_plans_on_time"] == on_time
    share = result.by_school.at["TST-A", "rehab_on_time_pct"]
    assert math.isnan(share) if due == 0 else share == 0


def test_criterion_4_figures_count_school_days_only(world):
    """Issue 15 item 4 (Art. 78 (2) item 4): a5's unexcused April at TST-A is a
    Saturday (counted: six-day weeks), a Sunday and two weekdays, plus Unity
    Day and Defender Day in May (public holidays): three school days, short of
    the four-day rule, until the administrator declares the Sunday a working day."""
    system, district = Actor.system(), world.districts["TST-D1"]
    with db.transaction() as session:
        session.add_all(
            AttendanceMark(student_id=world.students["a5"], day=date.fromisoformat(day),
                           status=AttendanceStatus.UNEXCUSED, school_id=world.schools["TST-A"])
            for day in ("2026-04-04", "2026-04-05", "2026-04-13", "2026-04-14",
                        "2026-05-01", "2026-05-07"))
    before = quarterly_analysis(system, 2026, 2, district_id=district).by_school.loc["TST-A"]
    assert (before["unexcused_days"], before["students_4day"]) == (17 + 3, 2)
    add_working_day(system, date(2026, 4, 5), "a day off moved from this Sunday")
    after = quarterly_analysis(system, 2026, 2, district_id=district).by_school.loc["TST-A"]
    assert (after["unexcused_days"], after["students_4day"]) == (17 + 4, 3)
