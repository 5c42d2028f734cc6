"""The meetings calendar: the month with its meetings and days off, every meeting paged,
and the form to plan a meeting (Art. 79)."""

import reflex as rx

from juvenile.components.dates import date_input
from juvenile.components.text import t
from juvenile.components.ui import empty_state, field, no_access, notice, page_header, pager
from juvenile.pages.commission.common import MEETINGS, commission_page, section, status_badge
from juvenile.state.commission.meetings import MeetingsState as S

ROUTE = MEETINGS


def _cell(cell: rx.Var) -> rx.Component:
    return rx.box(
        rx.cond(
            cell["day"] != "",
            rx.vstack(
                rx.text(cell["day"], size="1", weight=rx.cond(cell["today"] != "", "bold",
                                                                "regular"),
                        color_scheme=rx.cond(cell["off"] != "", "red", "gray")),
                rx.cond(cell["meeting_id"] != "",
                        rx.link(status_badge(cell["status"], cell["label"], size="1"),
                                href="/commission/meetings/" + cell["meeting_id"],
                                class_name="calendar-meeting")),
                spacing="1",
                align="start",
            ),
        ),
        min_height="3.3rem",
        padding="0.3rem",
        border_radius="6px",
        background_color=rx.cond(cell["day"] == "", "transparent",
                                 rx.cond(cell["off"] != "", rx.color("red", 2),
                                         rx.color("gray", 1))),
        border=rx.cond(cell["today"] != "", f"2px solid {rx.color('teal', 8)}",
                       f"1px solid {rx.color('gray', 4)}"),
        cursor=rx.cond(S.may_plan & (cell["day"] != ""), "pointer", "default"),
        on_click=S.pick_day(cell["day"]),
    )


def _calendar() -> rx.Component:
    return section(
        "ui.commission.meetings.calendar",
        rx.hstack(
            rx.icon_button(rx.icon("chevron-left", size=16), variant="soft", size="1",
                           on_click=S.previous_month, aria_label=t("ui.pager.previous")),
            rx.text(S.month_label, weight="bold", id="calendar-month"),
            rx.icon_button(rx.icon("chevron-right", size=16), variant="soft", size="1",
                           on_click=S.next_month, aria_label=t("ui.pager.next")),
            align="center", spacing="3",
        ),
        rx.grid(
            rx.foreach(S.weekdays, lambda d: rx.text(d, size="1", color_scheme="gray",
                                                     align="center")),
            rx.foreach(S.weeks, lambda week: rx.foreach(week, _cell)),
            columns="7", spacing="1", width="100%", id="meetings-calendar",
        ),
        rx.text(t("ui.commission.meetings.calendar_hint"), size="1", color_scheme="gray"),
    )


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.link(row["number"], href="/commission/meetings/" + row["id"],
                              weight="bold")),
        rx.table.cell(row["date"], white_space="nowrap"),
        rx.table.cell(row["place"]),
        rx.table.cell(status_badge(row["status"], row["status_label"])),
        rx.table.cell(row["items"]),
        rx.table.cell(row["minutes"]),
    )


def _list() -> rx.Component:
    return rx.cond(
        S.total > 0,
        rx.vstack(
            rx.table.root(
                rx.table.header(rx.table.row(*[
                    rx.table.column_header_cell(t(f"ui.commission.meetings.{column}"))
                    for column in ("number", "date", "place", "status", "decided", "minutes")
                ])),
                rx.table.body(rx.foreach(S.lines, _row)),
                width="100%", size="1", variant="surface", id="meetings-table",
            ),
            pager(S.page, S.pages, S.total, S.previous_page, S.next_page),
            width="100%",
        ),
        rx.cond(S.loaded, rx.cond(
            S.may_plan, empty_state("calendar-plus", "ui.commission.meetings.empty"),
            empty_state("calendar-days", "ui.commission.meetings.empty_member"))),
    )


def _plan_form() -> rx.Component:
    return section(
        "ui.commission.meetings.plan",
        field("ui.commission.meetings.date",
              date_input(S.meeting_on, id="meeting-date",
                       on_change=lambda v: S.set_field("meeting_on", v)),
              S.errors["meeting_on"]),
        field("ui.commission.meetings.number",
              rx.input(value=S.number, id="meeting-number", placeholder=S.number_hint,
                       on_change=lambda v: S.set_field("number", v)),
              S.errors["number"], "ui.commission.meetings.number_help"),
        field("ui.commission.meetings.place",
              rx.input(value=S.place, id="meeting-place",
                       on_change=lambda v: S.set_field("place", v)),
              S.errors["place"]),
        notice(S.errors["general"]),
        rx.button(rx.icon("calendar-plus", size=16), t("ui.commission.meetings.plan_button"),
                  on_click=S.plan, id="meeting-plan"),
    )


def meetings_page() -> rx.Component:
    return commission_page(
        ROUTE, S,
        rx.cond(
            S.denied,
            no_access(),
            rx.vstack(
                page_header("ui.commission.meetings.title",
                            subtitle=t("ui.commission.meetings.subtitle")),
                rx.grid(
                    _calendar(),
                    rx.cond(S.may_plan, _plan_form()),
                    columns="2", spacing="4", width="100%",
                    style={"grid_template_columns": "1.7fr 1fr"},
                ),
                _list(),
                spacing="4",
                width="100%",
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(meetings_page, route=ROUTE, title="Juvenile", on_load=S.load)
