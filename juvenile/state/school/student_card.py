"""The student card page: loads the card through the services at every visit."""

import dataclasses

import reflex as rx

from juvenile.errors import Refusal
from juvenile.i18n import format_date, format_datetime, translate
from juvenile.rules.attendance import UNEXCUSED_DAYS_THRESHOLD, parse_month
from juvenile.rules.criteria import SENSITIVE_CRITERIA
from juvenile.rules.criteria import name as criterion_name
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.school.case_file import start_case
from juvenile.services.school.student_card import StudentCard, open_student_card
from juvenile.services.school.student_file import StudentFile, student_file
from juvenile.state.auth import AuthState
from juvenile.state.workspace import WorkspaceState, parse_id, rule_message


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

    status: str = "loading"  # loading | shown | unavailable
    full_name: str = ""
    iin: str = ""
    birth_date: str = ""
    school: str = ""
    class_name: str = ""
    representatives: list[dict[str, str]] = []
    flags: list[dict[str, str]] = []
    free_flags: int = 0
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
        self.free_flags, self.error = 0, ""

    @rx.event
    async def load(self):
        self._clear("loading")
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        # The id comes from the address bar: anything but a plain number is no student.
        student_id = parse_id(self.student_id)
        try:
            if student_id is None:
                raise NotFound("student", self.student_id)
            self._card = open_student_card(actor, student_id)
            self._file = student_file(actor, student_id)
        except (NotFound, AccessDenied):
            self._clear("unavailable")
            return None
        self.status = "shown"
        await self._show_page()
        return None

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
            {"criterion": str(f.criterion), "name": criterion_name(f.criterion, language),
             "noticed": format_date(f.noticed_on, language), "evidence": f.evidence,
             "sensitive": "1" if f.criterion in SENSITIVE_CRITERIA else "",
             "resolved": translate("ui.school.card.resolved", language) + " "
             + format_date(f.resolved_on, language) + (f": {f.resolution_reason}"
                                                       if f.resolution_reason else "")
             if f.resolved_on else "",
             "case_id": str(f.case_id or "")}
            for f in file.flags
        ]
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
