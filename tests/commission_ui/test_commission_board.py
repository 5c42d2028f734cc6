"""What the commission's screens read: the inbox's counts, the meeting page, the month of
meetings, the placements register with its deadlines, and the navigation badge's count."""

from datetime import date, timedelta

import pytest
from commission_sitting import DUE, hold_sitting
from commission_world import SE, SR, SYSTEM, fresh_iin
from sqlmodel import func, select

from juvenile import db
from juvenile.models import AuditEntry, ReferralStatus, Role
from juvenile.rules.errors import RuleViolation
from juvenile.rules.placements import DecidingBody, PlacementKind
from juvenile.security.gate import AccessDenied
from juvenile.services.commission.agenda import add_agenda_item
from juvenile.services.commission.board import meeting_calendar, meeting_page
from juvenile.services.commission.decisions import mark_decision_done, record_decision
from juvenile.services.commission.inbox import referral_counts
from juvenile.services.commission.meetings import plan_meeting
from juvenile.services.commission.minutes import approve_minutes
from juvenile.services.commission.placement_register import (
    PlanStatus,
    placements_page,
    register_placement_by_iin,
)
from juvenile.services.commission.placement_return import record_rehabilitation_plan, record_return
from juvenile.services.commission.placements import PlacementTerms, extend_placement
from juvenile.services.deadlines import DeadlineKind, deadline_counts, list_deadlines
from juvenile.state.commission.placement_view import placement_view


def audit_count() -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(AuditEntry)).one()


def test_a_referral_closes_when_nothing_is_left_to_carry_out(world):
    s = hold_sitting(world)
    counts = referral_counts(s.secretary)
    assert counts[ReferralStatus.DECIDED] == 1 and counts[ReferralStatus.CLOSED] == 0
    mark_decision_done(s.secretary, s.decision_id, date(2027, 1, 10))
    other = world.referral(world.student())
    waiting = world.referral(world.student())
    item = add_agenda_item(s.secretary, s.meeting.id, "referral", referral_id=other.id)
    record_decision(s.secretary, item.id, "close_without_measures")  # no follow-up
    assert referral_counts(s.secretary) == {
        ReferralStatus.NEW: 1, ReferralStatus.ON_AGENDA: 0, ReferralStatus.DECIDED: 0,
        ReferralStatus.CLOSED: 2}
    assert waiting.id
    with pytest.raises(AccessDenied):
        referral_counts(world.secretary("C2"), world.commissions["C1"])


def test_the_meeting_page_offers_controls_only_to_whom_the_gate_allows(world):
    s = hold_sitting(world)
    waiting = world.referral(world.student(last_name="Күтуші"))
    returned = world.place(world.student(birth=date(2012, 3, 1)))
    record_return(SYSTEM, returned.id, date(2026, 12, 20))  # after this meeting: waits
    later = plan_meeting(s.secretary, world.commissions["C1"], date(2026, 12, 28))
    page = meeting_page(s.secretary, s.meeting.id)
    assert page.may_edit and page.may_approve
    assert [c.id for c in page.new_referrals] == [waiting.id]
    assert [c.id for c in page.waiting_reviews] == []  # joined the later meeting's agenda
    assert [m.id for m in page.later_meetings] == [later.id]
    assert "postpone" in [t.code for t in page.decision_types]
    assert page.record.quorum.reached and page.record.quorum.present == 5
    [item] = page.record.items
    assert item.decision.executor and item.decision.due_on == DUE
    assert item.subject.full_name == "Әбенов Ғалым Құрманұлы"

    member = meeting_page(world.user(Role.COMMISSION_MEMBER, "C1"), s.meeting.id)
    assert not member.may_edit and not member.may_approve
    assert member.new_referrals == [] and member.decision_types == []
    assert member.record.items[0].decision.executor  # reads the decision

    approve_minutes(s.secretary, s.meeting.id)
    locked = meeting_page(s.secretary, s.meeting.id)
    assert not locked.may_edit and locked.minutes.locked and locked.new_referrals == []
    with pytest.raises(AccessDenied):
        meeting_page(world.secretary("C2"), s.meeting.id)


def test_the_month_of_meetings_with_its_days_off(world):
    secretary = world.secretary()
    commission = world.commissions["C1"]
    for day in (date(2026, 12, 7), date(2026, 12, 21), date(2027, 1, 11)):
        plan_meeting(secretary, commission, day)
    month = meeting_calendar(secretary, 2026, 12, today=date(2026, 11, 25))
    assert [m.meeting_date for m in month.in_month] == [date(2026, 12, 7), date(2026, 12, 21)]
    assert [m.meeting_date for m in month.lines][0] == date(2027, 1, 11)  # latest first
    assert month.total == 3 and month.next_number == 3
    assert date(2026, 12, 16) in month.days_off  # Independence Day
    assert date(2026, 12, 19) in month.days_off and date(2026, 12, 17) not in month.days_off
    assert month.weeks[0][0] is None and month.weeks[0][1] == date(2026, 12, 1)  # a Tuesday
    with pytest.raises(AccessDenied):
        meeting_calendar(world.user(Role.SCHOOL_PSYCHOLOGIST, "S1"), 2026, 12)


def test_the_placements_register_shows_terms_and_the_plan_traffic_light(world):
    secretary = world.secretary()
    active = world.place(world.student(birth=date(2012, 2, 2)), SE, term=6,
                         decision=date(2026, 6, 1), start=date(2026, 6, 1))
    extend_placement(secretary, active.id, "evasion", date(2027, 2, 1), date(2026, 11, 20),
                     decision_number="2-90/2026")
    late = world.place(world.student(birth=date(2011, 2, 2)), SR, term=12,
                       decision=date(2025, 10, 1), start=date(2025, 10, 6))
    record_return(secretary, late.id, date(2026, 11, 13))  # plan due Wed 18 Nov
    on_time = world.place(world.student(birth=date(2011, 3, 3)), SE, term=6,
                          decision=date(2026, 1, 5), start=date(2026, 1, 5))
    record_return(secretary, on_time.id, date(2026, 11, 20))  # plan due Wed 25 Nov
    made = world.place(world.student(birth=date(2011, 4, 4)), SE, term=6,
                       decision=date(2025, 12, 1), start=date(2025, 12, 1))
    record_return(secretary, made.id, date(2026, 6, 1))
    record_rehabilitation_plan(secretary, made.id, date(2026, 6, 3))
    world.place(world.student(birth=date(2011, 5, 5), school="S3"), SE)  # C2's

    on = date(2026, 11, 25)
    page = placements_page(secretary, on=on)
    rows = {row.placement.id: row for row in page.rows}
    assert page.total == 4 and set(rows) == {active.id, late.id, on_time.id, made.id}
    assert rows[active.id].extensions == 1 and rows[active.id].plan_status == PlanStatus.NONE
    assert rows[active.id].progress == round(100 * (on - date(2026, 6, 1)).days
                                             / (date(2027, 2, 1) - date(2026, 6, 1)).days)
    assert rows[late.id].plan_status == PlanStatus.RED
    assert rows[on_time.id].plan_status == PlanStatus.AMBER
    assert rows[made.id].plan_status == PlanStatus.GREEN and rows[made.id].progress == 100
    assert [r.placement.id for r in placements_page(secretary, kind="special_regime",
                                                    on=on).rows] == [late.id]
    assert placements_page(secretary, status="active", on=on).total == 1
    assert placements_page(secretary, page=2, page_size=3, on=on).rows[0].placement.id in rows
    with pytest.raises(AccessDenied):
        placements_page(world.user(Role.COMMISSION_MEMBER, "C1"))


def test_a_placement_past_its_end_without_a_return_is_shown_so(world):
    """Issue 15 item 11: on the planned end day still "in the organisation"; the day
    after, "term ended, return not recorded"; and the end of stay at 18 (item 1)."""
    secretary = world.secretary()
    placement = world.place(world.student(birth=date(2009, 3, 10)), SE, term=6,
                            decision=date(2026, 6, 1), start=date(2026, 6, 1))  # ends 1 Dec
    end = date(2026, 12, 1)
    [on_end] = placements_page(secretary, on=end).rows
    [after] = placements_page(secretary, on=end + timedelta(days=1)).rows
    assert not on_end.return_overdue and after.return_overdue
    shown = placement_view(after, "en", end + timedelta(days=1))
    assert (shown.status, shown.status_label) == (
        "return_overdue", "Term ended, return not recorded")
    assert placement_view(on_end, "en", end).status == "active"
    assert after.adult_on == date(2027, 3, 10) and not after.past_adulthood
    extend_placement(secretary, placement.id, "evasion", date(2027, 3, 11), date(2026, 11, 20),
                     decision_number="2-91/2026")
    [extended] = placements_page(secretary, on=end + timedelta(days=1)).rows
    assert extended.past_adulthood and not extended.return_overdue
    assert placement_view(extended, "ru", end).past_adulthood


def test_registering_by_iin_tells_nothing_about_children_elsewhere(world):
    secretary = world.secretary()
    terms = PlacementTerms(kind=PlacementKind.SPECIAL_EDUCATION,
                           organisation_id=world.organisations["SE"],
                           deciding_body=DecidingBody.COURT, decision_date=date(2026, 11, 20),
                           start_date=date(2026, 11, 23), term_months=12,
                           decision_number="2-77/2026", prosecutor_participated=True,
                           guardianship_applicant="Қорғаншылық органы",
                           guardianship_applied_on=date(2026, 11, 10))
    own = world.student(birth=date(2012, 1, 10))
    elsewhere = world.student(birth=date(2012, 1, 11), school="S3")
    with pytest.raises(RuleViolation) as malformed:
        register_placement_by_iin(secretary, "12345", terms)
    assert malformed.value.key == "iin.not_12_digits"
    for iin in (elsewhere.iin, fresh_iin(date(2012, 1, 12))):  # elsewhere, nowhere
        with pytest.raises(RuleViolation) as unknown:
            register_placement_by_iin(secretary, iin, terms)
        assert unknown.value.key == "placement.register.unknown_iin"
    with pytest.raises(RuleViolation) as too_long:
        register_placement_by_iin(secretary, own.iin, PlacementTerms(**{
            **terms.__dict__, "term_months": 13}))
    assert too_long.value.article == "Art. 80 (3)"
    for number in ("", "   "):  # no decision, no placement (Art. 80 (2), Art. 81 (3))
        with pytest.raises(RuleViolation) as undocumented:
            register_placement_by_iin(secretary, own.iin, PlacementTerms(**{
                **terms.__dict__, "decision_number": number}))
        assert undocumented.value.key == "placement.decision_number_required"
    placed = register_placement_by_iin(secretary, f" {own.iin} ", terms)
    assert placed.planned_end == date(2027, 11, 23)
    assert placed.decision_number == "2-77/2026"


def _denials() -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(AuditEntry)
                            .where(AuditEntry.outcome == "denied")).one()


def test_registering_by_iin_is_one_transaction_and_audits_a_denial_once(world, monkeypatch):
    secretary = world.secretary()
    terms = PlacementTerms(kind=PlacementKind.SPECIAL_EDUCATION,
                           organisation_id=world.organisations["SE"],
                           deciding_body=DecidingBody.COURT, decision_date=date(2026, 11, 20),
                           start_date=date(2026, 11, 23), term_months=12,
                           decision_number="2-77/2026", prosecutor_participated=True,
                           guardianship_applicant="Қорғаншылық органы",
                           guardianship_applied_on=date(2026, 11, 10))
    own = world.student(birth=date(2012, 1, 10))
    elsewhere = world.student(birth=date(2012, 1, 11), school="S3")
    opened = []
    real = db._session
    monkeypatch.setattr(db, "_session", lambda **o: opened.append(1) or real(**o))
    denials = _denials()
    with pytest.raises(RuleViolation):
        register_placement_by_iin(secretary, elsewhere.iin, terms)
    assert _denials() == denials + 1
    opened.clear()
    register_placement_by_iin(secretary, own.iin, terms)
    assert len(opened) == 1


def test_the_badge_counts_the_commissions_deadlines_without_writing_the_audit_log(world):
    s = hold_sitting(world)  # a decision due 15 Jan 2027
    returned = world.place(world.student(birth=date(2011, 6, 6)), SE, term=6,
                           decision=date(2026, 1, 5), start=date(2026, 1, 5))
    record_return(SYSTEM, returned.id, date(2026, 11, 13))  # plan due 18 Nov: overdue
    world.place(world.student(birth=date(2011, 7, 7)), SE, term=12,
                decision=date(2026, 2, 2), start=date(2026, 2, 2))  # notice due 2 Jan 2027
    world.place(world.student(birth=date(2011, 8, 8), school="S3"), SE)  # C2's
    on = date(2026, 11, 25)
    before = audit_count()
    counts = deadline_counts(s.secretary, on)
    assert audit_count() == before
    listed = list_deadlines(s.secretary, on)
    assert audit_count() == before + 1
    assert (counts.open, counts.overdue) == (len(listed), sum(d.overdue for d in listed))
    assert (counts.open, counts.overdue) == (3, 1)
    assert listed[0].kind == DeadlineKind.REHABILITATION_PLAN and listed[0].overdue
    member = deadline_counts(world.user(Role.COMMISSION_MEMBER, "C1"), on)
    assert (member.open, member.overdue) == (1, 0)  # decisions only: no placements
    assert deadline_counts(world.user(Role.EDUCATION_ANALYST), on).open == 0
