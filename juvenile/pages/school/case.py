"""A support case: state, flags, plan, council, referral, timeline and the allowed steps."""

import reflex as rx

from juvenile.components.text import t
from juvenile.components.ui import field, no_access, notice
from juvenile.components.workspace import section
from juvenile.pages.school.common import case_state_badge, school_page
from juvenile.state.school.case import CasePageState as S

ROUTE = "/school/cases/[case_id]"


def _header() -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text(t("ui.school.case.title"), " № ", S.case_no, size="2",
                    color_scheme="gray"),
            rx.link(rx.heading(S.student_name, size="6"), href="/school/students/"
                    + S.student_ref, id="case-student"),
            rx.text(S.student_line, size="2", color_scheme="gray"),
            spacing="1",
        ),
        rx.spacer(),
        rx.vstack(
            rx.box(case_state_badge(S.case_state, S.state_label), id="case-state"),
            rx.text(t("ui.school.case.opened"), ": ", S.opened, size="1", color_scheme="gray"),
            rx.cond(S.closed != "", rx.text(t("ui.school.case.closed"), ": ", S.closed,
                                            size="1", color_scheme="gray")),
            align="end",
            spacing="1",
        ),
        width="100%",
        align="start",
        padding_bottom="0.5rem",
    )


def _referral() -> rx.Component:
    return rx.cond(
        S.commission != "",
        rx.callout(
            rx.text(rx.text(t("ui.school.case.referred"), weight="bold"), " ", S.commission),
            icon="landmark", color_scheme="red", width="100%", id="case-referred",
        ),
    )


def _flags() -> rx.Component:
    return section(
        "ui.school.case.flags",
        rx.foreach(S.flags, lambda f: rx.box(
            rx.text(rx.badge(f["criterion"], color_scheme="amber"), " ", f["name"], size="2",
                    weight="medium"),
            rx.text(f["noticed"], " — ", f["evidence"], size="1", color_scheme="gray"),
            width="100%")),
        rx.cond(S.free_flags > 0, rx.button(t("ui.school.case.add_flags"), size="1",
                                            variant="soft", on_click=S.add_free_flags)),
        rx.cond(S.may_change, rx.link(t("ui.school.case.new_flag"),
                                      href="/school/students/" + S.student_ref + "/flag",
                                      size="2", id="case-new-flag")),
    )


def _measure(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["description"]),
        rx.table.cell(row["responsible"]),
        rx.table.cell(rx.text(row["due"], color_scheme=rx.cond(row["overdue"] != "", "red",
                                                                 "gray")), white_space="nowrap"),
        rx.table.cell(rx.cond(
            row["done"] != "",
            rx.badge(rx.icon("check", size=12), row["done"], color_scheme="green"),
            rx.cond(S.may_change,
                    rx.button(t("ui.school.case.mark_done"), size="1", variant="soft",
                              on_click=S.mark_done(row["id"]), class_name="measure-done")),
        )),
    )


def _plan() -> rx.Component:
    return section(
        "ui.school.case.plan",
        rx.cond(
            S.measures.length() > 0,
            rx.vstack(
                rx.table.root(
                    rx.table.header(rx.table.row(
                        rx.table.column_header_cell(t("ui.school.council.measure")),
                        rx.table.column_header_cell(t("ui.school.council.responsible")),
                        rx.table.column_header_cell(t("ui.school.council.due")),
                        rx.table.column_header_cell(t("ui.school.case.done")),
                    )),
                    rx.table.body(rx.foreach(S.measures, _measure)),
                    size="1", width="100%", id="case-measures",
                ),
                rx.button(rx.icon("file-down", size=16), t("ui.school.case.plan_pdf"),
                          variant="soft", on_click=S.download_plan, id="case-plan-pdf"),
                width="100%",
            ),
            rx.text(t("ui.school.case.no_plan"), size="2", color_scheme="gray"),
        ),
    )


def _council() -> rx.Component:
    return section(
        "ui.school.case.council",
        rx.cond(
            S.reviews.length() > 0,
            rx.foreach(S.reviews, lambda r: rx.box(
                rx.link(r["meeting"], href="/school/council/" + r["meeting_id"],
                        weight="medium", size="2"),
                rx.text(t("ui.school.council.minor"), ": ", r["minor"], size="1"),
                rx.text(t("ui.school.council.representatives"), ": ", r["representatives"],
                        size="1"),
                rx.text(r["decision"], size="2", weight="medium"),
                width="100%")),
            rx.text(t("ui.school.case.not_before_council"), size="2", color_scheme="gray"),
        ),
        rx.cond(S.can_go_to_council,
                rx.link(rx.button(rx.icon("gavel", size=16), t("ui.school.case.to_council"),
                                  variant="soft", size="2"),
                        href="/school/council?case=" + S.case_no, id="case-to-council")),
    )


def _close() -> rx.Component:
    return rx.cond(S.can_close, section(
        "ui.school.case.close",
        field("ui.school.case.outcome", rx.select.root(
            rx.select.trigger(placeholder=t("ui.school.case.choose_outcome"), width="100%",
                              aria_label=t("ui.school.case.outcome")),
            rx.select.content(rx.foreach(S.outcomes, lambda o: rx.select.item(
                o["label"], value=o["value"]))),
            value=S.outcome, on_change=S.set_outcome), S.outcome_error),
        field("ui.school.case.note", rx.text_area(value=S.note, on_change=S.set_note,
                                                  rows="2", width="100%"), S.note_error),
        rx.button(t("ui.school.case.close_button"), color_scheme="gray", on_click=S.close),
    ))


def _timeline() -> rx.Component:
    return section(
        "ui.school.case.timeline",
        rx.vstack(rx.foreach(S.events, lambda e: rx.hstack(
            rx.box(width="8px", height="8px", border_radius="50%", margin_top="6px",
                   background_color=rx.color("teal", 9), flex_shrink="0"),
            rx.box(rx.text(e["what"], size="2", weight="medium"),
                   rx.text(e["at"], " · ", e["who"], size="1", color_scheme="gray")),
            align="start", spacing="2")), spacing="2", id="case-timeline"),
    )


def case_page() -> rx.Component:
    return school_page(
        "/school/students", S,
        rx.cond(
            S.denied,
            no_access(),
            rx.cond(
                S.loaded,
                rx.vstack(
                    _header(),
                    _referral(),
                    notice(S.error),
                    rx.grid(
                        rx.vstack(_flags(), _plan(), spacing="4", width="100%"),
                        rx.vstack(_council(), _close(), _timeline(), spacing="4",
                                  width="100%"),
                        spacing="4",
                        width="100%",
                        grid_template_columns="1.4fr 1fr",
                    ),
                    spacing="3",
                    width="100%",
                ),
                rx.center(rx.spinner(size="3"), padding="3rem"),
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(case_page, route=ROUTE, title="Juvenile", on_load=S.load)
