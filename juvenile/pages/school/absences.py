"""Absence proposals of a month (criterion 4, Art. 78 (2) item 4)."""

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
)
from juvenile.pages.school.common import school_page
from juvenile.state.school.absences import AbsencesState as S

ROUTE = "/school/absences"
_STATUS_COLORS = {"proposed": "amber", "confirmed": "green", "dismissed": "gray"}


def _status(row: rx.Var) -> rx.Component:
    return rx.match(
        row["status"],
        *[(code, rx.badge(row["status_label"], color_scheme=color))
          for code, color in _STATUS_COLORS.items()],
        rx.fragment(),
    )


def _row(row: rx.Var) -> rx.Component:
    waiting = row["status"] == "proposed"
    return rx.table.row(
        rx.table.cell(rx.cond(waiting, rx.checkbox(
            checked=S.selected.contains(row["id"]),
            on_change=lambda checked: S.toggle(row["id"], checked),
            aria_label=row["name"], class_name="proposal-check"))),
        rx.table.cell(rx.link(row["name"], href="/school/students/" + row["student_id"])),
        rx.table.cell(row["class"]),
        rx.table.cell(rx.text(row["days"], weight="bold", color_scheme="red")),
        rx.table.cell(_status(row), rx.cond(row["reason"] != "",
                                            rx.text(row["reason"], size="1",
                                                    color_scheme="gray"))),
        rx.table.cell(rx.cond(
            waiting,
            rx.button(t("ui.school.absences.confirm_one"), size="1", variant="soft",
                      on_click=S.confirm(row["id"]), class_name="proposal-confirm"),
            rx.cond(row["status"] == "confirmed",
                    rx.button(t("ui.school.absences.open_case"), size="1", variant="outline",
                              on_click=S.open_case(row["student_id"]),
                              class_name="proposal-open-case")),
        )),
        id="proposal-" + row["id"],
    )


def _bulk() -> rx.Component:
    return rx.card(
        rx.flex(
            rx.button(rx.icon("check", size=16), t("ui.school.absences.confirm_selected"),
                      " (", S.selected.length(), ")", on_click=S.confirm(""),
                      disabled=S.selected.length() == 0, id="proposals-confirm"),
            rx.box(
                field("ui.school.absences.reason",
                      rx.input(value=S.reason, on_change=S.set_reason, id="dismiss-reason",
                               placeholder=t("ui.school.absences.reason_hint"), width="100%"),
                      S.reason_error),
                flex="1",
                min_width="16rem",
            ),
            rx.button(rx.icon("x", size=16), t("ui.school.absences.dismiss_selected"),
                      color_scheme="gray", variant="soft", on_click=S.dismiss,
                      disabled=S.selected.length() == 0, id="proposals-dismiss"),
            spacing="3",
            align="end",
            wrap="wrap",
            width="100%",
        ),
        width="100%",
    )


def _list() -> rx.Component:
    return rx.cond(
        S.rows.length() > 0,
        rx.vstack(
            rx.cond(S.waiting > 0, _bulk()),
            rx.table.root(
                rx.table.header(rx.table.row(
                    rx.table.column_header_cell(rx.cond(S.waiting > 0, rx.checkbox(
                        checked=S.all_selected, on_change=S.toggle_all,
                        aria_label=t("ui.school.absences.select_all")))),
                    rx.table.column_header_cell(t("ui.school.register.name")),
                    rx.table.column_header_cell(t("ui.school.register.class")),
                    rx.table.column_header_cell(t("ui.school.absences.days")),
                    rx.table.column_header_cell(t("ui.school.absences.status")),
                    actions_header(),
                )),
                rx.table.body(rx.foreach(S.rows, _row)),
                width="100%",
                variant="surface",
                id="proposals-table",
            ),
            spacing="3",
            width="100%",
        ),
        rx.cond(S.loaded, empty_state("calendar-check", "ui.school.absences.empty",
                                      rx.button(t("ui.school.absences.scan"), on_click=S.scan))),
    )


def absences_page() -> rx.Component:
    return school_page(
        ROUTE, S,
        rx.cond(
            S.denied,
            no_access(),
            rx.vstack(
                page_header(
                    "ui.school.absences.title",
                    rx.hstack(
                        date_input(kind="month", value=S.month, on_change=S.change_month,
                                 id="absences-month", width="11rem",
                                 aria_label=t("ui.school.absences.month")),
                        rx.button(rx.icon("scan-search", size=16), t("ui.school.absences.scan"),
                                  on_click=S.scan, id="absences-scan"),
                        spacing="2",
                    ),
                    subtitle=t("ui.school.absences.subtitle"),
                ),
                notice(S.notice, "green"),
                notice(S.error),
                _list(),
                spacing="3",
                width="100%",
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(absences_page, route=ROUTE, title="Juvenile", on_load=S.load)
