"""One referral's case packet (Art. 78 (4)): the student, the legal representatives, the
criteria with their evidence and the council's decision, as frozen at referral.

The service decides who reads it (the commission it was referred to, sensitive
criteria included) and audits the reading; this state only lays it out.
"""

from typing import TYPE_CHECKING

import reflex as rx

from juvenile.i18n import format_date, translate
from juvenile.reports.council_protocol import minor_presence, representatives_presence
from juvenile.reports.evidence import evidence_text
from juvenile.rules.iin import Sex, sex_of
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission.board import ReferralStep, referral_steps
from juvenile.services.commission.inbox import ReferralPacket, open_referral
from juvenile.state.auth import AuthState
from juvenile.state.commission.common import (
    WorkspaceState,
    iso_day,
    local_day,
    parse_day,
    parse_id,
)


class PacketState(WorkspaceState, AuthState):
    if TYPE_CHECKING:  # the route's argument, a var Reflex adds
        referral_id: str

    loaded: bool = False
    referral_no: str = ""
    status: str = ""
    status_label: str = ""
    referred: str = ""
    student_name: str = ""
    student: list[dict[str, str]] = []  # label / value lines
    representatives: list[dict[str, str]] = []
    criteria: list[dict[str, str]] = []
    council: list[dict[str, str]] = []
    council_members: list[str] = []
    steps: list[dict[str, str]] = []
    _packet: ReferralPacket | None = None
    _steps: list[ReferralStep] = []

    async def _refresh(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            referral_id = parse_id(self.referral_id) or 0
            self._packet = open_referral(actor, referral_id)
            self._steps = referral_steps(actor, referral_id)
        except (AccessDenied, NotFound):
            self.denied, self._packet, self.loaded = True, None, False
            return None
        self.denied, self.loaded = False, True
        await self._show_page()
        return None

    def _render(self, language: str) -> None:
        if self._packet is None:
            return
        referral, packet = self._packet.referral, self._packet.packet
        self.referral_no = str(referral.id)
        self.status = referral.status.value
        self.status_label = translate(f"ui.commission.referral.status.{self.status}", language)
        self.referred = local_day(referral.referred_at, language)
        student = packet.get("student", {})
        school = student.get("school", {})
        self.student_name = student.get("full_name", self._packet.student.full_name)
        grade = student.get("grade")
        self.student = [
            {"label": translate(f"ui.commission.packet.{key}", language), "value": value}
            for key, value in (
                ("iin", student.get("iin", "")),
                ("born", iso_day(student.get("birth_date", ""), language)),
                ("school", school.get("name_kk" if language == "kk" else "name_ru", "")),
                ("class", f"{grade}{student.get('class_letter', '')}" if grade is not None
                 else ""),
            ) if value
        ]
        self.representatives = [
            {"name": r.get("full_name", ""), "phone": r.get("phone", ""),
             "relation": translate(f"students.relation.{r.get('relation', 'other')}", language)}
            for r in packet.get("representatives", [])
        ]
        self.criteria = [
            {"number": str(c.get("criterion", "")),
             "name": c.get("name_kk" if language == "kk" else "name_ru", ""),
             "article": translate("ui.commission.packet.article", language,
                                  number=c.get("criterion", "")),
             "evidence": evidence_text(c.get("evidence", ""), c.get("evidence_key", ""),
                                       c.get("evidence_params", ""), language),
             "noticed": iso_day(c.get("noticed_on", ""), language),
             "sensitive": "1" if c.get("sensitive") else ""}
            for c in packet.get("criteria", [])
        ]
        self._render_council(packet.get("council", {}), sex_of(self._packet.student.iin),
                             language)
        self.steps = [
            {"meeting_id": str(s.meeting_id),
             "meeting": translate("ui.commission.meeting.title", language, number=s.number,
                                  date=format_date(s.meeting_date, language)),
             "status": s.status.value,
             "status_label": translate(f"agenda.status.{s.status.value}", language),
             "decision": s.decision_kk if language == "kk" else s.decision_ru,
             "follow_up": translate("ui.commission.packet.follow_up", language,
                                    executor=s.executor,
                                    due=format_date(s.due_on, language)) if s.due_on else "",
             "done": format_date(s.done_on, language)}
            for s in self._steps
        ]

    def _render_council(self, council: dict, sex: Sex, language: str) -> None:
        self.council_members = list(council.get("members_present", []))
        if not council:
            self.council = []
            return
        decision = council.get("decision", "")
        self.council = [
            {"label": translate("ui.commission.packet.council_meeting", language),
             "value": translate("ui.commission.packet.council_line", language,
                                number=council.get("meeting_number", ""),
                                date=iso_day(council.get("meeting_on", ""), language))},
            {"label": translate("ui.commission.packet.minor_took_part", language),
             "value": minor_presence(council.get("minor_present"),
                                     council.get("minor_absence_reason", ""), language,
                                     sex)},
            {"label": translate("ui.commission.packet.representatives_took_part", language),
             "value": representatives_presence(
                 council.get("representatives_present"),
                 council.get("representatives_absence_reason", ""), language,
                 parse_day(council.get("representatives_invited_on") or ""))},
            {"label": translate("ui.commission.packet.council_decision", language),
             "value": translate(f"case.decision.{decision}", language) if decision else ""},
        ]

    @rx.event
    async def load(self):
        return await self._refresh()
