"""Registering a placement: term, age and deciding body (Art. 80, Art. 81), through the service."""

from datetime import date, timedelta

import pytest
from commission_world import SE, SR, SYSTEM, count

from juvenile import clock
from juvenile.models import Placement, PlacementStatus
from juvenile.rules.errors import RuleViolation
from juvenile.rules.placements import DecidingBody
from juvenile.security.gate import NotFound
from juvenile.services.commission.placements import PlacementTerms, register_placement

DECISION = date(2026, 1, 15)


@pytest.mark.parametrize(
    ("kind", "months", "article"),
    [
        (SE, 5, "Art. 80 (3)"), (SE, 6, None), (SE, 12, None), (SE, 13, "Art. 80 (3)"),
        (SE, 24, "Art. 80 (3)"), (SE, 25, "Art. 80 (3)"),
        (SR, 5, "Art. 81 (5)"), (SR, 6, None), (SR, 12, None), (SR, 13, None),
        (SR, 24, None), (SR, 25, "Art. 81 (5)"),
    ],
)
def test_term_limits_for_each_kind(world, kind, months, article):
    """Art. 80 (3): 6 months to 1 year; Art. 81 (5): 6 months to 2 years."""
    student = world.student()
    if article is None:
        placement = world.place(student, kind=kind, term=months)
        assert placement.term_months == months and placement.status == PlacementStatus.ACTIVE
        return
    with pytest.raises(RuleViolation) as refused:
        world.place(student, kind=kind, term=months)
    assert refused.value.article == article
    assert refused.value.key.endswith("term_out_of_range")
    assert count(Placement) == 0


@pytest.mark.parametrize(
    ("birth", "allowed", "key"),
    [
        (date(2015, 1, 16), False, "placement.too_young"),  # 10 on the decision date
        (date(2015, 1, 15), True, None),  # 11th birthday on the decision date
        (date(2008, 1, 16), True, None),  # 17, the day before turning 18
        (date(2008, 1, 15), False, "placement.too_old"),  # 18th birthday on the decision date
    ],
)
def test_age_on_the_decision_date(world, birth, allowed, key):
    """Art. 80 (1), Art. 81 (2): from eleven to eighteen years, counted on the decision date."""
    student = world.student(birth=birth)
    if allowed:
        assert world.place(student, decision=DECISION, start=DECISION).decision_date == DECISION
        return
    with pytest.raises(RuleViolation) as refused:
        world.place(student, decision=DECISION, start=DECISION)
    assert refused.value.key == key
    assert refused.value.article == "Art. 80 (1), Art. 81 (2)"


@pytest.mark.parametrize(("start", "allowed"), [
    (date(2026, 3, 9), True),  # the day before the 18th birthday
    (date(2026, 3, 10), False),  # the 18th birthday
])
def test_a_stay_decided_at_17_cannot_start_at_18(world, start, allowed):
    """Art. 80 (1), Art. 81 (2), Art. 59 (8) 4: decided at 17, the stay must start before
    the 18th birthday (issue 15 item 1)."""
    student = world.student(birth=date(2008, 3, 10))
    if allowed:
        assert world.place(student, decision=DECISION, start=start).start_date == start
        return
    with pytest.raises(RuleViolation) as refused:
        world.place(student, decision=DECISION, start=start)
    assert refused.value.key == "placement.start_at_adulthood"
    assert refused.value.article == "Art. 80 (1), Art. 81 (2), Art. 59 (8) 4"
    assert count(Placement) == 0


def test_a_decision_dated_after_today_is_refused(world):
    """Issue 15 item 3: today is accepted, tomorrow refused (Kazakhstan's day)."""
    today = clock.today()
    with pytest.raises(RuleViolation) as refused:
        world.place(world.student(), decision=today + timedelta(days=1),
                    start=today + timedelta(days=1))
    assert refused.value.key == "placement.date_in_future"
    assert count(Placement) == 0
    assert world.place(world.student(), decision=today, start=today).decision_date == today


def test_a_court_placement_needs_the_prosecutor(world):
    """Art. 80 (7), Art. 81 (8); an internal affairs body's decision has no hearing."""
    with pytest.raises(RuleViolation) as refused:
        world.place(world.student(), kind=SR, prosecutor_participated=False)
    assert refused.value.key == "placement.prosecutor_required"
    assert world.place(world.student(), body=DecidingBody.INTERNAL_AFFAIRS,
                       prosecutor_participated=False).prosecutor_participated is False
    assert world.place(world.student(), kind=SR).prosecutor_participated is True


def test_special_education_records_the_guardianship_application(world):
    """Art. 80 (2): on the guardianship body's application, with its date."""
    placement = world.place(world.student(), kind=SE, guardianship_applicant=" Опека ",
                            guardianship_applied_on=date(2026, 1, 10))
    assert (placement.guardianship_applicant, placement.guardianship_applied_on) == (
        "Опека", date(2026, 1, 10))
    with pytest.raises(RuleViolation) as refused:
        world.place(world.student(), kind=SE, guardianship_applicant="")
    assert refused.value.key == "placement.guardianship_application_required"
    with pytest.raises(RuleViolation) as late:
        world.place(world.student(), kind=SE, guardianship_applied_on=date(2026, 1, 16))
    assert late.value.key == "placement.application_after_decision"


def test_planned_end_and_notice_one_month_before(world):
    """Art. 80 (10) item 4, Art. 81 (11) item 4: notice a month before the term ends."""
    placement = world.place(world.student(), term=6, start=date(2026, 3, 31))
    assert placement.planned_end == date(2026, 9, 30)
    assert placement.notice_due == date(2026, 8, 30)
    assert placement.commission_id == world.commissions["C1"]  # district of school S1


def test_notice_due_clamps_to_a_shorter_month(world):
    placement = world.place(world.student(), term=12, decision=date(2025, 3, 20),
                            start=date(2025, 3, 31))
    assert placement.planned_end == date(2026, 3, 31)
    assert placement.notice_due == date(2026, 2, 28)


def test_only_a_court_sends_to_a_special_regime(world):
    """Art. 81 (3): the court decides; internal affairs may decide only under Art. 80 (2)."""
    with pytest.raises(RuleViolation) as refused:
        world.place(world.student(), kind=SR, body=DecidingBody.INTERNAL_AFFAIRS)
    assert refused.value.article == "Art. 81 (3)"
    placement = world.place(world.student(), kind=SE, body=DecidingBody.INTERNAL_AFFAIRS)
    assert placement.deciding_body == DecidingBody.INTERNAL_AFFAIRS


def test_organisation_must_be_of_the_placement_kind(world):
    student = world.student()
    terms = PlacementTerms(kind=SE, organisation_id=world.organisations["SR"],
                           deciding_body=DecidingBody.COURT, decision_date=DECISION,
                           start_date=DECISION, term_months=6, decision_number="2-1/2026")
    with pytest.raises(RuleViolation) as refused:
        register_placement(SYSTEM, student.id, terms)
    assert refused.value.key == "placement.organisation_wrong_kind"
    with pytest.raises(NotFound):
        register_placement(SYSTEM, student.id, PlacementTerms(
            kind=SE, organisation_id=9999, deciding_body=DecidingBody.COURT,
            decision_date=DECISION, start_date=DECISION, term_months=6,
            decision_number="2-1/2026"))


def test_start_before_the_decision_is_refused(world):
    with pytest.raises(RuleViolation) as refused:
        world.place(world.student(), decision=date(2026, 2, 1), start=date(2026, 1, 31))
    assert refused.value.key == "placement.start_before_decision"


def test_a_minor_is_placed_once_at_a_time(world):
    student = world.student()
    world.place(student)
    with pytest.raises(RuleViolation) as refused:
        world.place(student)
    assert refused.value.key == "placement.already_placed"
    assert count(Placement) == 1


def test_no_commission_in_the_district_refuses_the_placement(world):
    """The commission of the place of residence follows the placement (Art. 80 (10))."""
    with pytest.raises(RuleViolation) as refused:
        world.place(world.student(school="S4"))
    assert refused.value.key == "placement.no_commission"
    assert count(Placement) == 0
