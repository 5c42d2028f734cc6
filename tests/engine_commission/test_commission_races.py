"""Two secretaries record the attendance of one meeting at once (issue 16 item 2):
the meeting's row is locked, so the second records after the first and replaces
it, as recording again does; no raw unique violation reaches either of them."""

from datetime import date

import pytest
from commission_world import SYSTEM
from race_helpers import race
from sqlmodel import select

from juvenile import db
from juvenile.models import MeetingAttendance
from juvenile.services.commission import meetings
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
