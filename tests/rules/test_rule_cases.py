"""The support case state machine (Art. 78 (3), (4))."""

from datetime import date
from itertools import product

import pytest

from juvenile.rules.cases import (
    CLOSING_OUTCOMES,
    TRANSITIONS,
    CaseState,
    CloseOutcome,
    CouncilDecision,
    allowed_targets,
    apply_council_decision,
    check_closed_on,
    check_closing,
    check_no_open_case,
    check_transition,
    outcome_of_council_decision,
    state_after_council_decision,
)
from juvenile.rules.errors import RuleViolation

S = CaseState
O = CloseOutcome  # noqa: E741

VALID = {
    (S.FLAGGED, S.COUNCIL_REVIEW),
    (S.FLAGGED, S.CLOSED),
    (S.COUNCIL_REVIEW, S.UNDER_SUPPORT),
    (S.COUNCIL_REVIEW, S.REFERRED_TO_COMMISSION),
    (S.COUNCIL_REVIEW, S.CLOSED),
    (S.UNDER_SUPPORT, S.CLOSED),
    (S.REFERRED_TO_COMMISSION, S.CLOSED),
}
ALL_PAIRS = set(product(CaseState, CaseState))


def test_transition_table_is_the_documented_one():
    assert {(s, t) for s, targets in TRANSITIONS.items() for t in targets} == VALID


@pytest.mark.parametrize(("current", "target"), sorted(VALID))
def test_valid_transition_passes(current, target):
    check_transition(current, target)
    assert target in allowed_targets(current)


@pytest.mark.parametrize(("current", "target"), sorted(ALL_PAIRS - VALID))
def test_every_other_transition_is_refused(current, target):
    with pytest.raises(RuleViolation) as caught:
        check_transition(current, target)
    assert caught.value.key == "case.transition_refused"
    assert caught.value.params == {"current": current, "target": target}
    assert target not in allowed_targets(current)


def test_closed_is_final():
    assert allowed_targets(S.CLOSED) == frozenset()


def test_refusal_goes_to_the_commission_art_78_4():
    assert state_after_council_decision(CouncilDecision.REPRESENTATIVES_REFUSED) is (
        S.REFERRED_TO_COMMISSION
    )
    assert state_after_council_decision(CouncilDecision.SUPPORT_ASSIGNED) is S.UNDER_SUPPORT
    assert state_after_council_decision(CouncilDecision.SUPPORT_NOT_NEEDED) is S.CLOSED


def test_council_decision_outcome():
    assert outcome_of_council_decision(CouncilDecision.SUPPORT_NOT_NEEDED) is O.SUPPORT_NOT_NEEDED
    assert outcome_of_council_decision(CouncilDecision.SUPPORT_ASSIGNED) is None
    assert outcome_of_council_decision(CouncilDecision.REPRESENTATIVES_REFUSED) is None


@pytest.mark.parametrize("decision", list(CouncilDecision))
def test_council_decision_applies_under_review_art_78_3(decision):
    assert apply_council_decision(S.COUNCIL_REVIEW, decision) is state_after_council_decision(
        decision
    )


@pytest.mark.parametrize(
    ("current", "decision"),
    [(s, d) for s in CaseState if s is not S.COUNCIL_REVIEW for d in CouncilDecision],
)
def test_council_decision_outside_review_is_refused(current, decision):
    with pytest.raises(RuleViolation) as caught:
        apply_council_decision(current, decision)
    assert caught.value.key == "case.decision_outside_review"


ALWAYS = {O.MOVED_SCHOOL, O.TURNED_18, O.PLACED, O.OTHER}
VALID_CLOSING = (
    {(S.FLAGGED, o) for o in ALWAYS}
    | {(S.COUNCIL_REVIEW, o) for o in ALWAYS | {O.SUPPORT_NOT_NEEDED}}
    | {(S.UNDER_SUPPORT, o) for o in ALWAYS | {O.IMPROVED}}
    | {(S.REFERRED_TO_COMMISSION, o) for o in ALWAYS | {O.IMPROVED}}
)


def test_closing_table_is_the_documented_one():
    assert {(s, o) for s, outs in CLOSING_OUTCOMES.items() for o in outs} == VALID_CLOSING


@pytest.mark.parametrize(("current", "outcome"), sorted(VALID_CLOSING))
def test_valid_closing_passes(current, outcome):
    check_closing(current, outcome)


@pytest.mark.parametrize(
    ("current", "outcome"), sorted(set(product(CaseState, CloseOutcome)) - VALID_CLOSING)
)
def test_every_other_closing_is_refused(current, outcome):
    with pytest.raises(RuleViolation) as caught:
        check_closing(current, outcome)
    expected = "case.transition_refused" if current is S.CLOSED else "case.outcome_refused"
    assert caught.value.key == expected


def test_one_open_case_per_student():
    """Art. 78 (3): a student with an open case has later flags joined to it."""
    check_no_open_case(None)
    with pytest.raises(RuleViolation) as caught:
        check_no_open_case(12)
    assert (caught.value.key, caught.value.params) == ("case.error.open_case_exists",
                                                       {"case": 12})


def test_a_case_closes_on_its_opening_day_or_later():
    """Art. 78 (3): the day closed is never before the day opened."""
    opened = date(2026, 10, 2)
    check_closed_on(opened, opened)
    with pytest.raises(RuleViolation) as caught:
        check_closed_on(date(2026, 10, 1), opened)
    assert caught.value.key == "case.error.closed_before_opened"
