"""One prevention council meeting (Art. 78 (3)): hold it with its members, add the
waiting cases, and record for each case who of the family took part and the
decision, with the measures of the individual prevention work plan. A refusal
(Art. 78 (4)) escalates to the commission in the service's transaction."""


from typing import TYPE_CHECKING

import reflex as rx

from juvenile.errors import Refusal
from juvenile.i18n import format_date, translate
from juvenile.models import MeetingStatus
from juvenile.reports.council_protocol import minor_presence, representatives_presence
from juvenile.rules.cases import CouncilDecision
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.school.council import (
    NewMeasure,
    Participation,
    add_cases_to_meeting,
    hold_council_meeting,
    record_council_decision,
)
from juvenile.services.school.council_register import (
    MeetingFile,
    WaitingCase,
    cases_waiting_for_council,
    open_meeting,
)
from juvenile.state.auth import AuthState
from juvenile.state.school.council.forms import ChosenCases, FormErrors, waiting_rows
from juvenile.state.school.documents import protocol_download
from juvenile.state.workspace import WorkspaceState, parse_day, parse_id, rule_message

DECISIONS = [decision.value for decision in CouncilDecision]
MAX_MEASURES = 20
_DECISION_FIELDS = ("minor_present", "minor_reason", "representatives_present",
                    "representatives_reason", "invited_on", "decision", "measures")


def _blank_measure() -> dict[str, str]:
    return {"description": "", "responsible": "", "due": ""}


class CouncilMeetingState(ChosenCases, WorkspaceState, AuthState):
    if TYPE_CHECKING:  # the route's argument, a var Reflex adds
        meeting_id: str

    loaded: bool = False
    meeting_no: str = ""
    title: str = ""
    school: str = ""
    status: str = ""
    status_label: str = ""
    members: list[str] = []
    agenda: list[dict[str, str]] = []
    waiting: list[dict[str, str]] = []
    members_text: str = ""
    hold_errors: dict[str, str] = FormErrors.empty("members")
    active_case: str = ""  # the case whose participation and decision are being recorded
    minor_present: str = ""  # "yes" | "no"
    minor_reason: str = ""
    representatives_present: str = ""
    representatives_reason: str = ""
    representatives_refused: str = ""  # "yes": a documented refusal to attend (Art. 78 (3))
    invited_on: str = ""  # the invitation's day, ISO
    decision: str = ""
    measures: list[dict[str, str]] = [_blank_measure()]
    errors: dict[str, str] = FormErrors.empty(*_DECISION_FIELDS)
    add_error: str = ""
    _file: MeetingFile | None = None
    _waiting: list[WaitingCase] = []

    def _meeting_id(self) -> int:
        return self._file.meeting_id if self._file else 0

    async def _refresh(self) -> None:
        actor = self._actor()
        assert actor is not None  # the handlers send a visitor without a session to sign in
        try:
            self._file = open_meeting(actor, parse_id(self.meeting_id) or 0)
            self._waiting = (cases_waiting_for_council(actor)
                             if self._file.status == MeetingStatus.PLANNED else [])
        except (AccessDenied, NotFound):
            self.denied, self._file, self.loaded = True, None, False
            return
        self.denied, self.loaded = False, True
        await self._show_page()

    def _render(self, language: str) -> None:
        f = self._file
        if f is None:
            return
        self.meeting_no = str(f.meeting_id)
        self.title = translate("ui.school.dashboard.meeting_title", language, number=f.number,
                               date=format_date(f.meeting_on, language, "long"))
        self.school = f.school_kk if language == "kk" else f.school_ru
        self.status = f.status.value
        self.status_label = translate(f"council.meeting_status.{f.status.value}", language)
        self.members = f.members
        self.agenda = [
            {
                "case_id": str(a.case_id), "student_id": str(a.student_id),
                "name": a.student_name, "class": a.class_name,
                "state": a.case_state.value,
                "state_label": translate(f"case.state.{a.case_state.value}", language),
                "minor": minor_presence(a.minor_present, a.minor_absence_reason, language,
                                        a.student_sex),
                "representatives": representatives_presence(
                    a.representatives_present, a.representatives_absence_reason, language,
                    a.representatives_invited_on),
                "recorded": "1" if a.minor_present is not None else "",
                "decision": translate(f"case.decision.{a.decision.value}", language)
                if a.decision else "",
                "commission": a.commission_kk if language == "kk" else a.commission_ru,
            }
            for a in f.agenda
        ]
        self.waiting = waiting_rows(self._waiting, language)

    def _reset_form(self, case_id: str = "") -> None:
        self.active_case = case_id
        self.minor_present = self.representatives_present = self.decision = ""
        self.minor_reason = self.representatives_reason = ""
        self.representatives_refused = self.invited_on = ""
        self.measures = [_blank_measure()]
        self.errors = FormErrors.empty(*_DECISION_FIELDS)

    @rx.event
    async def load(self):
        if self._actor() is None:
            return self._to_sign_in()
        self._reset_form()
        self.chosen, self.members_text, self.add_error = [], "", ""
        self.hold_errors = FormErrors.empty("members")
        await self._refresh()
        return None

    # --- holding the meeting and its agenda ---------------------------------------------

    @rx.event
    def set_members_text(self, value: str):
        self.members_text = str(value)[:2000]
        self.hold_errors = FormErrors.empty("members")

    @rx.event
    async def hold(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        try:
            hold_council_meeting(actor, self._meeting_id(), self.members_text.splitlines())
        except (AccessDenied, NotFound):
            self.hold_errors = {**FormErrors.empty("members"), "general": translate(
                "ui.common.not_found_or_no_access", language)}
            return None
        except Refusal as refused:
            self.hold_errors = FormErrors.of(refused, language, FormErrors.empty("members"))
            return None
        self.members_text = ""
        await self._refresh()
        return None

    @rx.event
    async def add_cases(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        self.add_error = ""
        try:
            add_cases_to_meeting(actor, self._meeting_id(),
                                 [pid for pid in map(parse_id, self.chosen) if pid])
        except (AccessDenied, NotFound):
            self.add_error = translate("ui.common.not_found_or_no_access", language)
            return None
        except Refusal as refused:
            self.add_error = rule_message(refused, language)
            return None
        self.chosen = []
        await self._refresh()
        return None

    # --- participation and decision of one case ------------------------------------------

    @rx.event
    def record_case(self, case_id: str):
        self._reset_form(str(case_id))

    @rx.event
    def cancel_case(self):
        self._reset_form()

    @rx.event
    def set_form(self, name: str, value: str):
        """One field of the decision form (radio groups and reasons)."""
        value = str(value)[:600]
        if name in ("minor_present", "representatives_present"):
            value = value if value in ("yes", "no") else ""
        elif name == "decision":
            value = value if value in DECISIONS else ""
        elif name == "invited_on":
            value = value[:10]
        elif name not in ("minor_reason", "representatives_reason"):
            return
        setattr(self, name, value)
        self.errors = {**self.errors, name: ""}

    @rx.event
    def set_representatives_refused(self, checked: bool):
        self.representatives_refused = "yes" if checked else ""
        self.errors = {**self.errors, "invited_on": ""}

    @rx.event
    def set_measure(self, index: int, name: str, value: str):
        if name in ("description", "responsible", "due") and 0 <= int(index) < len(
                self.measures):
            measures = [dict(m) for m in self.measures]
            measures[int(index)][name] = str(value)[:1000]
            self.measures = measures
            self.errors = {**self.errors, "measures": ""}

    @rx.event
    def add_measure(self):
        if len(self.measures) < MAX_MEASURES:
            self.measures = [*self.measures, _blank_measure()]

    @rx.event
    def remove_measure(self, index: int):
        if len(self.measures) > 1 and 0 <= int(index) < len(self.measures):
            self.measures = [m for i, m in enumerate(self.measures) if i != int(index)]

    def _recorded(self, case_id: int) -> bool:
        return any(a.case_id == case_id and a.minor_present is not None
                   for a in (self._file.agenda if self._file else []))

    def _plan(self, language: str, errors: dict[str, str]) -> list[NewMeasure] | None:
        """The plan's measures as typed; None (with the error shown) if a date is bad."""
        plan = []
        for measure in self.measures:
            if not any(measure.values()):
                continue
            due = parse_day(measure["due"])
            if due is None:
                errors["measures"] = translate("ui.school.form.bad_date", language)
                return None
            plan.append(NewMeasure(measure["description"], measure["responsible"], due))
        return plan

    @rx.event
    async def save_case(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        case_id = parse_id(self.active_case)
        if case_id is None:
            return None
        errors = FormErrors.empty(*_DECISION_FIELDS)
        choose = translate("ui.school.council.choose", language)
        recorded = self._recorded(case_id)
        if not recorded:
            for name in ("minor_present", "representatives_present"):
                if not getattr(self, name):
                    errors[name] = choose
        if not self.decision:
            errors["decision"] = choose
        plan = self._plan(language, errors) if self.decision == "support_assigned" else []
        refused = self.representatives_present == "no" and self.representatives_refused == "yes"
        invited_on = parse_day(self.invited_on) if refused and self.invited_on else None
        if refused and self.invited_on and invited_on is None:
            errors["invited_on"] = translate("ui.school.form.bad_date", language)
        if any(errors.values()) or plan is None:
            self.errors = errors
            return None
        participation = None if recorded else Participation(
            minor_present=self.minor_present == "yes",
            representatives_present=self.representatives_present == "yes",
            minor_absence_reason=self.minor_reason,
            representatives_absence_reason=self.representatives_reason,
            representatives_refused_to_attend=refused, representatives_invited_on=invited_on)
        try:
            record_council_decision(actor, self._meeting_id(), case_id, self.decision, plan,
                                    participation=participation)
        except (AccessDenied, NotFound):
            errors["general"] = translate("ui.common.not_found_or_no_access", language)
            self.errors = errors
            return None
        except Refusal as refused:
            self.errors = FormErrors.of(refused, language, errors)
            return None
        self._reset_form()
        await self._refresh()
        return None

    @rx.event
    async def download_protocol(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        return await protocol_download(self, actor, self._meeting_id())
