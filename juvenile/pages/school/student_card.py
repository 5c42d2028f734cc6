"""The student card: who the child is and their legal representatives; criteria with
their history, attendance month by month, cases with the council's decisions,
placements, and who opened the card.

A student who does not exist and one the user may not see look the same:
one message and no data (Art. 83 (2): nothing about a child is disclosed).
"""

import reflex as rx

from juvenile.components.dates import date_input
from juvenile.components.text import t
from juvenile.components.ui import field, notice
from juvenile.components.workspace import section
from juvenile.pages.school.common import case_state_badge, school_page
from juvenile.state.school.student_card import StudentCardState as S

ROUTE = "/school/students/[student_id]"
_DAY_COLORS = {"present": ("green", 4), "excused": ("blue", 5), "unexcused": ("red", 9)}


def _row(label_key: str, value: rx.Var, value_id: str) -> rx.Component:
    return rx.data_list.item(
        rx.data_list.label(t(label_key)),
        rx.data_list.value(value, id=value_id),
    )


def _personal() -> rx.Component:
    return section(
        "ui.school.card.personal",
        rx.data_list.root(
            _row("ui.student_card.iin", S.iin, "student-iin"),
            _row("ui.student_card.birth_date", S.birth_date, "student-birth-date"),
            _row("ui.student_card.school", S.school, "student-school"),
            _row("ui.student_card.class", S.class_name, "student-class"),
            size="2",
        ),
        rx.text(t("ui.student_card.representatives"), weight="bold", size="2"),
        rx.cond(
            S.representatives.length() > 0,
            rx.vstack(
                rx.foreach(S.representatives, lambda person: rx.box(
                    rx.text(person["name"], size="2", weight="medium"),
                    rx.text(person["relation"], " · ", person["phone"], size="1",
                            color_scheme="gray"))),
                spacing="2",
                id="student-representatives",
            ),
            rx.text(t("ui.student_card.no_representatives"), color_scheme="gray", size="2"),
        ),
    )


def _flag(flag: rx.Var) -> rx.Component:
    taken_back = flag.resolved != ""
    return rx.box(
        rx.hstack(
            rx.badge(flag.criterion, color_scheme=rx.cond(taken_back, "gray", "amber")),
            rx.text(flag.name, size="2", weight="medium",
                    text_decoration=rx.cond(taken_back, "line-through", "none")),
            rx.cond(flag.sensitive, rx.icon("lock", size=14, color=rx.color("amber", 10))),
            rx.spacer(),
            rx.cond(S.may_change_flags & ~taken_back & (S.resolving != flag.flag_id),
                    rx.button(t("ui.school.card.no_longer_applies"), size="1", variant="ghost",
                              color_scheme="gray",
                              on_click=S.start_resolution(flag.flag_id),
                              id="flag-resolve-" + flag.flag_id)),
            align="center",
            spacing="2",
            width="100%",
        ),
        rx.text(flag.noticed, " — ", flag.evidence, size="1", color_scheme="gray"),
        rx.cond(taken_back, rx.text(flag.resolved, size="1", color_scheme="gray")),
        rx.cond(S.resolving == flag.flag_id, _resolution_form()),
        width="100%",
    )


def _resolution_form() -> rx.Component:
    """Since when and why the criterion no longer applies; refusals under their field."""
    return rx.vstack(
        rx.box(field("ui.school.card.resolved_on",
                     date_input(S.resolved_on, on_change=S.set_resolved_on,
                              id="flag-resolved-on"),
                     S.resolved_on_error), width="18rem"),
        field("ui.school.card.resolution_reason",
              rx.text_area(value=S.resolution_reason, on_change=S.set_resolution_reason,
                           rows="2", width="100%", id="flag-resolution-reason"),
              S.reason_error),
        rx.hstack(
            rx.button(t("ui.school.card.resolve"), size="1", on_click=S.resolve,
                      id="flag-resolve-save"),
            rx.button(t("ui.school.form.cancel"), size="1", variant="soft", color_scheme="gray",
                      on_click=S.cancel_resolution),
            spacing="2",
        ),
        spacing="2",
        padding="0.6rem",
        margin_top="0.4rem",
        border_radius="6px",
        background_color=rx.color("gray", 2),
        width="100%",
        id="flag-resolution-form",
    )


def _flags() -> rx.Component:
    return section(
        "ui.school.card.flags",
        rx.cond(S.flags.length() > 0,
                rx.vstack(rx.foreach(S.flags, _flag), spacing="2", width="100%",
                          id="student-flags"),
                rx.text(t("ui.school.card.no_flags"), size="2", color_scheme="gray")),
        rx.cond(
            S.may_change_flags,
            rx.hstack(
                rx.link(rx.button(rx.icon("flag", size=14), t("ui.school.card.add_flag"),
                                  size="1", variant="soft"),
                        href="/school/students/" + S.student_id + "/flag",
                        id="student-add-flag"),
                rx.cond(S.free_flags > 0,
                        rx.button(rx.icon("folder-plus", size=14),
                                  t("ui.school.card.open_case"), size="1",
                                  on_click=S.open_case, id="student-open-case")),
                spacing="2",
                wrap="wrap",
            ),
        ),
    )


def _day(code: rx.Var, index: rx.Var) -> rx.Component:
    return rx.box(
        rx.text(index + 1, size="1", style={"font_size": "9px", "line_height": "16px"}),
        width="18px",
        height="18px",
        text_align="center",
        border_radius="3px",
        color=rx.cond(code == "unexcused", "white", rx.color("gray", 11)),
        background_color=rx.match(
            code,
            *[(name, rx.color(color, shade)) for name, (color, shade) in _DAY_COLORS.items()],
            rx.color("gray", 3),
        ),
    )


def _legend() -> rx.Component:
    return rx.hstack(
        *[rx.hstack(rx.box(width="10px", height="10px", border_radius="2px",
                           background_color=rx.color(color, shade)),
                    rx.text(t(f"ui.school.card.legend.{name}"), size="1"), spacing="1",
                    align="center")
          for name, (color, shade) in _DAY_COLORS.items()],
        spacing="3",
    )


def _attendance() -> rx.Component:
    return section(
        "ui.school.card.attendance",
        rx.cond(
            S.attendance.length() > 0,
            rx.vstack(
                _legend(),
                rx.foreach(S.attendance, lambda month: rx.hstack(
                    rx.text(month.label, size="1", width="7.5rem", flex_shrink="0"),
                    rx.hstack(rx.foreach(month.days, _day), spacing="1", wrap="wrap"),
                    rx.badge(month.unexcused, " ", t("ui.school.card.unexcused_days"),
                             color_scheme=rx.cond(month.alert, "red", "gray"),
                             variant=rx.cond(month.alert, "solid", "soft"), flex_shrink="0"),
                    align="center", spacing="2", width="100%")),
                spacing="2",
                width="100%",
                id="student-attendance",
            ),
            rx.text(t("ui.school.card.no_attendance"), size="2", color_scheme="gray"),
        ),
    )


def _cases() -> rx.Component:
    return section(
        "ui.school.card.cases",
        rx.cond(
            S.cases.length() > 0,
            rx.vstack(rx.foreach(S.cases, lambda case: rx.box(
                rx.hstack(rx.link(case["title"], href="/school/cases/" + case["id"],
                                  weight="medium", size="2"),
                          case_state_badge(case["state"], case["state_label"]),
                          align="center", spacing="2", wrap="wrap"),
                rx.text(case["dates"], " ", case["outcome"], size="1", color_scheme="gray"),
                rx.cond(case["council"] != "", rx.text(case["council"], size="1")),
                rx.cond(case["commission"] != "",
                        rx.text(t("ui.school.case.referred"), " ", case["commission"],
                                size="1", color_scheme="red")),
                width="100%")), spacing="3", width="100%", id="student-cases"),
            rx.text(t("ui.school.card.no_cases"), size="2", color_scheme="gray"),
        ),
        rx.text(t("ui.school.card.placements"), weight="bold", size="2"),
        rx.cond(
            S.placements.length() > 0,
            rx.foreach(S.placements, lambda p: rx.box(
                rx.text(p["organisation"], size="2"),
                rx.text(p["kind"], " · ", p["dates"], " · ", p["status"], size="1",
                        color_scheme="gray"))),
            rx.text(t("ui.school.card.no_placements"), size="2", color_scheme="gray"),
        ),
    )


def _openers() -> rx.Component:
    return section(
        "ui.school.card.openers",
        rx.box(
            rx.table.root(
                rx.table.body(rx.foreach(S.openers, lambda o: rx.table.row(
                    rx.table.cell(o["at"], white_space="nowrap"),
                    rx.table.cell(o["who"]),
                    rx.table.cell(rx.code(o["organisation"], variant="ghost")),
                ))),
                size="1",
                width="100%",
                id="student-openers",
            ),
            max_height="14rem",
            overflow_y="auto",
            width="100%",
        ),
    )


def _card() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading(S.full_name, size="6", id="student-name"),
            rx.badge(S.class_name, size="2", variant="soft"),
            align="center",
            spacing="3",
        ),
        notice(S.error),
        rx.grid(
            rx.vstack(_personal(), _openers(), spacing="4", width="100%"),
            rx.vstack(_flags(), _attendance(), _cases(), spacing="4", width="100%"),
            spacing="4",
            width="100%",
            grid_template_columns="1fr 2fr",
        ),
        spacing="3",
        width="100%",
    )


def student_card() -> rx.Component:
    return school_page(
        "/school/students", S,
        rx.match(
            S.status,
            ("shown", _card()),
            ("unavailable", rx.callout(t("ui.common.not_found_or_no_access"), icon="circle-alert",
                                       color_scheme="gray", id="student-unavailable")),
            rx.center(rx.spinner(size="3"), padding="3rem"),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(student_card, route=ROUTE, title="Juvenile", on_load=S.load)
