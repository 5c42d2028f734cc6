"""Placements: terms, ages, deciding body, deadlines, extension, transfer (Art. 80, Art. 81)."""

from datetime import date, timedelta

import pytest

from juvenile.rules.calendar import WorkingCalendar
from juvenile.rules.errors import RuleViolation
from juvenile.rules.placements import (
    EXTENSION_GROUNDS,
    TERM_LIMITS_MONTHS,
    DecidingBody,
    PlacementKind,
    check_early_termination,
    check_notice_date,
    check_organisation_kind,
    check_plan_date,
    check_return_date,
    check_start_after_decision,
    check_transfer_start,
    notice_due,
    planned_end,
    rehabilitation_plan_due,
    require_responsible_commission,
    validate_age_at_decision,
    validate_deciding_body,
    validate_extension,
    validate_term,
    validate_transfer,
)
from juvenile.services.administration.public_holidays import statutory_calendar

SE = PlacementKind.SPECIAL_EDUCATION
SR = PlacementKind.SPECIAL_REGIME


def test_term_limits_art_80_3_and_art_81_5():
    assert TERM_LIMITS_MONTHS == {SE: (6, 12), SR: (6, 24)}


@pytest.mark.parametrize(
    ("kind", "months", "ok"),
    [
        (SE, 5, False),
        (SE, 6, True),
        (SE, 12, True),
        (SE, 13, False),
        (SE, 24, False),
        (SE, 25, False),
        (SR, 5, False),
        (SR, 6, True),
        (SR, 12, True),
        (SR, 13, True),
        (SR, 24, True),
        (SR, 25, False),
    ],
)
def test_term(kind, months, ok):
    if ok:
        validate_term(kind, months)
        return
    with pytest.raises(RuleViolation) as caught:
        validate_term(kind, months)
    assert caught.value.key == f"placement.{kind}.term_out_of_range"
    assert caught.value.article == ("Art. 80 (3)" if kind is SE else "Art. 81 (5)")
    assert caught.value.params == {"count": months}


BORN = date(2010, 5, 15)


@pytest.mark.parametrize(
    ("decision", "key"),
    [
        (date(2021, 5, 14), "placement.too_young"),  # 10, the day before the 11th birthday
        (date(2021, 5, 15), None),  # 11th birthday
        (date(2028, 5, 14), None),  # 17, the day before the 18th birthday
        (date(2028, 5, 15), "placement.too_old"),  # 18th birthday
        (date(2020, 1, 1), "placement.too_young"),  # 9
    ],
)
def test_age_on_decision_date_art_80_1_art_81_2(decision, key):
    if key is None:
        validate_age_at_decision(BORN, decision)
        return
    with pytest.raises(RuleViolation) as caught:
        validate_age_at_decision(BORN, decision)
    assert caught.value.key == key
    assert "Art. 80 (1)" in caught.value.article


@pytest.mark.parametrize(
    ("kind", "body", "ok"),
    [
        (SE, DecidingBody.COURT, True),
        (SE, DecidingBody.INTERNAL_AFFAIRS, True),  # Art. 80 (2)
        (SR, DecidingBody.COURT, True),
        (SR, DecidingBody.INTERNAL_AFFAIRS, False),  # Art. 81 (3): court only
    ],
)
def test_deciding_body(kind, body, ok):
    if ok:
        validate_deciding_body(kind, body)
        return
    with pytest.raises(RuleViolation) as caught:
        validate_deciding_body(kind, body)
    assert caught.value.key == "placement.special_regime.court_only"
    assert caught.value.article == "Art. 81 (3)"


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 1, 15), 12, date(2027, 1, 15)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 7, 31), 6, date(2027, 1, 31)),
        (date(2028, 2, 29), 24, date(2030, 2, 28)),
        (date(2026, 12, 1), 13, date(2028, 1, 1)),
    ],
)
def test_planned_end_is_start_plus_calendar_months(start, months, end):
    assert planned_end(start, months) == end


@pytest.mark.parametrize(
    ("end", "due"),
    [
        (date(2027, 3, 31), date(2027, 2, 28)),
        (date(2028, 3, 31), date(2028, 2, 29)),
        (date(2027, 1, 15), date(2026, 12, 15)),
        (date(2027, 5, 31), date(2027, 4, 30)),
        (date(2027, 3, 1), date(2027, 2, 1)),
        (date(2027, 1, 31), date(2026, 12, 31)),
    ],
)
def test_notice_due_one_month_before_end_art_80_10_art_81_11(end, due):
    assert notice_due(end) == due


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return statutory_calendar(2026, 2027)


@pytest.mark.parametrize(
    ("returned", "due"),
    [
        (date(2026, 12, 11), date(2026, 12, 17)),  # Fri; Wed 16 Dec is a holiday
        (date(2026, 4, 9), date(2026, 4, 14)),  # Thu; across the weekend
        (date(2026, 3, 21), date(2026, 3, 30)),  # Sat in Nauryz: 26, 27, 30 March
        (date(2026, 4, 13), date(2026, 4, 16)),  # Mon; plain week
        # Thu 27 Aug 2026: Fri 28, Mon 31, Tue 1 Sep. 30 August is no longer Constitution
        # Day from 2026, so Mon 31 is no transfer (the old table gave Wed 2 Sep, a day late)
        (date(2026, 8, 27), date(2026, 9, 1)),
        (date(2027, 3, 12), date(2027, 3, 18)),  # Fri; Mon 15 Mar 2027 is Constitution Day
    ],
)
def test_rehabilitation_plan_due_in_3_working_days_art_80_11_art_81_12(cal, returned, due):
    assert rehabilitation_plan_due(returned, cal) == due


def test_extension_grounds_art_80_5_art_81_7():
    assert [g.code for g in EXTENSION_GROUNDS[SE]] == [
        "finish_schooling_at_request",
        "repeated_offence",
        "evasion",
        "running_away",
        "antisocial_behaviour",
    ]
    assert [g.code for g in EXTENSION_GROUNDS[SR]] == [
        "finish_schooling_with_consent",
        "new_criminal_act",
    ]
    assert EXTENSION_GROUNDS[SE][0].message_key == "placement.ground.finish_schooling_at_request"


START = date(2026, 1, 15)


@pytest.mark.parametrize(
    ("kind", "current_end", "new_end", "ground", "key"),
    [
        (SE, date(2026, 7, 15), date(2027, 1, 15), "evasion", None),  # exactly one year
        (SE, date(2026, 7, 15), date(2027, 1, 16), "evasion", "too_long"),
        (SR, date(2026, 7, 15), date(2028, 1, 15), "new_criminal_act", None),  # two years
        (SR, date(2026, 7, 15), date(2028, 1, 16), "new_criminal_act", "too_long"),
        (SE, date(2026, 7, 15), date(2026, 7, 15), "evasion", "not_later"),
        (SE, date(2026, 7, 15), date(2026, 7, 1), "evasion", "not_later"),
        (SE, date(2026, 7, 15), date(2026, 9, 15), "new_criminal_act", "ground"),
        (SR, date(2026, 7, 15), date(2026, 9, 15), "running_away", "ground"),
    ],
)
def test_extension(kind, current_end, new_end, ground, key):
    if key is None:
        validate_extension(kind, START, current_end, new_end, ground)
        return
    with pytest.raises(RuleViolation) as caught:
        validate_extension(kind, START, current_end, new_end, ground)
    expected = {
        "too_long": f"placement.{kind}.extension_too_long",
        "not_later": "placement.extension_not_later",
        "ground": "placement.extension_ground_refused",
    }[key]
    assert caught.value.key == expected


def test_transfer_only_from_special_education_to_special_regime_art_80_6():
    validate_transfer(SE, SR)
    for source, target in [(SR, SE), (SE, SE), (SR, SR)]:
        with pytest.raises(RuleViolation) as caught:
            validate_transfer(source, target)
        assert caught.value.key == "placement.transfer_refused"
        assert caught.value.params == {"source": source, "target": target}


DAY = timedelta(days=1)
STAY_START, STAY_END = date(2026, 3, 2), date(2027, 3, 2)


def _refused(call, *args) -> RuleViolation:
    with pytest.raises(RuleViolation) as caught:
        call(*args)
    return caught.value


def test_an_early_end_falls_from_the_start_day_to_the_day_before_the_planned_end():
    """Art. 80 (4), Art. 81 (6): the court ends the stay before its term."""
    check_early_termination(STAY_START, STAY_START, STAY_END)
    check_early_termination(STAY_START, STAY_END - DAY, STAY_END)
    for day in (STAY_START - DAY, STAY_END):
        refused = _refused(check_early_termination, STAY_START, day, STAY_END)
        assert (refused.key, refused.article) == ("placement.termination_not_early",
                                                  "Art. 80 (4), Art. 81 (6)")


def test_the_organisation_is_of_the_kind_decided():
    """Art. 80, Art. 81: a special education or a special-regime organisation."""
    check_organisation_kind(SE, "special_education", "SE-1")
    refused = _refused(check_organisation_kind, SE, "special_regime", "SR-1")
    assert (refused.key, refused.params) == ("placement.organisation_wrong_kind",
                                             {"organisation": "SR-1", "kind": "special_regime"})


def test_the_stay_starts_on_the_decision_day_or_later():
    """Art. 80 (2), Art. 81 (3): the stay follows the decision."""
    decided = date(2026, 11, 20)
    check_start_after_decision(decided, decided)
    assert _refused(check_start_after_decision, decided, decided - DAY).key == (
        "placement.start_before_decision")


def test_the_notice_arrives_on_the_decision_day_or_later():
    """Art. 80 (10) item 4, Art. 81 (11) item 4: the notice concerns a decided stay."""
    decided = date(2026, 11, 20)
    check_notice_date(decided, decided)
    assert _refused(check_notice_date, decided - DAY, decided).key == (
        "placement.date_before_decision")


def test_a_transfer_starts_on_the_first_stays_start_or_later():
    """Art. 80 (6): the move to a special-regime organisation follows the first stay."""
    check_transfer_start(STAY_START, STAY_START)
    assert _refused(check_transfer_start, STAY_START - DAY, STAY_START).key == (
        "placement.transfer_before_start")


def test_the_return_and_the_plan_fall_on_their_day_or_later():
    """Art. 80 (11), Art. 81 (12): home after the stay; the plan once home."""
    check_return_date(STAY_END, STAY_END)
    assert _refused(check_return_date, STAY_END - DAY, STAY_END).key == (
        "placement.return_before_start")
    check_plan_date(STAY_END, STAY_END)
    assert _refused(check_plan_date, STAY_END - DAY, STAY_END).key == "placement.plan_before_return"


def test_a_placement_needs_the_commission_of_the_minors_district():
    """Art. 80 (10), Art. 81 (11): that commission answers for the placement."""
    require_responsible_commission(True, "D1", "S1")
    refused = _refused(require_responsible_commission, False, "D2", "SC")
    assert (refused.key, refused.article) == ("placement.no_commission",
                                              "Art. 80 (10), Art. 81 (11)")
