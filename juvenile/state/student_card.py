"""The student card page: loads the card through the service at every visit."""

import reflex as rx

from juvenile.i18n import catalog, format_date
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.student_card import StudentCard, open_student_card
from juvenile.state.auth import AuthState
from juvenile.state.i18n import I18nState


class StudentCardState(AuthState):
    """What the page shows of one student. Cleared first at every load, so a
    refused card never shows the previous one."""

    status: str = "loading"  # loading | shown | unavailable
    full_name: str = ""
    iin: str = ""
    birth_date: str = ""
    school: str = ""
    class_name: str = ""
    representatives: list[dict[str, str]] = []

    def _clear(self, status: str) -> None:
        self.status = status
        self.full_name = self.iin = self.birth_date = self.school = self.class_name = ""
        self.representatives = []

    @rx.event
    async def load(self):
        self._clear("loading")
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        # The id comes from the address bar: anything but a plain number is no student.
        student_id = str(self.student_id)
        try:
            if not (student_id.isdigit() and len(student_id) <= 18):
                raise NotFound("student", student_id)
            card = open_student_card(actor, int(student_id))
        except (NotFound, AccessDenied):
            self._clear("unavailable")
            return None
        self._fill(card, (await self.get_state(I18nState)).language)
        return None

    def _fill(self, card: StudentCard, language: str) -> None:
        self.full_name, self.iin = card.full_name, card.iin
        self.birth_date = format_date(card.birth_date, language)
        self.school = card.school_name(language)
        self.class_name = card.class_name
        messages = catalog(language)
        self.representatives = [
            {"name": person.full_name, "phone": person.phone,
             "relation": messages.get(f"students.relation.{person.relation}", person.relation)}
            for person in card.representatives
        ]
        self.status = "shown"
