"""The student register: search, filters, sorting and server paging."""

import reflex as rx

from juvenile.components.text import t
from juvenile.components.ui import empty_state, no_access, page_header, pager
from juvenile.pages.school.common import case_state_badge, school_page
from juvenile.state.school.register import ANY, RegisterState

ROUTE = "/school/students"


def _filter_select(value, on_change, any_key: str, options, select_id: str,
                   width: str, label_key: str) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(id=select_id, width=width, aria_label=t(label_key)),
        rx.select.content(
            rx.select.item(t(any_key), value=ANY),
            rx.foreach(options, lambda option: rx.select.item(option["label"],
                                                              value=option["value"])),
        ),
        value=value,
        on_change=on_change,
    )


def _filters() -> rx.Component:
    state = RegisterState
    return rx.flex(
        rx.form(
            rx.hstack(
                rx.input(rx.input.slot(rx.icon("search", size=16)), name="search",
                         default_value=state.search, placeholder=t("ui.school.register.search"),
                         id="register-search", width="20rem"),
                rx.button(t("ui.school.register.find"), type="submit", variant="soft",
                          id="register-find"),
                spacing="2",
            ),
            on_submit=state.find,
        ),
        rx.select.root(
            rx.select.trigger(id="register-class", width="9rem",
                              aria_label=t("ui.school.register.class")),
            rx.select.content(
                rx.select.item(t("ui.school.register.any_class"), value=ANY),
                rx.foreach(state.classes, lambda c: rx.select.item(c, value=c)),
            ),
            value=state.class_filter,
            on_change=state.set_class_filter,
        ),
        _filter_select(state.criterion_filter, state.set_criterion_filter,
                       "ui.school.register.any_criterion", state.criterion_options,
                       "register-criterion", "16rem", "ui.school.register.criteria"),
        _filter_select(state.case_filter, state.set_case_filter, "ui.school.register.any_case",
                       state.case_options, "register-case", "14rem", "ui.school.register.case"),
        rx.button(rx.icon("x", size=14), t("ui.school.register.clear"), variant="ghost",
                  color_scheme="gray", on_click=state.clear_filters),
        spacing="3",
        wrap="wrap",
        align="center",
        width="100%",
    )


def _sortable(key: str, sort: str) -> rx.Component:
    state = RegisterState
    return rx.table.column_header_cell(
        rx.hstack(
            rx.text(t(key)),
            rx.cond(state.sort == sort,
                    rx.icon(rx.cond(state.descending, "arrow-down", "arrow-up"), size=14),
                    rx.icon("arrow-up-down", size=14, color=rx.color("gray", 8))),
            spacing="1",
            align="center",
            cursor="pointer",
            on_click=state.sort_by(sort),
        ),
        white_space="nowrap",
    )


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.link(row["name"], href="/school/students/" + row["id"],
                              weight="medium")),
        rx.table.cell(rx.code(row["iin"], variant="ghost")),
        rx.table.cell(row["class"]),
        rx.table.cell(row["born"], white_space="nowrap"),
        rx.table.cell(rx.cond(row["criteria"] != "",
                              rx.tooltip(rx.badge(row["criteria"], color_scheme="amber"),
                                         content=row["criteria_names"]))),
        rx.table.cell(rx.cond(row["case_id"] != "",
                              rx.link(case_state_badge(row["state"], row["state_label"]),
                                      href="/school/cases/" + row["case_id"]))),
    )


def _table() -> rx.Component:
    state = RegisterState
    return rx.cond(
        state.total > 0,
        rx.vstack(
            rx.table.root(
                rx.table.header(rx.table.row(
                    _sortable("ui.school.register.name", "name"),
                    _sortable("ui.school.register.iin", "iin"),
                    _sortable("ui.school.register.class", "class"),
                    _sortable("ui.school.register.born", "birth_date"),
                    rx.table.column_header_cell(t("ui.school.register.criteria")),
                    rx.table.column_header_cell(t("ui.school.register.case")),
                )),
                rx.table.body(rx.foreach(state.rows, _row)),
                width="100%",
                size="1",
                variant="surface",
                id="register-table",
            ),
            pager(state.page, state.pages, state.total, state.previous_page, state.next_page),
            width="100%",
            spacing="2",
        ),
        rx.cond(
            state.filtered,
            empty_state("search-x", "ui.school.register.no_match",
                        rx.button(t("ui.school.register.clear"), variant="soft",
                                  on_click=state.clear_filters)),
            rx.cond(
                state.loaded,
                empty_state("users", "ui.school.register.empty",
                            rx.link(t("ui.school.register.empty_action"),
                                    href="/school/import")),
            ),
        ),
    )


def register_page() -> rx.Component:
    return school_page(
        ROUTE, RegisterState,
        rx.cond(
            RegisterState.denied,
            no_access(),
            rx.vstack(
                page_header("ui.school.register.title",
                            subtitle=t("ui.school.register.subtitle")),
                _filters(),
                _table(),
                spacing="4",
                width="100%",
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(register_page, route=ROUTE, title="Juvenile", on_load=RegisterState.load)
