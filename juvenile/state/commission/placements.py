"""The placements register (Art. 80, Art. 81): filters, a page of placements with their
terms and deadlines, one placement's history and the forms that record a decision,
an extension, an early end, a transfer, the notice, the return and the plan.

The engine checks every legal limit and names the article when it refuses;
the refusal shows next to the field it concerns.
"""

import dataclasses
from collections.abc import Callable
from typing import Any

import reflex as rx

from juvenile import clock
from juvenile.i18n import format_date, translate
from juvenile.models import PlacementStatus
from juvenile.rules.placements import (
    EXTENSION_GROUNDS,
    TERMINATION_SUBMITTERS,
    TRANSFER_GROUND,
    DecidingBody,
    PlacementKind,
)
from juvenile.security.actor import Actor
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission import placement_return
from juvenile.services.commission import placements as engine
from juvenile.services.commission.placement_register import (
    PlacementDetail,
    PlacementsPage,
    PlacementTerms,
    placement_detail,
    placements_page,
    register_placement_by_iin,
    special_organisations,
)
from juvenile.state.auth import AuthState
from juvenile.state.commission.badge import DeadlineBadgeState
from juvenile.state.commission.common import (
    Refused,
    WorkspaceState,
    blank,
    form_call,
    parse_day,
    parse_id,
)
from juvenile.state.commission.placement_forms import (
    ACTION_FORMS,
    ACTIONS_OF,
    FIELD_OF,
    REGISTER_FORM,
    YES,
)
from juvenile.state.commission.placement_view import PlacementView, placement_view
from juvenile.state.messages import said
from juvenile.state.workspace import PagedList

ANY = "all"
KINDS = [kind.value for kind in PlacementKind]
STATUSES = [status.value for status in PlacementStatus]
BODIES = [body.value for body in DecidingBody]


def _choice(value: object, allowed: list[str]) -> str:
    return str(value) if str(value) in allowed else ANY


class PlacementsState(PagedList, WorkspaceState, AuthState):
    loaded: bool = False
    kind_filter: str = ANY
    status_filter: str = ANY
    page: int = 1
    pages: int = 1
    total: int = 0
    rows: list[PlacementView] = []
    kind_options: list[dict[str, str]] = []
    status_options: list[dict[str, str]] = []
    body_options: list[dict[str, str]] = []
    # registering a decision
    show_register: bool = False
    reg: dict[str, str] = dict.fromkeys(REGISTER_FORM, "")
    reg_errors: dict[str, str] = blank(*REGISTER_FORM)
    organisation_options: list[dict[str, str]] = []
    # one placement and a form for it
    selected: str = ""
    detail: PlacementView = PlacementView()  # id "" while none is open
    history: list[dict[str, str]] = []
    actions: list[str] = []
    action: str = ""
    action_form: dict[str, str] = {}
    action_errors: dict[str, str] = {"general": ""}
    ground_options: list[dict[str, str]] = []
    transfer_ground_options: list[dict[str, str]] = []
    submitter_options: list[dict[str, str]] = []
    transfer_options: list[dict[str, str]] = []
    flash: str = ""
    _page: PlacementsPage | None = None
    _detail: PlacementDetail | None = None

    async def _refresh(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            self._page = placements_page(
                actor, kind=None if self.kind_filter == ANY else self.kind_filter,
                status=None if self.status_filter == ANY else self.status_filter,
                page=self.page)
            self._detail = (placement_detail(actor, parse_id(self.selected) or 0)
                            if self.selected else None)
        except (AccessDenied, NotFound):
            if self._page is None:
                self.denied, self.rows = True, []
                return None
            self.selected, self._detail = "", None  # the selected one is not ours
        self.denied, self.loaded = False, True
        self.page, self.pages, self.total = self._page.page, self._page.pages, self._page.total
        await self._show_page()
        return None

    # --- what the page shows ---------------------------------------------------------------

    def _render(self, language: str) -> None:
        self.kind_options = [{"value": k, "label": translate(f"placement.kind.{k}", language)}
                             for k in KINDS]
        self.status_options = [{"value": s, "label": translate(f"placement.status.{s}",
                                                               language)} for s in STATUSES]
        self.body_options = [{"value": b, "label": translate(f"placement.body.{b}", language)}
                             for b in BODIES]
        organisations = special_organisations()
        self.organisation_options = [
            {"value": str(o.id), "label": f"{o.name(language)} ({o.code})"}
            for o in organisations if o.kind.value == self.reg.get("kind")]
        self.transfer_options = [
            {"value": str(o.id), "label": f"{o.name(language)} ({o.code})"}
            for o in organisations if o.kind == PlacementKind.SPECIAL_REGIME]
        if self._page is not None:
            today = clock.today()
            self.rows = [placement_view(row, language, today) for row in self._page.rows]
        self._render_detail(language)

    def _render_detail(self, language: str) -> None:
        if self._detail is None:
            self.detail, self.history, self.actions, self.ground_options = (
                PlacementView(), [], [], [])
            self.submitter_options = []
            return
        row, placement = self._detail.row, self._detail.row.placement
        self.detail = dataclasses.replace(
            placement_view(row, language, clock.today()),
            decided=translate("ui.commission.placements.decided_by_number"
                              if placement.decision_number else
                              "ui.commission.placements.decided_by", language,
                              body=translate(f"placement.body.{placement.deciding_body.value}",
                                             language),
                              number=placement.decision_number,
                              date=format_date(placement.decision_date, language)))
        self.history = [
            {"kind": translate(f"placement.change.{c.kind.value}", language),
             "decided": format_date(c.decided_on, language),
             "change": translate("ui.commission.placements.change_line", language,
                                 previous=format_date(c.previous_end, language),
                                 new=format_date(c.new_end, language)),
             "ground": translate(f"placement.ground.{c.ground}", language) if c.ground else "",
             "decision": translate("ui.commission.placements.court_decision_line", language,
                                   number=c.decision_number) if c.decision_number else "",
             "submitted": translate("ui.commission.placements.submitted_line", language,
                                    submitter=translate(f"placement.submitter.{c.submitted_by}",
                                                        language))
             if c.submitted_by else "",
             "note": c.note}
            for c in self._detail.changes
        ]
        self.actions = list(ACTIONS_OF[placement.status])
        if placement.kind != PlacementKind.SPECIAL_EDUCATION:
            self.actions = [a for a in self.actions if a != "transfer"]
        if placement.kind != PlacementKind.SPECIAL_REGIME:  # Art. 81 (11) item 4 only
            self.actions = [a for a in self.actions if a != "notice_internal_affairs"]
        if placement.rehabilitation_plan_made_on is not None:
            self.actions = [a for a in self.actions if a != "plan"]
        self.ground_options = [
            {"value": g.code, "label": translate(g.message_key, language)}
            for g in EXTENSION_GROUNDS[placement.kind]]
        self.transfer_ground_options = [
            {"value": TRANSFER_GROUND,
             "label": translate(f"placement.ground.{TRANSFER_GROUND}", language)}]
        self.submitter_options = [
            {"value": s.value, "label": translate(f"placement.submitter.{s.value}", language)}
            for s in sorted(TERMINATION_SUBMITTERS[placement.kind])]
        if self.action not in self.actions:
            self.action = ""

    # --- filters and paging -----------------------------------------------------------------

    @rx.event
    async def load(self):
        self.kind_filter = self.status_filter = ANY
        self.page, self.action, self.flash, self.show_register = 1, "", "", False
        self.reg, self.reg_errors = dict.fromkeys(REGISTER_FORM, ""), blank(*REGISTER_FORM)
        self.selected = str(parse_id(self.router.url.query_parameters.get("placement", ""))
                            or "")
        return await self._refresh()

    @rx.event
    async def set_filter(self, name: str, value: str):
        if name == "kind":
            self.kind_filter = _choice(value, KINDS)
        elif name == "status":
            self.status_filter = _choice(value, STATUSES)
        self.page = 1
        return await self._refresh()

    @rx.event
    async def select(self, placement_id: str):
        self.selected = str(parse_id(placement_id) or "")
        self.action, self.flash = "", ""
        return await self._refresh()

    # --- registering a decision ---------------------------------------------------------------

    @rx.event
    async def toggle_register(self):
        self.show_register = not self.show_register
        self.reg_errors = blank(*REGISTER_FORM)
        if not self.reg["body"]:
            self.reg = {**self.reg, "body": DecidingBody.COURT.value}

    @rx.event
    async def set_reg(self, name: str, value: str | bool):
        if name not in REGISTER_FORM:
            return
        value = (YES if value is True or value == YES else "") if name == "prosecutor" else value
        self.reg = {**self.reg, name: str(value)[:200 if name == "applicant" else 64]}
        if name == "kind":
            self.reg = {**self.reg, "organisation": ""}
            self._render(await self._language())
        self.reg_errors = {**self.reg_errors, name: "", "general": ""}

    @rx.event
    async def register(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        reg, errors = self.reg, blank(*REGISTER_FORM)
        choose = translate("ui.commission.form.choose", language)
        bad_date = translate("ui.commission.form.bad_date", language)
        dates = {name: parse_day(reg[name]) for name in ("decision_date", "start_date")}
        applied_on = parse_day(reg["applied_on"]) if reg["applied_on"].strip() else None
        if reg["applied_on"].strip() and applied_on is None:
            errors["applied_on"] = bad_date
        term = parse_id(reg["term"])
        for name in ("kind", "organisation", "body"):
            if not reg[name]:
                errors[name] = choose
        for name, value in dates.items():
            if value is None:
                errors[name] = bad_date
        if term is None:
            errors["term"] = translate("ui.commission.placements.bad_term", language)
        if not reg["iin"].strip():
            errors["iin"] = translate("ui.commission.placements.iin_required", language)
        if any(errors.values()) or term is None:
            self.reg_errors = errors
            return None
        dates = {name: value for name, value in dates.items() if value is not None}  # all now
        terms = PlacementTerms(kind=PlacementKind(reg["kind"]),
                               organisation_id=parse_id(reg["organisation"]) or 0,
                               deciding_body=DecidingBody(reg["body"]),
                               decision_date=dates["decision_date"],
                               start_date=dates["start_date"], term_months=term,
                               decision_number=reg["decision_number"],
                               prosecutor_participated=reg["prosecutor"] == YES,
                               guardianship_applicant=reg["applicant"],
                               guardianship_applied_on=applied_on)
        placement = await form_call(self, "reg_errors", errors, FIELD_OF,
                                    lambda: register_placement_by_iin(actor, reg["iin"], terms))
        if placement is Refused.REFUSED:
            return None
        self.reg, self.show_register = dict.fromkeys(REGISTER_FORM, ""), False
        self.selected, self.kind_filter, self.status_filter, self.page = (
            str(placement.id), ANY, ANY, 1)
        self._say("flash", said("ui.commission.placements.registered"), language)
        await self._refresh()
        return DeadlineBadgeState.refresh

    # --- one placement's forms --------------------------------------------------------------

    @rx.event
    def open_action(self, action: str):
        if action in self.actions:
            self.action = action
            self.action_form = dict.fromkeys(ACTION_FORMS[action], "")
            self.action_errors = blank(*ACTION_FORMS[action])
            self.flash = ""

    @rx.event
    def close_action(self):
        self.action = ""

    @rx.event
    def set_action_field(self, name: str, value: str | bool):
        if name in self.action_form:
            if name == "prosecutor":
                value = YES if value is True or value == YES else ""
            self.action_form = {**self.action_form, name: str(value)[:1000]}
            self.action_errors = {**self.action_errors, name: "", "general": ""}

    def _action_call(self, language: str,
                     errors: dict[str, str]) -> Callable[[Actor], Any] | None:
        """The engine call of the open form, or None with ``errors`` filled."""
        form, placement_id = self.action_form, parse_id(self.selected) or 0
        dates = {name: parse_day(form[name]) for name in form
                 if name in ("date", "new_end", "decided_on", "decision_date", "start_date")}
        for name, value in dates.items():
            if value is None:
                errors[name] = translate("ui.commission.form.bad_date", language)
        if self.action in ("extend", "transfer") and not form["ground"]:
            errors["ground"] = translate("ui.commission.form.choose", language)
        if self.action == "terminate" and not form["submitted_by"]:
            errors["submitted_by"] = translate("ui.commission.form.choose", language)
        if self.action == "transfer":
            if not form["organisation"]:
                errors["organisation"] = translate("ui.commission.form.choose", language)
            if parse_id(form["term"]) is None:
                errors["term"] = translate("ui.commission.placements.bad_term", language)
        if any(errors.values()):
            return None
        dates = {name: value for name, value in dates.items() if value is not None}  # all now
        calls = {
            "notice": lambda a: engine.record_notice(a, placement_id, dates["date"]),
            "notice_internal_affairs": lambda a: engine.record_notice(
                a, placement_id, dates["date"], internal_affairs=True),
            "extend": lambda a: engine.extend_placement(
                a, placement_id, form["ground"], dates["new_end"], dates["decided_on"],
                form["note"], decision_number=form["decision_number"]),
            "terminate": lambda a: engine.terminate_placement(
                a, placement_id, dates["date"], form["note"], submitted_by=form["submitted_by"],
                decision_number=form["decision_number"]),
            "transfer": lambda a: engine.transfer_placement(
                a, placement_id, parse_id(form["organisation"]) or 0, dates["decision_date"],
                dates["start_date"], parse_id(form["term"]) or 0, form["note"],
                decision_number=form["decision_number"], ground=form["ground"],
                prosecutor_participated=form["prosecutor"] == YES),
            "return": lambda a: placement_return.record_return(a, placement_id, dates["date"]),
            "plan": lambda a: placement_return.record_rehabilitation_plan(a, placement_id,
                                                                          dates["date"]),
        }
        return calls[self.action]

    @rx.event
    async def submit_action(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        if self.action not in ACTION_FORMS:
            return None
        language = await self._language()
        errors = blank(*ACTION_FORMS[self.action])
        call = self._action_call(language, errors)
        if call is None:
            self.action_errors = errors
            return None
        result = await form_call(self, "action_errors", errors, FIELD_OF, lambda: call(actor))
        if result is Refused.REFUSED:
            return None
        if self.action == "transfer":
            self.selected = str(result.id)  # the new placement in the special-regime one
        self._say("flash", said(f"ui.commission.placements.done.{self.action}"), language)
        self.action = ""
        await self._refresh()
        return DeadlineBadgeState.refresh
