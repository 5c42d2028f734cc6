"""A visitor whose session has ended is sent to the sign-in page by every page's
load and by its change handlers, never shown a server error (issue 17, item 1).

Before the fix, ``AuthState._to_sign_in`` called ``self._show(None)``, which on
every workspace state resolved to the page mixin's ``WorkspaceState._show()``
(no parameter): ``TypeError: _show() takes 1 positional argument but 2 were
given``, so a user whose session expired and who clicked Save got an error.

Each state is built by Reflex's in-memory state manager, as a tab would have it,
with no session cookie and the page's own address; the handler runs as Reflex
runs it, and what it returns must be the redirect to /sign-in?next=<the page>.
"""

import asyncio
import inspect

import pytest
from reflex.istate.manager.memory import StateManagerMemory
from reflex.istate.manager.token import BaseStateToken

import juvenile.juvenile  # noqa: F401 (registers every page and state of the app)
from juvenile.state.account import PasswordState
from juvenile.state.admin_config import (
    CalendarAdminState,
    DecisionCatalogueState,
    OrganisationImportState,
)
from juvenile.state.admin_users import AdminUsersState
from juvenile.state.analysis.school import SchoolFiguresState
from juvenile.state.analysis.screen import AnalysisState
from juvenile.state.audit_log import AuditLogState
from juvenile.state.auth import AuthState
from juvenile.state.commission.deadlines import DeadlinesState
from juvenile.state.commission.inbox import InboxState
from juvenile.state.commission.meeting import MeetingState
from juvenile.state.commission.meetings import MeetingsState
from juvenile.state.commission.placements import PlacementsState
from juvenile.state.commission.referral import PacketState
from juvenile.state.school.absences import AbsencesState
from juvenile.state.school.case import CasePageState
from juvenile.state.school.council.meeting import CouncilMeetingState
from juvenile.state.school.council.meetings import CouncilListState
from juvenile.state.school.dashboard import DashboardState
from juvenile.state.school.flag_form import FlagFormState
from juvenile.state.school.imports import ImportState
from juvenile.state.school.register import RegisterState
from juvenile.state.school.student_card import StudentCardState

# state, the page's address, and the handlers a signed-out visitor may reach
# there (name, arguments): the page's load first, then what changes a record.
PAGES = [
    (DashboardState, "/school", [("load", ())]),
    (RegisterState, "/school/students", [("load", ()), ("find", ({"query": "x"},))]),
    (StudentCardState, "/school/students/1", [("load", ()), ("open_case", ())]),
    (FlagFormState, "/school/students/1/flag", [("load", ()), ("submit", ())]),
    (CasePageState, "/school/cases/1", [("load", ()), ("close", ()), ("mark_done", ("1",))]),
    (AbsencesState, "/school/absences", [("load", ()), ("scan", ()), ("confirm", ("1",))]),
    (ImportState, "/school/import", [("load", ()), ("upload", ([],))]),
    (CouncilListState, "/school/council", [("load", ()), ("plan", ())]),
    (CouncilMeetingState, "/school/council/1", [("load", ()), ("save_case", ()),
                                                ("hold", ())]),
    (InboxState, "/commission", [("load", ()), ("set_status", ("new",))]),
    (PacketState, "/commission/referrals/1", [("load", ())]),
    (MeetingsState, "/commission/meetings", [("load", ()), ("plan", ())]),
    (MeetingState, "/commission/meetings/1", [("load", ()), ("save_attendance", ()),
                                              ("save_decision", ()), ("approve", ())]),
    (PlacementsState, "/commission/placements", [("load", ()), ("register", ())]),
    (DeadlinesState, "/commission/deadlines", [("load", ()), ("mark_done", ())]),
    (AnalysisState, "/analysis", [("load", ()), ("download", ("csv",))]),
    (SchoolFiguresState, "/analysis/schools/1", [("load", ())]),
    (AdminUsersState, "/admin/users", [("load", ()), ("save", ())]),
    (CalendarAdminState, "/admin/calendar", [
        ("load", ()), ("add_day", ({"day": "2026-12-31", "kind": "day_off"},)),
        ("remove_day", ("2026-12-31",))]),
    (DecisionCatalogueState, "/admin/decisions", [
        ("load", ()), ("add_type", ({"code": "warning", "name_kk": "x", "name_ru": "x"},)),
        ("set_active", ("warning", False))]),
    (OrganisationImportState, "/admin", [("load", ())]),
    (AuditLogState, "/admin/audit", [("load", ()), ("search", ({},))]),
    (PasswordState, "/account/password", [("change_password", ({"password": "x"},))]),
]


async def _run_signed_out(state_cls, path: str, handler: str, args: tuple):
    """What ``handler`` returns for a tab at ``path`` with no session."""
    manager = StateManagerMemory()
    token = BaseStateToken(ident="signed-out-tab", cls=state_cls)
    async with manager.modify_state(token) as root:
        root.router_data = root._update_router_vars(
            {"pathname": path, "asPath": path, "token": "signed-out-tab",
             "sid": "sid", "ip": "127.0.0.1", "headers": {}}, {})
        (await root.get_state(AuthState)).session_token = ""
        state = await root.get_state(state_cls)
        result = state_cls.event_handlers[handler].fn(state, *args)
        if inspect.isawaitable(result):
            return await result
        if inspect.isasyncgen(result):  # the first thing it yields
            return await anext(result, None)
        if inspect.isgenerator(result):
            return next(result, None)
        return result


def _redirect_target(result) -> str:
    """The address an EventSpec from ``rx.redirect`` sends to ("" if not one)."""
    spec = result[0] if isinstance(result, list | tuple) and result else result
    if spec is None or getattr(spec, "handler", None) is None:
        return ""
    if spec.handler.fn.__qualname__ != "redirect" and "redirect" not in str(spec.handler):
        return ""
    return " ".join(str(value) for _, value in spec.args)


@pytest.mark.parametrize(
    ("state_cls", "path", "handler", "args"),
    [(cls, path, name, args) for cls, path, calls in PAGES for name, args in calls],
    ids=[f"{cls.__name__}.{name}" for cls, _, calls in PAGES for name, _ in calls],
)
def test_a_signed_out_visitor_is_sent_to_sign_in(state_cls, path, handler, args):
    result = asyncio.run(_run_signed_out(state_cls, path, handler, args))
    target = _redirect_target(result)
    assert "/sign-in" in target, f"{state_cls.__name__}.{handler} returned {result!r}"
    assert f"next={path.replace('/', '%2F')}" in target or f"next={path}" in target


def test_the_table_names_every_page_state():
    """A new page state joins the table above, or this fails."""

    def substates(cls):
        for sub in cls.get_substates():
            yield sub
            yield from substates(sub)

    pages = {cls for cls in substates(AuthState) if "load" in cls.event_handlers}
    listed = {cls for cls, _, _ in PAGES}
    assert pages - listed == set()
