"""Placements: terms, ages, deciding body, deadlines, extension, transfer (Art. 80, Art. 81)."""

from datetime import date, timedelta

import pytest

from juvenile.rules.calendar import WorkingCalendar
from juvenile.rules.errors import RuleViolation
from juvenile.rules.placements import (
    EXTENSION_GROUNDS,
    TERM_LIMITS_MONTHS,
    TRANSFER_GROUND,
    DecidingBody,
    PlacementKind,
    check_court_decision,
    check_guardianship_application,
    check_internal_affairs_notice,
    check_not_in_future,
    check_prosecutor,
    check_return_not_early,
    check_start_before_adulthood,
    check_termination_submitter,
    end_of_stay_at_adulthood,
    notice_due,
    planned_end,
    rehabilitation_plan_due,
    return_meets_criterion_11,
    term_passes_adulthood,
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


@pytest.mark.parametrize(
    ("kind", "current_end", "new_end", "ground", "key"),
    [
        (SE, date(2026, 7, 15), date(2027, 1, 15), "evasion", None),  # one year in all
        # Art. 80 (5), Art. 81 (7) set no total limit: past one / two years is lawful
        (SE, date(2026, 7, 15), date(2027, 1, 16), "evasion", None),
        (SR, date(2026, 7, 15), date(2028, 1, 16), "new_criminal_act", None),
        (SE, date(2026, 7, 15), date(2026, 7, 16), "evasion", None),  # a day later
        (SE, date(2026, 7, 15), date(2026, 7, 15), "evasion", "not_later"),
        (SE, date(2026, 7, 15), date(2026, 7, 1), "evasion", "not_later"),
        (SE, date(2026, 7, 15), date(2026, 9, 15), "new_criminal_act", "ground"),
        (SR, date(2026, 7, 15), date(2026, 9, 15), "running_away", "ground"),
        (SR, date(2026, 7, 15), date(2026, 9, 15), "", "ground"),  # no ground at all
    ],
)
def test_extension_needs_a_ground_not_a_cap_art_80_5_art_81_7(kind, current_end, new_end,
                                                                 ground, key):
    if key is None:
        validate_extension(kind, current_end, new_end, ground)
        return
    with pytest.raises(RuleViolation) as caught:
        validate_extension(kind, current_end, new_end, ground)
    expected = {
        "not_later": "placement.extension_not_later",
        "ground": "placement.extension_ground_refused",
    }[key]
    assert caught.value.key == expected


def test_transfer_only_from_special_education_to_special_regime_art_80_6():
    validate_transfer(SE, SR, TRANSFER_GROUND)
    for source, target in [(SR, SE), (SE, SE), (SR, SR)]:
        with pytest.raises(RuleViolation) as caught:
            validate_transfer(source, target, TRANSFER_GROUND)
        assert caught.value.key == "placement.transfer_refused"
        assert caught.value.params == {"source": source, "target": target}


@pytest.mark.parametrize("ground", ["", "new_criminal_act", "evasion"])
def test_transfer_needs_the_ground_of_art_80_6(ground):
    with pytest.raises(RuleViolation) as caught:
        validate_transfer(SE, SR, ground)
    assert caught.value.key == "placement.transfer_ground_required"
    assert caught.value.article == "Art. 80 (6)"


BORN_18 = date(2009, 3, 10)  # 18 on 10 March 2027


@pytest.mark.parametrize(("start", "refused"), [
    (date(2027, 3, 9), False),  # the day before the 18th birthday
    (date(2027, 3, 10), True),  # the 18th birthday
    (date(2027, 3, 11), True),
])
def test_start_before_the_18th_birthday_art_80_1_art_81_2_art_59_8_4(start, refused):
    if not refused:
        check_start_before_adulthood(BORN_18, start)
        return
    with pytest.raises(RuleViolation) as caught:
        check_start_before_adulthood(BORN_18, start)
    assert caught.value.key == "placement.start_at_adulthood"
    assert caught.value.article == "Art. 80 (1), Art. 81 (2), Art. 59 (8) 4"
    assert caught.value.params == {"adult_on": date(2027, 3, 10)}


def test_the_stay_ends_at_18_and_a_longer_term_is_flagged():
    assert end_of_stay_at_adulthood(BORN_18) == date(2027, 3, 10)
    assert end_of_stay_at_adulthood(date(2008, 2, 29)) == date(2026, 3, 1)
    assert not term_passes_adulthood(BORN_18, date(2027, 3, 10))  # ends on the birthday
    assert term_passes_adulthood(BORN_18, date(2027, 3, 11))


TODAY = date(2026, 12, 4)


def test_nothing_is_dated_after_today():
    check_not_in_future(TODAY, TODAY)
    with pytest.raises(RuleViolation) as caught:
        check_not_in_future(TODAY + timedelta(days=1), TODAY)
    assert caught.value.key == "placement.date_in_future"
    assert caught.value.params == {"day": date(2026, 12, 5)}


END = date(2026, 12, 10)


def test_a_return_before_the_planned_end_needs_the_court_art_80_4_art_81_6():
    check_return_not_early(True, END, END)  # on the planned end: an ordinary return
    check_return_not_early(True, END + timedelta(days=1), END)
    check_return_not_early(False, END - timedelta(days=1), END)  # terminated early first
    with pytest.raises(RuleViolation) as caught:
        check_return_not_early(True, END - timedelta(days=1), END)  # the day before
    assert caught.value.key == "placement.early_return_needs_court"
    assert caught.value.article == "Art. 80 (4), Art. 81 (6)"
    assert caught.value.params == {"end": END}


@pytest.mark.parametrize("number", ["", "   "])
def test_a_court_change_needs_the_courts_decision(number):
    with pytest.raises(RuleViolation) as caught:
        check_court_decision(number)
    assert caught.value.key == "placement.court_decision_required"
    assert check_court_decision(" 2-17/2026 ") == "2-17/2026"
    with pytest.raises(RuleViolation):
        check_court_decision("x" * 65)


@pytest.mark.parametrize(("kind", "submitter", "ok"), [
    (SE, "administration", True), (SE, "commission", True), (SE, "internal_affairs", False),
    (SR, "administration", True), (SR, "internal_affairs", True), (SR, "commission", False),
    (SE, "", False), (SR, "court", False),
])
def test_who_submits_an_early_termination_art_80_4_art_81_6(kind, submitter, ok):
    if ok:
        check_termination_submitter(kind, submitter)
        return
    with pytest.raises(RuleViolation) as caught:
        check_termination_submitter(kind, submitter)
    assert caught.value.key == "placement.termination_submitter_refused"
    assert caught.value.article == "Art. 80 (4), Art. 81 (6)"


def test_a_court_placement_needs_the_prosecutor_art_80_7_art_81_8():
    check_prosecutor(DecidingBody.COURT, True)
    check_prosecutor(DecidingBody.INTERNAL_AFFAIRS, False)  # not a court hearing
    with pytest.raises(RuleViolation) as caught:
        check_prosecutor(DecidingBody.COURT, False)
    assert caught.value.key == "placement.prosecutor_required"
    assert caught.value.article == "Art. 80 (7), Art. 81 (8)"


DECIDED = date(2026, 11, 20)


@pytest.mark.parametrize(("kind", "applicant", "applied_on", "key"), [
    (SE, "Қорғаншылық органы", DECIDED, None),  # on the decision day
    (SE, "Қорғаншылық органы", DECIDED - timedelta(days=1), None),
    (SE, "Қорғаншылық органы", DECIDED + timedelta(days=1),
     "placement.application_after_decision"),
    (SE, "", DECIDED, "placement.guardianship_application_required"),
    (SE, "Қорғаншылық органы", None, "placement.guardianship_application_required"),
    (SE, "x" * 201, DECIDED, "placement.guardianship_applicant_invalid"),
    (SR, "", None, None),  # special regime: on the internal affairs body's submission
])
def test_special_education_on_the_guardianship_bodys_application_art_80_2(
        kind, applicant, applied_on, key):
    if key is None:
        check_guardianship_application(kind, applicant, applied_on, DECIDED)
        return
    with pytest.raises(RuleViolation) as caught:
        check_guardianship_application(kind, applicant, applied_on, DECIDED)
    assert caught.value.key == key


def test_internal_affairs_receives_the_notice_of_special_regime_only_art_81_11_4():
    check_internal_affairs_notice(SR)
    with pytest.raises(RuleViolation) as caught:
        check_internal_affairs_notice(SE)
    assert caught.value.article == "Art. 81 (11) 4"


def test_criterion_11_after_special_education_only_art_78_2_11():
    assert return_meets_criterion_11(SE)
    assert not return_meets_criterion_11(SR)
