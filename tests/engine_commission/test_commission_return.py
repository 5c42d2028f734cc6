"""The return home: the 3-working-day rehabilitation plan, its review on the
commission's next meeting and criterion 11 (Art. 80 (11), Art. 81 (12), Art. 78 (2) item 11)."""

from datetime import date, datetime

import pytest
from commission_world import SR, SYSTEM, agenda, count
from sqlmodel import select

from juvenile import clock, db
from juvenile.models import (
    AgendaItem,
    AgendaItemKind,
    CriterionFlag,
    PlacementStatus,
)
from juvenile.rules.criteria import RETURN_CRITERION
from juvenile.rules.errors import RuleViolation
from juvenile.services.administration.calendar import add_day_off
from juvenile.services.commission.agenda import remove_agenda_item
from juvenile.services.commission.meetings import plan_meeting, record_attendance
from juvenile.services.commission.placement_return import record_rehabilitation_plan, record_return
from juvenile.services.commission.placements import terminate_placement

FRIDAY = date(2026, 12, 11)


def _returned_placement(world, return_date=FRIDAY, **student):
    placement = world.place(world.student(**student), term=6, decision=date(2026, 5, 4),
                            start=date(2026, 6, 10))
    return record_return(SYSTEM, placement.id, return_date)


def _flags(student_id: int) -> list[CriterionFlag]:
    with db.transaction() as session:
        return list(session.exec(select(CriterionFlag)
                                 .where(CriterionFlag.student_id == student_id)))


def test_return_on_friday_11_december_gives_plan_due_thursday_17(world):
    """Mon 14, Tue 15, (Wed 16 Independence Day), Thu 17: three working days."""
    placement = _returned_placement(world)
    assert placement.status == PlacementStatus.RETURNED
    assert placement.return_date == FRIDAY
    assert placement.rehabilitation_plan_due == date(2026, 12, 17)


def test_an_administrators_day_off_moves_the_plan(world):
    add_day_off(SYSTEM, date(2026, 12, 14), note="Үкімет қаулысы")
    assert _returned_placement(world).rehabilitation_plan_due == date(2026, 12, 18)


def test_return_adds_criterion_11_and_the_review_on_the_next_planned_meeting(world):
    commission = world.commissions["C1"]
    world.members()
    earlier = plan_meeting(SYSTEM, commission, date(2026, 12, 4))
    held = plan_meeting(SYSTEM, commission, date(2026, 12, 14))
    record_attendance(SYSTEM, held.id, [])  # held, no longer planned
    later = plan_meeting(SYSTEM, commission, date(2026, 12, 28))
    latest = plan_meeting(SYSTEM, commission, date(2027, 1, 11))
    placement = _returned_placement(world)

    items = agenda(SYSTEM, later.id)
    assert [(i.kind, i.placement_id) for i in items] == [
        (AgendaItemKind.REHABILITATION_REVIEW, placement.id)]
    assert agenda(SYSTEM, earlier.id) == agenda(SYSTEM, latest.id) == []
    flags = _flags(placement.student_id)
    assert [(f.criterion, f.noticed_on) for f in flags] == [(RETURN_CRITERION, FRIDAY)]


def test_without_a_planned_meeting_the_review_waits_for_the_next_one(world):
    """Our choice: the review joins the agenda of the first meeting planned on or after
    the return; a meeting dated before the return does not take it."""
    placement = _returned_placement(world)
    assert count(AgendaItem) == 0
    commission = world.commissions["C1"]
    before = plan_meeting(SYSTEM, commission, date(2026, 12, 10))
    assert agenda(SYSTEM, before.id) == []
    meeting = plan_meeting(SYSTEM, commission, date(2026, 12, 21))
    assert [i.placement_id for i in agenda(SYSTEM, meeting.id)] == [placement.id]
    other = plan_meeting(SYSTEM, commission, date(2026, 12, 28))
    assert agenda(SYSTEM, other.id) == []  # once only


def test_a_removed_review_waits_again_until_the_plan_is_made(world):
    commission = world.commissions["C1"]
    meeting = plan_meeting(SYSTEM, commission, date(2026, 12, 21))
    placement = _returned_placement(world)
    remove_agenda_item(SYSTEM, agenda(SYSTEM, meeting.id)[0].id)
    next_meeting = plan_meeting(SYSTEM, commission, date(2027, 1, 11))
    assert [i.placement_id for i in agenda(SYSTEM, next_meeting.id)] == [placement.id]
    record_rehabilitation_plan(SYSTEM, placement.id, date(2026, 12, 16))
    remove_agenda_item(SYSTEM, agenda(SYSTEM, next_meeting.id)[0].id)
    assert agenda(SYSTEM, plan_meeting(SYSTEM, commission, date(2027, 1, 25)).id) == []


def test_a_return_at_18_adds_no_flag(world):
    """Art. 78 (2) concerns minors: an adult gets no criterion-11 flag."""
    placement = world.place(world.student(birth=date(2008, 6, 1)), term=6,
                            decision=date(2026, 1, 15), start=date(2026, 1, 20))
    record_return(SYSTEM, placement.id, date(2026, 7, 20))
    assert _flags(placement.student_id) == []


def test_return_after_early_termination(world):
    placement = world.place(world.student(), term=12, start=date(2026, 1, 20))
    terminate_placement(SYSTEM, placement.id, date(2026, 5, 4), submitted_by="commission",
                        decision_number="2-77/2026")
    with pytest.raises(RuleViolation) as refused:
        record_return(SYSTEM, placement.id, date(2026, 5, 1))
    assert refused.value.key == "placement.return_before_start"
    returned = record_return(SYSTEM, placement.id, date(2026, 5, 6))
    # Fri 8; Thu 7 May is a holiday and Sat 9 May (Victory Day) moves to Mon 11: Tue 12, Wed 13
    assert returned.rehabilitation_plan_due == date(2026, 5, 13)
    with pytest.raises(RuleViolation) as again:
        record_return(SYSTEM, placement.id, date(2026, 5, 7))
    assert again.value.key == "placement.already_returned"


def test_a_failed_return_leaves_nothing(world):
    """One transaction: when the review cannot be scheduled (no district commission any
    more), neither the return nor the flag is kept."""
    student = world.student()
    placement = world.place(student, term=6)
    with db.transaction() as session:  # the student moved to a district without commission
        row = session.get(type(student), student.id)
        row.school_id = world.schools["S4"]
        session.add(row)
    with pytest.raises(RuleViolation):
        record_return(SYSTEM, placement.id, date(2026, 7, 20))
    assert _flags(student.id) == []
    with db.transaction() as session:
        assert session.get(type(placement), placement.id).status == PlacementStatus.ACTIVE


def test_the_plan_is_made_after_the_return(world):
    placement = _returned_placement(world)
    with pytest.raises(RuleViolation):
        record_rehabilitation_plan(SYSTEM, placement.id, date(2026, 12, 10))
    made = record_rehabilitation_plan(SYSTEM, placement.id, date(2026, 12, 16))
    assert made.rehabilitation_plan_made_on == date(2026, 12, 16)


PLANNED_END = date(2026, 12, 10)  # start 10 June 2026 + 6 months


def test_a_return_before_the_planned_end_needs_the_court_art_80_4_art_81_6(world):
    """Issue 15 item 2: the day before the planned end is refused and nothing is kept;
    on the planned end it is an ordinary return."""
    placement = world.place(world.student(), term=6, decision=date(2026, 5, 4),
                            start=date(2026, 6, 10))
    with pytest.raises(RuleViolation) as refused:
        record_return(SYSTEM, placement.id, date(2026, 12, 9))
    assert refused.value.key == "placement.early_return_needs_court"
    assert refused.value.article == "Art. 80 (4), Art. 81 (6)"
    assert _flags(placement.student_id) == []
    assert record_return(SYSTEM, placement.id, PLANNED_END).status == PlacementStatus.RETURNED


def test_a_return_dated_after_today_is_refused(world):
    """Issue 15 item 3: no criterion-11 flag dated in the future."""
    placement = world.place(world.student(), term=6, decision=date(2026, 5, 4),
                            start=date(2026, 6, 10))
    with clock.frozen_at(datetime(2026, 12, 11, 9, tzinfo=clock.KAZAKHSTAN_TIME)):
        with pytest.raises(RuleViolation) as refused:
            record_return(SYSTEM, placement.id, date(2026, 12, 12))
        assert refused.value.key == "placement.date_in_future"
        assert _flags(placement.student_id) == []
        assert record_return(SYSTEM, placement.id, FRIDAY).return_date == FRIDAY


def test_a_special_regime_return_keeps_the_plan_but_sets_no_criterion_11(world):
    """Art. 78 (2) item 11 names graduates of special education; after a special-regime
    organisation (Art. 81) the plan is still due (Art. 81 (12)), the flag is the school's."""
    commission = world.commissions["C1"]
    meeting = plan_meeting(SYSTEM, commission, date(2026, 12, 21))
    placement = world.place(world.student(), kind=SR, term=6,
                            decision=date(2026, 5, 4), start=date(2026, 6, 10))
    returned = record_return(SYSTEM, placement.id, FRIDAY)
    assert returned.rehabilitation_plan_due == date(2026, 12, 17)
    assert [i.placement_id for i in agenda(SYSTEM, meeting.id)] == [placement.id]
    assert _flags(placement.student_id) == []
