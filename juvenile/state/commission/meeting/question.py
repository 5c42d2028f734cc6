"""One question of a commission meeting: its hearing notes and the decision, from the
catalogue, with its executor and due date, or a postponement to a later planned
meeting with its reason (Art. 79). A refusal is shown next to the field it concerns."""


import reflex as rx

from juvenile.errors import Refusal
from juvenile.i18n import translate
from juvenile.reports.meeting_data import ItemRecord
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission.agenda import record_hearing_notes
from juvenile.services.commission.decisions import POSTPONE, record_decision
from juvenile.state.commission.badge import DeadlineBadgeState
from juvenile.state.commission.common import (
    blank,
    field_errors,
    neutral,
    parse_day,
    parse_id,
)
from juvenile.state.commission.meeting.part import MeetingPart
from juvenile.state.commission.meetings import meeting_lines

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


class MeetingQuestion(MeetingPart, mixin=True):
    """The open question's form; part of ``MeetingState``."""


    active_item: str = ""
    form: dict[str, str] = dict.fromkeys(ITEM_FORM, "")
    item_errors: dict[str, str] = blank(*ITEM_FORM)
    decision_options: list[dict[str, str]] = []
    target_options: list[dict[str, str]] = []
    follow_up: bool = False
    postponing: bool = False
    item_notice: str = ""

    def _render_question(self, language: str) -> None:
        page = self._page
        self.decision_options = [
            {"value": d.code, "label": d.name_kk if language == "kk" else d.name_ru}
            for d in page.decision_types]
        self.target_options = [{"value": m["id"], "label": m["label"]}
                               for m in meeting_lines(page.later_meetings, language)]

    def _clear_question(self) -> None:
        self.active_item, self.item_notice = "", ""
        self.form, self.item_errors = dict.fromkeys(ITEM_FORM, ""), blank(*ITEM_FORM)

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
        except Refusal as refused:
            self.item_errors = field_errors(refused, language, blank(*ITEM_FORM), ITEM_FIELD_OF)
            await self._reload_if_changed(refused, language)
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
            notes_changed = item is not None and form["notes"] != item.hearing_notes
            record_decision(actor, item_id, form["type"], executor=form["executor"],
                            due_on=due, notes=form["text"],
                            postpone_to_meeting_id=parse_id(form["target"])
                            if form["type"] == POSTPONE else None,
                            hearing_notes=form["notes"] if notes_changed else None)

        if await self._item_action(decide):
            self.active_item, self.item_notice = "", ""
            await self._refresh()
            return DeadlineBadgeState.refresh
        return None
