"""The school's front page."""

import reflex as rx

from juvenile.i18n import Counted, format_date, translate
from juvenile.rules.criteria import name as criterion_name
from juvenile.security.gate import AccessDenied
from juvenile.services.deadlines import DeadlineKind
from juvenile.services.school.dashboard import SchoolDashboard, school_dashboard
from juvenile.state.auth import AuthState
from juvenile.state.workspace import WorkspaceState


class DashboardState(WorkspaceState, AuthState):
    loaded: bool = False
    students: str = "0"
    criteria: list[dict[str, str]] = []
    states: list[dict[str, str]] = []
    meeting_id: str = ""
    meeting_title: str = ""
    meeting_cases: str = ""
    deadlines: list[dict[str, str]] = []
    deadlines_more: str = ""
    waiting: int = 0
    waiting_text: str = ""
    month: str = ""
    placements: list[dict[str, str]] = []  # placements of its students registered lately
    _data: SchoolDashboard | None = None

    @rx.event
    async def load(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            self._data = school_dashboard(actor)
        except AccessDenied:
            self.denied, self._data = True, None
            return None
        self.denied, self.loaded = False, True
        await self._show_page()
        return None

    def _render(self, language: str) -> None:
        data = self._data
        if data is None:
            return
        self.students = str(data.students)
        peak = max(data.by_criterion.values(), default=0) or 1
        self.criteria = [
            {"number": str(number), "name": criterion_name(number, language),
             "count": str(count), "width": f"{max(2, round(100 * count / peak))}%" if count
             else "0%"}
            for number, count in data.by_criterion.items()
        ]
        self.states = [
            {"state": state.value, "label": translate(f"case.state.{state.value}", language),
             "count": str(count)}
            for state, count in data.by_case_state.items()
        ]
        meeting = data.next_meeting
        self.meeting_id = str(meeting.meeting_id) if meeting else ""
        self.meeting_title = translate("ui.school.dashboard.meeting_title", language,
                                       number=meeting.number,
                                       date=format_date(meeting.meeting_on, language, "long")
                                       ) if meeting else ""
        self.meeting_cases = translate("ui.school.dashboard.meeting_cases", language,
                                       count=meeting.cases) if meeting else ""
        self.deadlines = [
            {
                "kind": translate(f"deadline.kind.{d.kind.value}", language),
                "student": d.student_name,
                "student_id": str(d.student_id or ""),
                "detail": d.detail,
                "due": format_date(d.due_on, language),
                "overdue": "1" if d.overdue else "",
                "days": translate("ui.school.dashboard.overdue_days" if d.overdue
                                  else "ui.school.dashboard.days_left", language,
                                  count=abs(d.days_left)),
                "plan": "1" if d.kind == DeadlineKind.PLAN_MEASURE else "",
            }
            for d in data.deadlines
        ]
        hidden = data.deadlines_total - len(data.deadlines)
        self.deadlines_more = translate("ui.school.dashboard.more_deadlines", language,
                                        count=hidden, overdue=Counted(
                                            "ui.school.dashboard.overdue_total",
                                            data.overdue_total)
                                        ) if hidden > 0 else ""
        self.placements = [
            {"student_id": str(p.student_id), "student": p.student_name,
             "text": translate("ui.school.dashboard.placement_registered", language,
                               organisation=p.organisation_kk if language == "kk"
                               else p.organisation_ru,
                               date=format_date(p.registered_on, language),
                               number=p.decision_number or "—",
                               decision_date=format_date(p.decision_date, language))}
            for p in data.placements
        ]
        self.waiting, self.month = data.proposals_waiting, data.month
        self.waiting_text = translate("ui.school.dashboard.waiting", language,
                                      count=data.proposals_waiting, month=data.month)
