"""Extension, early termination and transfer of a placement, kept as history
(Art. 80 (4)-(6), Art. 81 (6), (7))."""

from datetime import date

import pytest
from commission_world import SE, SR, SYSTEM, count

from juvenile.models import Placement, PlacementChange, PlacementChangeKind, PlacementStatus
from juvenile.rules.errors import RuleViolation
from juvenile.services.commission.placements import (
    extend_placement,
    placement_history,
    record_notice,
    terminate_placement,
    transfer_placement,
)

START = date(2026, 1, 20)


def test_extension_within_the_maximum_moves_end_and_notice(world):
    """Art. 80 (5): extended to finish schooling; the whole stay stays within a year."""
    placement = world.place(world.student(), kind=SE, term=6, start=START)
    record_notice(SYSTEM, placement.id, date(2026, 6, 10))
    change = extend_placement(SYSTEM, placement.id, "finish_schooling_at_request",
                              date(2027, 1, 20), decided_on=date(2026, 7, 1))
    placement, changes = placement_history(SYSTEM, placement.id)
    assert placement.planned_end == date(2027, 1, 20)
    assert placement.notice_due == date(2026, 12, 20)
    assert placement.notice_received_on is None  # a new notice is due before the new end
    assert changes == [change]
    assert (change.kind, change.previous_end, change.new_end) == (
        PlacementChangeKind.EXTENSION, date(2026, 7, 20), date(2027, 1, 20))
    assert change.previous_notice_received_on == date(2026, 6, 10)


@pytest.mark.parametrize(
    ("kind", "new_end", "article"),
    [
        (SE, date(2027, 1, 21), "Art. 80 (3), (5)"),  # a day over one year from the start
        (SR, date(2028, 1, 21), "Art. 81 (5), (7)"),  # a day over two years
    ],
)
def test_extension_over_the_maximum_is_refused(world, kind, new_end, article):
    placement = world.place(world.student(), kind=kind, term=6, start=START)
    ground = "repeated_offence" if kind == SE else "new_criminal_act"
    with pytest.raises(RuleViolation) as refused:
        extend_placement(SYSTEM, placement.id, ground, new_end, decided_on=date(2026, 7, 1))
    assert refused.value.article == article
    assert count(PlacementChange) == 0
    assert placement_history(SYSTEM, placement.id)[0].planned_end == date(2026, 7, 20)


def test_extension_needs_a_ground_of_its_kind(world):
    """The special-regime ground "new criminal act" (Art. 81 (7)) is no ground under Art. 80 (5)."""
    placement = world.place(world.student(), kind=SE, term=6, start=START)
    with pytest.raises(RuleViolation) as refused:
        extend_placement(SYSTEM, placement.id, "new_criminal_act", date(2026, 10, 20),
                         decided_on=date(2026, 7, 1))
    assert refused.value.key == "placement.extension_ground_refused"


def test_early_termination_by_the_court(world):
    """Art. 80 (4): the court ends the stay early; the return comes later."""
    placement = world.place(world.student(), term=12, start=START)
    change = terminate_placement(SYSTEM, placement.id, date(2026, 5, 4), note="суд шешімі")
    placement, changes = placement_history(SYSTEM, placement.id)
    assert placement.status == PlacementStatus.TERMINATED
    assert placement.ended_on == date(2026, 5, 4)
    assert [c.kind for c in changes] == [PlacementChangeKind.EARLY_TERMINATION]
    assert change.previous_end == date(2027, 1, 20)
    with pytest.raises(RuleViolation):  # no second termination, no extension afterwards
        terminate_placement(SYSTEM, placement.id, date(2026, 5, 5))


@pytest.mark.parametrize("day", [date(2026, 1, 19), date(2027, 1, 20)])
def test_termination_outside_the_term_is_not_early(world, day):
    placement = world.place(world.student(), term=12, start=START)
    with pytest.raises(RuleViolation) as refused:
        terminate_placement(SYSTEM, placement.id, day)
    assert refused.value.article == "Art. 80 (4), Art. 81 (6)"


def test_transfer_from_special_education_to_special_regime(world):
    """Art. 80 (6): the first placement closes as transferred, a special-regime one opens."""
    first = world.place(world.student(), kind=SE, term=12, start=START)
    second = transfer_placement(SYSTEM, first.id, world.organisations["SR"],
                                decision_date=date(2026, 4, 1), start_date=date(2026, 4, 6),
                                term_months=18, decision_number="2-40/2026")
    first, changes = placement_history(SYSTEM, first.id)
    assert first.status == PlacementStatus.TRANSFERRED and first.ended_on == date(2026, 4, 6)
    assert [(c.kind, c.new_placement_id) for c in changes] == [
        (PlacementChangeKind.TRANSFER, second.id)]
    assert second.kind == SR and second.status == PlacementStatus.ACTIVE
    assert second.transferred_from_id == first.id
    assert second.planned_end == date(2027, 10, 6)
    assert second.decision_number == "2-40/2026"


def test_transfer_from_special_regime_is_refused(world):
    placement = world.place(world.student(), kind=SR, term=12, start=START)
    with pytest.raises(RuleViolation) as refused:
        transfer_placement(SYSTEM, placement.id, world.organisations["SE"],
                           decision_date=date(2026, 4, 1), start_date=date(2026, 4, 6),
                           term_months=6, decision_number="2-40/2026")
    assert refused.value.article == "Art. 80 (6)"
    assert count(Placement) == 1 and count(PlacementChange) == 0


def test_transfer_to_another_special_education_organisation_is_refused(world):
    placement = world.place(world.student(), kind=SE, term=12, start=START)
    with pytest.raises(RuleViolation) as refused:
        transfer_placement(SYSTEM, placement.id, world.organisations["SE"],
                           decision_date=date(2026, 4, 1), start_date=date(2026, 4, 6),
                           term_months=6, decision_number="2-40/2026")
    assert refused.value.key == "placement.transfer_refused"
    assert placement_history(SYSTEM, placement.id)[0].status == PlacementStatus.ACTIVE


def test_transfer_checks_the_new_term_and_keeps_the_first_placement_open(world):
    """A 25-month special-regime term breaks Art. 81 (5): nothing changes."""
    placement = world.place(world.student(), kind=SE, term=12, start=START)
    with pytest.raises(RuleViolation) as refused:
        transfer_placement(SYSTEM, placement.id, world.organisations["SR"],
                           decision_date=date(2026, 4, 1), start_date=date(2026, 4, 6),
                           term_months=25, decision_number="2-40/2026")
    assert refused.value.article == "Art. 81 (5)"
    assert placement_history(SYSTEM, placement.id)[0].status == PlacementStatus.ACTIVE
    assert count(Placement) == 1
