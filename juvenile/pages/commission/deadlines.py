"""The deadline board: the commission's open deadlines, overdue first, by kind: the
rehabilitation plans (Art. 80 (11), Art. 81 (12)), the organisations' notices
(Art. 80 (10), Art. 81 (11)), the internal affairs body's submissions to the court
(Art. 81 (3)), the follow-up of its decisions and the plan measures of the cases
referred to it (Art. 78)."""

import reflex as rx

from juvenile.components.dates import date_input
from juvenile.components.text import t
from juvenile.components.ui import (
    actions_header,
    empty_state,
    field,
    no_access,
    notice,
    page_header,
    pager,
)
from juvenile.pages.commission.common import DEADLINES, commission_page, section
from juvenile.state.auth import AuthState
from juvenile.state.commission.deadlines import ANY, EXTENDED_BY
from juvenile.state.commission.deadlines import DeadlinesState as S

ROUTE = DEADLINES
SECRETARY_ROLE_KEY = "ui.role.commission_secretary"


def _done(row: rx.Var) -> rx.Component:
    return rx.cond(
        S.done_row == row["key"],
        rx.vstack(
            rx.hstack(
                date_input(S.done_on, on_change=S.set_done_on, size="1",
                         id="done-on"),
                rx.button(t("ui.commission.deadlines.save_done"), size="1", on_click=S.mark_done,
                          id="done-save"),
                rx.button(t("ui.commission.form.cancel"), size="1", variant="soft",
                          color_scheme="gray", on_click=S.cancel_done),
                spacing="2", align="center",
            ),
            rx.cond(S.done_error != "", rx.text(S.done_error, color_scheme="red", size="1",
                                                role="alert")),
            spacing="1",
        ),
        rx.button(rx.icon("check", size=14), t("ui.commission.deadlines.done"), size="1",
                  variant="soft", on_click=S.start_done(row["key"]), class_name="deadline-done"),
    )


def _extension(row: rx.Var) -> rx.Component:
    """The term of a submission extended by internal affairs or the prosecutor
    (Art. 81 (3)): the new due day, whose decision, and its date."""
    return rx.cond(
        S.ext_row == row["key"],
        rx.vstack(
            field("ui.commission.submission.new_due",
                  date_input(S.ext_form["due"], on_change=lambda v: S.set_ext("due", v),
                             size="1", id="extension-due")),
            field("ui.commission.submission.extended_by", rx.select.root(
                rx.select.trigger(aria_label=t("ui.commission.submission.extended_by"),
                                  id="extension-by"),
                rx.select.content(*[rx.select.item(
                    t(f"ui.commission.submission.by.{by}"), value=by) for by in EXTENDED_BY]),
                value=S.ext_form["by"], on_change=lambda v: S.set_ext("by", v), size="1")),
            field("ui.commission.submission.extended_on",
                  date_input(S.ext_form["decided_on"],
                             on_change=lambda v: S.set_ext("decided_on", v), size="1",
                             id="extension-decided-on")),
            rx.cond(S.ext_error != "", rx.text(S.ext_error, color_scheme="red", size="1",
                                               role="alert")),
            rx.hstack(
                rx.button(t("ui.commission.submission.save_extension"), size="1",
                          on_click=S.save_extension, id="extension-save"),
                rx.button(t("ui.commission.form.cancel"), size="1", variant="soft",
                          color_scheme="gray", on_click=S.cancel_extension),
                spacing="2", wrap="wrap"),
            spacing="2", align="start",
        ),
        rx.button(rx.icon("calendar-plus", size=14), t("ui.commission.submission.extend"),
                  size="1", variant="soft", color_scheme="gray",
                  on_click=S.start_extension(row["key"]), class_name="deadline-extend"),
    )


def _action(row: rx.Var) -> rx.Component:
    return rx.cond(
        AuthState.user_role_key == SECRETARY_ROLE_KEY,
        rx.cond(row["done"] != "", rx.vstack(
                    _done(row),
                    rx.cond((row["extendable"] != "") & (S.done_row != row["key"]),
                            _extension(row)),
                    spacing="2"),
                rx.cond(row["placement"] != "", rx.link(
                    t("ui.commission.deadlines.open_placement"), size="2",
                    href="/commission/placements?placement=" + row["id"]))),
    )


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.badge(row["days"], color_scheme=rx.cond(row["overdue"] != "", "red",
                                                                  "gray"),
                               variant=rx.cond(row["overdue"] != "", "solid", "soft")),
                      white_space="nowrap"),
        rx.table.cell(row["due"], white_space="nowrap"),
        rx.table.cell(row["kind_label"]),
        rx.table.cell(rx.text(row["student"], weight="medium", size="2"),
                      rx.text(row["school"], size="1", color_scheme="gray")),
        rx.table.cell(rx.text(row["detail"], size="2"),
                      rx.text(t("ui.commission.deadlines.who"), ": ", row["who"], " · ",
                              rx.code(row["who_code"], variant="ghost", size="1"), size="1",
                              color_scheme="gray", class_name="deadline-who")),
        rx.table.cell(_action(row)),
        class_name=rx.cond(row["overdue"] != "", "deadline-row overdue", "deadline-row"),
    )


def _submission_form() -> rx.Component:
    """The decision ending a minor's criminal case, from which the internal affairs
    body's submission to the court is due (Art. 81 (3))."""
    def sub_field(name: str, control: rx.Component) -> rx.Component:
        return field(f"ui.commission.submission.{name}", control, S.sub_errors[name])

    return section(
        "ui.commission.submission.title",
        rx.text(t("ui.commission.submission.hint"), size="1", color_scheme="gray"),
        rx.grid(
            sub_field("iin", rx.input(value=S.sub_form["iin"], id="sub-iin",
                                      on_change=lambda v: S.set_sub("iin", v))),
            sub_field("decision_number", rx.input(
                value=S.sub_form["decision_number"], id="sub-decision-number",
                on_change=lambda v: S.set_sub("decision_number", v))),
            sub_field("decision_date", date_input(
                S.sub_form["decision_date"], id="sub-decision-date",
                on_change=lambda v: S.set_sub("decision_date", v))),
            columns="3", spacing="3", width="100%",
        ),
        notice(S.sub_errors["general"]),
        notice(S.sub_flash, color="green"),
        rx.button(rx.icon("file-plus", size=16), t("ui.commission.submission.register"),
                  on_click=S.register_submission, id="sub-save"),
        id="submission-form",
    )


def deadlines_page() -> rx.Component:
    return commission_page(
        ROUTE, S,
        rx.cond(
            S.denied,
            no_access(),
            rx.vstack(
                page_header("ui.commission.deadlines.title",
                            subtitle=t("ui.commission.deadlines.subtitle")),
                rx.hstack(
                    rx.select.root(
                        rx.select.trigger(id="deadline-kind", width="22rem",
                                          aria_label=t("ui.commission.deadlines.column.kind")),
                        rx.select.content(
                            rx.select.item(t("ui.commission.deadlines.any_kind"), value=ANY),
                            rx.foreach(S.kind_options, lambda o: rx.select.item(
                                o["label"], value=o["value"]))),
                        value=S.kind_filter, on_change=S.set_kind,
                    ),
                    rx.spacer(),
                    rx.cond(S.overdue > 0, rx.badge(
                        S.overdue_text, color_scheme="red", size="2", id="deadlines-overdue")),
                    width="100%", align="center",
                ),
                rx.cond(
                    S.total > 0,
                    rx.vstack(
                        rx.table.root(
                            rx.table.header(rx.table.row(*[
                                rx.table.column_header_cell(
                                    t(f"ui.commission.deadlines.column.{c}"))
                                for c in ("days", "due", "kind", "student", "detail")
                            ], actions_header())),
                            rx.table.body(rx.foreach(S.rows, _row)),
                            width="100%", size="1", variant="surface", id="deadlines-table",
                        ),
                        pager(S.page, S.pages, S.total, S.previous_page, S.next_page),
                        width="100%",
                    ),
                    rx.cond(S.loaded, empty_state("alarm-clock-check",
                                                  "ui.commission.deadlines.empty")),
                ),
                rx.cond(AuthState.user_role_key == SECRETARY_ROLE_KEY, _submission_form()),
                spacing="4",
                width="100%",
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(deadlines_page, route=ROUTE, title="Juvenile", on_load=S.load)
