"""Commission quorum: strictly more than a share of members present (Art. 79 (4), (7))."""

from fractions import Fraction

import pytest

from juvenile.rules.errors import RuleViolation
from juvenile.rules.quorum import QuorumState, has_quorum, require_quorum


@pytest.mark.parametrize(
    ("present", "members", "quorum"),
    [
        (3, 7, False),
        (4, 7, True),
        (4, 8, False),
        (5, 8, True),
        (0, 1, False),
        (1, 1, True),
        (1, 2, False),
        (2, 2, True),
        (0, 0, False),
    ],
)
def test_majority(present, members, quorum):
    assert has_quorum(present, members) is quorum


@pytest.mark.parametrize(("present", "quorum"), [(6, False), (7, True)])
def test_two_thirds_share_is_strict(present, quorum):
    assert has_quorum(present, 9, Fraction(2, 3)) is quorum


@pytest.mark.parametrize(("present", "members"), [(-1, 5), (6, 5), (0, -1)])
def test_inconsistent_counts_are_refused(present, members):
    with pytest.raises(RuleViolation) as caught:
        has_quorum(present, members)
    assert caught.value.key == "quorum.bad_counts"


@pytest.mark.parametrize("share", [Fraction(1), Fraction(-1, 2), Fraction(3, 2)])
def test_share_must_be_below_one(share):
    with pytest.raises(RuleViolation) as caught:
        has_quorum(1, 2, share)
    assert caught.value.key == "quorum.bad_share"


def test_no_decision_without_recorded_attendance_or_below_the_quorum():
    """Art. 79 (4), (7): a meeting decides with its attendance recorded and strictly
    more than the share of its members present (4 of 7 decides, 3 of 7 does not)."""
    require_quorum(QuorumState(recorded=True, present=4, members=7, reached=True))
    with pytest.raises(RuleViolation) as caught:
        require_quorum(QuorumState(recorded=True, present=3, members=7, reached=False))
    assert (caught.value.key, caught.value.article, caught.value.params["count"]) == (
        "meeting.no_quorum", "Art. 79", 3)
    with pytest.raises(RuleViolation) as caught:
        require_quorum(QuorumState(recorded=False, present=0, members=0, reached=False))
    assert caught.value.key == "meeting.attendance_not_recorded"
