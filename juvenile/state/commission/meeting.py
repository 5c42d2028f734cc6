"""One commission meeting (Art. 79): the agenda builder, attendance with a live quorum
indicator, hearing notes, decisions and postponements, the minutes' lifecycle and
the documents.

Every handler resolves the actor on the server and calls a service; the
services refuse what the law or the gate refuses (no quorum, approved minutes,
another commission), and the refusal is shown next to the field it concerns.
The page offers no control the gate would refuse (``may_edit``), but relies on
the services, not on that.
"""

import reflex as rx

from juvenile.i18n import format_date, translate
from juvenile.models import AgendaItemKind, AgendaItemStatus
from juvenile.reports.commission_agenda import question
from juvenile.reports.meeting_data import ItemRecord
from juvenile.rules.errors import RuleViolation
from juvenile.rules.quorum import has_quorum
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission.agenda import (
    add_agenda_item,
    record_hearing_notes,
    remove_agenda_item,
    reorder_agenda,
)
from juvenile.services.commission.board import MeetingPage, meeting_page
from juvenile.services.commission.decisions import POSTPONE, record_decision
from juvenile.services.commission.documents import (
    Download,
    agenda_pdf,
    approved_minutes_pdf,
    case_extract_pdf,
    draft_minutes_pdf,
)
from juvenile.services.commission.meetings import record_attendance
from juvenile.services.commission.minutes import approve_minutes, open_amendment
from juvenile.state.auth import AuthState
from juvenile.state.commission.badge import DeadlineBadgeState
from juvenile.state.commission.common import (
    WorkspaceState,
    blank,
    field_errors,
    local_moment,
    neutral,
    parse_day,
    parse_id,
    rule_message,
)
from juvenile.state.commission.meetings import meeting_lines

ADD_KINDS = [kind.value for kind in AgendaItemKind]
ITEM_FORM = ("notes", "type", "executor", "due", "text", "target")
# Which field of the item form a refusal concerns (the rest show under the form).
ITEM_FIELD_OF = {
    "agenda.notes_too_long": "notes",
    "decision.unknown_type": "type",
    "decision.executor_required": "executor",
    "decision.executor_too_long": "executor",
    "decision.due_required": "due",
    "decision.due_before_meeting": "due",
    "decision.notes_too_long": "text",
    "decision.postpone_reason_required": "text",
    "decision.postpone_target_required": "target",
    "decision.postpone_target_not_later": "target",
}
_PDF = "application/pdf"


def _download(document: Download) -> rx.event.EventSpec:
    return rx.download(data=document.data, filename=document.filename, mime_type=_PDF)


class MeetingState(WorkspaceState, AuthState):
    loaded: bool = False
    meeting_no: str = ""
    title: str = ""
    commission: str = ""
    area: str = ""
    place: str = ""
    status: str = ""
    status_label: str = ""
    may_edit: bool = False
    may_approve: bool = False
    # attendance as recorded, and as being ticked (the live quorum indicator)
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
    # the agenda
    items: list[dict[str, str]] = []
    add_kind: str = AgendaItemKind.REFERRAL.value
    add_choice: str = ""
    add_title: str = ""
    add_error: str = ""
    referral_options: list[dict[str, str]] = []
    review_options: list[dict[str, str]] = []
    # one item's notes and decision
    active_item: str = ""
    form: dict[str, str] = dict.fromkeys(ITEM_FORM, "")
    item_errors: dict[str, str] = blank(*ITEM_FORM)
    decision_options: list[dict[str, str]] = []
    target_options: list[dict[str, str]] = []
    follow_up: bool = False
    postponing: bool = False
    item_notice: str = ""
    # the minutes
    minutes_state: str = ""  # draft | approved | amendment
    minutes_label: str = ""
    minutes_badge: str = ""
    versions: list[dict[str, str]] = []
    amendment_reason: str = ""
    minutes_error: str = ""
    _page: MeetingPage | None = None

    def _meeting_id(self) -> int:
        return self._page.record.meeting_id if self._page else 0

    async def _refresh(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            self._page = meeting_page(actor, parse_id(self.meeting_id) or 0)
        except (AccessDenied, NotFound):
            self.denied, self._page, self.loaded = True, None, False
            return None
        self.denied, self.loaded = False, True
        page = self._page
        self.may_edit, self.may_approve = page.may_edit, page.may_approve
        self.present = [str(line.member_id) for line in page.record.attendance if line.present]
        self.reasons = {str(line.member_id): line.absence_reason
                        for line in page.record.attendance if line.absence_reason}
        if self.active_item and not any(
                str(i.id) == self.active_item and i.status == AgendaItemStatus.OPEN
                for i in page.record.items):
            self.active_item = ""
        await self._show()
        return None

    # --- what the page shows ---------------------------------------------------------------

    def _render(self, language: str) -> None:
        page = self._page
        if page is None:
            return
        record = page.record
        self.meeting_no = str(record.meeting_id)
        self.title = translate("ui.commission.meeting.title", language, number=record.number,
                               date=format_date(record.meeting_date, language, "long"))
        self.commission, self.area = record.commission(language), record.area(language)
        self.place = record.place
        self.status = "held" if record.held else "planned"
        self.status_label = translate(f"meeting.status.{self.status}", language)
        self.members = [
            {"id": str(line.member_id), "name": line.full_name,
             "position": translate(f"composition.position.{line.position.value}", language),
             "recorded": "" if line.present is None else (
                 translate("ui.commission.attendance.was_present", language) if line.present
                 else translate("ui.commission.attendance.was_absent", language,
                                reason=line.absence_reason or translate(
                                    "commission_doc.minutes.no_reason", language)))}
            for line in record.attendance
        ]
        quorum = record.quorum
        self.attendance_recorded, self.quorum_reached = quorum.recorded, quorum.reached
        key = ("ui.commission.quorum.not_recorded" if not quorum.recorded
               else "ui.commission.quorum.reached" if quorum.reached
               else "ui.commission.quorum.not_reached")
        self.quorum_text = translate(key, language, present=quorum.present,
                                     members=quorum.members, share=str(record.quorum_share))
        self.decisions_blocked = "" if quorum.reached else translate(
            "meeting.no_quorum" if quorum.recorded else "meeting.attendance_not_recorded",
            language, present=quorum.present, members=quorum.members)
        self._render_live(language)
        self.items = [self._item(item, n, len(record.items), language)
                      for n, item in enumerate(record.items)]
        self.referral_options = [
            {"value": str(c.id), "label": f"{c.student_name} · {c.school_code} · "
                                          f"{format_date(c.since, language)}"}
            for c in page.new_referrals]
        self.review_options = [
            {"value": str(c.id), "label": f"{c.student_name} · {c.school_code} · "
                                          f"{format_date(c.since, language)}"}
            for c in page.waiting_reviews]
        self.decision_options = [
            {"value": d.code, "label": d.name_kk if language == "kk" else d.name_ru}
            for d in page.decision_types]
        self.target_options = [{"value": m["id"], "label": m["label"]}
                               for m in meeting_lines(page.later_meetings, language)]
        self._render_minutes(language)

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

    def _item(self, item: ItemRecord, index: int, count: int, language: str) -> dict[str, str]:
        decision = item.decision
        postponed = translate("ui.commission.item.postponed_to", language,
                              number=item.postponed_to.number,
                              date=format_date(item.postponed_to.meeting_date, language)
                              ) if item.postponed_to else ""
        return {
            "id": str(item.id), "position": str(item.position), "kind": item.kind.value,
            "kind_label": translate(f"agenda.kind.{item.kind.value}", language),
            "question": question(item, language), "status": item.status.value,
            "status_label": translate(f"agenda.status.{item.status.value}", language),
            "notes": item.hearing_notes,
            "decision": (decision.name_kk if language == "kk" else decision.name_ru)
            if decision and not postponed else "",
            "decision_text": decision.notes if decision else "",
            "executor": decision.executor if decision else "",
            "due": format_date(decision.due_on, language) if decision and decision.due_on
            else "",
            "postponed": postponed,
            "referral_id": str(item.referral_id or ""),
            "open": "1" if item.status == AgendaItemStatus.OPEN else "",
            "first": "1" if index == 0 else "", "last": "1" if index == count - 1 else "",
        }

    def _render_minutes(self, language: str) -> None:
        minutes = self._page.minutes
        latest_approved = minutes.approved[-1] if minutes.approved else None
        if minutes.locked:
            self.minutes_state = "approved"
            self.minutes_label = translate(
                "ui.commission.minutes.locked", language, version=latest_approved.number,
                date=local_moment(latest_approved.approved_at, language))
        elif minutes.open_amendment is not None:
            self.minutes_state = "amendment"
            self.minutes_label = translate(
                "ui.commission.minutes.amendment_open", language,
                number=minutes.open_amendment.number - 1, reason=minutes.open_amendment.reason)
        else:
            self.minutes_state = "draft"
            self.minutes_label = translate("ui.commission.minutes.draft", language)
        self.minutes_badge = translate(
            "ui.commission.minutes.approved_short" if minutes.locked
            else "ui.commission.minutes.amendment_open_short" if minutes.open_amendment
            else "ui.commission.minutes.draft_short", language,
            version=latest_approved.number if latest_approved else 0)
        self.versions = [
            {"number": str(v.number),
             "label": translate("ui.commission.minutes.version", language, version=v.number,
                                date=local_moment(v.approved_at, language)),
             "reason": translate("ui.commission.minutes.amendment_reason", language,
                                 number=v.number - 1, reason=v.reason) if v.number > 1 else "",
             "sha256": v.sha256.get("kk", "")[:16] + "…",
             "sha256_full": " · ".join(f"{lang}: {digest}"
                                       for lang, digest in sorted(v.sha256.items()))}
            for v in minutes.approved
        ]

    # --- attendance -------------------------------------------------------------------------

    @rx.event
    async def load(self):
        self.active_item, self.attendance_error, self.add_error = "", "", ""
        self.add_kind, self.add_choice, self.add_title = AgendaItemKind.REFERRAL.value, "", ""
        self.minutes_error, self.amendment_reason, self.item_notice = "", "", ""
        self.form, self.item_errors = dict.fromkeys(ITEM_FORM, ""), blank(*ITEM_FORM)
        return await self._refresh()

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
        except RuleViolation as refused:
            self.attendance_error = rule_message(refused, language)
            return None
        self.attendance_error = ""
        return await self._refresh()

    # --- the agenda builder -----------------------------------------------------------------

    @rx.event
    def set_add(self, name: str, value: str):
        value = str(value)
        if name == "kind" and value in ADD_KINDS:
            self.add_kind, self.add_choice = value, ""
        elif name == "choice":
            self.add_choice = value[:20]
        elif name == "title":
            self.add_title = value[:500]
        self.add_error = ""

    @rx.event
    async def add_item(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        kind = AgendaItemKind(self.add_kind)
        chosen = parse_id(self.add_choice)
        if kind != AgendaItemKind.OTHER and chosen is None:
            self.add_error = translate("ui.commission.agenda.choose", language)
            return None
        try:
            add_agenda_item(
                actor, self._meeting_id(), kind,
                referral_id=chosen if kind == AgendaItemKind.REFERRAL else None,
                placement_id=chosen if kind == AgendaItemKind.REHABILITATION_REVIEW else None,
                title=self.add_title)
        except (AccessDenied, NotFound):
            self.add_error = neutral(language)
            return None
        except RuleViolation as refused:
            self.add_error = rule_message(refused, language)
            return None
        self.add_choice, self.add_title, self.add_error = "", "", ""
        return await self._refresh()

    async def _agenda_change(self, change) -> None:
        """Run one change of the agenda; a refusal shows above the agenda."""
        actor = self._actor()
        language = await self._language()
        try:
            change(actor)
        except (AccessDenied, NotFound):
            self.item_notice = neutral(language)
        except RuleViolation as refused:
            self.item_notice = rule_message(refused, language)
        else:
            self.item_notice = ""
        await self._refresh()

    @rx.event
    async def move(self, item_id: str, step: int):
        """Move an item up (-1) or down (+1) the agenda."""
        if self._actor() is None:
            return self._to_sign_in()
        order = [item.id for item in (self._page.record.items if self._page else [])]
        moved = parse_id(item_id)
        if moved not in order:
            return None
        index = order.index(moved)
        other = index + (1 if str(step) == "1" else -1)
        if not 0 <= other < len(order):
            return None
        order[index], order[other] = order[other], order[index]
        await self._agenda_change(lambda actor: reorder_agenda(actor, self._meeting_id(), order))
        return None

    @rx.event
    async def remove(self, item_id: str):
        if self._actor() is None:
            return self._to_sign_in()
        await self._agenda_change(
            lambda actor: remove_agenda_item(actor, parse_id(item_id) or 0))
        return None

    # --- one item: notes and the decision ---------------------------------------------------

    def _record_item(self, item_id: int) -> ItemRecord | None:
        return next((i for i in (self._page.record.items if self._page else [])
                     if i.id == item_id), None)

    @rx.event
    def open_item(self, item_id: str):
        item = self._record_item(parse_id(item_id) or 0)
        if item is None:
            return
        self.active_item = str(item.id)
        self.form = {**dict.fromkeys(ITEM_FORM, ""), "notes": item.hearing_notes}
        self.item_errors, self.item_notice = blank(*ITEM_FORM), ""
        self.follow_up = self.postponing = False

    @rx.event
    def close_item(self):
        self.active_item = ""

    @rx.event
    def set_form(self, name: str, value: str):
        if name not in ITEM_FORM:
            return
        value = str(value)[:4000]
        self.form = {**self.form, name: value}
        self.item_errors = {**self.item_errors, name: "", "general": ""}
        if name == "type" and self._page is not None:
            chosen = next((d for d in self._page.decision_types if d.code == value), None)
            self.follow_up = bool(chosen and chosen.follow_up)
            self.postponing = value == POSTPONE

    async def _item_action(self, action) -> bool:
        actor = self._actor()
        language = await self._language()
        item_id = parse_id(self.active_item)
        if item_id is None:
            return False
        try:
            action(actor, item_id, language)
        except (AccessDenied, NotFound):
            self.item_errors = {**blank(*ITEM_FORM), "general": neutral(language)}
            return False
        except RuleViolation as refused:
            self.item_errors = field_errors(refused, language, blank(*ITEM_FORM), ITEM_FIELD_OF)
            return False
        return True

    @rx.event
    async def save_notes(self):
        if self._actor() is None:
            return self._to_sign_in()
        if await self._item_action(lambda actor, item_id, _: record_hearing_notes(
                actor, item_id, self.form["notes"])):
            self.item_notice = await self._text("ui.commission.item.notes_saved")
            await self._refresh()
        return None

    @rx.event
    async def save_decision(self):
        if self._actor() is None:
            return self._to_sign_in()
        language = await self._language()
        form = self.form
        if not form["type"]:
            self.item_errors = {**blank(*ITEM_FORM), "type": translate(
                "ui.commission.item.choose_decision", language)}
            return None
        due = parse_day(form["due"]) if form["due"].strip() else None
        if form["due"].strip() and due is None:
            self.item_errors = {**blank(*ITEM_FORM), "due": translate(
                "ui.commission.form.bad_date", language)}
            return None
        item = self._record_item(parse_id(self.active_item) or 0)

        def decide(actor, item_id, _):
            if item is not None and form["notes"] != item.hearing_notes:
                record_hearing_notes(actor, item_id, form["notes"])
            record_decision(actor, item_id, form["type"], executor=form["executor"],
                            due_on=due, notes=form["text"],
                            postpone_to_meeting_id=parse_id(form["target"])
                            if form["type"] == POSTPONE else None)

        if await self._item_action(decide):
            self.active_item, self.item_notice = "", ""
            await self._refresh()
            return DeadlineBadgeState.refresh
        await self._refresh()  # the notes may be saved though the decision was refused
        return None

    # --- the minutes ------------------------------------------------------------------------

    @rx.event
    def set_amendment_reason(self, value: str):
        self.amendment_reason, self.minutes_error = str(value)[:1000], ""

    async def _minutes_action(self, action) -> None:
        actor = self._actor()
        language = await self._language()
        try:
            action(actor)
        except (AccessDenied, NotFound):
            self.minutes_error = neutral(language)
            return
        except RuleViolation as refused:
            self.minutes_error = rule_message(refused, language)
            return
        self.minutes_error, self.amendment_reason, self.active_item = "", "", ""
        await self._refresh()

    @rx.event
    async def approve(self):
        if self._actor() is None:
            return self._to_sign_in()
        await self._minutes_action(lambda actor: approve_minutes(actor, self._meeting_id()))
        return None

    @rx.event
    async def amend(self):
        if self._actor() is None:
            return self._to_sign_in()
        await self._minutes_action(
            lambda actor: open_amendment(actor, self._meeting_id(), self.amendment_reason))
        return None

    # --- documents ------------------------------------------------------------------------

    async def _document(self, make):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        try:
            return _download(make(actor, language))
        except (AccessDenied, NotFound):
            return rx.toast.error(neutral(language))
        except RuleViolation as refused:
            return rx.toast.error(rule_message(refused, language))

    @rx.event
    async def download_agenda(self):
        return await self._document(lambda actor, lang: agenda_pdf(actor, self._meeting_id(),
                                                                   lang))

    @rx.event
    async def download_draft(self):
        return await self._document(
            lambda actor, lang: draft_minutes_pdf(actor, self._meeting_id(), lang))

    @rx.event
    async def download_version(self, version: str):
        number = parse_id(version) or 0
        return await self._document(
            lambda actor, lang: approved_minutes_pdf(actor, self._meeting_id(), number, lang))

    @rx.event
    async def download_extract(self, item_id: str):
        item = parse_id(item_id) or 0
        return await self._document(lambda actor, lang: case_extract_pdf(actor, item, lang))
