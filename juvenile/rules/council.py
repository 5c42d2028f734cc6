"""The school's prevention council: when it may sit and what its decision needs
(Art. 78 (3), with Art. 23 item 14 on the council itself).

A case goes before a council meeting it existed before; the meeting is held on
or after its day; the decision comes after the participation of the minor and
the legal representatives is recorded, and "support assigned" or "the
representatives refused" only with the representatives there or their
documented refusal to attend; "support assigned" comes with an individual
prevention work plan whose measures fall due on or after the meeting.
"""

from collections.abc import Iterable, Sized
from datetime import date
from typing import TypeVar

from juvenile.rules.cases import CouncilDecision
from juvenile.rules.errors import RuleViolation

T = TypeVar("T")


def check_case_before_meeting(case_id: int | None, opened_on: date, meeting_on: date) -> None:
    """A case opened after the meeting's day cannot have been considered at it
    (Art. 78 (3)); a case opened on the day itself can."""
    if opened_on > meeting_on:
        raise RuleViolation("council.error.case_after_meeting", case=case_id,
                            opened_on=opened_on)


def check_postponed_to(meeting_on: date, pending: Iterable[tuple[date, bool]]) -> None:
    """A question under review goes before another meeting only when the council
    postponed it (Art. 78 (3): without the representatives it may do no more):
    every meeting that has it undecided was held, before this one's day.
    ``pending``: (day, held) of those meetings."""
    for day, held in pending:
        if not held:
            raise RuleViolation("council.error.already_on_agenda", day=day)
        if day >= meeting_on:
            raise RuleViolation("council.error.postpone_to_later_meeting", day=day)


def check_meeting_day_reached(meeting_on: date, today: date) -> None:
    """A meeting is recorded as held on its day or later, never ahead (Art. 78 (3))."""
    if meeting_on > today:
        raise RuleViolation("council.error.meeting_in_future", day=meeting_on)


def check_decision_day_reached(meeting_on: date, today: date) -> None:
    """The council's decision is dated the meeting's day (Art. 78 (3)); an act dated
    after today is not recorded (issue 15 item 3), today is."""
    if meeting_on > today:
        raise RuleViolation("council.error.decision_in_future", article="Art. 78 (3)",
                            day=meeting_on)


def require_participation(minor_present: bool | None, representatives_present: bool | None
                          ) -> None:
    """The council decides with the minor and the legal representatives: whether each
    took part is recorded before the decision (Art. 78 (3))."""
    if minor_present is None or representatives_present is None:
        raise RuleViolation("council.error.participation_first", article="Art. 78 (3)")


# The decisions the council takes only having heard the legal representatives
# (Art. 78 (3)): whether to support, and that they refuse it (Art. 78 (4)).
DECISIONS_WITH_REPRESENTATIVES = frozenset({CouncilDecision.SUPPORT_ASSIGNED,
                                            CouncilDecision.REPRESENTATIVES_REFUSED})


def check_representatives_heard(decision: CouncilDecision, representatives_present: bool,
                                refused_to_attend: bool, invited_on: date | None,
                                meeting_on: date) -> None:
    """"Support assigned" and "the representatives refused" are decided with the legal
    representatives' participation (Art. 78 (3)): they took part, or their absence is
    a documented refusal to attend an invitation made on or before the meeting's
    day. Otherwise the council may only postpone the question; "support not needed"
    stays open to it."""
    if decision not in DECISIONS_WITH_REPRESENTATIVES or representatives_present:
        return
    if not refused_to_attend or invited_on is None:
        raise RuleViolation("council.error.representatives_not_heard", article="Art. 78 (3)")
    check_invitation_day(invited_on, meeting_on)


def check_invitation_day(invited_on: date, meeting_on: date) -> None:
    """The representatives are invited to the meeting before it, at the latest on its
    day (Art. 78 (3))."""
    if invited_on > meeting_on:
        raise RuleViolation("council.error.invited_after_meeting", invited_on=invited_on,
                            meeting_on=meeting_on)


def check_plan_with_decision(decision: CouncilDecision, measures: Sized) -> None:
    """Only "support assigned" comes with a plan, and it always does: pedagogical
    support is carried out under an individual prevention work plan (Art. 78 (3))."""
    if decision != CouncilDecision.SUPPORT_ASSIGNED:
        if len(measures):
            raise RuleViolation("council.error.plan_only_with_support")
        return
    if not len(measures):
        raise RuleViolation("council.error.plan_required", article="Art. 78 (3)")


def check_measure_due(due_on: date, meeting_on: date) -> None:
    """A measure of the plan falls due on the meeting's day or later (Art. 78 (3))."""
    if due_on < meeting_on:
        raise RuleViolation("council.error.measure_due_before_meeting", due_on=due_on,
                            meeting_on=meeting_on)


def require_district_commission(commission: T | None, district: str, school: str) -> T:
    """A refusal by the legal representatives is referred to the commission of the
    school's district (Art. 78 (4)); without one it cannot be recorded."""
    if commission is None:
        raise RuleViolation("case.error.no_commission", article="Art. 78 (4)",
                            district=district, school=school)
    return commission


def check_measure_done(done_on: date, opened_on: date, today: date) -> None:
    """A measure of the individual prevention work plan (Art. 78 (3)) is carried out
    between the day the case was opened and today, both included."""
    if done_on > today:
        raise RuleViolation("flag.error.date_in_future", day=done_on)
    if done_on < opened_on:
        raise RuleViolation("plan.error.done_before_opened", opened_on=opened_on)
