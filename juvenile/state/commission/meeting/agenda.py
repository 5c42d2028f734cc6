"""The agenda builder of a commission meeting: add a new referral, a waiting
rehabilitation-plan review (Art. 80 (11), Art. 81 (12)) or another question; move
questions up and down; take an undecided one off."""


import reflex as rx

from juvenile.errors import Refusal
from juvenile.i18n import format_date, translate
from juvenile.models import AgendaItemKind, AgendaItemStatus
from juvenile.reports.commission_agenda import question
from juvenile.reports.meeting_data import ItemRecord
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission.agenda import (
    add_agenda_item,
    remove_agenda_item,
    reorder_agenda,
)
from juvenile.state.commission.common import neutral, parse_id, rule_message
from juvenile.state.commission.meeting.part import MeetingPart

ADD_KINDS = [kind.value for kind in AgendaItemKind]


class MeetingAgenda(MeetingPart, mixin=True):
    """The agenda and the form that adds to it; part of ``MeetingState``."""


    items: list[dict[str, str]] = []
    add_kind: str = AgendaItemKind.REFERRAL.value
    add_choice: str = ""
    add_title: str = ""
    add_error: str = ""
    referral_options: list[dict[str, str]] = []
    review_options: list[dict[str, str]] = []

    def _render_agenda(self, language: str) -> None:
        page = self._page
        record = page.record
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

    def _clear_agenda_form(self) -> None:
        self.add_kind, self.add_choice, self.add_title = AgendaItemKind.REFERRAL.value, "", ""
        self.add_error = ""

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
        except Refusal as refused:
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
        except Refusal as refused:
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
