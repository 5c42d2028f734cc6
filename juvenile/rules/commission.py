"""The commission's meeting record: decisions, their follow-up, postponement and the
minutes (Art. 79).

The commission decides at its meetings (Art. 79 (6), (7)); approved minutes are its
official record: a later change goes through a numbered amendment, never silently.
"""

from collections.abc import Collection
from datetime import date

from juvenile.rules.collation import sort_key
from juvenile.rules.errors import RuleViolation


def check_minutes_unlocked(approved_version: int | None) -> None:
    """Nothing the minutes record changes once they are approved (Art. 79);
    ``approved_version`` is the number of the approved latest version, None when the
    latest version is an open draft or there is none."""
    if approved_version is not None:
        raise RuleViolation("minutes.locked", article="Art. 79", version=approved_version)


def check_minutes_approvable(held: bool, undecided: int) -> None:
    """Minutes are approved for a meeting that took place (Art. 79), once every item
    on its agenda is decided or postponed."""
    if not held:
        raise RuleViolation("minutes.not_held", article="Art. 79")
    if undecided:
        raise RuleViolation("minutes.open_items", count=undecided)


def check_follow_up(follow_up: bool, executor: str, due_on: date | None,
                    meeting_date: date) -> None:
    """A decision to be carried out names who carries it out and by when (Art. 79 (6));
    a due date is never before the meeting that decided."""
    if follow_up and not executor:
        raise RuleViolation("decision.executor_required")
    if follow_up and due_on is None:
        raise RuleViolation("decision.due_required")
    if due_on is not None and due_on < meeting_date:
        raise RuleViolation("decision.due_before_meeting", meeting_date=meeting_date)


def check_postpone_target(target_planned: bool, target_date: date, meeting_date: date) -> None:
    """A question is carried to a later meeting still to be held (Art. 79): planned,
    and on a later day than the meeting that postpones it."""
    if not target_planned or target_date <= meeting_date:
        raise RuleViolation("decision.postpone_target_not_later", meeting_date=meeting_date)


def check_decision_day_reached(meeting_date: date, today: date) -> None:
    """A commission decides at its meeting (Art. 79): the decision is dated the meeting's
    day, so it is recorded on that day or later, never for a meeting still ahead
    (today is Kazakhstan's, ``juvenile.clock``). Planning a meeting ahead stays free."""
    if meeting_date > today:
        raise RuleViolation("decision.meeting_in_future", article="Art. 79",
                            meeting_date=meeting_date)


def check_done_on(done_on: date, decided_on: date) -> None:
    """A decision is carried out on or after the day it was taken (Art. 79 (6))."""
    if done_on < decided_on:
        raise RuleViolation("decision.done_before_decided", decided_on=decided_on)


def check_single_position(position: str, taken: bool) -> None:
    """A commission has one chair and one secretary (a full-time post); deputies and
    members may be many (Art. 79 (4)). ``taken``: an active member already holds
    ``position``."""
    if not taken:
        return
    if position == "chair":
        raise RuleViolation("composition.chair_taken", article="Art. 79 (4)")
    if position == "secretary":
        raise RuleViolation("composition.secretary_taken", article="Art. 79 (4)")


def check_referral_new(is_new: bool) -> None:
    """A school's referral (Art. 78 (4)) goes on an agenda once: while it is new."""
    if not is_new:
        raise RuleViolation("agenda.referral_not_new", article="Art. 78 (4)")


def check_placement_returned(returned: bool) -> None:
    """The rehabilitation plan of a minor back from a special organisation is
    considered after the return (Art. 80 (11), Art. 81 (12))."""
    if not returned:
        raise RuleViolation("agenda.placement_not_returned",
                            article="Art. 80 (11), Art. 81 (12)")


# The composition of Art. 79 (4), in the order the law names it.
COMPOSITION_ORDER = ("chair", "deputy_chair", "member", "secretary")


def composition_order(position: str, full_name: str, language: str) -> tuple:
    """Members as the composition lists them (Art. 79 (4)): by position, then by name in
    the reader's alphabet (``rules.collation``)."""
    return COMPOSITION_ORDER.index(position), sort_key(full_name, language)


# Who presides over a meeting, in order: the chair, else a deputy chair (Art. 79 (4)).
PRESIDING_POSITIONS = ("chair", "deputy_chair")


def presiding_position(present_positions: Collection[str]) -> str | None:
    """The position of the member who presided: the chair when present, else a deputy
    chair (Art. 79 (4) names both in the composition); None when neither was present."""
    return next((p for p in PRESIDING_POSITIONS if p in present_positions), None)


def check_presiding_member(present_positions: Collection[str]) -> None:
    """Minutes are signed by the member who presided; a meeting at which neither the
    chair nor a deputy chair was present has no one to sign them (Art. 79 (4))."""
    if presiding_position(present_positions) is None:
        raise RuleViolation("minutes.no_presiding_member", article="Art. 79 (4)")
