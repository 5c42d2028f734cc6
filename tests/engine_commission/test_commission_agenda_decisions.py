"""Agenda items, decisions from the catalogue, follow-up and postponement (Art. 79, Art. 78 (4))."""

from datetime import date, datetime

import pytest
from commission_world import SYSTEM, agenda, count

from juvenile import clock, db
from juvenile.cli import main
from juvenile.errors import InputRefused
from juvenile.models import (
    AgendaItem,
    AgendaItemKind,
    AgendaItemStatus,
    CommissionDecision,
    DecisionType,
    Referral,
    ReferralStatus,
    Role,
)
from juvenile.rules.errors import RuleViolation
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.administration.decision_catalogue import (
    add_decision_type,
    list_decision_types,
    set_decision_type_active,
)
from juvenile.services.commission.agenda import (
    add_agenda_item,
    record_hearing_notes,
    remove_agenda_item,
    reorder_agenda,
)
from juvenile.services.commission.decisions import mark_decision_done, record_decision
from juvenile.services.commission.meetings import plan_meeting, record_attendance

DEFAULT_CODES = [
    "individual_prevention", "representative_obligations", "family_support_centre",
    "placement_petition", "preventive_registration", "close_without_measures", "postpone",
]


def _referral_status(referral_id: int) -> ReferralStatus:
    with db.transaction() as session:
        return session.get(Referral, referral_id).status


@pytest.fixture
def sitting(world):
    """A held meeting of C1 with its quorum (5 of 7), and a later planned one."""
    members = world.members(n=7)
    commission = world.commissions["C1"]
    meeting = plan_meeting(SYSTEM, commission, date(2026, 12, 14), "Әкімдік")
    later = plan_meeting(SYSTEM, commission, date(2026, 12, 28), "Әкімдік")
    return world, meeting, later, members


def test_migration_0003_seeds_the_default_catalogue(database):
    types = list_decision_types(SYSTEM)
    assert [t.code for t in types] == DEFAULT_CODES
    follow_up = {t.code: t.follow_up for t in types}
    assert not follow_up["close_without_measures"] and not follow_up["postpone"]
    assert "48, 82" in types[0].name_kk and "48, 82" in types[0].name_ru


def test_adding_a_referral_puts_it_on_the_agenda_and_removing_returns_it(sitting):
    world, meeting, _, _ = sitting
    referral = world.referral(world.student())
    item = add_agenda_item(SYSTEM, meeting.id, "referral", referral_id=referral.id)
    assert _referral_status(referral.id) == ReferralStatus.ON_AGENDA
    with pytest.raises(RuleViolation) as twice:
        add_agenda_item(SYSTEM, meeting.id, "referral", referral_id=referral.id)
    assert twice.value.article == "Art. 78 (4)"
    remove_agenda_item(SYSTEM, item.id)
    assert _referral_status(referral.id) == ReferralStatus.NEW
    assert agenda(SYSTEM, meeting.id) == []


def test_another_commissions_referral_is_not_found(sitting):
    world, meeting, _, _ = sitting
    referral = world.referral(world.student(school="S3"), commission="C2")
    with pytest.raises(NotFound):
        add_agenda_item(SYSTEM, meeting.id, "referral", referral_id=referral.id)


def test_reorder_and_notes(sitting):
    world, meeting, _, _ = sitting
    a = add_agenda_item(SYSTEM, meeting.id, "other", title="Бірінші мәселе")
    b = add_agenda_item(SYSTEM, meeting.id, "other", title="Екінші мәселе")
    c = add_agenda_item(SYSTEM, meeting.id, "other", title="Үшінші мәселе")
    reorder_agenda(SYSTEM, meeting.id, [c.id, a.id, b.id])
    assert [(i.id, i.position) for i in agenda(SYSTEM, meeting.id)] == [
        (c.id, 1), (a.id, 2), (b.id, 3)]
    with pytest.raises(RuleViolation) as refused:
        reorder_agenda(SYSTEM, meeting.id, [c.id, a.id])
    assert refused.value.key == "agenda.reorder_mismatch"
    remove_agenda_item(SYSTEM, c.id)
    assert [(i.id, i.position) for i in agenda(SYSTEM, meeting.id)] == [(a.id, 1), (b.id, 2)]
    assert record_hearing_notes(SYSTEM, a.id, "Баяндамашы: ...").hearing_notes == "Баяндамашы: ..."
    with pytest.raises(InputRefused):
        add_agenda_item(SYSTEM, meeting.id, "other", title="  ")


def _notes_of(item_id: int) -> str:
    with db.transaction() as session:
        return session.get(AgendaItem, item_id).hearing_notes


def test_a_refused_decision_leaves_the_hearing_notes_unsaved(sitting):
    """Art. 79 (4): no decision without a quorum; the question form saves the hearing
    notes and the decision in one action, so the refusal keeps neither."""
    world, meeting, _, members = sitting
    item = add_agenda_item(SYSTEM, meeting.id, "other", title="Мәселе")
    record_hearing_notes(SYSTEM, item.id, "Бұрынғы жазба")
    record_attendance(SYSTEM, meeting.id, members[:3])  # 3 of 7: no quorum
    with pytest.raises(RuleViolation) as refused:
        record_decision(SYSTEM, item.id, "close_without_measures",
                        hearing_notes="Тыңдалды: сынып жетекшісі")
    assert refused.value.key == "meeting.no_quorum"
    assert _notes_of(item.id) == "Бұрынғы жазба"
    assert count(CommissionDecision) == 0
    record_attendance(SYSTEM, meeting.id, members[:5])
    record_decision(SYSTEM, item.id, "close_without_measures",
                    hearing_notes="Тыңдалды: сынып жетекшісі")
    assert _notes_of(item.id) == "Тыңдалды: сынып жетекшісі"
    assert count(CommissionDecision) == 1


def test_decision_on_a_referral_with_executor_and_due_date(sitting):
    world, meeting, _, members = sitting
    referral = world.referral(world.student())
    item = add_agenda_item(SYSTEM, meeting.id, AgendaItemKind.REFERRAL, referral_id=referral.id)
    record_attendance(SYSTEM, meeting.id, members[:5])
    with pytest.raises(RuleViolation) as no_due:
        record_decision(SYSTEM, item.id, "representative_obligations", executor="ІІБ")
    assert no_due.value.key == "decision.due_required"
    with pytest.raises(RuleViolation) as no_executor:
        record_decision(SYSTEM, item.id, "representative_obligations", due_on=date(2027, 1, 1))
    assert no_executor.value.key == "decision.executor_required"
    with pytest.raises(RuleViolation) as early:
        record_decision(SYSTEM, item.id, "representative_obligations", executor="ІІБ",
                        due_on=date(2026, 12, 13))
    assert early.value.key == "decision.due_before_meeting"
    decision = record_decision(SYSTEM, item.id, "representative_obligations",
                               executor="ІІБ ювеналды полиция", due_on=date(2027, 1, 15),
                               notes="Ата-анаға міндет жүктелсін")
    assert _referral_status(referral.id) == ReferralStatus.DECIDED
    assert agenda(SYSTEM, meeting.id)[0].status == AgendaItemStatus.DECIDED
    with pytest.raises(RuleViolation) as twice:
        record_decision(SYSTEM, item.id, "close_without_measures")
    assert twice.value.key == "decision.item_not_open"
    with pytest.raises(RuleViolation) as decided:
        remove_agenda_item(SYSTEM, item.id)
    assert decided.value.key == "agenda.item_decided"
    with pytest.raises(RuleViolation):
        mark_decision_done(SYSTEM, decision.id, date(2026, 12, 1))
    assert mark_decision_done(SYSTEM, decision.id, date(2027, 1, 10)).done_on == date(2027, 1, 10)


def test_close_without_measures_needs_no_due_date(sitting):
    world, meeting, _, members = sitting
    item = add_agenda_item(SYSTEM, meeting.id, "other", title="Өтініш")
    record_attendance(SYSTEM, meeting.id, members[:4])
    decision = record_decision(SYSTEM, item.id, "close_without_measures")
    assert decision.due_on is None
    with pytest.raises(RuleViolation) as refused:
        mark_decision_done(SYSTEM, decision.id, date(2026, 12, 20))
    assert refused.value.key == "decision.no_follow_up"


def test_postponement_carries_the_item_and_keeps_its_history(sitting):
    world, meeting, later, members = sitting
    referral = world.referral(world.student())
    item = add_agenda_item(SYSTEM, meeting.id, "referral", referral_id=referral.id)
    record_attendance(SYSTEM, meeting.id, members[:4])
    with pytest.raises(InputRefused) as no_reason:
        record_decision(SYSTEM, item.id, "postpone", postpone_to_meeting_id=later.id)
    assert no_reason.value.key == "decision.postpone_reason_required"
    with pytest.raises(RuleViolation) as not_later:
        record_decision(SYSTEM, item.id, "postpone", notes="Ата-анасы келмеді",
                        postpone_to_meeting_id=meeting.id)
    assert not_later.value.key == "decision.postpone_target_not_later"
    record_decision(SYSTEM, item.id, "postpone", notes="Ата-анасы келмеді",
                    postpone_to_meeting_id=later.id)

    carried = agenda(SYSTEM, later.id)
    assert [(i.referral_id, i.carried_from.id, i.status) for i in carried] == [
        (referral.id, meeting.id, AgendaItemStatus.OPEN)]
    with db.transaction() as session:
        assert session.get(AgendaItem, carried[0].id).carried_from_id == item.id
    assert _referral_status(referral.id) == ReferralStatus.ON_AGENDA
    record_attendance(SYSTEM, later.id, members[:6])
    record_decision(SYSTEM, carried[0].id, "family_support_centre", executor="ОҚО",
                    due_on=date(2027, 1, 29))
    assert _referral_status(referral.id) == ReferralStatus.DECIDED

    # the history the meeting pages show: each meeting links to the other
    [first] = agenda(SYSTEM, meeting.id)
    [second] = agenda(SYSTEM, later.id)
    assert [(step.status, step.decision.code, step.decision.notes)
            for step in (first, second)] == [
        (AgendaItemStatus.POSTPONED, "postpone", "Ата-анасы келмеді"),
        (AgendaItemStatus.DECIDED, "family_support_centre", ""),
    ]
    assert (first.postponed_to.id, first.carried_from) == (later.id, None)
    assert (second.carried_from.id, second.postponed_to) == (meeting.id, None)


def test_an_administrator_extends_the_catalogue(sitting):
    world, meeting, _, members = sitting
    admin = world.user(Role.ADMIN)
    with pytest.raises(AccessDenied):
        add_decision_type(world.secretary(), "psychologist", "Психологқа жіберу",
                          "Направить к психологу")
    added = add_decision_type(admin, "psychologist", "Психологқа жіберу", "Направить к психологу")
    assert added.follow_up and added.active
    with pytest.raises(RuleViolation) as taken:
        add_decision_type(admin, "psychologist", "А", "Б")
    assert taken.value.key == "decision.type_code_taken"
    with pytest.raises(InputRefused):
        add_decision_type(admin, "Bad Code", "А", "Б")
    item = add_agenda_item(SYSTEM, meeting.id, "other", title="Өтініш")
    record_attendance(SYSTEM, meeting.id, members[:4])
    set_decision_type_active(admin, "psychologist", False)
    with pytest.raises(RuleViolation) as withdrawn:
        record_decision(SYSTEM, item.id, "psychologist", executor="Психолог",
                        due_on=date(2027, 1, 1))
    assert withdrawn.value.key == "decision.unknown_type"
    set_decision_type_active(admin, "psychologist", True)
    decision = record_decision(SYSTEM, item.id, "psychologist", executor="Психолог",
                               due_on=date(2027, 1, 1))
    assert decision.decision_type_id == added.id


def test_cli_adds_a_decision_type(database, capsys):
    assert main(["--lang", "en", "decision-type", "add", "--code", "mediation",
                 "--name-kk", "Медиацияға жіберу", "--name-ru", "Направить на медиацию",
                 "--no-follow-up"]) == 0
    assert "mediation" in capsys.readouterr().out
    assert count(DecisionType) == len(DEFAULT_CODES) + 1
    assert main(["--lang", "en", "decision-type", "add", "--code", "mediation",
                 "--name-kk", "x", "--name-ru", "y"]) == 2
    assert "already has a decision type «mediation»" in capsys.readouterr().err
    assert count(CommissionDecision) == 0


def test_no_decision_for_a_meeting_still_ahead(sitting):
    """Issue 15 item 3: on the meeting's day the commission decides; the day before, the
    decision is refused and nothing is written (planning the meeting ahead stays free)."""
    world, meeting, _, members = sitting
    item = add_agenda_item(SYSTEM, meeting.id, "other", title="Есеп")
    record_attendance(SYSTEM, meeting.id, members[:5])
    with clock.frozen_at(datetime(2026, 12, 13, 18, tzinfo=clock.KAZAKHSTAN_TIME)):
        with pytest.raises(RuleViolation) as ahead:
            record_decision(SYSTEM, item.id, "close_without_measures",
                            hearing_notes="Тыңдалды")
        assert ahead.value.key == "decision.meeting_in_future"
        assert count(CommissionDecision) == 0 and _notes_of(item.id) == ""
    with clock.frozen_at(datetime(2026, 12, 14, 9, tzinfo=clock.KAZAKHSTAN_TIME)):
        record_decision(SYSTEM, item.id, "close_without_measures")
    assert count(CommissionDecision) == 1
