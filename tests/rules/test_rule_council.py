"""The prevention council's checks (Art. 78 (3)), each pinned on both sides of its
boundary."""

from datetime import date, timedelta

import pytest

from juvenile.rules.cases import CouncilDecision
from juvenile.rules.council import (
    check_case_before_meeting,
    check_decision_day_reached,
    check_measure_done,
    check_measure_due,
    check_meeting_day_reached,
    check_plan_with_decision,
    check_postponed_to,
    check_representatives_heard,
    require_district_commission,
    require_participation,
)
from juvenile.rules.errors import RuleViolation

MEETING = date(2026, 11, 20)
DAY = timedelta(days=1)


def _refused(call, *args) -> RuleViolation:
    with pytest.raises(RuleViolation) as caught:
        call(*args)
    return caught.value


def test_a_case_opened_on_the_meeting_day_may_go_before_it_not_one_opened_after():
    """Art. 78 (3): the council considers cases that exist on its day."""
    check_case_before_meeting(7, MEETING, MEETING)
    refused = _refused(check_case_before_meeting, 7, MEETING + DAY, MEETING)
    assert (refused.key, refused.params) == ("council.error.case_after_meeting",
                                             {"case": 7, "opened_on": MEETING + DAY})


def test_a_meeting_is_held_on_its_day_not_the_day_before():
    """Art. 78 (3): a meeting is recorded as held on or after its day."""
    check_meeting_day_reached(MEETING, MEETING)
    refused = _refused(check_meeting_day_reached, MEETING, MEETING - DAY)
    assert refused.key == "council.error.meeting_in_future"


@pytest.mark.parametrize(("minor", "representatives", "allowed"), [
    (True, True, True), (False, False, True), (None, True, False), (True, None, False),
    (None, None, False),
])
def test_the_decision_comes_after_both_participations_are_recorded(minor, representatives,
                                                                    allowed):
    """Art. 78 (3): the council decides with the minor and the legal representatives;
    absent (False) counts as recorded, unknown (None) does not."""
    if allowed:
        require_participation(minor, representatives)
        return
    refused = _refused(require_participation, minor, representatives)
    assert (refused.key, refused.article) == ("council.error.participation_first",
                                              "Art. 78 (3)")


def test_support_needs_one_measure_at_least_and_other_decisions_none():
    """Art. 78 (3): support is carried out under an individual prevention work plan."""
    check_plan_with_decision(CouncilDecision.SUPPORT_ASSIGNED, ["talks"])
    refused = _refused(check_plan_with_decision, CouncilDecision.SUPPORT_ASSIGNED, [])
    assert (refused.key, refused.article) == ("council.error.plan_required", "Art. 78 (3)")
    for decision in (CouncilDecision.SUPPORT_NOT_NEEDED,
                     CouncilDecision.REPRESENTATIVES_REFUSED):
        check_plan_with_decision(decision, [])
        assert _refused(check_plan_with_decision, decision, ["talks"]).key == (
            "council.error.plan_only_with_support")


def test_a_measure_falls_due_on_the_meeting_day_or_later():
    """Art. 78 (3): the plan starts at the meeting that assigns support."""
    check_measure_due(MEETING, MEETING)
    refused = _refused(check_measure_due, MEETING - DAY, MEETING)
    assert (refused.key, refused.params) == ("council.error.measure_due_before_meeting",
                                             {"due_on": MEETING - DAY, "meeting_on": MEETING})


def test_a_refusal_needs_the_districts_commission():
    """Art. 78 (4): the refusal goes to the commission of the school's district."""
    assert require_district_commission("KDN-1", "D1", "S1") == "KDN-1"
    refused = _refused(require_district_commission, None, "D2", "SC")
    assert (refused.key, refused.article, refused.params) == (
        "case.error.no_commission", "Art. 78 (4)", {"district": "D2", "school": "SC"})


def test_a_measure_is_done_between_the_opening_day_and_today():
    """Art. 78 (3): the plan is carried out while the case is open, never ahead."""
    opened, today = date(2026, 10, 2), date(2026, 11, 25)
    check_measure_done(opened, opened, today)
    check_measure_done(today, opened, today)
    assert _refused(check_measure_done, opened - DAY, opened, today).key == (
        "plan.error.done_before_opened")
    assert _refused(check_measure_done, today + DAY, opened, today).key == (
        "flag.error.date_in_future")


def test_a_decision_is_dated_today_at_the_latest():
    """Issue 15 item 3 (Art. 78 (3)): today is recorded, tomorrow is refused."""
    today = date(2026, 11, 25)
    check_decision_day_reached(today, today)
    check_decision_day_reached(date(2026, 11, 24), today)
    with pytest.raises(RuleViolation) as refused:
        check_decision_day_reached(date(2026, 11, 26), today)
    assert refused.value.key == "council.error.decision_in_future"


_HEARD = (CouncilDecision.SUPPORT_ASSIGNED, CouncilDecision.REPRESENTATIVES_REFUSED)


@pytest.mark.parametrize("decision", _HEARD)
def test_with_the_representatives_present_the_council_decides(decision):
    check_representatives_heard(decision, True, False, None, MEETING)


@pytest.mark.parametrize("decision", _HEARD)
@pytest.mark.parametrize(("refused", "invited_on"), [
    (False, None),  # absent, nothing documented
    (False, MEETING),  # invited, but the absence is no documented refusal
    (True, None),  # a refusal without the invitation's date
])
def test_without_the_representatives_heard_the_council_may_only_postpone(decision, refused,
                                                                        invited_on):
    """Art. 78 (3) (issue 15 item 6)."""
    with pytest.raises(RuleViolation) as refused_decision:
        check_representatives_heard(decision, False, refused, invited_on, MEETING)
    assert refused_decision.value.key == "council.error.representatives_not_heard"


@pytest.mark.parametrize("decision", _HEARD)
def test_a_documented_refusal_to_attend_counts_if_invited_by_the_meeting_day(decision):
    check_representatives_heard(decision, False, True, MEETING - timedelta(days=3), MEETING)
    check_representatives_heard(decision, False, True, MEETING, MEETING)
    with pytest.raises(RuleViolation) as refused:
        check_representatives_heard(decision, False, True, MEETING + timedelta(days=1), MEETING)
    assert refused.value.key == "council.error.invited_after_meeting"


def test_support_not_needed_needs_no_representatives():
    check_representatives_heard(CouncilDecision.SUPPORT_NOT_NEEDED, False, False, None, MEETING)


def test_a_postponed_question_goes_before_a_later_meeting_only():
    """Without the representatives the council may only postpone (Art. 78 (3)): the
    question goes before a meeting after the held one, not the same day, and not
    while it is on a planned meeting's agenda."""
    check_postponed_to(MEETING + timedelta(days=1), [(MEETING, True)])
    with pytest.raises(RuleViolation) as refused:
        check_postponed_to(MEETING, [(MEETING, True)])
    assert refused.value.key == "council.error.postpone_to_later_meeting"
    with pytest.raises(RuleViolation) as refused:
        check_postponed_to(MEETING + timedelta(days=9), [(MEETING, False)])
    assert refused.value.key == "council.error.already_on_agenda"
