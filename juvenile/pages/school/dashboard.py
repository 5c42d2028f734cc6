"""The school's front page: criteria, the next council, deadlines, absence proposals."""

import reflex as rx

from juvenile.components.text import t
from juvenile.components.ui import no_access, page_header
from juvenile.components.workspace import section
from juvenile.pages.school.common import case_state_badge, school_page
from juvenile.state.school.dashboard import DashboardState as S

ROUTE = "/school"


def _criterion(row: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.text(row["number"], size="1", color_scheme="gray", width="1.5rem", align="right"),
        rx.box(
            rx.text(row["name"], size="1", title=row["name"], white_space="nowrap",
                    overflow="hidden", text_overflow="ellipsis", line_height="1.5"),
            rx.box(height="6px", width=row["width"], background_color=rx.color("teal", 9),
                   border_radius="3px", margin_top="3px"),
            flex="1",
            min_width="0",
        ),
        rx.text(row["count"], size="2", weight="bold", width="2rem", align="right"),
        width="100%",
        align="center",
        spacing="2",
    )


def _criteria() -> rx.Component:
    return section(
        "ui.school.dashboard.by_criterion",
        rx.vstack(rx.foreach(S.criteria, _criterion), spacing="2", width="100%",
                  id="dashboard-criteria"),
    )


def _summary() -> rx.Component:
    return section(
        "ui.school.dashboard.summary",
        rx.hstack(
            rx.text(t("ui.school.dashboard.students"), size="2"),
            rx.spacer(),
            rx.text(S.students, weight="bold", size="4"),
            width="100%",
        ),
        rx.cond(
            S.states.length() > 0,
            rx.vstack(rx.foreach(S.states, lambda row: rx.hstack(
                rx.box(case_state_badge(row["state"], row["label"]), flex="1", min_width="0"),
                rx.text(row["count"], weight="bold"), width="100%", align="center")),
                spacing="2", width="100%"),
            rx.text(t("ui.school.dashboard.no_cases"), size="2", color_scheme="gray"),
        ),
    )


def _meeting() -> rx.Component:
    return section(
        "ui.school.dashboard.next_meeting",
        rx.cond(
            S.meeting_id != "",
            rx.vstack(
                rx.link(S.meeting_title, href="/school/council/" + S.meeting_id,
                        weight="bold", id="dashboard-meeting"),
                rx.text(S.meeting_cases, size="2", color_scheme="gray"),
                spacing="1",
            ),
            rx.vstack(
                rx.text(t("ui.school.dashboard.no_meeting"), size="2", color_scheme="gray"),
                rx.link(t("ui.school.dashboard.plan_meeting"), href="/school/council",
                        size="2"),
                spacing="1",
            ),
        ),
    )


def _proposals() -> rx.Component:
    return section(
        "ui.school.dashboard.proposals",
        rx.text(S.waiting_text, size="2", id="dashboard-proposals"),
        rx.link(rx.cond(S.waiting > 0, t("ui.school.dashboard.review"),
                        t("ui.school.dashboard.scan")),
                href="/school/absences?month=" + S.month, size="2"),
    )


def _deadline(row: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.cond(row["overdue"] != "",
                    rx.badge(row["days"], color_scheme="red"),
                    rx.badge(row["days"], color_scheme="gray", variant="soft")),
            rx.text(row["due"], size="1", color_scheme="gray"),
            width="9rem",
            flex_shrink="0",
            spacing="1",
        ),
        rx.box(
            rx.cond(row["student_id"] != "",
                    rx.link(row["student"], href="/school/students/" + row["student_id"],
                            size="2", weight="medium"),
                    rx.text(row["student"], size="2")),
            rx.text(row["kind"], ": ", row["detail"], size="1", color_scheme="gray"),
            min_width="0",
        ),
        width="100%",
        align="start",
        padding_y="0.4rem",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
    )


def _deadlines() -> rx.Component:
    return section(
        "ui.school.dashboard.deadlines",
        rx.cond(
            S.deadlines.length() > 0,
            rx.vstack(
                rx.vstack(rx.foreach(S.deadlines, _deadline), spacing="0", width="100%",
                          id="dashboard-deadlines"),
                rx.cond(S.deadlines_more != "",
                        rx.text(S.deadlines_more, size="1", color_scheme="gray")),
                width="100%",
            ),
            rx.text(t("ui.school.dashboard.no_deadlines"), size="2", color_scheme="gray"),
        ),
    )


def _placement(row: rx.Var) -> rx.Component:
    return rx.text(rx.link(row["student"], href="/school/students/" + row["student_id"],
                           weight="medium"), " — ", row["text"], size="2")


def _placements() -> rx.Component:
    """The school is told of a placement of its student (Art. 80 (10), Art. 81 (11))."""
    return rx.cond(
        S.placements.length() > 0,
        rx.callout.root(
            rx.callout.icon(rx.icon("bell", size=16)),
            rx.vstack(rx.text(t("ui.school.dashboard.placements_title"), weight="bold",
                              size="2"),
                      rx.foreach(S.placements, _placement), spacing="1"),
            color_scheme="blue", width="100%", id="dashboard-placements",
        ),
    )


def dashboard_page() -> rx.Component:
    return school_page(
        ROUTE, S,
        rx.cond(
            S.denied,
            no_access(),
            rx.cond(
                S.loaded,
                rx.vstack(
                    page_header("ui.school.dashboard.title",
                                subtitle=t("ui.school.dashboard.subtitle")),
                    _placements(),
                    rx.grid(_summary(), _meeting(), _proposals(), columns="3", spacing="4",
                            width="100%"),
                    rx.grid(_criteria(), _deadlines(), spacing="4", width="100%",
                            grid_template_columns="1fr 1fr", padding_top="1rem"),
                    width="100%",
                ),
                rx.center(rx.spinner(size="3"), padding="3rem"),
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(dashboard_page, route=ROUTE, title="Juvenile", on_load=S.load)
