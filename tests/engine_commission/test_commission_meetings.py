"""Members, meetings, attendance and the quorum of the commission (Art. 79)."""

from dataclasses import replace
from datetime import date

import pytest
from commission_world import SYSTEM

from juvenile.errors import InputRefused
from juvenile.models import AgendaItemKind, CommissionMeetingStatus, MemberPosition, Role
from juvenile.rules.commission import COMPOSITION_ORDER
from juvenile.rules.errors import RuleViolation
from juvenile.security.gate import AccessDenied
from juvenile.services.commission.agenda import add_agenda_item
from juvenile.services.commission.board import meeting_page
from juvenile.services.commission.decisions import record_decision
from juvenile.services.commission.meetings import (
    plan_meeting,
    record_attendance,
)
from juvenile.services.commission.members import (
    add_member,
    commission_composition,
    set_member_active,
)

DAY = date(2026, 12, 14)


def _meeting_with_question(world):
    meeting = plan_meeting(SYSTEM, world.commissions["C1"], DAY, "Әкімдік, 3-зал")
    item = add_agenda_item(SYSTEM, meeting.id, AgendaItemKind.OTHER,
                           title="Мектептердегі профилактика туралы есеп")
    return meeting, item


def _decide(item):
    return record_decision(SYSTEM, item.id, "individual_prevention", executor="Білім бөлімі",
                           due_on=date(2027, 1, 15))


def test_seven_members_three_present_no_decision_four_present_decides(world):
    """Strictly more than half of 7 is 4 (Art. 79; share JUVENILE_QUORUM_SHARE = 1/2)."""
    members = world.members(n=7)
    meeting, item = _meeting_with_question(world)
    state = record_attendance(SYSTEM, meeting.id, members[:3], {members[6]: "іссапар"})
    assert (state.present, state.members, state.reached) == (3, 7, False)
    with pytest.raises(RuleViolation) as refused:
        _decide(item)
    assert refused.value.key == "meeting.no_quorum" and refused.value.article == "Art. 79"
    attendance = meeting_page(SYSTEM, meeting.id).record.attendance  # kept despite the refusal
    assert sum(a.present for a in attendance) == 3
    assert [a.absence_reason for a in attendance if a.member_id == members[6]] == ["іссапар"]

    state = record_attendance(SYSTEM, meeting.id, members[:4])
    assert (state.present, state.members, state.reached) == (4, 7, True)
    assert _decide(item).decided_on == DAY


def test_the_quorum_share_is_a_setting(world, monkeypatch):
    monkeypatch.setenv("JUVENILE_QUORUM_SHARE", "2/3")
    members = world.members(n=7)
    meeting, item = _meeting_with_question(world)
    assert not record_attendance(SYSTEM, meeting.id, members[:4]).reached  # 4 of 7 < 2/3
    assert record_attendance(SYSTEM, meeting.id, members[:5]).reached
    monkeypatch.setenv("JUVENILE_QUORUM_SHARE", "most")
    with pytest.raises(InputRefused) as refused:
        meeting_page(SYSTEM, meeting.id)
    assert refused.value.key == "meeting.bad_quorum_setting"


def test_no_decision_before_attendance_is_recorded(world):
    world.members()
    meeting, item = _meeting_with_question(world)
    assert meeting.status == CommissionMeetingStatus.PLANNED
    with pytest.raises(RuleViolation) as refused:
        _decide(item)
    assert refused.value.key == "meeting.attendance_not_recorded"


def test_inactive_members_do_not_count_and_attendance_keeps_the_composition(world):
    members = world.members(n=7)
    set_member_active(SYSTEM, members[6], False)
    set_member_active(SYSTEM, members[5], False)
    meeting, item = _meeting_with_question(world)
    state = record_attendance(SYSTEM, meeting.id, members[:3])
    assert (state.present, state.members, state.reached) == (3, 5, True)
    add_member(SYSTEM, world.commissions["C1"], "Жаңа мүше", "member")
    assert meeting_page(SYSTEM, meeting.id).record.quorum.members == 5  # as at the meeting
    with pytest.raises(RuleViolation) as refused:
        record_attendance(SYSTEM, meeting.id, [members[6]])
    assert refused.value.key == "meeting.not_a_member"


def test_one_chair_and_one_secretary(world):
    """Art. 79 (4): the commission has a chair and a secretary; deputies and members many."""
    world.members(n=3)
    commission = world.commissions["C1"]
    for position in ("chair", "secretary"):
        with pytest.raises(RuleViolation) as refused:
            add_member(SYSTEM, commission, "Екінші", position)
        assert refused.value.article == "Art. 79 (4)"
    add_member(SYSTEM, commission, "Екінші орынбасар", "deputy_chair")
    composition = meeting_page(SYSTEM, plan_meeting(SYSTEM, commission, DAY).id).record
    positions = [line.position for line in composition.attendance]  # before attendance
    assert positions[0] == MemberPosition.CHAIR and positions.count("deputy_chair") == 2


def test_meeting_numbers_count_within_the_year(world):
    commission = world.commissions["C1"]
    first = plan_meeting(SYSTEM, commission, date(2026, 11, 2))
    second = plan_meeting(SYSTEM, commission, date(2026, 12, 7))
    next_year = plan_meeting(SYSTEM, commission, date(2027, 1, 11))
    assert (first.number, second.number, next_year.number) == (1, 2, 1)
    with pytest.raises(RuleViolation) as refused:
        plan_meeting(SYSTEM, commission, date(2026, 12, 21), number=2)
    assert refused.value.key == "meeting.number_taken"


def test_a_present_member_has_no_absence_reason(world):
    members = world.members(n=5)
    meeting, _ = _meeting_with_question(world)
    with pytest.raises(RuleViolation) as refused:
        record_attendance(SYSTEM, meeting.id, members[:3], {members[0]: "ауырды"})
    assert refused.value.key == "meeting.reason_for_present"


def test_the_secretary_keeps_the_composition_and_members_read_it(world):
    """Art. 79 (4): the composition page lists current members first, then former ones;
    only the secretary of that commission changes it."""
    members = world.members(n=4)
    secretary, member = world.secretary("C1"), world.user(Role.COMMISSION_MEMBER, "C1")
    set_member_active(secretary, members[3], False)
    composition = commission_composition(member)
    assert [(line.member_id, line.active) for line in composition.members] == [
        (members[0], True), (members[1], True), (members[2], True), (members[3], False)]
    assert not composition.may_change and commission_composition(secretary).may_change
    with pytest.raises(AccessDenied):
        set_member_active(member, members[3], True)
    with pytest.raises(AccessDenied):  # another district's secretary
        set_member_active(world.secretary("C2"), members[0], False)
    with pytest.raises(AccessDenied):
        add_member(world.secretary("C2"), world.commissions["C1"], "Бөгде", "member")
    assert len(commission_composition(world.secretary("C2")).members) == 0  # its own only
    set_member_active(secretary, members[3], True)
    assert all(line.active for line in commission_composition(secretary).members)


def test_members_of_one_position_are_listed_in_the_readers_alphabet(world):
    """The composition page, the attendance and the minutes list the positions in the
    order of Art. 79 (4), and the members of one position as the reader's alphabet
    sorts them (І after Ы in Kazakh, right after И in Russian)."""
    assert tuple(MemberPosition) == COMPOSITION_ORDER  # the law's order is the model's
    commission = world.commissions["C1"]
    for name, position in [("Ысқақов Ерлан", "member"), ("Іслам Айгүл", "member"),
                           ("Мұратов Бақыт", "chair"), ("Иванова Ольга", "member")]:
        add_member(SYSTEM, commission, name, position)
    secretary = world.secretary("C1")
    in_kazakh = [line.full_name for line in
                 commission_composition(replace(secretary, language="kk")).members]
    in_russian = [line.full_name for line in
                  commission_composition(replace(secretary, language="ru")).members]
    assert in_kazakh == ["Мұратов Бақыт", "Иванова Ольга", "Ысқақов Ерлан", "Іслам Айгүл"]
    assert in_russian == ["Мұратов Бақыт", "Иванова Ольга", "Іслам Айгүл", "Ысқақов Ерлан"]
    meeting = plan_meeting(SYSTEM, commission, DAY, "Әкімдік, 3-зал")
    record = meeting_page(secretary, meeting.id).record
    assert [line.full_name for line in record.attendance_in("ru")] == in_russian
    assert [line.full_name for line in record.attendance_in("kk")] == in_kazakh
