"""Absence proposals of a month (criterion 4): scan, confirm, dismiss with a reason."""

import reflex as rx

from juvenile import clock
from juvenile.errors import Refusal
from juvenile.i18n import Counted, format_date, translate
from juvenile.models import ProposalStatus
from juvenile.rules.attendance import month_key, parse_month
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.school.absence_review import ProposalLine, month_proposals
from juvenile.services.school.absence_scan import (
    confirm_absence_proposals,
    dismiss_absence_proposals,
    scan_absences,
)
from juvenile.services.school.case_file import start_case
from juvenile.state.auth import AuthState
from juvenile.state.messages import said
from juvenile.state.workspace import WorkspaceState, parse_id, rule_message


def _month(text: object) -> str:
    """``YYYY-MM`` from the address bar, or the current month."""
    try:
        return month_key(parse_month(str(text))[0])
    except Refusal:
        return month_key(clock.today())


class AbsencesState(WorkspaceState, AuthState):
    month: str = ""
    rows: list[dict[str, str]] = []
    selected: list[str] = []
    reason: str = ""
    reason_error: str = ""
    notice: str = ""
    error: str = ""
    waiting: int = 0
    loaded: bool = False
    _lines: list[ProposalLine] = []

    @rx.var
    def all_selected(self) -> bool:
        return self.waiting > 0 and len(self.selected) == self.waiting

    async def _refresh(self) -> bool:
        actor = self._actor()
        assert actor is not None  # the handlers send a visitor without a session to sign in
        try:
            self._lines = month_proposals(actor, self.month)
        except (AccessDenied, NotFound):
            self.denied, self._lines, self.rows = True, [], []
            return False
        waiting = {str(line.proposal_id) for line in self._lines
                   if line.status == ProposalStatus.PROPOSED}
        self.selected = [pid for pid in self.selected if pid in waiting]
        self.waiting = len(waiting)
        self.denied, self.loaded = False, True
        await self._show_page()
        return True

    def _render(self, language: str) -> None:
        self.rows = [
            {
                "id": str(line.proposal_id), "student_id": str(line.student_id),
                "name": line.student_name, "iin": line.iin, "class": line.class_name,
                "days": str(line.unexcused_days), "status": line.status.value,
                "status_label": translate(f"absence.status.{line.status.value}", language),
                "decided": format_date(line.decided_on, language),
                "reason": line.dismissal_reason,
            }
            for line in self._lines
        ]

    @rx.event
    async def load(self):
        if self._actor() is None:
            return self._to_sign_in()
        self.month = _month(self.router.url.query_parameters.get("month", ""))
        self.selected, self.reason, self.reason_error = [], "", ""
        self.notice = self.error = ""
        await self._refresh()
        return None

    @rx.event
    async def change_month(self, value: str):
        return rx.redirect(f"/school/absences?month={_month(value)}")

    @rx.event
    async def scan(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        self.notice = self.error = ""
        try:
            findings = scan_absences(actor, self.month)
        except (AccessDenied, NotFound):
            self.denied = True
            return None
        except Refusal as refused:
            self.error = rule_message(refused, await self._language())
            return None
        new = sum(finding.newly_proposed for finding in findings)
        # kept as data: a language switch writes the result again (issue 20, item 1)
        self._say("notice", said("ui.school.absences.scanned", count=len(findings),
                                 new=Counted("attendance.new_proposals", new),
                                 month=self.month), await self._language())
        await self._refresh()
        return None

    @rx.event
    def toggle(self, proposal_id: str, checked: bool):
        proposal_id = str(proposal_id)
        if checked and proposal_id not in self.selected:
            self.selected = [*self.selected, proposal_id]
        elif not checked:
            self.selected = [pid for pid in self.selected if pid != proposal_id]

    @rx.event
    def toggle_all(self, checked: bool):
        self.selected = [str(line.proposal_id) for line in self._lines
                         if line.status == ProposalStatus.PROPOSED] if checked else []

    @rx.event
    def set_reason(self, value: str):
        self.reason, self.reason_error = str(value)[:600], ""

    def _chosen(self, proposal_ids: list[str]) -> list[int]:
        return [pid for pid in (parse_id(p) for p in proposal_ids) if pid is not None]

    @rx.event
    async def confirm(self, proposal_id: str = ""):
        """Confirm one proposal (its row's button) or the selected ones."""
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        chosen = self._chosen([proposal_id] if proposal_id else self.selected)
        self.notice = self.error = ""
        if not chosen:
            self.error = await self._text("ui.school.absences.choose")
            return None
        try:
            flags = confirm_absence_proposals(actor, chosen)
        except (AccessDenied, NotFound):
            self.error = await self._text("ui.common.not_found_or_no_access")
        except Refusal as refused:
            self.error = rule_message(refused, await self._language())
        else:
            self.notice = await self._text("ui.school.absences.confirmed", count=len(flags))
            self.selected = []
        await self._refresh()
        return None

    @rx.event
    async def dismiss(self):
        """Dismiss the selected proposals with the reason typed (checked on the server)."""
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        chosen = self._chosen(self.selected)
        self.notice = self.error = self.reason_error = ""
        if not chosen:
            self.error = await self._text("ui.school.absences.choose")
            return None
        try:
            dismissed = dismiss_absence_proposals(actor, chosen, self.reason)
        except (AccessDenied, NotFound):
            self.error = await self._text("ui.common.not_found_or_no_access")
            return None
        except Refusal as refused:
            message = rule_message(refused, await self._language())
            if refused.key in ("absence.error.reason_required", "flag.error.text_too_long"):
                self.reason_error = message
            else:
                self.error = message
            return None
        self.notice = await self._text("ui.school.absences.dismissed", count=len(dismissed))
        self.selected, self.reason = [], ""
        await self._refresh()
        return None

    @rx.event
    async def open_case(self, student_id: str):
        """Open (or extend) the student's support case from the confirmed flag."""
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            case_id = start_case(actor, parse_id(student_id) or 0)
        except (AccessDenied, NotFound):
            self.error = await self._text("ui.common.not_found_or_no_access")
            return None
        except Refusal as refused:
            self.error = rule_message(refused, await self._language())
            return None
        return rx.redirect(f"/school/cases/{case_id}")
