"""The question form's save records the hearing notes and the decision as one action
(Art. 79; issue 17, item 6): a decision the law refuses (no quorum) leaves the notes
as they were, and the form shows the refusal with what was typed.

The page's state is driven as the event processor drives it: a root state at the
meeting's address, with the session cookie of a signed-in secretary.
"""

import asyncio
from datetime import date

from argon2 import PasswordHasher

from juvenile import db
from juvenile.i18n import Counted, translate
from juvenile.models import AgendaItem, Role
from juvenile.security import passwords
from juvenile.security.actor import Actor
from juvenile.services.commission.agenda import add_agenda_item, record_hearing_notes
from juvenile.services.commission.meetings import plan_meeting, record_attendance
from juvenile.services.identity import sessions
from juvenile.services.identity.accounts import AccountForm, create_user

PASSWORD = "correct horse battery"  # noqa: S105 (a test account)
SYSTEM = Actor.system()


def _page(state_cls, meeting_id: int, token: str):
    import reflex as rx
    from reflex.istate.data import RouterData

    from juvenile.state.auth import AuthState

    path = f"/commission/meetings/{meeting_id}"
    root = rx.State(_reflex_internal_init=True)
    root.router = RouterData.from_router_data(
        {"pathname": path, "asPath": path, "query": {"meeting_id": str(meeting_id)},
         "headers": {"origin": "http://portal"}})
    root.get_substate(AuthState.get_full_name().split(".")[1:])._session_token = token
    return root.get_substate(state_cls.get_full_name().split(".")[1:])


def _run(state_cls, state, handler: str, *args):
    result = state_cls.event_handlers[handler].fn(state, *args)
    return asyncio.run(result) if asyncio.iscoroutine(result) else result


def _notes(item_id: int) -> str:
    with db.transaction() as session:
        return session.get(AgendaItem, item_id).hearing_notes


def test_a_refused_decision_on_the_page_leaves_the_hearing_notes_unsaved(world, app,
                                                                        monkeypatch):
    from juvenile.state.commission.meeting import MeetingState

    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))
    create_user(SYSTEM, "secretary.save", AccountForm("Ермекова Сәуле",
                                                      Role.COMMISSION_SECRETARY, "C1", "kk"),
                password=PASSWORD)
    token = sessions.sign_in("secretary.save", PASSWORD).token
    members = world.members(n=7)
    meeting = plan_meeting(SYSTEM, world.commissions["C1"], date(2026, 12, 14), "Әкімдік")
    item = add_agenda_item(SYSTEM, meeting.id, "other", title="Өтініш")
    record_hearing_notes(SYSTEM, item.id, "Бұрынғы жазба")
    record_attendance(SYSTEM, meeting.id, members[:3])  # 3 of 7: no quorum
    state = _page(MeetingState, meeting.id, token)
    _run(MeetingState, state, "load")
    assert state.loaded
    _run(MeetingState, state, "open_item", str(item.id))
    state.form = {**state.form, "notes": "Тыңдалды: сынып жетекшісі",
                  "type": "close_without_measures"}
    _run(MeetingState, state, "save_decision")
    shown = [text for text in state.item_errors.values() if text]
    assert shown == [translate("meeting.no_quorum", "kk", count=3,
                               members=Counted("meeting.of_members", 7))]
    assert _notes(item.id) == "Бұрынғы жазба"
    assert state.active_item == str(item.id)
    assert state.form["notes"] == "Тыңдалды: сынып жетекшісі"  # kept in the form
