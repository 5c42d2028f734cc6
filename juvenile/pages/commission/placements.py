"""The placements register: placements in special organisations with their terms,
extensions, the organisation's notice, the return and the rehabilitation plan
(Art. 80, Art. 81), and the forms that record them."""

import reflex as rx

from juvenile.components.dates import date_input
from juvenile.components.text import t
from juvenile.components.ui import empty_state, field, no_access, notice, page_header, pager
from juvenile.pages.commission.common import PLACEMENTS, commission_page, section, status_badge
from juvenile.state.commission.placements import ANY
from juvenile.state.commission.placements import PlacementsState as S

ROUTE = PLACEMENTS


def _select(value, options, on_change, select_id: str, placeholder_key: str = "",
            any_key: str = "", width: str = "100%") -> rx.Component:
    return rx.select.root(
        rx.select.trigger(id=select_id, width=width,
                          placeholder=t(placeholder_key) if placeholder_key else None,
                          aria_label=t(placeholder_key or any_key)),
        rx.select.content(
            *([rx.select.item(t(any_key), value=ANY)] if any_key else []),
            rx.foreach(options, lambda o: rx.select.item(o["label"], value=o["value"])),
        ),
        value=value,
        on_change=on_change,
    )


def _date_input(value, on_change, input_id: str) -> rx.Component:
    return date_input(value, on_change=on_change, id=input_id)


# ---- registering -----------------------------------------------------------------------

def _register_form() -> rx.Component:
    def reg_field(label: str, name: str, control: rx.Component) -> rx.Component:
        return field(f"ui.commission.placements.{label}", control, S.reg_errors[name])

    return section(
        "ui.commission.placements.register",
        rx.text(t("ui.commission.placements.register_hint"), size="1", color_scheme="gray"),
        rx.grid(
            reg_field("iin", "iin", rx.input(value=S.reg["iin"], id="reg-iin",
                                             on_change=lambda v: S.set_reg("iin", v))),
            reg_field("kind", "kind", _select(S.reg["kind"], S.kind_options,
                                              lambda v: S.set_reg("kind", v), "reg-kind",
                                              "ui.commission.form.choose")),
            reg_field("organisation", "organisation",
                      _select(S.reg["organisation"], S.organisation_options,
                              lambda v: S.set_reg("organisation", v), "reg-organisation",
                              "ui.commission.placements.choose_kind_first")),
            reg_field("body", "body", _select(S.reg["body"], S.body_options,
                                              lambda v: S.set_reg("body", v), "reg-body")),
            reg_field("decision_number", "decision_number",
                      rx.input(value=S.reg["decision_number"], id="reg-decision-number",
                               on_change=lambda v: S.set_reg("decision_number", v))),
            reg_field("decision_date", "decision_date",
                      _date_input(S.reg["decision_date"],
                                  lambda v: S.set_reg("decision_date", v), "reg-decision-date")),
            reg_field("start_date", "start_date",
                      _date_input(S.reg["start_date"], lambda v: S.set_reg("start_date", v),
                                  "reg-start-date")),
            reg_field("term", "term", rx.input(type="number", min="1", value=S.reg["term"],
                                               id="reg-term",
                                               on_change=lambda v: S.set_reg("term", v))),
            reg_field("applicant", "applicant",
                      rx.input(value=S.reg["applicant"], id="reg-applicant",
                               on_change=lambda v: S.set_reg("applicant", v))),
            reg_field("applied_on", "applied_on",
                      _date_input(S.reg["applied_on"], lambda v: S.set_reg("applied_on", v),
                                  "reg-applied-on")),
            reg_field("prosecutor_field", "prosecutor",
                      rx.checkbox(t("ui.commission.placements.prosecutor"),
                                  checked=S.reg["prosecutor"] == "1", id="reg-prosecutor",
                                  on_change=lambda v: S.set_reg("prosecutor", v))),
            columns="4", spacing="3", width="100%",
        ),
        rx.text(t("ui.commission.placements.applicant_hint"), size="1", color_scheme="gray"),
        notice(S.reg_errors["general"]),
        rx.hstack(
            rx.button(rx.icon("file-plus", size=16), t("ui.commission.placements.register_save"),
                      on_click=S.register, id="reg-save"),
            rx.button(t("ui.commission.form.cancel"), variant="soft", color_scheme="gray",
                      on_click=S.toggle_register),
            spacing="3",
        ),
        id="register-form",
    )


# ---- one placement ---------------------------------------------------------------------------

def _action_field(label_key: str, name: str, control: rx.Component) -> rx.Component:
    return field(label_key, control, S.action_errors[name].to(str))


def _action_date(label_key: str, name: str) -> rx.Component:
    return _action_field(label_key, name, _date_input(
        S.action_form[name].to(str), lambda v: S.set_action_field(name, v), f"action-{name}"))


def _note() -> rx.Component:
    return _action_field("ui.commission.placements.note", "note", rx.input(
        value=S.action_form["note"].to(str), id="action-note",
        on_change=lambda v: S.set_action_field("note", v)))


def _action_choice(label_key: str, name: str, options: rx.Var) -> rx.Component:
    return _action_field(label_key, name, _select(
        S.action_form[name].to(str), options, lambda v: S.set_action_field(name, v),
        f"action-{name.replace('_', '-')}", "ui.commission.form.choose"))


def _court_decision(label_key: str = "ui.commission.placements.court_decision_number"):
    return _action_field(label_key, "decision_number", rx.input(
        value=S.action_form["decision_number"].to(str), id="action-decision-number",
        on_change=lambda v: S.set_action_field("decision_number", v)))


_ACTION_FIELDS = {
    "notice": lambda: [_action_date("ui.commission.placements.notice_received_on", "date")],
    "notice_internal_affairs": lambda: [
        _action_date("ui.commission.placements.notice_received_on", "date")],
    "extend": lambda: [
        _action_choice("ui.commission.placements.ground", "ground", S.ground_options),
        _action_date("ui.commission.placements.new_end", "new_end"),
        _action_date("ui.commission.placements.decided_on", "decided_on"), _court_decision(),
        _note()],
    "terminate": lambda: [
        _action_date("ui.commission.placements.terminated_on", "date"),
        _action_choice("ui.commission.placements.submitted_by", "submitted_by",
                       S.submitter_options),
        _court_decision(), _note()],
    "transfer": lambda: [
        _action_field("ui.commission.placements.organisation", "organisation", _select(
            S.action_form["organisation"].to(str), S.transfer_options,
            lambda v: S.set_action_field("organisation", v), "action-organisation",
            "ui.commission.form.choose")),
        _action_choice("ui.commission.placements.ground", "ground", S.transfer_ground_options),
        _court_decision(),
        _action_date("ui.commission.placements.decision_date", "decision_date"),
        _action_date("ui.commission.placements.start_date", "start_date"),
        _action_field("ui.commission.placements.term", "term", rx.input(
            type="number", min="1", value=S.action_form["term"].to(str), id="action-term",
            on_change=lambda v: S.set_action_field("term", v))),
        _action_field("ui.commission.placements.prosecutor_field", "prosecutor", rx.checkbox(
            t("ui.commission.placements.prosecutor"),
            checked=S.action_form["prosecutor"].to(str) == "1", id="action-prosecutor",
            on_change=lambda v: S.set_action_field("prosecutor", v))),
        _note()],
    "return": lambda: [_action_date("ui.commission.placements.return_date", "date")],
    "plan": lambda: [_action_date("ui.commission.placements.plan_made_on", "date")],
}


def _action_form() -> rx.Component:
    return rx.vstack(
        rx.match(S.action, *[(name, rx.vstack(
            rx.heading(t(f"ui.commission.placements.action.{name}"), size="3"),
            rx.text(t(f"ui.commission.placements.action_hint.{name}"), size="1",
                    color_scheme="gray"),
            *make(), spacing="2", width="100%")) for name, make in _ACTION_FIELDS.items()],
            rx.fragment()),
        notice(S.action_errors["general"].to(str)),
        rx.hstack(
            rx.button(t("ui.commission.placements.save"), on_click=S.submit_action,
                      id="action-save"),
            rx.button(t("ui.commission.form.cancel"), variant="soft", color_scheme="gray",
                      on_click=S.close_action, id="action-cancel"),
            spacing="3",
        ),
        spacing="3",
        width="100%",
    )


def _fact(label_key: str, value: rx.Var, fact_id: str = "") -> rx.Component:
    return rx.data_list.item(rx.data_list.label(t(label_key), min_width="12rem"),
                             rx.data_list.value(value, id=fact_id or None))


def _detail() -> rx.Component:
    d = S.detail
    return rx.card(
        rx.grid(
            rx.vstack(
                rx.hstack(
                    rx.heading(d.name, size="4", id="placement-student"),
                    status_badge(d.status, d.status_label),
                    rx.spacer(),
                    rx.icon_button(rx.icon("x", size=14), variant="ghost", color_scheme="gray",
                                   on_click=S.select(""),
                                   aria_label=t("ui.commission.form.cancel")),
                    width="100%", align="center",
                ),
                rx.text(d.kind_label, " · ", d.organisation, size="2",
                        color_scheme="gray"),
                rx.data_list.root(
                    _fact("ui.commission.placements.decided", d.decided),
                    _fact("ui.commission.placements.prosecutor_fact", d.prosecutor),
                    rx.cond(d.applicant != "", _fact("ui.commission.placements.applicant_fact",
                                                     d.applicant)),
                    _fact("ui.commission.placements.term_line",
                          d.start + " — " + d.end + " (" + d.term + ")"),
                    _fact("ui.commission.placements.adult_on", d.adult_on, "placement-adult-on"),
                    _fact("ui.commission.placements.notice_due", d.notice_due),
                    _fact("ui.commission.placements.notice_received",
                          rx.cond(d.notice != "", d.notice,
                                  t("ui.commission.placements.not_received"))),
                    rx.cond(d.kind == "special_regime", _fact(
                        "ui.commission.placements.internal_affairs_notice",
                        rx.cond(d.internal_affairs_notice != "", d.internal_affairs_notice,
                                t("ui.commission.placements.not_received")))),
                    rx.cond(d.ended != "", _fact("ui.commission.placements.ended",
                                                    d.ended)),
                    _fact("ui.commission.placements.return_date",
                          rx.cond(d.returned != "", d.returned, "—"),
                          "placement-returned"),
                    rx.cond(d.plan_due != "", _fact(
                        "ui.commission.placements.plan_due",
                        rx.hstack(rx.text(d.plan_due, id="placement-plan-due"),
                                  status_badge(d.plan_status, d.plan_label),
                                  spacing="2", align="center"))),
                    rx.cond(d.plan_made != "", _fact("ui.commission.placements.plan_made",
                                                        d.plan_made)),
                    size="2",
                ),
                rx.cond(d.past_adulthood, rx.callout(
                    t("ui.commission.placements.past_adulthood"), icon="triangle-alert",
                    color_scheme="amber", size="1", id="placement-past-adulthood")),
                rx.cond(S.history.length() > 0, rx.vstack(
                    rx.text(t("ui.commission.placements.history"), weight="bold", size="2"),
                    rx.foreach(S.history, lambda h: rx.text(
                        rx.text(h["kind"], weight="medium", as_="span"), " · ", h["decided"],
                        " · ", h["change"], rx.cond(h["ground"] != "", " · " + h["ground"], ""),
                        rx.cond(h["decision"] != "", " · " + h["decision"], ""),
                        rx.cond(h["submitted"] != "", " · " + h["submitted"], ""),
                        rx.cond(h["note"] != "", " · " + h["note"], ""), size="1")),
                    spacing="1", id="placement-history")),
                spacing="2", width="100%",
            ),
            rx.vstack(
                rx.cond(
                    S.action != "",
                    _action_form(),
                    rx.cond(S.actions.length() > 0, rx.vstack(
                        rx.text(t("ui.commission.placements.record"), weight="bold", size="2"),
                        rx.flex(rx.foreach(S.actions, lambda a: rx.button(
                            rx.match(a, *[(name, t(f"ui.commission.placements.action.{name}"))
                                          for name in _ACTION_FIELDS], a),
                            variant="soft", size="2", on_click=S.open_action(a),
                            id="open-action-" + a)), spacing="2", wrap="wrap"),
                        spacing="2"),
                        rx.text(t("ui.commission.placements.nothing_to_record"), size="2",
                                color_scheme="gray")),
                ),
                width="100%",
            ),
            columns="2", spacing="5", width="100%",
            style={"grid_template_columns": "1.3fr 1fr"},
        ),
        width="100%",
        id="placement-detail",
    )


# ---- the register ----------------------------------------------------------------------

def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.link(row.name, on_click=S.select(row.id), weight="medium",
                              cursor="pointer", class_name="placement-open"),
                      rx.text(row.school, size="1", color_scheme="gray")),
        rx.table.cell(rx.text(row.kind_label, size="1"),
                      rx.text(row.organisation, size="1", color_scheme="gray"),
                      max_width="14rem"),
        rx.table.cell(
            rx.text(row.start, " — ", row.end, size="1", white_space="nowrap"),
            rx.progress(value=row.progress, max=100, size="1", width="9rem",
                        aria_label=t("ui.commission.placements.term_elapsed"),
                        color_scheme=rx.cond(row.status == "active", "teal", "gray")),
            rx.text(row.term, rx.cond(row.extensions > 0,
                                         " · " + row.extensions.to_string() + " ↗", ""),
                    size="1", color_scheme="gray"),
            rx.cond(row.past_adulthood, rx.badge(
                t("ui.commission.placements.ends_at_18"), " ", row.adult_on,
                color_scheme="amber", variant="soft", size="1", class_name="past-adulthood")),
        ),
        rx.table.cell(
            rx.text(row.notice_due, size="1", white_space="nowrap"),
            rx.cond(row.notice != "",
                    rx.badge(rx.icon("check", size=11), row.notice, color_scheme="green",
                             variant="soft", size="1"),
                    rx.cond(row.notice_late,
                            rx.badge(t("ui.commission.placements.not_received"),
                                     color_scheme="red", variant="soft", size="1"))),
        ),
        rx.table.cell(rx.cond(row.returned != "", rx.text(row.returned, size="1"),
                              status_badge(row.status, row.status_label, size="1")),
                      white_space="nowrap"),
        rx.table.cell(rx.cond(row.plan_due != "", rx.vstack(
            rx.text(row.plan_due, size="1", white_space="nowrap", class_name="plan-due"),
            status_badge(row.plan_status, row.plan_label, size="1",
                         class_name="plan-status"),
            spacing="1"))),
        class_name="placement-row",
    )


def _table() -> rx.Component:
    return rx.cond(
        S.total > 0,
        rx.vstack(
            rx.table.root(
                rx.table.header(rx.table.row(*[
                    rx.table.column_header_cell(t(f"ui.commission.placements.column.{c}"))
                    for c in ("student", "organisation", "term", "notice", "return", "plan")
                ])),
                rx.table.body(rx.foreach(S.rows, _row)),
                width="100%", size="1", variant="surface", id="placements-table",
            ),
            pager(S.page, S.pages, S.total, S.previous_page, S.next_page),
            width="100%",
        ),
        rx.cond(S.loaded, rx.cond(
            (S.kind_filter != ANY) | (S.status_filter != ANY),
            empty_state("search-x", "ui.commission.placements.no_match"),
            empty_state("building-2", "ui.commission.placements.empty",
                        rx.button(t("ui.commission.placements.register"), variant="soft",
                                  on_click=S.toggle_register)))),
    )


def placements_page() -> rx.Component:
    return commission_page(
        ROUTE, S,
        rx.cond(
            S.denied,
            no_access(),
            rx.vstack(
                page_header("ui.commission.placements.title",
                            rx.button(rx.icon("file-plus", size=16),
                                      t("ui.commission.placements.register"),
                                      on_click=S.toggle_register, id="register-open"),
                            subtitle=t("ui.commission.placements.subtitle")),
                rx.cond(S.show_register, _register_form()),
                notice(S.flash, "green"),
                rx.cond(S.selected != "", rx.cond(S.detail.id != "", _detail())),
                rx.hstack(
                    _select(S.kind_filter, S.kind_options, lambda v: S.set_filter("kind", v),
                            "filter-kind", any_key="ui.commission.placements.any_kind",
                            width="20rem"),
                    _select(S.status_filter, S.status_options,
                            lambda v: S.set_filter("status", v), "filter-status",
                            any_key="ui.commission.placements.any_status", width="18rem"),
                    spacing="3",
                ),
                _table(),
                spacing="4",
                width="100%",
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(placements_page, route=ROUTE, title="Juvenile", on_load=S.load)
