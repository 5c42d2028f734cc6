"""The case page: state, flags, plan, council, referral, timeline and the next steps."""

from typing import TYPE_CHECKING

import reflex as rx

from juvenile import clock
from juvenile.errors import Refusal
from juvenile.i18n import format_date, format_datetime, translate
from juvenile.reports.council_protocol import minor_presence, representatives_presence
from juvenile.reports.evidence import evidence_text
from juvenile.rules.cases import CaseState
from juvenile.rules.criteria import name as criterion_name
from juvenile.rules.iin import sex_of
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.school.case_file import CaseFile, mark_measure_done, open_case_file
from juvenile.services.school.cases import add_flags_to_case, close_case
from juvenile.state.auth import AuthState
from juvenile.state.school.documents import plan_download
from juvenile.state.workspace import WorkspaceState, parse_id, rule_message


class CasePageState(WorkspaceState, AuthState):
    if TYPE_CHECKING:  # the route's argument, a var Reflex adds
        case_id: str

    loaded: bool = False
    case_no: str = ""
    case_state: str = ""
    state_label: str = ""
    student_ref: str = ""
    student_name: str = ""
    student_line: str = ""
    opened: str = ""
    closed: str = ""
    commission: str = ""
    flags: list[dict[str, str]] = []
    measures: list[dict[str, str]] = []
    reviews: list[dict[str, str]] = []
    events: list[dict[str, str]] = []
    can_go_to_council: bool = False
    can_close: bool = False
    may_change: bool = False
    free_flags: int = 0
    outcomes: list[dict[str, str]] = []
    outcome: str = ""
    outcome_error: str = ""
    note: str = ""
    note_error: str = ""
    error: str = ""
    _file: CaseFile | None = None

    async def _refresh(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            # the id comes from the address bar (the route's [case_id])
            self._file = open_case_file(actor, parse_id(self.case_id) or 0)
        except (AccessDenied, NotFound):
            self.denied, self._file, self.loaded = True, None, False
            return None
        self.denied, self.loaded = False, True
        await self._show_page()
        return None

    def _render(self, language: str) -> None:
        f = self._file
        if f is None:
            return
        self.case_no, self.case_state = str(f.case_id), f.state.value
        self.state_label = translate(f"case.state.{f.state.value}", language)
        self.student_ref, self.student_name = str(f.student_id), f.student_name
        self.student_line = f"{f.student_iin} · {f.class_name}"
        self.opened = format_date(f.opened_on, language)
        self.closed = (format_date(f.closed_on, language) + " — "
                       + translate(f"case.outcome.{f.outcome.value}", language)
                       + (f" ({f.outcome_note})" if f.outcome_note else "")
                       ) if f.closed_on and f.outcome else ""
        self.commission = f.commission_kk if language == "kk" else f.commission_ru
        self.flags = [{"criterion": str(flag.criterion),
                       "name": criterion_name(flag.criterion, language),
                       "noticed": format_date(flag.noticed_on, language),
                       "evidence": evidence_text(flag.evidence, flag.evidence_key,
                                                 flag.evidence_params, language)}
                      for flag in f.flags]
        self.measures = [{"id": str(m.measure_id), "description": m.description,
                          "responsible": m.responsible, "due": format_date(m.due_on, language),
                          "done": format_date(m.done_on, language) if m.done_on else "",
                          "overdue": "1" if not m.done_on and m.due_on < clock.today() else ""}
                         for m in f.measures]
        self.reviews = [{
            "meeting_id": str(r.meeting_id),
            "meeting": translate("ui.school.dashboard.meeting_title", language,
                                 number=r.number, date=format_date(r.meeting_on, language)),
            "minor": minor_presence(r.minor_present, r.minor_absence_reason, language,
                                    sex_of(f.student_iin)),
            "representatives": representatives_presence(
                r.representatives_present, r.representatives_absence_reason, language,
                r.representatives_invited_on),
            "decision": translate(f"case.decision.{r.decision.value}", language)
            if r.decision else translate("ui.school.council.no_decision", language),
        } for r in f.reviews]
        self.events = [{"at": format_datetime(e.at, language),
                        "what": translate(f"case.event.{e.kind.value}", language),
                        "who": e.author, "detail": e.detail} for e in reversed(f.events)]
        # Only a role the policy lets change the case is offered its controls.
        self.may_change = f.may_change
        self.can_go_to_council = f.may_change and CaseState.COUNCIL_REVIEW in f.next_states
        self.can_close = f.may_change and CaseState.CLOSED in f.next_states
        self.free_flags = len(f.free_flag_ids) if f.may_change else 0
        self.outcomes = [{"value": o.value, "label": translate(f"case.outcome.{o.value}",
                                                               language)}
                         for o in f.closing_outcomes]

    @rx.event
    async def load(self):
        self.error = self.outcome_error = self.note_error = ""
        self.outcome, self.note = "", ""
        return await self._refresh()

    @rx.event
    def set_outcome(self, value: str):
        self.outcome, self.outcome_error = str(value)[:40], ""

    @rx.event
    def set_note(self, value: str):
        self.note, self.note_error = str(value)[:600], ""

    async def _act(self, action):
        """Run a service call; a refusal shows in the user's language, an ended
        session goes to the sign-in page."""
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        if self._file is None:
            return None
        self.error = ""
        try:
            action(actor, self._file.case_id)
        except (AccessDenied, NotFound):
            self.error = await self._text("ui.common.not_found_or_no_access")
        except Refusal as refused:
            self.error = rule_message(refused, await self._language())
        return await self._refresh()

    @rx.event
    async def mark_done(self, measure_id: str):
        return await self._act(lambda actor, _: mark_measure_done(actor,
                                                                  parse_id(measure_id) or 0))

    @rx.event
    async def add_free_flags(self):
        free = self._file.free_flag_ids if self._file is not None else []
        return await self._act(lambda actor, case_id: add_flags_to_case(actor, case_id, free))

    @rx.event
    async def close(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        if self._file is None:
            return None
        language = await self._language()
        self.outcome_error = self.note_error = self.error = ""
        if self.outcome not in {o["value"] for o in self.outcomes}:
            self.outcome_error = translate("ui.school.case.choose_outcome", language)
            return None
        try:
            close_case(actor, self._file.case_id, self.outcome, self.note)
        except (AccessDenied, NotFound):
            self.error = translate("ui.common.not_found_or_no_access", language)
            return None
        except Refusal as refused:
            message = rule_message(refused, language)
            if refused.key in ("case.error.note_required", "flag.error.text_too_long"):
                self.note_error = message
            else:
                self.error = message
            return None
        self.outcome, self.note = "", ""
        return await self._refresh()

    @rx.event
    async def download_plan(self):
        actor = self._actor()
        if actor is None or self._file is None:
            return None
        return await plan_download(self, actor, self._file.case_id)
