"""The council page's Save records the participation and the decision as one action
(Art. 78 (3); issue 17, item 6): a decision the law refuses leaves the
participation unsaved too, and the form shows the refusal.

The page's state is driven as the event processor drives it: a root state at the
meeting's address, with the session cookie of a signed-in psychologist.
"""

# ruff: noqa: F811

import asyncio
from datetime import timedelta

from argon2 import PasswordHasher
from school_world import SYSTEM, TODAY, world  # noqa: F401 (fixture)
from sqlmodel import select

from juvenile import db
from juvenile.i18n import translate
from juvenile.models import CouncilReview, Role
from juvenile.security import passwords
from juvenile.services.identity import sessions
from juvenile.services.identity.accounts import AccountForm, create_user
from juvenile.services.school.council import hold_council_meeting, plan_council_meeting

PASSWORD = "correct horse battery"  # noqa: S105 (a test account)


def _page(state_cls, meeting_id: int, token: str):
    import reflex as rx
    from reflex.istate.data import RouterData

    from juvenile.state.auth import AuthState

    path = f"/school/council/{meeting_id}"
    root = rx.State(_reflex_internal_init=True)
    root.router = RouterData.from_router_data(
        {"pathname": path, "asPath": path, "query": {"meeting_id": str(meeting_id)},
         "headers": {"origin": "http://portal"}})
    root.get_substate(AuthState.get_full_name().split(".")[1:])._session_token = token
    state = root.get_substate(state_cls.get_full_name().split(".")[1:])
    return state


def _run(state_cls, state, handler: str, *args):
    return asyncio.run(state_cls.event_handlers[handler].fn(state, *args))


def _participation(case_id: int) -> tuple[bool | None, bool | None]:
    with db.transaction() as session:
        review = session.exec(select(CouncilReview)
                              .where(CouncilReview.case_id == case_id)).one()
        return review.minor_present, review.representatives_present


def test_a_refused_decision_on_the_page_leaves_the_participation_unsaved(world, app,
                                                                         monkeypatch):
    from juvenile.state.school.council.meeting import CouncilMeetingState

    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))
    create_user(SYSTEM, "psy.council", AccountForm("Сейітова Айгүл", Role.SCHOOL_PSYCHOLOGIST,
                                                   "SA", "en"), password=PASSWORD)
    token = sessions.sign_in("psy.council", PASSWORD).token
    case_id = world.case(world.student(), 3)
    meeting = plan_council_meeting(SYSTEM, world.schools["SA"], "4", TODAY - timedelta(days=1),
                                   [case_id])
    hold_council_meeting(SYSTEM, meeting.id, ["Омаров Бауыржан (төраға)"], today=TODAY)
    state = _page(CouncilMeetingState, meeting.id, token)
    _run(CouncilMeetingState, state, "load")
    assert state.loaded
    CouncilMeetingState.event_handlers["record_case"].fn(state, str(case_id))
    state.minor_present, state.representatives_present = "yes", "no"
    state.representatives_reason = "бас тартты"
    state.decision = "support_assigned"
    # absent, with no documented refusal to attend: the council may only postpone
    _run(CouncilMeetingState, state, "save_case")
    shown = [text for text in state.errors.values() if text]
    assert shown == [translate("council.error.representatives_not_heard", "kk")]
    CouncilMeetingState.event_handlers["set_representatives_refused"].fn(state, True)
    _run(CouncilMeetingState, state, "save_case")  # documented, but without its date
    assert state.errors["invited_on"] == translate("council.error.invitation_date_required",
                                                   "kk")
    state.invited_on = (TODAY - timedelta(days=4)).isoformat()
    _run(CouncilMeetingState, state, "save_case")  # with no measure of the plan: refused
    shown = [text for text in state.errors.values() if text]
    assert shown == [translate("council.error.plan_required", "kk")]  # the page's language
    assert _participation(case_id) == (None, None)
    assert state.active_case == str(case_id)  # the form stays open with what was typed
