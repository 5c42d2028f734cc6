"""The referral inbox and who may act on a commission's records: each commission its own
(Art. 3 (2) item 4, Art. 83 (2): confidentiality of minors' data)."""

from datetime import date

import pytest
from commission_world import SYSTEM, agenda
from sqlmodel import select

from juvenile import db
from juvenile.models import AuditAction, AuditEntry, ReferralStatus, Role
from juvenile.security.gate import AccessDenied
from juvenile.services.commission.agenda import add_agenda_item
from juvenile.services.commission.decisions import record_decision
from juvenile.services.commission.inbox import list_referrals, open_referral
from juvenile.services.commission.meetings import plan_meeting, record_attendance
from juvenile.services.commission.placement_return import record_return
from juvenile.services.commission.placements import placement_history


def _audit(login: str) -> list[AuditEntry]:
    with db.transaction() as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.login == login)
                                 .order_by(AuditEntry.id)))


def test_inbox_pages_by_status_and_opening_a_packet_is_audited(world):
    secretary = world.secretary("C1")
    referrals = [world.referral(world.student(last_name=f"Оқушы{i}")) for i in range(5)]
    world.referral(world.student(school="S3"), commission="C2")
    meeting = plan_meeting(secretary, world.commissions["C1"], date(2026, 12, 14))
    add_agenda_item(secretary, meeting.id, "referral", referral_id=referrals[0].id)

    page = list_referrals(secretary, status=ReferralStatus.NEW, page=1, page_size=3)
    assert (page.total, page.pages, len(page.items)) == (4, 2, 3)
    second = list_referrals(secretary, status="new", page=2, page_size=3)
    assert len(second.items) == 1
    assert {i.id for i in page.items + second.items} == {r.id for r in referrals[1:]}
    assert [i.id for i in list_referrals(secretary, status="on_agenda").items] == [
        referrals[0].id]

    opened = open_referral(secretary, referrals[2].id)
    assert opened.packet["student"]["full_name"] == opened.student.full_name
    views = [e for e in _audit(secretary.login)
             if e.action == AuditAction.VIEW and e.record_type == "referral"]
    assert views[-1].record_id == referrals[2].id


def test_another_commissions_secretary_is_denied_and_the_denial_is_kept(world):
    own, other = world.secretary("C1"), world.secretary("C2")
    referral = world.referral(world.student())
    members = world.members()
    meeting = plan_meeting(own, world.commissions["C1"], date(2026, 12, 14))
    item = add_agenda_item(own, meeting.id, "referral", referral_id=referral.id)
    record_attendance(own, meeting.id, members[:5])
    placement = world.place(world.student(), actor=own)

    attempts = [
        lambda: open_referral(other, referral.id),
        lambda: list_referrals(other, commission_id=world.commissions["C1"]),
        lambda: agenda(other, meeting.id),
        lambda: add_agenda_item(other, meeting.id, "other", title="Бөгде мәселе"),
        lambda: record_decision(other, item.id, "close_without_measures"),
        lambda: placement_history(other, placement.id),
        lambda: record_return(other, placement.id, date(2026, 7, 20)),
        lambda: world.place(world.student(), actor=other),
    ]
    for attempt in attempts:
        with pytest.raises(AccessDenied):
            attempt()
    denied = [e for e in _audit(other.login) if e.action == AuditAction.DENIED]
    assert len(denied) == len(attempts)
    assert agenda(own, meeting.id)[0].status == "open"


def test_a_commission_member_reads_but_does_not_decide(world):
    member = world.user(Role.COMMISSION_MEMBER, "C1")
    members = world.members()
    meeting = plan_meeting(SYSTEM, world.commissions["C1"], date(2026, 12, 14))
    item = add_agenda_item(SYSTEM, meeting.id, "other", title="Есеп")
    record_attendance(SYSTEM, meeting.id, members[:5])
    assert [i.id for i in agenda(member, meeting.id)] == [item.id]
    with pytest.raises(AccessDenied):
        record_decision(member, item.id, "close_without_measures")


def test_the_placing_commission_and_the_school_see_the_placement(world):
    """commissions_of_student includes the commission responsible for the placement."""
    student = world.student(school="S2")
    placement = world.place(student)
    assert placement_history(world.secretary("C1"), placement.id)[0].id == placement.id
    assert placement_history(world.user(Role.SCHOOL_PSYCHOLOGIST, "S2"), placement.id)
    with pytest.raises(AccessDenied):
        placement_history(world.user(Role.SCHOOL_PSYCHOLOGIST, "S1"), placement.id)


def test_a_stranger_is_refused_before_the_arguments_are_judged(world):
    """Issue 16 item 6: the gate comes first, so another commission's secretary gets a
    refusal (audited), never a validation error telling how the record is kept
    (the agenda and the composition are the commission's own, Art. 79 (4))."""
    from juvenile.services.commission.members import add_member

    own, other = world.secretary("C1"), world.secretary("C2")
    meeting = plan_meeting(own, world.commissions["C1"], date(2026, 12, 14))
    attempts = [
        lambda: add_agenda_item(other, meeting.id, "no_such_kind"),
        lambda: add_agenda_item(other, meeting.id, "other", title="x" * 5000),
        lambda: add_agenda_item(other, meeting.id, "other", title=""),
        lambda: add_member(other, world.commissions["C1"], "", "chair"),
        lambda: add_member(other, world.commissions["C1"], "Бөгде Адам", "no_such_position"),
    ]
    for attempt in attempts:
        with pytest.raises(AccessDenied):
            attempt()
    denied = [e for e in _audit(other.login) if e.action == AuditAction.DENIED]
    assert len(denied) == len(attempts)
