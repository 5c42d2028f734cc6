"""Support cases and the prevention council (Art. 78 (3)); the automatic referral
to the district commission when the representatives refuse (Art. 78 (4))."""

import json
from dataclasses import replace
from datetime import date

import pytest
from school_helpers import SYSTEM, card_flags, count
from sqlmodel import select

from juvenile import db
from juvenile.errors import InputRefused
from juvenile.models import (
    CaseEvent,
    CaseEventKind,
    CouncilReview,
    PlanMeasure,
    Referral,
    Role,
    SupportCase,
)
from juvenile.rules.cases import CaseState, CloseOutcome, CouncilDecision
from juvenile.rules.errors import RuleViolation
from juvenile.security.gate import AccessDenied
from juvenile.services.school import escalation
from juvenile.services.school.case_file import open_case_file
from juvenile.services.school.cases import add_flags_to_case, close_case, open_case
from juvenile.services.school.council import (
    NewMeasure,
    Participation,
    add_cases_to_meeting,
    hold_council_meeting,
    plan_council_meeting,
    record_council_decision,
    record_participation,
)
from juvenile.services.school.council_register import cases_waiting_for_council
from juvenile.services.school.flags import NewFlag, add_flags

MEETING_DAY = date(2026, 11, 20)
INVITED = date(2026, 11, 13)  # the representatives' invitation, a week before
PLAN = [NewMeasure("weekly talks with the school psychologist", "Сейітова А. Б.",
                   date(2026, 12, 20))]


def _flagged_case(world, school: str = "SA", criteria=(3, 9)) -> tuple[int, int]:
    student_id = world.student(school)
    flags = add_flags(SYSTEM, student_id, [
        NewFlag(number, date(2026, 10, 1), f"evidence for criterion {number}")
        for number in criteria
    ])
    case = open_case(SYSTEM, student_id, [f.id for f in flags], on=date(2026, 10, 2))
    return student_id, case.id


def _in_review(world, school: str = "SA", actor=SYSTEM, **participation) -> tuple[int, int]:
    """A case on a held meeting's agenda, with participation recorded."""
    _, case_id = _flagged_case(world, school)
    meeting = plan_council_meeting(actor, world.schools[school], "7", MEETING_DAY, [case_id])
    hold_council_meeting(actor, meeting.id, ["Директор Ахметова С.", "Психолог Серікова Д."])
    record_participation(actor, meeting.id, case_id, **({
        "minor_present": True, "representatives_present": True} | participation))
    return meeting.id, case_id


def _state(case_id: int) -> SupportCase:
    with db.transaction() as session:
        return session.get(SupportCase, case_id)


def test_a_case_opens_from_the_students_flags(world):
    student_id, case_id = _flagged_case(world)
    case = _state(case_id)
    assert case.state == CaseState.FLAGGED and case.school_id == world.schools["SA"]
    assert all(f.case_id == case_id for f in card_flags(SYSTEM, student_id))
    [extra] = add_flags(SYSTEM, student_id, [NewFlag(1, date(2026, 10, 9), "failing")])
    with pytest.raises(RuleViolation) as refused:  # one open case per student
        open_case(SYSTEM, student_id, [extra.id])
    assert refused.value.key == "case.error.open_case_exists"
    add_flags_to_case(SYSTEM, case_id, [extra.id])
    with pytest.raises(RuleViolation) as refused:
        add_flags_to_case(SYSTEM, case_id, [extra.id])
    assert refused.value.key == "case.error.flag_in_case"


def test_support_assigned_needs_a_plan_and_starts_support(world):
    """Art. 78 (3): support comes with an individual prevention work plan."""
    meeting_id, case_id = _in_review(world)
    with pytest.raises(RuleViolation) as refused:
        record_council_decision(SYSTEM, meeting_id, case_id, CouncilDecision.SUPPORT_ASSIGNED)
    assert refused.value.key == "council.error.plan_required"
    late = [NewMeasure("talks", "Сейітова А. Б.", date(2026, 11, 19))]
    with pytest.raises(RuleViolation) as refused:
        record_council_decision(SYSTEM, meeting_id, case_id, "support_assigned", late)
    assert refused.value.key == "council.error.measure_due_before_meeting"
    case = record_council_decision(SYSTEM, meeting_id, case_id, "support_assigned", PLAN)
    assert case.state == CaseState.UNDER_SUPPORT
    with db.transaction() as session:
        [measure] = session.exec(select(PlanMeasure)).all()
    assert (measure.responsible, measure.due_on) == ("Сейітова А. Б.", date(2026, 12, 20))
    kinds = [e.kind for e in open_case_file(SYSTEM, case_id).events]
    assert kinds == [CaseEventKind.OPENED, CaseEventKind.PUT_BEFORE_COUNCIL,
                     CaseEventKind.PARTICIPATION_RECORDED, CaseEventKind.COUNCIL_DECISION]


def test_support_not_needed_closes_the_case(world):
    meeting_id, case_id = _in_review(world)
    with pytest.raises(RuleViolation) as refused:
        record_council_decision(SYSTEM, meeting_id, case_id, "support_not_needed", PLAN)
    assert refused.value.key == "council.error.plan_only_with_support"
    case = record_council_decision(SYSTEM, meeting_id, case_id, "support_not_needed")
    assert (case.state, case.outcome, case.closed_on) == (
        CaseState.CLOSED, CloseOutcome.SUPPORT_NOT_NEEDED, MEETING_DAY)
    with pytest.raises(RuleViolation) as refused:
        record_council_decision(SYSTEM, meeting_id, case_id, "support_assigned", PLAN)
    assert refused.value.key == "council.error.already_decided"


def test_absence_from_the_council_needs_a_reason(world):
    """Art. 78 (3): the council sits with the minor and the legal representatives;
    whoever did not take part, the reason is recorded."""
    _, case_id = _flagged_case(world)
    meeting = plan_council_meeting(SYSTEM, world.schools["SA"], "8", MEETING_DAY, [case_id])
    with pytest.raises(RuleViolation) as refused:  # not held yet
        record_participation(SYSTEM, meeting.id, case_id, minor_present=True,
                             representatives_present=True)
    assert refused.value.key == "council.error.meeting_not_held"
    with pytest.raises(InputRefused) as refused:
        hold_council_meeting(SYSTEM, meeting.id, ["  "])
    assert refused.value.key == "council.error.members_required"
    hold_council_meeting(SYSTEM, meeting.id, ["Директор Ахметова С."])
    with pytest.raises(RuleViolation) as refused:
        record_council_decision(SYSTEM, meeting.id, case_id, "support_assigned", PLAN)
    assert refused.value.key == "council.error.participation_first"
    for present, key in [({"minor_present": False, "representatives_present": True},
                          "council.error.minor_reason_required"),
                         ({"minor_present": True, "representatives_present": False},
                          "council.error.representatives_reason_required")]:
        with pytest.raises(InputRefused) as refused:
            record_participation(SYSTEM, meeting.id, case_id, **present)
        assert refused.value.key == key
    review = record_participation(SYSTEM, meeting.id, case_id, minor_present=False,
                                  minor_absence_reason="in hospital",
                                  representatives_present=True)
    assert (review.minor_present, review.minor_absence_reason) == (False, "in hospital")


def test_a_meeting_in_the_future_cannot_be_held(world):
    _, case_id = _flagged_case(world)
    meeting = plan_council_meeting(SYSTEM, world.schools["SA"], "9", date(2026, 12, 1),
                                   [case_id])
    with pytest.raises(RuleViolation) as refused:
        hold_council_meeting(SYSTEM, meeting.id, ["Директор"], today=date(2026, 11, 30))
    assert refused.value.key == "council.error.meeting_in_future"


def test_a_decision_is_recorded_on_the_meetings_day_not_before(world):
    """Issue 15 item 3: the decision is dated the meeting's day (Art. 78 (3)); with
    the meeting tomorrow it is refused, on the day itself it is recorded."""
    meeting_id, case_id = _in_review(world)
    with pytest.raises(RuleViolation) as refused:
        record_council_decision(SYSTEM, meeting_id, case_id, "support_assigned", PLAN,
                                today=date(2026, 11, 19))
    assert (refused.value.key, refused.value.params["day"]) == (
        "council.error.decision_in_future", MEETING_DAY)
    assert _state(case_id).state == CaseState.COUNCIL_REVIEW
    case = record_council_decision(SYSTEM, meeting_id, case_id, "support_assigned", PLAN,
                                   today=MEETING_DAY)
    assert case.state == CaseState.UNDER_SUPPORT


def test_refusal_refers_the_case_with_its_packet(world):
    """Art. 78 (4): a refusal by the representatives passes the case to the
    commission of the school's district, in the same transaction."""
    meeting_id, case_id = _in_review(world, representatives_present=False,
                                     representatives_absence_reason="refused to come",
                                     representatives_refused_to_attend=True,
                                     representatives_invited_on=INVITED)
    case = record_council_decision(SYSTEM, meeting_id, case_id, "representatives_refused")
    assert case.state == CaseState.REFERRED_TO_COMMISSION
    with db.transaction() as session:
        referral = session.exec(select(Referral)).one()
    assert (referral.case_id, referral.commission_id) == (case_id, world.commission_id)
    packet = json.loads(referral.packet)
    assert packet["student"]["full_name"] == "Әлиев Ғалым Құрманұлы"
    assert packet["student"]["school"]["code"] == "SA"
    assert (packet["student"]["grade"], packet["student"]["class_letter"]) == (7, "Б")
    assert packet["representatives"][0]["relation"] == "mother"
    # the sensitive criterion travels too: the commission now deals with the child
    assert [(c["criterion"], c["sensitive"]) for c in packet["criteria"]] == [(3, False),
                                                                               (9, True)]
    assert packet["criteria"][1]["evidence"] == "evidence for criterion 9"
    assert packet["council"] | {"members_present": None} == {
        "meeting_number": "7", "meeting_on": "2026-11-20", "members_present": None,
        "minor_present": True, "minor_absence_reason": "",
        "representatives_present": False,
        "representatives_absence_reason": "refused to come",
        "representatives_refused_to_attend": True, "representatives_invited_on": "2026-11-13",
        "decision": "representatives_refused",
    }
    assert len(packet["council"]["members_present"]) == 2
    # and the commission may now read the student's flags, sensitive ones included
    secretary = world.commission_member()
    assert sorted(f.criterion for f in card_flags(secretary, case.student_id)) == [3, 9]
    assert [e.kind for e in open_case_file(SYSTEM, case_id).events][-2:] == [
        CaseEventKind.COUNCIL_DECISION, CaseEventKind.REFERRED]


def test_no_commission_in_the_district_refuses_and_saves_nothing(world):
    """Art. 78 (4): without a commission to refer to, the refusal cannot be recorded."""
    meeting_id, case_id = _in_review(world, school="SC")
    events = count(CaseEvent)
    with pytest.raises(RuleViolation) as refused:
        record_council_decision(SYSTEM, meeting_id, case_id, "representatives_refused")
    assert refused.value.key == "case.error.no_commission"
    assert refused.value.params == {"district": "D2", "school": "SC"}
    assert refused.value.article == "Art. 78 (4)"
    assert _state(case_id).state == CaseState.COUNCIL_REVIEW
    assert count(Referral) == 0 and count(CaseEvent) == events
    with db.transaction() as session:
        assert session.exec(select(CouncilReview.decision)).one() is None


def _held_without_participation(world, school: str = "SA") -> tuple[int, int]:
    _, case_id = _flagged_case(world, school)
    meeting = plan_council_meeting(SYSTEM, world.schools[school], "7", MEETING_DAY, [case_id])
    hold_council_meeting(SYSTEM, meeting.id, ["Директор Ахметова С."])
    return meeting.id, case_id


def _participation_saved() -> tuple[bool | None, bool | None]:
    with db.transaction() as session:
        review = session.exec(select(CouncilReview)).one()
        return review.minor_present, review.representatives_present


@pytest.mark.parametrize(("school", "decision", "plan", "key"), [
    ("SC", "representatives_refused", [], "case.error.no_commission"),  # Art. 78 (4)
    ("SA", "support_assigned", [], "council.error.plan_required"),  # Art. 78 (3)
])
def test_a_refused_decision_leaves_the_participation_unsaved(world, school, decision, plan,
                                                               key):
    """Art. 78 (3): participation and decision are one action, saved together or not at
    all (the council page's Save)."""
    meeting_id, case_id = _held_without_participation(world, school)
    events = count(CaseEvent)
    absent = Participation(minor_present=True, representatives_present=False,
                           representatives_absence_reason="refused to come",
                           representatives_refused_to_attend=True,
                           representatives_invited_on=INVITED)
    with pytest.raises(RuleViolation) as refused:
        record_council_decision(SYSTEM, meeting_id, case_id, decision, plan,
                                participation=absent)
    assert refused.value.key == key
    assert _participation_saved() == (None, None)
    assert count(CaseEvent) == events and count(Referral) == 0
    assert _state(case_id).state == CaseState.COUNCIL_REVIEW
    case = record_council_decision(SYSTEM, meeting_id, case_id, "support_assigned", PLAN,
                                   participation=absent)
    assert case.state == CaseState.UNDER_SUPPORT
    assert _participation_saved() == (True, False)
    assert [e.kind for e in open_case_file(SYSTEM, case_id).events][-2:] == [
        CaseEventKind.PARTICIPATION_RECORDED, CaseEventKind.COUNCIL_DECISION]


def test_without_the_representatives_the_council_may_only_postpone(world):
    """Issue 15 item 6, Art. 78 (3): "support assigned" and "the representatives
    refused" need the representatives present, or their absence recorded as a
    documented refusal to attend with the date of the invitation, at the latest
    the meeting's day; the participation is saved with the decision or not at all."""
    meeting_id, case_id = _held_without_participation(world)
    absent = Participation(minor_present=False, minor_absence_reason="ill",
                           representatives_present=False,
                           representatives_absence_reason="did not come")
    documented = replace(absent, representatives_refused_to_attend=True,
                         representatives_invited_on=MEETING_DAY)
    for decision, plan in (("support_assigned", PLAN), ("representatives_refused", [])):
        with pytest.raises(RuleViolation) as refused:
            record_council_decision(SYSTEM, meeting_id, case_id, decision, plan,
                                    participation=absent)
        assert refused.value.key == "council.error.representatives_not_heard"
        assert _participation_saved() == (None, None)
    late = replace(documented, representatives_invited_on=date(2026, 11, 21))
    with pytest.raises(RuleViolation) as refused:
        record_council_decision(SYSTEM, meeting_id, case_id, "support_assigned", PLAN,
                                participation=late)
    assert refused.value.key == "council.error.invited_after_meeting"
    undated = replace(documented, representatives_invited_on=None)
    with pytest.raises(InputRefused) as refused_input:
        record_council_decision(SYSTEM, meeting_id, case_id, "support_assigned", PLAN,
                                participation=undated)
    assert refused_input.value.key == "council.error.invitation_date_required"
    assert _participation_saved() == (None, None)
    assert _state(case_id).state == CaseState.COUNCIL_REVIEW
    case = record_council_decision(SYSTEM, meeting_id, case_id, "support_assigned", PLAN,
                                   participation=documented)
    assert case.state == CaseState.UNDER_SUPPORT
    with db.transaction() as session:
        review = session.exec(select(CouncilReview)).one()
    assert (review.representatives_refused_to_attend, review.representatives_invited_on) == (
        True, MEETING_DAY)


def test_a_postponed_question_goes_before_a_later_meeting(world):
    """Art. 78 (3): the representatives absent without a documented refusal, the
    council postpones; the case waits for a later meeting, is decided there with
    them, and the first meeting keeps it undecided."""
    meeting_id, case_id = _in_review(world, representatives_present=False,
                                     representatives_absence_reason="did not come")
    staff = world.staff("SA")
    assert case_id in [c.case_id for c in cases_waiting_for_council(staff)]
    with pytest.raises(RuleViolation) as refused:
        plan_council_meeting(SYSTEM, world.schools["SA"], "8", MEETING_DAY, [case_id])
    assert refused.value.key == "council.error.postpone_to_later_meeting"
    later = plan_council_meeting(SYSTEM, world.schools["SA"], "8", date(2026, 11, 27),
                                 [case_id])
    assert case_id not in [c.case_id for c in cases_waiting_for_council(staff)]
    with pytest.raises(RuleViolation) as refused:  # once on an agenda is enough
        plan_council_meeting(SYSTEM, world.schools["SA"], "9", date(2026, 11, 30), [case_id])
    assert refused.value.key == "council.error.already_on_agenda"
    hold_council_meeting(SYSTEM, later.id, ["Директор Ахметова С."], today=date(2026, 11, 27))
    case = record_council_decision(
        SYSTEM, later.id, case_id, "support_assigned", PLAN, today=date(2026, 11, 27),
        participation=Participation(minor_present=True, representatives_present=True))
    assert case.state == CaseState.UNDER_SUPPORT
    with db.transaction() as session:
        decisions = {meeting: decision for meeting, decision in session.exec(
            select(CouncilReview.meeting_id, CouncilReview.decision)).all()}
    assert decisions == {meeting_id: None, later.id: CouncilDecision.SUPPORT_ASSIGNED}


def test_support_not_needed_is_open_without_the_representatives(world):
    """Art. 78 (3) binds the decisions that impose or refuse support; closing the
    case as not needing it is not one of them."""
    meeting_id, case_id = _in_review(world, representatives_present=False,
                                     representatives_absence_reason="did not come")
    case = record_council_decision(SYSTEM, meeting_id, case_id, "support_not_needed")
    assert case.state == CaseState.CLOSED


def test_a_failure_between_the_two_writes_keeps_nothing(world, monkeypatch):
    """Escalation atomicity (Art. 78 (4)): the case update is flushed, then writing
    the referral fails; the whole decision is undone."""
    meeting_id, case_id = _in_review(world)
    events = count(CaseEvent)
    real = escalation.refer_to_commission
    seen = {}

    def fail_after_the_case_is_written(session, actor, case, meeting, review):
        seen["state_in_transaction"] = session.get(SupportCase, case.id).state
        real(session, actor, case, meeting, review)  # the referral row is written too
        session.flush()
        raise RuntimeError("disk full")

    monkeypatch.setattr(escalation, "refer_to_commission", fail_after_the_case_is_written)
    with pytest.raises(RuntimeError):
        record_council_decision(SYSTEM, meeting_id, case_id, "representatives_refused")
    assert seen["state_in_transaction"] == CaseState.REFERRED_TO_COMMISSION
    assert _state(case_id).state == CaseState.COUNCIL_REVIEW
    assert count(Referral) == 0 and count(CaseEvent) == events
    monkeypatch.setattr(escalation, "refer_to_commission", real)
    case = record_council_decision(SYSTEM, meeting_id, case_id, "representatives_refused")
    assert case.state == CaseState.REFERRED_TO_COMMISSION and count(Referral) == 1


# --- every transition outside rules.cases, through the services --------------------------


def _case_in(world, state: CaseState) -> tuple[int, int]:
    """(meeting id or 0, case id) of a case brought to ``state`` by the services."""
    if state == CaseState.FLAGGED:
        return 0, _flagged_case(world)[1]
    meeting_id, case_id = _in_review(world)
    if state == CaseState.UNDER_SUPPORT:
        record_council_decision(SYSTEM, meeting_id, case_id, "support_assigned", PLAN)
    elif state == CaseState.REFERRED_TO_COMMISSION:
        record_council_decision(SYSTEM, meeting_id, case_id, "representatives_refused")
    elif state == CaseState.CLOSED:
        close_case(SYSTEM, case_id, CloseOutcome.OTHER, "flag made in error")
    return meeting_id, case_id


@pytest.mark.parametrize("state", [CaseState.UNDER_SUPPORT, CaseState.REFERRED_TO_COMMISSION,
                                   CaseState.CLOSED])
def test_only_a_flagged_case_goes_before_the_council(world, state):
    """(A case under review the council postponed goes before a later meeting:
    test_a_postponed_question_goes_before_a_later_meeting.)"""
    _, case_id = _case_in(world, state)
    with pytest.raises(RuleViolation) as refused:
        plan_council_meeting(SYSTEM, world.schools["SA"], "99", MEETING_DAY, [case_id])
    assert refused.value.key == "case.transition_refused"
    assert refused.value.params == {"current": state, "target": CaseState.COUNCIL_REVIEW}
    assert _state(case_id).state == state


@pytest.mark.parametrize(
    ("state", "outcome", "key"),
    [
        (CaseState.FLAGGED, CloseOutcome.IMPROVED, "case.outcome_refused"),
        (CaseState.FLAGGED, CloseOutcome.SUPPORT_NOT_NEEDED, "case.outcome_refused"),
        (CaseState.COUNCIL_REVIEW, CloseOutcome.IMPROVED, "case.outcome_refused"),
        (CaseState.UNDER_SUPPORT, CloseOutcome.SUPPORT_NOT_NEEDED, "case.outcome_refused"),
        (CaseState.REFERRED_TO_COMMISSION, CloseOutcome.SUPPORT_NOT_NEEDED,
         "case.outcome_refused"),
        (CaseState.CLOSED, CloseOutcome.IMPROVED, "case.transition_refused"),
        (CaseState.CLOSED, CloseOutcome.TURNED_18, "case.transition_refused"),
    ],
)
def test_closing_outside_the_graph_is_refused(world, state, outcome, key):
    _, case_id = _case_in(world, state)
    with pytest.raises(RuleViolation) as refused:
        close_case(SYSTEM, case_id, outcome, "note")
    assert refused.value.key == key
    assert _state(case_id).state == state


@pytest.mark.parametrize(
    ("state", "outcome"),
    [(CaseState.FLAGGED, CloseOutcome.MOVED_SCHOOL),
     (CaseState.COUNCIL_REVIEW, CloseOutcome.SUPPORT_NOT_NEEDED),
     (CaseState.UNDER_SUPPORT, CloseOutcome.IMPROVED),
     (CaseState.REFERRED_TO_COMMISSION, CloseOutcome.PLACED)],
)
def test_closing_inside_the_graph_is_allowed(world, state, outcome):
    _, case_id = _case_in(world, state)
    case = close_case(SYSTEM, case_id, outcome, on=date(2026, 11, 24))
    assert (case.state, case.outcome) == (CaseState.CLOSED, outcome)


def test_other_needs_a_note(world):
    _, case_id = _case_in(world, CaseState.FLAGGED)
    with pytest.raises(InputRefused) as refused:
        close_case(SYSTEM, case_id, CloseOutcome.OTHER)
    assert refused.value.key == "case.error.note_required"


def test_a_decision_on_a_case_no_longer_under_review_is_refused(world):
    """Only a case under council review takes a council decision (Art. 78 (3))."""
    meeting_id, case_id = _in_review(world)
    close_case(SYSTEM, case_id, CloseOutcome.MOVED_SCHOOL)
    with pytest.raises(RuleViolation) as refused:
        record_council_decision(SYSTEM, meeting_id, case_id, "support_assigned", PLAN)
    assert refused.value.key == "case.decision_outside_review"


def test_cases_of_another_school_stay_off_the_agenda(world):
    _, own = _flagged_case(world, "SA")
    _, foreign = _flagged_case(world, "SB")
    meeting = plan_council_meeting(SYSTEM, world.schools["SA"], "10", MEETING_DAY, [own])
    with pytest.raises(RuleViolation) as refused:
        add_cases_to_meeting(SYSTEM, meeting.id, [foreign])
    assert refused.value.key == "council.error.other_school"
    assert _state(foreign).state == CaseState.FLAGGED


def test_another_schools_psychologist_is_denied_at_every_step(world):
    psychologist_a, psychologist_b = world.staff("SA"), world.staff("SB")
    student_id, case_id = _flagged_case(world, "SA")
    with pytest.raises(AccessDenied):
        plan_council_meeting(psychologist_b, world.schools["SA"], "1", MEETING_DAY, [case_id])
    with pytest.raises(AccessDenied):  # their own school's meeting, a foreign case
        plan_council_meeting(psychologist_b, world.schools["SB"], "1", MEETING_DAY, [case_id])
    with pytest.raises(AccessDenied):
        close_case(psychologist_b, case_id, CloseOutcome.MOVED_SCHOOL)
    meeting_id, reviewed = _in_review(world, actor=psychologist_a)
    with pytest.raises(AccessDenied):
        record_council_decision(psychologist_b, meeting_id, reviewed, "support_assigned", PLAN)
    with pytest.raises(AccessDenied):
        open_case_file(psychologist_b, reviewed)
    with pytest.raises(AccessDenied):
        open_case_file(world.commission_member(Role.COMMISSION_MEMBER), case_id)
    assert _state(case_id).state == CaseState.FLAGGED
    assert record_council_decision(psychologist_a, meeting_id, reviewed, "support_assigned",
                                   PLAN).state == CaseState.UNDER_SUPPORT
