"""Extension, early termination and transfer of a placement, kept as history with the
court's decision and its ground (Art. 80 (4)-(6), Art. 81 (6), (7))."""

from datetime import date, datetime, timedelta

import pytest
from commission_world import SE, SR, SYSTEM, count

from juvenile import clock
from juvenile.models import Placement, PlacementChange, PlacementChangeKind, PlacementStatus
from juvenile.rules.errors import RuleViolation
from juvenile.rules.placements import TRANSFER_GROUND
from juvenile.services.commission.placements import (
    extend_placement,
    placement_history,
    record_notice,
    terminate_placement,
    transfer_placement,
)

START = date(2026, 1, 20)
COURT = "2-51/2026"  # the court's decision extending, ending or transferring


def _terminate(placement_id: int, day: date, **given) -> PlacementChange:
    facts = {"submitted_by": "administration", "decision_number": COURT} | given
    return terminate_placement(SYSTEM, placement_id, day, **facts)


def _transfer(placement_id: int, organisation_id: int, term: int = 18,
              **given) -> Placement:
    facts = {"decision_number": "2-40/2026", "ground": TRANSFER_GROUND,
             "prosecutor_participated": True} | given
    return transfer_placement(SYSTEM, placement_id, organisation_id,
                              decision_date=given.pop("decision_date", date(2026, 4, 1)),
                              start_date=date(2026, 4, 6), term_months=term,
                              **{k: v for k, v in facts.items() if k != "decision_date"})


def test_extension_moves_end_and_notice_and_keeps_the_courts_decision(world):
    """Art. 80 (5): extended to finish schooling; the court's decision and ground are kept."""
    placement = world.place(world.student(), kind=SE, term=6, start=START)
    record_notice(SYSTEM, placement.id, date(2026, 6, 10))
    change = extend_placement(SYSTEM, placement.id, "finish_schooling_at_request",
                              date(2027, 1, 20), decided_on=date(2026, 7, 1),
                              decision_number=COURT)
    placement, changes = placement_history(SYSTEM, placement.id)
    assert placement.planned_end == date(2027, 1, 20)
    assert placement.notice_due == date(2026, 12, 20)
    assert placement.notice_received_on is None  # a new notice is due before the new end
    assert changes == [change]
    assert (change.kind, change.previous_end, change.new_end) == (
        PlacementChangeKind.EXTENSION, date(2026, 7, 20), date(2027, 1, 20))
    assert (change.ground, change.decision_number) == ("finish_schooling_at_request", COURT)
    assert change.previous_notice_received_on == date(2026, 6, 10)


@pytest.mark.parametrize(("kind", "new_end"), [
    (SE, date(2027, 1, 21)),  # a day over one year from the start
    (SR, date(2028, 1, 21)),  # a day over two years
])
def test_extension_past_one_or_two_years_is_lawful_art_80_5_art_81_7(world, kind, new_end):
    """The law gives grounds for an extension but no total limit (issue 15 item 8)."""
    placement = world.place(world.student(), kind=kind, term=6, start=START)
    ground = "repeated_offence" if kind == SE else "new_criminal_act"
    extend_placement(SYSTEM, placement.id, ground, new_end, decided_on=date(2026, 7, 1),
                     decision_number=COURT)
    assert placement_history(SYSTEM, placement.id)[0].planned_end == new_end


def test_extension_needs_a_ground_of_its_kind(world):
    """The special-regime ground "new criminal act" (Art. 81 (7)) is no ground under Art. 80 (5)."""
    placement = world.place(world.student(), kind=SE, term=6, start=START)
    for ground in ("new_criminal_act", ""):
        with pytest.raises(RuleViolation) as refused:
            extend_placement(SYSTEM, placement.id, ground, date(2026, 10, 20),
                             decided_on=date(2026, 7, 1), decision_number=COURT)
        assert refused.value.key == "placement.extension_ground_refused"
    assert count(PlacementChange) == 0


def test_extension_needs_the_courts_decision(world):
    placement = world.place(world.student(), kind=SE, term=6, start=START)
    with pytest.raises(RuleViolation) as refused:
        extend_placement(SYSTEM, placement.id, "evasion", date(2026, 10, 20),
                         decided_on=date(2026, 7, 1))
    assert refused.value.key == "placement.court_decision_required"
    assert count(PlacementChange) == 0


def test_an_extension_decided_after_today_is_refused(world, engine_clock):
    today = clock.today()
    placement = world.place(world.student(), kind=SE, term=12, decision=date(2027, 1, 5),
                            start=date(2027, 1, 10))
    with pytest.raises(RuleViolation) as refused:
        extend_placement(SYSTEM, placement.id, "evasion", date(2028, 6, 1),
                         decided_on=today + timedelta(days=1), decision_number=COURT)
    assert refused.value.key == "placement.date_in_future"
    extend_placement(SYSTEM, placement.id, "evasion", date(2028, 6, 1), decided_on=today,
                     decision_number=COURT)


def test_early_termination_by_the_court(world):
    """Art. 80 (4): the court ends the stay early on the administration's submission."""
    placement = world.place(world.student(), term=12, start=START)
    change = _terminate(placement.id, date(2026, 5, 4), note="суд шешімі")
    placement, changes = placement_history(SYSTEM, placement.id)
    assert placement.status == PlacementStatus.TERMINATED
    assert placement.ended_on == date(2026, 5, 4)
    assert [c.kind for c in changes] == [PlacementChangeKind.EARLY_TERMINATION]
    assert (change.submitted_by, change.decision_number) == ("administration", COURT)
    assert change.previous_end == date(2027, 1, 20)
    with pytest.raises(RuleViolation):  # no second termination, no extension afterwards
        _terminate(placement.id, date(2026, 5, 5))


@pytest.mark.parametrize(("kind", "submitter", "allowed"), [
    (SE, "commission", True), (SE, "internal_affairs", False),
    (SR, "internal_affairs", True), (SR, "commission", False), (SE, "", False),
])
def test_who_submitted_the_early_termination_art_80_4_art_81_6(world, kind, submitter,
                                                                allowed):
    placement = world.place(world.student(), kind=kind, term=12, start=START)
    if allowed:
        assert _terminate(placement.id, date(2026, 5, 4),
                          submitted_by=submitter).submitted_by == submitter
        return
    with pytest.raises(RuleViolation) as refused:
        _terminate(placement.id, date(2026, 5, 4), submitted_by=submitter)
    assert refused.value.key == "placement.termination_submitter_refused"
    assert count(PlacementChange) == 0


def test_early_termination_needs_the_courts_decision(world):
    placement = world.place(world.student(), term=12, start=START)
    with pytest.raises(RuleViolation) as refused:
        _terminate(placement.id, date(2026, 5, 4), decision_number=" ")
    assert refused.value.key == "placement.court_decision_required"


@pytest.mark.parametrize("day", [date(2026, 1, 19), date(2027, 1, 20)])
def test_termination_outside_the_term_is_not_early(world, day):
    placement = world.place(world.student(), term=12, start=START)
    with pytest.raises(RuleViolation) as refused:
        _terminate(placement.id, day)
    assert refused.value.article == "Art. 80 (4), Art. 81 (6)"


def test_transfer_from_special_education_to_special_regime(world):
    """Art. 80 (6): the first placement closes as transferred, a special-regime one opens;
    the change keeps the ground and the court's decision."""
    first = world.place(world.student(), kind=SE, term=12, start=START)
    second = _transfer(first.id, world.organisations["SR"])
    first, changes = placement_history(SYSTEM, first.id)
    assert first.status == PlacementStatus.TRANSFERRED and first.ended_on == date(2026, 4, 6)
    assert [(c.kind, c.new_placement_id, c.ground, c.decision_number) for c in changes] == [
        (PlacementChangeKind.TRANSFER, second.id, TRANSFER_GROUND, "2-40/2026")]
    assert second.kind == SR and second.status == PlacementStatus.ACTIVE
    assert second.transferred_from_id == first.id
    assert second.planned_end == date(2027, 10, 6)
    assert second.decision_number == "2-40/2026" and second.prosecutor_participated


@pytest.mark.parametrize(("given", "key"), [
    ({"ground": ""}, "placement.transfer_ground_required"),
    ({"ground": "new_criminal_act"}, "placement.transfer_ground_required"),
    ({"decision_number": ""}, "placement.decision_number_required"),
    ({"prosecutor_participated": False}, "placement.prosecutor_required"),
])
def test_transfer_without_its_ground_or_court_is_refused(world, given, key):
    placement = world.place(world.student(), kind=SE, term=12, start=START)
    with pytest.raises(RuleViolation) as refused:
        _transfer(placement.id, world.organisations["SR"], **given)
    assert refused.value.key == key
    assert placement_history(SYSTEM, placement.id)[0].status == PlacementStatus.ACTIVE
    assert count(Placement) == 1 and count(PlacementChange) == 0


def test_a_transfer_decided_after_today_is_refused(world):
    with clock.frozen_at(datetime(2026, 4, 1, 12, tzinfo=clock.KAZAKHSTAN_TIME)):
        placement = world.place(world.student(), kind=SE, term=12, start=START)
        with pytest.raises(RuleViolation) as refused:
            _transfer(placement.id, world.organisations["SR"], decision_date=date(2026, 4, 2))
        assert refused.value.key == "placement.date_in_future"
        assert _transfer(placement.id, world.organisations["SR"]).decision_date == date(2026, 4, 1)


def test_transfer_from_special_regime_is_refused(world):
    placement = world.place(world.student(), kind=SR, term=12, start=START)
    with pytest.raises(RuleViolation) as refused:
        _transfer(placement.id, world.organisations["SE"], term=6)
    assert refused.value.article == "Art. 80 (6)"
    assert count(Placement) == 1 and count(PlacementChange) == 0


def test_transfer_to_another_special_education_organisation_is_refused(world):
    placement = world.place(world.student(), kind=SE, term=12, start=START)
    with pytest.raises(RuleViolation) as refused:
        _transfer(placement.id, world.organisations["SE"], term=6)
    assert refused.value.key == "placement.transfer_refused"
    assert placement_history(SYSTEM, placement.id)[0].status == PlacementStatus.ACTIVE


def test_transfer_checks_the_new_term_and_keeps_the_first_placement_open(world):
    """A 25-month special-regime term breaks Art. 81 (5): nothing changes."""
    placement = world.place(world.student(), kind=SE, term=12, start=START)
    with pytest.raises(RuleViolation) as refused:
        _transfer(placement.id, world.organisations["SR"], term=25)
    assert refused.value.article == "Art. 81 (5)"
    assert placement_history(SYSTEM, placement.id)[0].status == PlacementStatus.ACTIVE
    assert count(Placement) == 1


def test_both_receipts_of_a_special_regime_notice_art_81_11_4(world):
    """The special-regime organisation notifies the commission and internal affairs."""
    placement = world.place(world.student(), kind=SR, term=12, start=START)
    record_notice(SYSTEM, placement.id, date(2026, 12, 10))
    record_notice(SYSTEM, placement.id, date(2026, 12, 12), internal_affairs=True)
    placement = placement_history(SYSTEM, placement.id)[0]
    assert (placement.notice_received_on, placement.internal_affairs_notice_on) == (
        date(2026, 12, 10), date(2026, 12, 12))
    special_education = world.place(world.student(), kind=SE, term=12, start=START)
    with pytest.raises(RuleViolation) as refused:
        record_notice(SYSTEM, special_education.id, date(2026, 12, 12), internal_affairs=True)
    assert refused.value.article == "Art. 81 (11) 4"


def test_a_notice_received_after_today_is_refused(world):
    placement = world.place(world.student(), kind=SR, term=12, start=START)
    with pytest.raises(RuleViolation) as refused:
        record_notice(SYSTEM, placement.id, clock.today() + timedelta(days=1))
    assert refused.value.key == "placement.date_in_future"
