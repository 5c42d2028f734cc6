"""The student card page: loads the card through the services at every visit, and
takes a criterion back when it no longer applies."""

import dataclasses
from typing import TYPE_CHECKING

import reflex as rx

from juvenile import clock
from juvenile.errors import Refusal
from juvenile.i18n import format_date, format_datetime, translate
from juvenile.reports.evidence import evidence_text
from juvenile.rules.attendance import UNEXCUSED_DAYS_THRESHOLD, parse_month
from juvenile.rules.criteria import SENSITIVE_CRITERIA
from juvenile.rules.criteria import name as criterion_name
from juvenile.security.actor import Actor
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.school.case_file import start_case
from juvenile.services.school.flags import REASON_MAX_LENGTH, resolve_flag
from juvenile.services.school.student_card import StudentCard, open_student_card
from juvenile.services.school.student_file import FlagLine, StudentFile, student_file
from juvenile.state.auth import AuthState
from juvenile.state.workspace import WorkspaceState, parse_day, parse_id, rule_message

# Refusals of a "no longer applies" that concern its day (the rest concern the reason).
_RESOLUTION_DAY_KEYS = ("flag.error.date_in_future", "flag.error.resolved_before_noticed")


@dataclasses.dataclass
class FlagView:
    """One criterion on the card, current or taken back."""

    flag_id: str = ""
    criterion: str = ""
    name: str = ""
    noticed: str = ""
    evidence: str = ""
    sensitive: bool = False  # criteria 8 and 9 (Art. 3 (2) item 4, Art. 83 (2))
    resolved: str = ""  # "taken back on … : why", empty while the criterion applies
    case_id: str = ""


@dataclasses.dataclass
class MonthView:
    """One month of marks: per calendar day "", "present", "excused" or "unexcused"."""

    label: str = ""
    unexcused: int = 0
    alert: bool = False  # four or more unexcused days: criterion 4 (Art. 78 (2) item 4)
    days: list[str] = dataclasses.field(default_factory=list)


class StudentCardState(WorkspaceState, AuthState):
    """What the page shows of one student. Cleared first at every load, so a
    refused card never shows the previous one."""

    if TYPE_CHECKING:  # the route's argument, a var Reflex adds
        student_id: str

    status: str = "loading"  # loading | shown | unavailable
    full_name: str = ""
    iin: str = ""
    birth_date: str = ""
    school: str = ""
    class_name: str = ""
    representatives: list[dict[str, str]] = []
    flags: list[FlagView] = []
    free_flags: int = 0
    may_change_flags: bool = False
    # The "no longer applies" form, open under one current flag at a time.
    resolving: str = ""
    resolved_on: str = ""
    resolution_reason: str = ""
    resolved_on_error: str = ""
    reason_error: str = ""
    attendance: list[MonthView] = []
    cases: list[dict[str, str]] = []
    placements: list[dict[str, str]] = []
    openers: list[dict[str, str]] = []
    error: str = ""
    _card: StudentCard | None = None
    _file: StudentFile | None = None

    def _clear(self, status: str) -> None:
        self.status, self._card, self._file = status, None, None
        self.full_name = self.iin = self.birth_date = self.school = self.class_name = ""
        self.representatives, self.flags, self.attendance = [], [], []
        self.cases, self.placements, self.openers = [], [], []
        self.free_flags, self.error, self.may_change_flags = 0, "", False
        self._close_resolution()

    def _close_resolution(self) -> None:
        self.resolving = self.resolved_on = self.resolution_reason = ""
        self.resolved_on_error = self.reason_error = ""

    @rx.event
    async def load(self):
        self._clear("loading")
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        await self._open(actor)
        return None

    async def _open(self, actor: Actor) -> None:
        # The id comes from the address bar: anything but a plain number is no student.
        student_id = parse_id(self.student_id)
        try:
            if student_id is None:
                raise NotFound("student", self.student_id)
            self._card = open_student_card(actor, student_id)
            self._file = student_file(actor, student_id)
        except (NotFound, AccessDenied):
            self._clear("unavailable")
            return
        self.status = "shown"
        await self._show_page()

    def _render(self, language: str) -> None:
        card, file = self._card, self._file
        if card is None or file is None:
            return
        self.full_name, self.iin = card.full_name, card.iin
        self.birth_date = format_date(card.birth_date, language)
        self.school = card.school_name(language)
        self.class_name = card.class_name
        self.representatives = [
            {"name": person.full_name, "phone": person.phone,
             "relation": translate(f"students.relation.{person.relation}", language)
             if person.relation else ""}
            for person in card.representatives
        ]
        self.flags = [
            FlagView(
                flag_id=str(f.flag_id), criterion=str(f.criterion),
                name=criterion_name(f.criterion, language),
                noticed=format_date(f.noticed_on, language),
                evidence=evidence_text(f.evidence, f.evidence_key, f.evidence_params, language),
                sensitive=f.criterion in SENSITIVE_CRITERIA,
                resolved=translate("ui.school.card.resolved", language) + " "
                + format_date(f.resolved_on, language)
                + (f": {f.resolution_reason}" if f.resolution_reason else "")
                if f.resolved_on else "",
                case_id=str(f.case_id or ""))
            for f in file.flags
        ]
        self.may_change_flags = file.may_change_flags
        self.free_flags = sum(1 for f in file.flags
                              if f.case_id is None and f.resolved_on is None)
        self.attendance = [self._month(m.month, m.days, m.unexcused_days, language)
                           for m in file.attendance]
        self.cases = [
            {"id": str(c.case_id),
             "title": translate("ui.school.card.case", language, number=c.case_id),
             "state": c.state.value,
             "state_label": translate(f"case.state.{c.state.value}", language),
             "dates": format_date(c.opened_on, language) + (
                 " – " + format_date(c.closed_on, language) if c.closed_on else ""),
             "outcome": translate(f"case.outcome.{c.outcome.value}", language)
             if c.outcome else "",
             "council": "; ".join(
                 translate("ui.school.dashboard.meeting_title", language, number=line.number,
                           date=format_date(line.meeting_on, language))
                 + (": " + translate(f"case.decision.{line.decision.value}", language)
                    if line.decision else "")
                 for line in c.council),
             "commission": c.commission_kk if language == "kk" else c.commission_ru}
            for c in file.cases
        ]
        self.placements = [
            {"organisation": p.organisation_kk if language == "kk" else p.organisation_ru,
             "kind": translate(f"placement.kind.{p.kind}", language),
             "dates": format_date(p.start_date, language) + " – "
             + format_date(p.return_date or p.planned_end, language),
             "status": translate(f"placement.status.{p.status}", language)}
            for p in file.placements
        ]
        self.openers = [
            {"at": format_datetime(o.at, language), "who": o.full_name or o.login,
             "login": o.login, "organisation": o.organisation}
            for o in file.openers
        ]

    @staticmethod
    def _month(month: str, days: dict, unexcused: int, language: str) -> MonthView:
        first, last = parse_month(month)  # the month's length: 28 to 31 day cells
        label = format_date(first, language, "LLLL yyyy")
        return MonthView(
            label=label, unexcused=unexcused, alert=unexcused >= UNEXCUSED_DAYS_THRESHOLD,
            days=[str(days[d]) if d in days else "" for d in range(1, last.day + 1)],
        )

    @rx.event
    async def open_case(self):
        """Open a case from the student's criteria not yet in a case (or join the open one)."""
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        if self._card is None:
            return None
        try:
            case_id = start_case(actor, self._card.student_id)
        except (AccessDenied, NotFound):
            self.error = await self._text("ui.common.not_found_or_no_access")
            return None
        except Refusal as refused:
            self.error = rule_message(refused, await self._language())
            return None
        return rx.redirect(f"/school/cases/{case_id}")

    @rx.event
    def start_resolution(self, flag_id: str):
        """Open the "no longer applies" form under one of the card's current flags."""
        if self._current_flag(flag_id) is None:
            return
        self._close_resolution()
        self.resolving, self.resolved_on = str(flag_id), clock.today().isoformat()

    @rx.event
    def cancel_resolution(self):
        self._close_resolution()

    @rx.event
    def set_resolved_on(self, value: str):
        self.resolved_on, self.resolved_on_error = str(value)[:10], ""

    @rx.event
    def set_resolution_reason(self, value: str):
        self.resolution_reason = str(value)[:REASON_MAX_LENGTH + 100]
        self.reason_error = ""

    @rx.event
    async def resolve(self):
        """The criterion no longer applies: since the day given, for the reason given."""
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        flag = self._current_flag(self.resolving)
        if flag is None:  # only a flag this card shows may be taken back
            return None
        day = parse_day(self.resolved_on)
        if day is None:
            self.resolved_on_error = await self._text("ui.school.form.bad_date")
            return None
        try:
            resolve_flag(actor, flag.flag_id, day, self.resolution_reason)
        except (AccessDenied, NotFound):
            self.error = await self._text("ui.common.not_found_or_no_access")
            return None
        except Refusal as refused:
            message = rule_message(refused, await self._language())
            if refused.key in _RESOLUTION_DAY_KEYS:
                self.resolved_on_error = message
            else:
                self.reason_error = message
            return None
        self._close_resolution()
        await self._open(actor)
        return rx.toast.success(await self._text("ui.school.card.flag_resolved"))

    def _current_flag(self, flag_id: str) -> FlagLine | None:
        """The card's flag ``flag_id`` while it still applies; None for any other id."""
        if self._file is None:
            return None
        return next((f for f in self._file.flags
                     if str(f.flag_id) == str(flag_id) and f.resolved_on is None), None)
