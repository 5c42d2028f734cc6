"""The deadline board: every open deadline of the commission, overdue first, by kind
(services.deadlines), paged on the server; a decision's follow-up is marked done here,
and so is the internal affairs body's submission to the court, whose case decision the
secretary registers here too (Art. 81 (3))."""

from datetime import date

import reflex as rx

from juvenile import clock
from juvenile.i18n import format_date, translate
from juvenile.rules.submission import ExtendedBy
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission.decisions import mark_decision_done
from juvenile.services.commission.submissions import (
    extend_submission,
    record_submission,
    register_case_decision,
)
from juvenile.services.common import page_count
from juvenile.services.deadlines import Deadline, DeadlineKind, list_deadlines
from juvenile.state.auth import AuthState
from juvenile.state.commission.badge import DeadlineBadgeState
from juvenile.state.commission.common import (
    Refused,
    WorkspaceState,
    blank,
    form_call,
    line_call,
    neutral,
    parse_day,
    parse_id,
)
from juvenile.state.commission.submission_form import FIELD_OF, SUBMISSION_FORM, checked
from juvenile.state.messages import said

ANY = "all"
KINDS = [kind.value for kind in DeadlineKind]
PAGE_SIZE = 25
PLACEMENT_KINDS = (DeadlineKind.REHABILITATION_PLAN, DeadlineKind.TERM_END_NOTICE,
                   DeadlineKind.RETURN_NOT_RECORDED)
EXTENSION_FORM = ("due", "by", "decided_on")
EXTENDED_BY = [by.value for by in ExtendedBy]  # whose decision extends it (Art. 81 (3))
# The kinds marked done on the board, by the service recording it.
DONE_BY = {DeadlineKind.DECISION_FOLLOW_UP: mark_decision_done,
           DeadlineKind.INTERNAL_AFFAIRS_SUBMISSION: record_submission}


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
    done_row: str = ""  # "kind:id" of the row whose "done" date is being entered
    done_on: str = ""
    done_error: str = ""
    # the extension of a submission's term (Art. 81 (3)): the row, its fields, its refusal
    ext_row: str = ""
    ext_form: dict[str, str] = dict.fromkeys(EXTENSION_FORM, "")
    ext_error: str = ""
    # registering the decision ending a criminal case (Art. 81 (3))
    sub_form: dict[str, str] = dict.fromkeys(SUBMISSION_FORM, "")
    sub_errors: dict[str, str] = blank(*SUBMISSION_FORM)
    sub_flash: str = ""
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
        elif d.kind == DeadlineKind.INTERNAL_AFFAIRS_SUBMISSION:
            detail = translate("ui.commission.submission.case_decision", language,
                               number=d.detail)
        elif d.kind == DeadlineKind.RETURN_NOT_RECORDED:
            detail = translate("ui.commission.deadlines.term_ended", language,
                               date=format_date(date.fromisoformat(d.detail), language))
        if d.adult_on is not None:
            detail += " · " + translate("ui.commission.deadlines.past_adulthood", language,
                                        date=format_date(d.adult_on, language))
        return {
            "id": str(d.record_id), "kind": d.kind.value, "key": f"{d.kind.value}:{d.record_id}",
            "kind_label": translate(f"deadline.kind.{d.kind.value}", language),
            "due": format_date(d.due_on, language), "days": days,
            "overdue": "1" if d.overdue else "",
            "student": d.student_name, "school": d.school_code,
            "who": d.organisation_name(language), "who_code": d.organisation_code,
            "detail": detail,
            "placement": "1" if d.kind in PLACEMENT_KINDS else "",
            "done": "1" if d.kind in DONE_BY else "",
            "extendable": "1" if d.kind == DeadlineKind.INTERNAL_AFFAIRS_SUBMISSION else "",
        }

    @rx.event
    async def load(self):
        self.kind_filter, self.page, self.done_row, self.done_error = ANY, 1, "", ""
        self.sub_form = dict.fromkeys(SUBMISSION_FORM, "")
        self.sub_errors, self.sub_flash = blank(*SUBMISSION_FORM), ""
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
    def start_done(self, row_key: str):
        self.done_row, self.done_error = _known_row(row_key, DONE_BY), ""
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
        kind, record_id = _row_record(self.done_row)
        mark = DONE_BY.get(kind) if kind else None
        if mark is None:
            self.done_error = neutral(language)
            return None
        done = await line_call(self, "done_error", lambda: mark(actor, record_id, day))
        if done is Refused.REFUSED:
            return None
        self.done_row = ""
        await self._refresh()
        return DeadlineBadgeState.refresh

    @rx.event
    def start_extension(self, row_key: str):
        self.ext_row = _known_row(row_key, (DeadlineKind.INTERNAL_AFFAIRS_SUBMISSION,))
        self.ext_error = ""
        self.ext_form = {"due": "", "by": ExtendedBy.INTERNAL_AFFAIRS.value,
                         "decided_on": clock.today().isoformat()}

    @rx.event
    def set_ext(self, name: str, value: str):
        if name in EXTENSION_FORM:
            self.ext_form, self.ext_error = {**self.ext_form, name: str(value)[:32]}, ""

    @rx.event
    def cancel_extension(self):
        self.ext_row = ""

    @rx.event
    async def save_extension(self):
        """The term extended by a decision of internal affairs or the prosecutor; the
        service checks the 30 days more at most (Art. 81 (3))."""
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        due, decided_on = parse_day(self.ext_form["due"]), parse_day(self.ext_form["decided_on"])
        if due is None or decided_on is None:
            self.ext_error = translate("ui.commission.form.bad_date", language)
            return None
        _, record_id = _row_record(self.ext_row)
        extended = await line_call(self, "ext_error", lambda: extend_submission(
            actor, record_id, due, self.ext_form["by"], decided_on))
        if extended is Refused.REFUSED:
            return None
        self.ext_row = ""
        await self._refresh()
        return DeadlineBadgeState.refresh

    @rx.event
    def set_sub(self, name: str, value: str):
        if name in SUBMISSION_FORM:
            self.sub_form = {**self.sub_form, name: str(value)[:64]}
            self.sub_errors = {**self.sub_errors, name: "", "general": ""}

    @rx.event
    async def register_submission(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        errors, day = checked(self.sub_form, language)
        self.sub_flash = ""
        if any(errors.values()) or day is None:
            self.sub_errors = errors
            return None
        record = await form_call(self, "sub_errors", errors, FIELD_OF, lambda: (
            register_case_decision(actor, self.sub_form["iin"],
                                   self.sub_form["decision_number"], day)))
        if record is Refused.REFUSED:
            return None
        self.sub_form, self.sub_errors = dict.fromkeys(SUBMISSION_FORM, ""), errors
        self._say("sub_flash", said("ui.commission.submission.registered", date=record.due_on),
                  language)
        await self._refresh()
        return DeadlineBadgeState.refresh


def _row_record(row_key: str) -> tuple[DeadlineKind | None, int]:
    """The kind and record id of a board row's key "kind:id" (from the browser)."""
    kind, _, record_id = str(row_key).partition(":")
    known = kind in {k.value for k in DeadlineKind}
    return (DeadlineKind(kind) if known else None), parse_id(record_id) or 0


def _known_row(row_key: str, kinds) -> str:
    """The row key if it names a record of one of ``kinds``, else ""."""
    kind, record_id = _row_record(row_key)
    return str(row_key) if kind in kinds and record_id else ""
