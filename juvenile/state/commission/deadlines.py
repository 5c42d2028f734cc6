"""The deadline board: every open deadline of the commission, overdue first, by kind
(services.deadlines), paged on the server; a decision's follow-up is marked done here."""

from datetime import date

import reflex as rx

from juvenile import clock
from juvenile.errors import Refusal
from juvenile.i18n import format_date, translate
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission.decisions import mark_decision_done
from juvenile.services.common import page_count
from juvenile.services.deadlines import Deadline, DeadlineKind, list_deadlines
from juvenile.state.auth import AuthState
from juvenile.state.commission.badge import DeadlineBadgeState
from juvenile.state.commission.common import (
    WorkspaceState,
    neutral,
    parse_day,
    parse_id,
    rule_message,
)

ANY = "all"
KINDS = [kind.value for kind in DeadlineKind]
PAGE_SIZE = 25
PLACEMENT_KINDS = (DeadlineKind.REHABILITATION_PLAN, DeadlineKind.TERM_END_NOTICE,
                   DeadlineKind.RETURN_NOT_RECORDED)


class DeadlinesState(WorkspaceState, AuthState):
    loaded: bool = False
    kind_filter: str = ANY
    page: int = 1
    pages: int = 1
    total: int = 0
    overdue: int = 0
    overdue_text: str = ""  # "Просрочено 5 сроков": counted, so rendered here
    rows: list[dict[str, str]] = []
    kind_options: list[dict[str, str]] = []
    done_row: str = ""  # the decision whose "done" date is being entered
    done_on: str = ""
    done_error: str = ""
    _all: list[Deadline] = []

    async def _refresh(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            self._all = list_deadlines(actor, clock.today())
        except (AccessDenied, NotFound):
            self.denied, self._all, self.rows = True, [], []
            return None
        self.denied, self.loaded = False, True
        await self._show_page()
        return None

    def _shown(self) -> list[Deadline]:
        return [d for d in self._all if self.kind_filter in (ANY, d.kind.value)]

    def _render(self, language: str) -> None:
        self.kind_options = [
            {"value": kind, "label": translate(f"deadline.kind.{kind}", language)
             + f" ({sum(d.kind.value == kind for d in self._all)})"}
            for kind in KINDS]
        shown = self._shown()
        self.total, self.overdue = len(shown), sum(d.overdue for d in shown)
        self.overdue_text = translate("ui.commission.deadlines.overdue_count", language,
                                      count=self.overdue)
        self.pages = page_count(self.total, PAGE_SIZE)
        self.page = min(self.page, self.pages)
        start = (self.page - 1) * PAGE_SIZE
        self.rows = [self._row(d, language) for d in shown[start:start + PAGE_SIZE]]

    @staticmethod
    def _row(d: Deadline, language: str) -> dict[str, str]:
        days = (translate("ui.commission.deadlines.overdue_days", language, count=-d.days_left)
                if d.overdue else translate("ui.commission.deadlines.days_left", language,
                                            count=d.days_left))
        detail = d.detail
        if d.kind == DeadlineKind.TERM_END_NOTICE:
            detail = translate("ui.commission.deadlines.term_ends", language,
                               date=format_date(date.fromisoformat(d.detail), language))
        elif d.kind == DeadlineKind.RETURN_NOT_RECORDED:
            detail = translate("ui.commission.deadlines.term_ended", language,
                               date=format_date(date.fromisoformat(d.detail), language))
        if d.adult_on is not None:
            detail += " · " + translate("ui.commission.deadlines.past_adulthood", language,
                                        date=format_date(d.adult_on, language))
        return {
            "id": str(d.record_id), "kind": d.kind.value,
            "kind_label": translate(f"deadline.kind.{d.kind.value}", language),
            "due": format_date(d.due_on, language), "days": days,
            "overdue": "1" if d.overdue else "",
            "student": d.student_name, "school": d.school_code,
            "who": d.organisation_name(language), "who_code": d.organisation_code,
            "detail": detail,
            "placement": "1" if d.kind in PLACEMENT_KINDS else "",
            "decision": "1" if d.kind == DeadlineKind.DECISION_FOLLOW_UP else "",
        }

    @rx.event
    async def load(self):
        self.kind_filter, self.page, self.done_row, self.done_error = ANY, 1, "", ""
        return await self._refresh()

    @rx.event
    async def set_kind(self, value: str):
        self.kind_filter = str(value) if str(value) in KINDS else ANY
        self.page = 1
        self._render(await self._language())

    @rx.event
    async def previous_page(self):
        self.page = max(1, self.page - 1)
        self._render(await self._language())

    @rx.event
    async def next_page(self):
        self.page = min(self.pages, self.page + 1)
        self._render(await self._language())

    @rx.event
    def start_done(self, decision_id: str):
        self.done_row, self.done_error = str(parse_id(decision_id) or ""), ""
        self.done_on = clock.today().isoformat()

    @rx.event
    def set_done_on(self, value: str):
        self.done_on, self.done_error = str(value)[:10], ""

    @rx.event
    def cancel_done(self):
        self.done_row = ""

    @rx.event
    async def mark_done(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        day = parse_day(self.done_on)
        if day is None:
            self.done_error = translate("ui.commission.form.bad_date", language)
            return None
        try:
            mark_decision_done(actor, parse_id(self.done_row) or 0, day)
        except (AccessDenied, NotFound):
            self.done_error = neutral(language)
            return None
        except Refusal as refused:
            self.done_error = rule_message(refused, language)
            return None
        self.done_row = ""
        await self._refresh()
        return DeadlineBadgeState.refresh
