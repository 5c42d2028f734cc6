"""Two secretaries record the attendance of one meeting at once (issue 16 item 2):
the meeting's row is locked, so the second records after the first and replaces
it, as recording again does; no raw unique violation reaches either of them."""

from datetime import date

import pytest
from commission_world import SYSTEM
from race_helpers import race
from sqlmodel import select

from juvenile import db
from juvenile.models import AgendaItemKind, CommissionDecision, MeetingAttendance
from juvenile.services.commission import decisions, meetings
from juvenile.services.commission.agenda import add_agenda_item
from juvenile.services.commission.decisions import record_decision
from juvenile.services.commission.meetings import plan_meeting, record_attendance


@pytest.mark.real_commits
def test_two_secretaries_record_attendance_at_once(world, monkeypatch):
    members = world.members(n=5)
    meeting = plan_meeting(SYSTEM, world.commissions["C1"], date(2026, 12, 14), "3-зал")
    one, other = world.secretary(), world.secretary()
    outcomes = race(monkeypatch, [(meetings, "active_members", 0)],
                    lambda: record_attendance(one, meeting.id, members[:3]),
                    lambda: record_attendance(other, meeting.id, members[:4]))
    assert [o.ok for o in outcomes] == [True, True], [o.refusal for o in outcomes]
    with db.transaction() as session:
        rows = session.exec(select(MeetingAttendance)
                            .where(MeetingAttendance.meeting_id == meeting.id)).all()
    assert sorted(row.member_id for row in rows) == sorted(members)
    assert sum(row.present for row in rows) in (3, 4)


@pytest.mark.real_commits
def test_one_question_decided_twice_at_once_is_one_decision(world, monkeypatch):
    members = world.members(n=3)
    meeting = plan_meeting(SYSTEM, world.commissions["C1"], date(2026, 12, 14), "3-зал")
    item = add_agenda_item(SYSTEM, meeting.id, AgendaItemKind.OTHER, title="Есеп")
    record_attendance(SYSTEM, meeting.id, members)
    one, other = world.secretary(), world.secretary()

    def decide(actor):
        return lambda: record_decision(actor, item.id, "individual_prevention",
                                       executor="Білім бөлімі", due_on=date(2027, 1, 15))

    outcomes = race(monkeypatch, [(decisions, "require_quorum", 0)], decide(one), decide(other))
    assert sorted(o.ok for o in outcomes) == [False, True]
    [refused] = [o.refusal for o in outcomes if o.refusal is not None]
    assert refused.key == "decision.item_not_open"
    with db.transaction() as session:
        assert len(session.exec(select(CommissionDecision)
                                .where(CommissionDecision.agenda_item_id == item.id)).all()) == 1
