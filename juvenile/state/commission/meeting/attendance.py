"""Attendance of a commission meeting with a live quorum indicator (Art. 79 (4)):
who of the active members came, why the others did not, and whether the ticks on
screen would make a quorum before they are saved."""


import reflex as rx

from juvenile.errors import Refusal
from juvenile.i18n import Counted, translate
from juvenile.rules.quorum import has_quorum
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission.meetings import record_attendance
from juvenile.state.commission.common import neutral, parse_id, rule_message
from juvenile.state.commission.meeting.part import MeetingPart


class MeetingAttendance(MeetingPart, mixin=True):
    """Attendance as recorded, and as being ticked; part of ``MeetingState``."""


    members: list[dict[str, str]] = []
    present: list[str] = []
    reasons: dict[str, str] = {}
    attendance_recorded: bool = False
    quorum_reached: bool = False
    quorum_text: str = ""
    live_reached: bool = False
    live_text: str = ""
    attendance_error: str = ""
    decisions_blocked: str = ""  # why decisions cannot be taken now ("" = they can)

    def _render_attendance(self, language: str) -> None:
        record = self._page.record
        self.members = [
            {"id": str(line.member_id), "name": line.full_name,
             "position": translate(f"composition.position.{line.position.value}", language),
             "recorded": "" if line.present is None else (
                 translate("ui.commission.attendance.was_present", language) if line.present
                 else translate("ui.commission.attendance.was_absent", language,
                                reason=line.absence_reason or translate(
                                    "commission_doc.minutes.no_reason", language)))}
            for line in record.attendance_in(language)
        ]
        quorum = record.quorum
        self.attendance_recorded, self.quorum_reached = quorum.recorded, quorum.reached
        key = ("ui.commission.quorum.not_recorded" if not quorum.recorded
               else "ui.commission.quorum.reached" if quorum.reached
               else "ui.commission.quorum.not_reached")
        members = Counted("meeting.of_members", quorum.members)
        self.quorum_text = translate(key, language, count=quorum.present, members=members,
                                     share=str(record.quorum_share))
        self.decisions_blocked = "" if quorum.reached else translate(
            "meeting.no_quorum" if quorum.recorded else "meeting.attendance_not_recorded",
            language, count=quorum.present, members=members)
        self._render_live(language)

    def _keep_attendance(self) -> None:
        """Start the ticks from the attendance as stored."""
        attendance = self._page.record.attendance
        self.present = [str(line.member_id) for line in attendance if line.present]
        self.reasons = {str(line.member_id): line.absence_reason
                        for line in attendance if line.absence_reason}

    def _render_live(self, language: str) -> None:
        """The quorum of the ticks on screen, before they are saved (Art. 79)."""
        if self._page is None:
            return
        members = len(self._page.record.attendance)
        present = len(self.present)
        self.live_reached = has_quorum(present, members, self._page.record.quorum_share)
        key = ("ui.commission.quorum.live_reached" if self.live_reached
               else "ui.commission.quorum.live_not_reached")
        self.live_text = translate(key, language, present=present, members=members,
                                   share=str(self._page.record.quorum_share))

    @rx.event
    async def toggle_present(self, member_id: str, checked: bool):
        member_id = str(member_id)
        if self._page is None or member_id not in {
                str(line.member_id) for line in self._page.record.attendance}:
            return
        self.present = ([*self.present, member_id] if checked and member_id not in self.present
                        else [m for m in self.present if m != member_id or checked])
        if checked:
            self.reasons = {k: v for k, v in self.reasons.items() if k != member_id}
        self.attendance_error = ""
        self._render_live(await self._language())

    @rx.event
    def set_reason(self, member_id: str, value: str):
        member_id = str(member_id)
        if self._page is None or member_id not in {
                str(line.member_id) for line in self._page.record.attendance}:
            return
        self.reasons = {**self.reasons, member_id: str(value)[:300]}
        self.attendance_error = ""

    @rx.event
    async def save_attendance(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        present = [pid for pid in map(parse_id, self.present) if pid]
        reasons = {pid: reason for pid, reason in
                   ((parse_id(k), v) for k, v in self.reasons.items())
                   if pid and pid not in present and reason.strip()}
        try:
            record_attendance(actor, self._meeting_id(), present, reasons)
        except (AccessDenied, NotFound):
            self.attendance_error = neutral(language)
            return None
        except Refusal as refused:
            self.attendance_error = rule_message(refused, language)
            await self._reload_if_changed(refused, language)
            return None
        self.attendance_error = ""
        return await self._refresh()
