"""The flag form: criteria of Art. 78 (2) with an evidence note each, and the day noticed.

Every field is checked on the server; a refusal is shown next to the field it
concerns, in the user's language.
"""

from typing import TYPE_CHECKING

import reflex as rx

from juvenile import clock
from juvenile.errors import Refusal
from juvenile.rules.criteria import CRITERIA, SENSITIVE_CRITERIA
from juvenile.rules.criteria import name as criterion_name
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.school.flags import EVIDENCE_MAX_LENGTH, NewFlag, add_flags, check_text
from juvenile.services.school.students import get_student
from juvenile.state.auth import AuthState
from juvenile.state.workspace import WorkspaceState, parse_day, parse_id, rule_message

NUMBERS = [str(c.number) for c in CRITERIA]
# Refusals about the day noticed (the rest concern the criteria as a whole).
_DATE_KEYS = ("flag.error.date_in_future", "age.")


class FlagFormState(WorkspaceState, AuthState):
    if TYPE_CHECKING:  # the route's argument, a var Reflex adds
        student_id: str

    student_name: str = ""
    criteria: list[dict[str, str]] = []
    checked: list[str] = []
    evidence: dict[str, str] = {}
    evidence_errors: dict[str, str] = {}
    noticed_on: str = ""
    date_error: str = ""
    error: str = ""
    _student_id: int | None = None

    def _render(self, language: str) -> None:
        self.criteria = [
            {"number": str(c.number), "name": criterion_name(c.number, language),
             "sensitive": "1" if c.number in SENSITIVE_CRITERIA else ""}
            for c in CRITERIA
        ]

    @rx.event
    async def load(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        self.checked, self.error, self.date_error = [], "", ""
        self.evidence = dict.fromkeys(NUMBERS, "")
        self.evidence_errors = dict.fromkeys(NUMBERS, "")
        self.noticed_on = clock.today().isoformat()
        try:
            student = get_student(actor, parse_id(self.student_id) or 0)
        except (AccessDenied, NotFound):
            self.denied, self._student_id, self.student_name = True, None, ""
            return None
        self.denied, self._student_id = False, student.id
        self.student_name = student.full_name
        await self._show_page()
        return None

    @rx.event
    def toggle(self, number: str, checked: bool):
        if number not in NUMBERS:
            return
        if checked and number not in self.checked:
            self.checked = [n for n in NUMBERS if n in self.checked or n == number]
        elif not checked:
            self.checked = [n for n in self.checked if n != number]
            self.evidence_errors = {**self.evidence_errors, number: ""}

    @rx.event
    def set_evidence(self, number: str, text: str):
        if number in NUMBERS:
            self.evidence = {**self.evidence, number: str(text)[:EVIDENCE_MAX_LENGTH + 100]}

    @rx.event
    def set_noticed_on(self, value: str):
        self.noticed_on, self.date_error = str(value)[:10], ""

    @rx.event
    async def submit(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        if self._student_id is None:
            return None
        language = await self._language()
        self.error, self.date_error = "", ""
        errors = dict.fromkeys(NUMBERS, "")
        for number in self.checked:  # each note checked by the service's own rule
            try:
                check_text(self.evidence.get(number, ""), "flag.error.evidence_required",
                           EVIDENCE_MAX_LENGTH)
            except Refusal as refused:
                errors[number] = rule_message(refused, language)
        self.evidence_errors = errors
        day = parse_day(self.noticed_on)
        if day is None:
            self.date_error = await self._text("ui.school.form.bad_date")
        if not self.checked:
            self.error = await self._text("flag.error.none_given")
        if self.error or self.date_error or any(errors.values()) or day is None:
            return None
        flags = [NewFlag(int(n), day, self.evidence.get(n, "")) for n in self.checked]
        try:
            add_flags(actor, self._student_id, flags)
        except (AccessDenied, NotFound):
            self.denied = True
            return None
        except Refusal as refused:
            message = rule_message(refused, language)
            if refused.key.startswith(_DATE_KEYS):
                self.date_error = message
            else:
                self.error = message
            return None
        return [rx.toast.success(await self._text("ui.school.flag.saved", count=len(flags))),
                rx.redirect(f"/school/students/{self._student_id}")]
