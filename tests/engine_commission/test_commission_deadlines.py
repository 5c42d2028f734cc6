"""One list of every open deadline: rehabilitation plans (Art. 80 (11)), term-end notices
(Art. 80 (10) item 4), decision follow-ups (Art. 79), plan measures (Art. 78 (3))."""

import csv
import io
import json
from datetime import date

import pytest
from commission_world import SYSTEM

from juvenile import db
from juvenile.cli import main
from juvenile.models import PlanMeasure, Role, SupportCase
from juvenile.rules.cases import CaseState
from juvenile.security.gate import AccessDenied
from juvenile.services.commission.agenda import add_agenda_item
from juvenile.services.commission.decisions import mark_decision_done, record_decision
from juvenile.services.commission.meetings import plan_meeting, record_attendance
from juvenile.services.commission.placement_return import record_rehabilitation_plan, record_return
from juvenile.services.commission.placements import record_notice
from juvenile.services.deadlines import DeadlineKind, list_deadlines

ON = date(2026, 12, 15)


def _measure(student, due_on, done_on=None, state=CaseState.UNDER_SUPPORT) -> PlanMeasure:
    with db.transaction() as session:
        case = SupportCase(student_id=student.id, school_id=student.school_id, state=state,
                           opened_on=date(2026, 10, 1))
        session.add(case)
        session.flush()
        measure = PlanMeasure(case_id=case.id, description="Психологпен әңгіме",
                              responsible="Психолог", due_on=due_on, done_on=done_on)
        session.add(measure)
        session.flush()
        return measure


@pytest.fixture
def deadlines(world):
    """One open deadline of each kind in C1 / S1, closed ones beside them, and one in S3."""
    returned = world.place(world.student(), term=6, decision=date(2026, 5, 4),
                           start=date(2026, 6, 10))
    record_return(SYSTEM, returned.id, date(2026, 12, 11))  # plan due Thu 17 Dec
    planned = world.place(world.student(), term=6, decision=date(2026, 5, 4),
                          start=date(2026, 6, 10))
    record_return(SYSTEM, planned.id, date(2026, 12, 11))
    record_rehabilitation_plan(SYSTEM, planned.id, date(2026, 12, 14))
    active = world.place(world.student(), term=6, decision=date(2026, 5, 25),
                         start=date(2026, 6, 20))  # ends 20 Dec, notice was due 20 Nov
    ended = world.place(world.student(), term=6, decision=date(2026, 5, 25),
                        start=date(2026, 6, 1))  # ended 1 Dec, no return recorded
    noticed = world.place(world.student(), term=12, decision=date(2026, 5, 25),
                          start=date(2026, 6, 1))
    record_notice(SYSTEM, noticed.id, date(2027, 4, 20))
    other_district = world.place(world.student(school="S3"), term=12,
                                 decision=date(2026, 5, 25), start=date(2026, 6, 1))

    members = world.members()
    meeting = plan_meeting(SYSTEM, world.commissions["C1"], date(2026, 12, 7))
    referral = world.referral(world.student())
    item = add_agenda_item(SYSTEM, meeting.id, "referral", referral_id=referral.id)
    done_item = add_agenda_item(SYSTEM, meeting.id, "other", title="Есеп")
    record_attendance(SYSTEM, meeting.id, members[:4])
    decision = record_decision(SYSTEM, item.id, "individual_prevention",
                               executor="ІІБ ювеналды полиция", due_on=date(2026, 12, 14))
    done = record_decision(SYSTEM, done_item.id, "family_support_centre", executor="ОҚО",
                           due_on=date(2026, 12, 10))
    mark_decision_done(SYSTEM, done.id, date(2026, 12, 9))

    measure = _measure(world.student(), ON)
    _measure(world.student(), date(2026, 12, 1), done_on=date(2026, 11, 30))
    _measure(world.student(), date(2026, 12, 1), state=CaseState.CLOSED)
    return {
        "rehabilitation_plan": returned.id, "term_end_notice": active.id,
        "return_not_recorded": ended.id,
        "decision_follow_up": decision.id, "plan_measure": measure.id,
        "other_district": other_district.id,
    }


def test_every_open_deadline_overdue_first_then_by_due_date(deadlines):
    found = list_deadlines(SYSTEM, ON)
    assert [(d.kind, d.record_id, d.due_on, d.days_left, d.overdue) for d in found] == [
        (DeadlineKind.TERM_END_NOTICE, deadlines["term_end_notice"], date(2026, 11, 20), -25,
         True),
        # issue 15 item 11: past its end with no return, no longer "in the organisation"
        (DeadlineKind.RETURN_NOT_RECORDED, deadlines["return_not_recorded"], date(2026, 12, 1),
         -14, True),
        (DeadlineKind.DECISION_FOLLOW_UP, deadlines["decision_follow_up"], date(2026, 12, 14),
         -1, True),
        (DeadlineKind.PLAN_MEASURE, deadlines["plan_measure"], ON, 0, False),
        (DeadlineKind.REHABILITATION_PLAN, deadlines["rehabilitation_plan"], date(2026, 12, 17),
         2, False),
        (DeadlineKind.TERM_END_NOTICE, deadlines["other_district"], date(2027, 5, 1), 137, False),
    ]
    notice = found[0]
    assert notice.organisation_code == "SE" and notice.school_code == "S1"
    # the reader is told who must act by name (issue 20, item 5)
    assert notice.organisation_name("kk") == "Арнаулы білім беру ұйымы"
    assert notice.organisation_name("ru") == "Спецорганизация образования"
    assert notice.student_name.startswith("Әлиев")
    assert found[1].organisation_code == "C1"  # the commission records the return
    assert found[2].organisation_code == "C1" and found[2].student_id is not None


def test_each_actor_sees_their_own_organisation(deadlines, world):
    other_secretary = world.secretary("C2")
    assert [d.record_id for d in list_deadlines(other_secretary, ON)] == [
        deadlines["other_district"]]
    psychologist = world.user(Role.SCHOOL_PSYCHOLOGIST, "S1")
    kinds = [d.kind for d in list_deadlines(psychologist, ON)]
    # a school reads placements and plan measures, not the commission's decisions
    assert kinds == ["term_end_notice", "return_not_recorded", "plan_measure",
                     "rehabilitation_plan"]
    with pytest.raises(AccessDenied):
        list_deadlines(world.user(Role.EDUCATION_ANALYST), ON)


def test_filter_by_school_or_commission_code(deadlines):
    by_school = list_deadlines(SYSTEM, ON, "S3")
    assert [d.record_id for d in by_school] == [deadlines["other_district"]]
    by_commission = list_deadlines(SYSTEM, ON, "C1")
    assert deadlines["other_district"] not in {d.record_id for d in by_commission}
    assert len(by_commission) == 4  # the school's plan measure was not referred to C1


def test_days_left_follow_the_on_date(deadlines):
    later = list_deadlines(SYSTEM, date(2026, 12, 18))
    rehab = next(d for d in later if d.kind == "rehabilitation_plan")
    assert (rehab.days_left, rehab.overdue) == (-1, True)


def test_cli_prints_csv_and_json(deadlines, capsys):
    assert main(["deadlines", "--on", "2026-12-15"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["kind"], r["days_left"], r["overdue"]) for r in rows][:2] == [
        ("term_end_notice", "-25", "True"), ("return_not_recorded", "-14", "True")]
    assert main(["deadlines", "--on", "2026-12-15", "--org", "S3", "--format", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["kind"], e["due_on"], e["school_code"]) for e in entries] == [
        ("term_end_notice", "2027-05-01", "S3")]
    assert main(["--lang", "en", "deadlines", "--org", "NOPE"]) == 2
    assert "No school or commission has the code «NOPE»" in capsys.readouterr().err


def test_another_organisations_list_is_a_refused_access_not_a_read(deadlines, world):
    """Issue 16 item 6: asking for a foreign school's or commission's deadlines is
    refused and audited as a denial, with no "deadlines" read logged
    (confidentiality: Art. 3 (2) item 4, Art. 83 (2))."""
    from sqlmodel import select

    from juvenile.models import AuditAction, AuditEntry

    psychologist = world.user(Role.SCHOOL_PSYCHOLOGIST, "S1")
    secretary, other_secretary = world.secretary("C1"), world.secretary("C2")
    for who, code in ((psychologist, "S3"), (psychologist, "C1"), (secretary, "C2"),
                      (secretary, "S3")):
        with pytest.raises(AccessDenied):
            list_deadlines(who, ON, code)
    with db.transaction() as session:
        entries = session.exec(select(AuditEntry.login, AuditEntry.action).where(
            AuditEntry.login.in_([psychologist.login, secretary.login]))).all()
    assert sorted(entries) == sorted([(psychologist.login, AuditAction.DENIED)] * 2
                                     + [(secretary.login, AuditAction.DENIED)] * 2)
    # its own organisation, and a school whose minors it follows, stay readable
    assert [d.record_id for d in list_deadlines(other_secretary, ON, "S3")] == [
        deadlines["other_district"]]
    assert list_deadlines(psychologist, ON, "S1")


def test_a_term_past_the_18th_birthday_is_flagged_on_the_board(world):
    """Issue 15 item 1: the stay ends at 18 (Art. 80 (1), Art. 81 (2), Art. 59 (8) 4):
    an entry whose planned end passes the birthday carries it; one ending on it does not."""
    past = world.place(world.student(birth=date(2009, 3, 10)), term=12,
                       decision=date(2026, 5, 25), start=date(2026, 6, 1))  # ends 1 Jun 2027
    on_the_day = world.place(world.student(birth=date(2009, 6, 1)), term=12,
                             decision=date(2026, 5, 25), start=date(2026, 6, 1))
    found = {d.record_id: d for d in list_deadlines(SYSTEM, ON)}
    assert found[past.id].adult_on == date(2027, 3, 10)
    assert found[on_the_day.id].adult_on is None


def test_a_return_on_the_planned_end_day_is_not_overdue(world):
    """The term ending today is not yet "ended without a return" (issue 15 item 11)."""
    placement = world.place(world.student(), term=6, decision=date(2026, 5, 25),
                            start=date(2026, 6, 15))  # ends 15 Dec
    on_end = {d.record_id: d.kind for d in list_deadlines(SYSTEM, ON)}
    day_after = {d.record_id: d.kind
                 for d in list_deadlines(SYSTEM, date(2026, 12, 16))}
    assert on_end[placement.id] == DeadlineKind.TERM_END_NOTICE
    assert day_after[placement.id] == DeadlineKind.RETURN_NOT_RECORDED
