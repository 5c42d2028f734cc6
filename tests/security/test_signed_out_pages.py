"""A visitor whose session has ended is sent to the sign-in page, to come back to
the page afterwards, from every workspace page's load and from its buttons
(issue 17, item 1): not a server error.

Each state is driven as the event processor drives it: a root state at the page's
address, with no session cookie. The app's states are imported in the tests
(after the ``app`` fixture), not at collection.
"""

import asyncio
import inspect
from urllib.parse import quote

import pytest

# (state, page address, the handlers clicked and their arguments); a handler with
# no arguments is the page's load.
SIGNED_OUT_EVENTS = {
    "juvenile.state.school.dashboard.DashboardState": ("/school", [("load", ())]),
    "juvenile.state.school.register.RegisterState": (
        "/school/students", [("load", ()), ("find", ({"search": "Әлиев"},)),
                             ("next_page", ())]),
    "juvenile.state.school.student_card.StudentCardState": (
        "/school/students/5", [("load", ()), ("open_case", ()), ("resolve", ())]),
    "juvenile.state.school.flag_form.FlagFormState": (
        "/school/students/5/flag", [("load", ()), ("submit", ())]),
    "juvenile.state.school.case.CasePageState": (
        "/school/cases/7", [("load", ()), ("close", ()), ("mark_done", ("1",)),
                            ("add_free_flags", ())]),
    "juvenile.state.school.absences.AbsencesState": (
        "/school/absences", [("load", ()), ("scan", ()), ("confirm", ("1",)),
                             ("open_case", ("5",))]),
    "juvenile.state.school.imports.ImportState": (
        "/school/import", [("load", ()), ("upload", ([],))]),
    "juvenile.state.school.council.meetings.CouncilListState": (
        "/school/council", [("load", ()), ("plan", ())]),
    "juvenile.state.school.council.meeting.CouncilMeetingState": (
        "/school/council/3", [("load", ()), ("hold", ()), ("add_cases", ()), ("save_case", ()),
                              ("download_protocol", ())]),
    "juvenile.state.commission.inbox.InboxState": (
        "/commission", [("load", ()), ("set_status", ("reviewed",))]),
    "juvenile.state.commission.referral.PacketState": (
        "/commission/referrals/4", [("load", ())]),
    "juvenile.state.commission.meetings.MeetingsState": (
        "/commission/meetings", [("load", ()), ("next_month", ()), ("plan", ())]),
    "juvenile.state.commission.meeting.MeetingState": (
        "/commission/meetings/2", [("load", ()), ("save_attendance", ()), ("approve", ()),
                                   ("remove", ("1",)), ("save_decision", ()),
                                   ("download_agenda", ())]),
    "juvenile.state.commission.deadlines.DeadlinesState": (
        "/commission/deadlines", [("load", ()), ("mark_done", ())]),
    "juvenile.state.commission.members.MembersState": (
        "/commission/members", [("load", ()), ("add", ()), ("set_active", ("1", False))]),
    "juvenile.state.commission.placements.PlacementsState": (
        "/commission/placements", [("load", ()), ("set_filter", ("kind", "all")),
                                   ("register", ())]),
    "juvenile.state.analysis.screen.AnalysisState": (
        "/analysis", [("load", ()), ("set_scope", ("district:1",)), ("download", ("xlsx",))]),
    "juvenile.state.analysis.school.SchoolFiguresState": (
        "/analysis/schools/9", [("load", ()), ("set_year", ("2026",))]),
    "juvenile.state.admin_config.CalendarAdminState": (
        "/admin/calendar", [("load", ()), ("add_day", ({"day": "2026-05-04"},)),
                            ("remove_day", ("2026-05-04",)), ("change_year", (1,)),
                            ("confirm_kurban_ait", ("2027-05-16",))]),
    "juvenile.state.admin_config.DecisionCatalogueState": (
        "/admin/decisions", [("load", ()), ("add_type", ({"code": "x"},)),
                             ("set_active", ("x", False))]),
    "juvenile.state.admin_config.OrganisationImportState": (
        "/admin/organisations", [("load", ()), ("upload", ([],))]),
    "juvenile.state.admin_users.AdminUsersState": (
        "/admin/users", [("load", ()), ("save", ()), ("set_active", ("2", False))]),
    "juvenile.state.audit_log.AuditLogState": (
        "/admin/audit", [("load", ()), ("search", ({"login": "psy"},))]),
    "juvenile.state.account.PasswordState": (
        "/account/password", [("change_password", ({"new_password": "a",
                                                     "repeat_password": "a"},))]),
}


def _state_class(dotted: str):
    module, name = dotted.rsplit(".", 1)
    return getattr(__import__(module, fromlist=[name]), name)


def _signed_out_at(state_cls, path: str):
    """The page's state in a fresh tab at ``path``, with no session cookie."""
    import reflex as rx
    from reflex.istate.data import RouterData

    root = rx.State(_reflex_internal_init=True)
    root.router = RouterData.from_router_data(
        {"pathname": path, "asPath": path, "headers": {"origin": "http://portal"}})
    return root.get_substate(state_cls.get_full_name().split(".")[1:])


async def _replies(state_cls, state, handler: str, args: tuple) -> list:
    """Everything the handler sends back to the browser, yielded or returned."""
    result = state_cls.event_handlers[handler].fn(state, *args)
    if inspect.isasyncgen(result):
        return [reply async for reply in result]
    if inspect.isawaitable(result):
        result = await result
    return result if isinstance(result, list) else [result]


def test_every_workspace_page_state_is_in_the_table(app):
    """A new page's state is added above, or this test names it."""
    from juvenile.state.auth import AuthState

    def substates(cls):
        return [s for sub in cls.get_substates() for s in (sub, *substates(sub))]

    pages = {f"{s.__module__}.{s.__name__}" for s in substates(AuthState)}
    assert pages == set(SIGNED_OUT_EVENTS)


@pytest.mark.parametrize("dotted", sorted(SIGNED_OUT_EVENTS))
def test_a_signed_out_visitor_is_sent_to_sign_in(dotted, database, app):
    state_cls = _state_class(dotted)
    path, events = SIGNED_OUT_EVENTS[dotted]
    for handler, args in events:
        state = _signed_out_at(state_cls, path)
        replies = asyncio.run(_replies(state_cls, state, handler, args))
        assert any(f"/sign-in?next={quote(path)}" in str(reply) for reply in replies), (
            handler, replies)
        assert not state.parent_state.signed_in  # the header shows no one
