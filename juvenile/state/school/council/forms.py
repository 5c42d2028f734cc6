"""What the prevention council's pages share: their form errors, and the list of
cases waiting for the council (Art. 78 (3))."""

import reflex as rx

from juvenile.errors import Refusal
from juvenile.i18n import format_date
from juvenile.services.school.council_register import WaitingCase
from juvenile.state.workspace import rule_message

# Which form field a refusal belongs to (the rest show above the buttons).
_FIELD_OF = {
    "council.error.number_required": "number",
    "council.error.members_required": "members",
    "council.error.minor_reason_required": "minor_reason",
    "council.error.representatives_reason_required": "representatives_reason",
    "council.error.invitation_date_required": "invited_on",
    "council.error.invited_after_meeting": "invited_on",
    "council.error.decision_in_future": "decision",
    "council.error.plan_required": "measures",
    "council.error.measure_required": "measures",
    "council.error.responsible_required": "measures",
    "council.error.measure_due_before_meeting": "measures",
    "council.error.meeting_in_future": "members",
    "case.error.no_cases": "cases",
    "council.error.case_after_meeting": "cases",
}


def waiting_rows(cases: list[WaitingCase], language: str) -> list[dict[str, str]]:
    return [{"id": str(c.case_id), "student_id": str(c.student_id), "name": c.student_name,
             "class": c.class_name, "opened": format_date(c.opened_on, language)}
            for c in cases]


class FormErrors:
    """Field -> message of a form; every field present, so the page can show any."""

    @staticmethod
    def empty(*fields: str) -> dict[str, str]:
        return dict.fromkeys((*fields, "general"), "")

    @staticmethod
    def of(refused: Refusal, language: str, fields: dict[str, str]) -> dict[str, str]:
        field = _FIELD_OF.get(refused.key, "general")
        return {**fields, field if field in fields else "general": rule_message(refused,
                                                                                language)}


class ChosenCases(rx.State, mixin=True):
    """The waiting cases ticked for a council meeting (by case id, as the page sends it)."""

    chosen: list[str] = []

    @rx.event
    def toggle(self, case_id: str, checked: bool):
        case_id = str(case_id)
        self.chosen = ([*self.chosen, case_id] if checked and case_id not in self.chosen
                       else [c for c in self.chosen if c != case_id or checked])
