"""One commission meeting (Art. 79): the agenda builder, attendance with a live quorum
indicator, hearing notes, decisions and postponements, the minutes' lifecycle and
the documents. ``MeetingState`` joins one part per module:

- ``attendance``: who came, and the live quorum;
- ``agenda``: the questions and the form that adds to them;
- ``question``: one question's notes and decision;
- ``minutes``: approval and amendments;
- ``documents``: the PDF downloads.

Every handler resolves the actor on the server and calls a service; the
services refuse what the law or the gate refuses (no quorum, approved minutes,
another commission), and the refusal is shown next to the field it concerns.
The page offers no control the gate would refuse (``may_edit``), but relies on
the services, not on that.
"""

from typing import TYPE_CHECKING

import reflex as rx

from juvenile.errors import Refusal
from juvenile.i18n import format_date, translate
from juvenile.models import AgendaItemStatus
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission.board import MeetingPage, meeting_page
from juvenile.state.auth import AuthState
from juvenile.state.commission.common import WorkspaceState, parse_id, rule_message
from juvenile.state.commission.meeting.agenda import MeetingAgenda
from juvenile.state.commission.meeting.attendance import MeetingAttendance
from juvenile.state.commission.meeting.documents import MeetingDocuments
from juvenile.state.commission.meeting.minutes import MeetingMinutes
from juvenile.state.commission.meeting.question import MeetingQuestion

# Refusals that mean the record changed since the page was loaded (another tab, another
# user): the page reloads the meeting rather than keep showing what no longer holds.
CHANGED_ELSEWHERE = frozenset({
    "minutes.locked", "minutes.already_approved", "minutes.amendment_open",
    "decision.item_not_open", "agenda.item_decided",
})


class MeetingState(MeetingAttendance, MeetingAgenda, MeetingQuestion, MeetingMinutes,
                   MeetingDocuments, WorkspaceState, AuthState):
    if TYPE_CHECKING:  # the route's argument, a var Reflex adds
        meeting_id: str

    loaded: bool = False
    meeting_no: str = ""
    title: str = ""
    commission: str = ""
    area: str = ""
    place: str = ""
    status: str = ""
    status_label: str = ""
    may_edit: bool = False
    may_approve: bool = False
    record_changed: str = ""  # a refusal because the meeting changed in another tab
    _page: MeetingPage | None = None

    def _meeting_id(self) -> int:
        return self._page.record.meeting_id if self._page else 0

    async def _refresh(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            self._page = meeting_page(actor, parse_id(self.meeting_id) or 0)
        except (AccessDenied, NotFound):
            self.denied, self._page, self.loaded = True, None, False
            return None
        self.denied, self.loaded = False, True
        page = self._page
        self.may_edit, self.may_approve = page.may_edit, page.may_approve
        self._keep_attendance()
        if self.active_item and not any(
                str(i.id) == self.active_item and i.status == AgendaItemStatus.OPEN
                for i in page.record.items):
            self.active_item = ""
        await self._show_page()
        return None

    def _render(self, language: str) -> None:
        page = self._page
        if page is None:
            return
        record = page.record
        self.meeting_no = str(record.meeting_id)
        self.title = translate("ui.commission.meeting.title", language, number=record.number,
                               date=format_date(record.meeting_date, language, "long"))
        self.commission, self.area = record.commission(language), record.area(language)
        self.place = record.place
        self.status = "held" if record.held else "planned"
        self.status_label = translate(f"meeting.status.{self.status}", language)
        self._render_attendance(language)
        self._render_agenda(language)
        self._render_question(language)
        self._render_minutes(language)

    async def _reload_if_changed(self, refused: Refusal, language: str) -> None:
        """A refusal because the meeting changed since this tab loaded it (its minutes
        approved, its question decided elsewhere): show the meeting as it is now, and
        say why above it (issue 20, item 3)."""
        if refused.key in CHANGED_ELSEWHERE:
            await self._refresh()
            self.record_changed = rule_message(refused, language)

    @rx.event
    async def load(self):
        self.record_changed = ""
        self.attendance_error, self.minutes_error, self.amendment_reason = "", "", ""
        self._clear_agenda_form()
        self._clear_question()
        return await self._refresh()
