"""The commission's decisions and minutes (Art. 79), each check pinned on both sides
of its boundary."""

from datetime import date, timedelta

import pytest

from juvenile.rules.commission import (
    check_decision_day_reached,
    check_done_on,
    check_follow_up,
    check_minutes_approvable,
    check_minutes_unlocked,
    check_placement_returned,
    check_postpone_target,
    check_presiding_member,
    check_referral_new,
    check_single_position,
    composition_order,
    presiding_position,
)
from juvenile.rules.errors import RuleViolation

MEETING = date(2026, 12, 14)
DAY = timedelta(days=1)


def _key(call, *args) -> str:
    with pytest.raises(RuleViolation) as caught:
        call(*args)
    return caught.value.key


def test_approved_minutes_lock_the_meeting_an_open_draft_does_not():
    """Art. 79: approved minutes are the commission's record; changes need an amendment."""
    check_minutes_unlocked(None)
    with pytest.raises(RuleViolation) as caught:
        check_minutes_unlocked(2)
    assert (caught.value.key, caught.value.article, caught.value.params) == (
        "minutes.locked", "Art. 79", {"version": 2})


@pytest.mark.parametrize(("held", "undecided", "key"), [
    (True, 0, None), (True, 1, "minutes.open_items"), (False, 0, "minutes.not_held"),
    (False, 3, "minutes.not_held"),
])
def test_minutes_are_approved_for_a_held_meeting_with_every_item_decided(held, undecided,
                                                                         key):
    """Art. 79: the minutes record a meeting that took place, and all its decisions."""
    if key is None:
        check_minutes_approvable(held, undecided)
    else:
        assert _key(check_minutes_approvable, held, undecided) == key


def test_a_follow_up_names_its_executor_and_a_due_day_not_before_the_meeting():
    """Art. 79 (6): a decision to be carried out says by whom and by when."""
    check_follow_up(True, "ІІБ", MEETING, MEETING)
    assert _key(check_follow_up, True, "ІІБ", MEETING - DAY, MEETING) == (
        "decision.due_before_meeting")
    assert _key(check_follow_up, True, "", MEETING, MEETING) == "decision.executor_required"
    assert _key(check_follow_up, True, "ІІБ", None, MEETING) == "decision.due_required"
    check_follow_up(False, "", None, MEETING)  # nothing to carry out
    assert _key(check_follow_up, False, "", MEETING - DAY, MEETING) == (
        "decision.due_before_meeting")


def test_a_question_is_postponed_to_a_planned_meeting_on_a_later_day():
    """Art. 79: a postponed question is heard at a later meeting still to be held."""
    check_postpone_target(True, MEETING + DAY, MEETING)
    assert _key(check_postpone_target, True, MEETING, MEETING) == (
        "decision.postpone_target_not_later")
    assert _key(check_postpone_target, False, MEETING + DAY, MEETING) == (
        "decision.postpone_target_not_later")


def test_a_decision_is_carried_out_on_its_day_or_later():
    """Art. 79 (6): carried out after it was taken."""
    check_done_on(MEETING, MEETING)
    assert _key(check_done_on, MEETING - DAY, MEETING) == "decision.done_before_decided"


@pytest.mark.parametrize("position", ["chair", "secretary"])
def test_one_chair_and_one_secretary(position):
    """Art. 79 (4): the first holder is allowed, a second is refused."""
    check_single_position(position, taken=False)
    with pytest.raises(RuleViolation) as caught:
        check_single_position(position, taken=True)
    assert (caught.value.key, caught.value.article) == (f"composition.{position}_taken",
                                                        "Art. 79 (4)")


@pytest.mark.parametrize("position", ["deputy_chair", "member"])
def test_deputies_and_members_may_be_many(position):
    """Art. 79 (4): only the chair and the secretary are single."""
    check_single_position(position, taken=True)


def test_a_referral_goes_on_an_agenda_while_new_and_a_review_after_the_return():
    """Art. 78 (4); Art. 80 (11), Art. 81 (12)."""
    check_referral_new(True)
    assert _key(check_referral_new, False) == "agenda.referral_not_new"
    check_placement_returned(True)
    assert _key(check_placement_returned, False) == "agenda.placement_not_returned"


@pytest.mark.parametrize(("present", "presiding"), [
    ({"chair", "deputy_chair", "secretary"}, "chair"),
    ({"chair"}, "chair"),
    ({"deputy_chair", "member"}, "deputy_chair"),  # the chair away: a deputy presides
    ({"secretary", "member"}, None),
    (set(), None),
])
def test_the_chair_presides_else_a_deputy_chair(present, presiding):
    """Art. 79 (4): the composition's chair and deputy chair; who presided signs."""
    assert presiding_position(present) == presiding
    if presiding is None:
        with pytest.raises(RuleViolation) as refused:
            check_presiding_member(present)
        assert refused.value.key == "minutes.no_presiding_member"
        assert refused.value.article == "Art. 79 (4)"
    else:
        check_presiding_member(present)


def test_a_decision_is_recorded_on_its_meetings_day_or_later_art_79():
    """Issue 15 item 3: today is accepted, a meeting tomorrow is refused."""
    today = date(2026, 12, 4)
    check_decision_day_reached(today, today)
    check_decision_day_reached(today - timedelta(days=1), today)
    with pytest.raises(RuleViolation) as caught:
        check_decision_day_reached(today + timedelta(days=1), today)
    assert caught.value.key == "decision.meeting_in_future"
    assert caught.value.article == "Art. 79"
    assert caught.value.params == {"meeting_date": date(2026, 12, 5)}


def test_the_composition_lists_the_laws_positions_then_names_in_the_readers_alphabet():
    """Art. 79 (4) names chair, deputy chair, members and secretary; members of one
    position follow the reader's alphabet: І after Ы in Kazakh, after И in Russian."""
    members = [("secretary", "Әлиева"), ("member", "Ысқақов"), ("member", "Іслам"),
               ("chair", "Яковлев"), ("member", "Иванова")]

    def listed(language: str) -> list[str]:
        return [name for _, name in sorted(
            members, key=lambda m: composition_order(m[0], m[1], language))]

    assert listed("kk") == ["Яковлев", "Иванова", "Ысқақов", "Іслам", "Әлиева"]
    assert listed("ru") == ["Яковлев", "Иванова", "Іслам", "Ысқақов", "Әлиева"]
