"""The prevention council's meetings (Art. 78 (3), Art. 23 item 14): every meeting of
the school, paged, and the form that plans one with the cases waiting for it."""

import reflex as rx

from juvenile import clock
from juvenile.errors import Refusal
from juvenile.i18n import format_date, translate
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.school.council import (
    plan_council_meeting,
)
from juvenile.services.school.council_register import (
    MeetingsPage,
    WaitingCase,
    cases_waiting_for_council,
    list_meetings,
)
from juvenile.state.auth import AuthState
from juvenile.state.school.council.forms import ChosenCases, FormErrors, waiting_rows
from juvenile.state.workspace import WorkspaceState, parse_day, parse_id


class CouncilListState(ChosenCases, WorkspaceState, AuthState):
    loaded: bool = False
    meetings: list[dict[str, str]] = []
    page: int = 1
    pages: int = 1
    total: int = 0
    waiting: list[dict[str, str]] = []
    number: str = ""
    meeting_on: str = ""
    errors: dict[str, str] = FormErrors.empty("number", "meeting_on", "cases")
    _page: MeetingsPage | None = None
    _waiting: list[WaitingCase] = []

    async def _refresh(self) -> None:
        actor = self._actor()
        assert actor is not None  # the handlers send a visitor without a session to sign in
        try:
            self._page = list_meetings(actor, self.page)
            self._waiting = cases_waiting_for_council(actor)
        except (AccessDenied, NotFound):
            self.denied, self._page, self._waiting = True, None, []
            return
        self.denied, self.loaded = False, True
        self.page, self.pages, self.total = self._page.page, self._page.pages, self._page.total
        waiting = {str(c.case_id) for c in self._waiting}
        self.chosen = [c for c in self.chosen if c in waiting]
        await self._show_page()

    def _render(self, language: str) -> None:
        if self._page is None:
            return
        self.meetings = [
            {"id": str(m.meeting_id), "number": m.number,
             "date": format_date(m.meeting_on, language),
             "status": m.status.value,
             "status_label": translate(f"council.meeting_status.{m.status.value}", language),
             "cases": str(m.cases), "decided": str(m.decided)}
            for m in self._page.meetings
        ]
        self.waiting = waiting_rows(self._waiting, language)

    @rx.event
    async def load(self):
        if self._actor() is None:
            return self._to_sign_in()
        self.errors = FormErrors.empty("number", "meeting_on", "cases")
        self.number, self.meeting_on = "", clock.today().isoformat()
        wanted = str(self.router.url.query_parameters.get("case", ""))
        self.chosen = [wanted] if parse_id(wanted) else []
        await self._refresh()
        return None

    @rx.event
    def set_number(self, value: str):
        self.number = str(value)[:40]
        self.errors = {**self.errors, "number": ""}

    @rx.event
    def set_meeting_on(self, value: str):
        self.meeting_on = str(value)[:10]
        self.errors = {**self.errors, "meeting_on": ""}

    @rx.event
    async def plan(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        errors = FormErrors.empty("number", "meeting_on", "cases")
        day = parse_day(self.meeting_on)
        if day is None:
            errors["meeting_on"] = translate("ui.school.form.bad_date", language)
            self.errors = errors
            return None
        case_ids = [pid for pid in (parse_id(c) for c in self.chosen) if pid is not None]
        try:
            meeting = plan_council_meeting(actor, actor.school_id or 0, self.number, day, case_ids)
        except (AccessDenied, NotFound):
            errors["general"] = translate("ui.common.not_found_or_no_access", language)
            self.errors = errors
            return None
        except Refusal as refused:
            self.errors = FormErrors.of(refused, language, errors)
            return None
        self.errors = errors
        return rx.redirect(f"/school/council/{meeting.id}")

    @rx.event
    async def previous_page(self):
        self.page = max(1, self.page - 1)
        await self._refresh()

    @rx.event
    async def next_page(self):
        self.page = min(self.pages, self.page + 1)
        await self._refresh()


