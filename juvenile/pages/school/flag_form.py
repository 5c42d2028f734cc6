"""The flag form: a student's criteria of Art. 78 (2), each with its evidence."""

import reflex as rx

from juvenile.components.dates import date_input
from juvenile.components.text import t
from juvenile.components.ui import field, label_for, label_id, no_access, notice, page_header
from juvenile.pages.school.common import school_page
from juvenile.state.school.flag_form import FlagFormState as S

ROUTE = "/school/students/[student_id]/flag"


def _criterion(row: rx.Var) -> rx.Component:
    number = row["number"]
    chosen = S.checked.contains(number)
    return rx.box(
        rx.hstack(
            rx.checkbox(checked=chosen, on_change=lambda checked: S.toggle(number, checked),
                        id="criterion-" + number,
                        aria_labelledby=label_id("criterion-" + number)),
            label_for("criterion-" + number, number, ". ", row["name"],
                      size="2", weight=rx.cond(chosen, "medium", "regular")),
            rx.cond(row["sensitive"] != "",
                    rx.tooltip(rx.icon("lock", size=14, color=rx.color("amber", 10)),
                               content=t("ui.school.flag.sensitive"))),
            align="start",
            spacing="2",
        ),
        rx.cond(
            chosen,
            rx.box(
                field("ui.school.flag.evidence",
                      rx.text_area(value=S.evidence[number],
                                   on_change=lambda text: S.set_evidence(number, text),
                                   id="evidence-" + number, rows="2", width="100%",
                                   placeholder=t("ui.school.flag.evidence_hint")),
                      S.evidence_errors[number]),
                padding_left="1.75rem",
                padding_top="0.4rem",
                id="evidence-field-" + number,
            ),
        ),
        padding="0.5rem",
        border_radius="6px",
        background_color=rx.cond(chosen, rx.color("teal", 2), "transparent"),
        width="100%",
    )


def flag_page() -> rx.Component:
    return school_page(
        "/school/students", S,
        rx.cond(
            S.denied,
            no_access(),
            rx.vstack(
                page_header("ui.school.flag.title", subtitle=S.student_name),
                rx.card(
                    rx.vstack(
                        rx.box(field("ui.school.flag.noticed_on",
                                     date_input(S.noticed_on,
                                              on_change=S.set_noticed_on, id="noticed-on"),
                                     S.date_error), width="14rem"),
                        rx.text(t("ui.school.flag.choose"), weight="medium", size="2"),
                        rx.grid(rx.foreach(S.criteria, _criterion), columns="2", spacing="1",
                                width="100%"),
                        notice(S.error),
                        rx.hstack(
                            rx.button(t("ui.school.flag.save"), on_click=S.submit,
                                      id="flag-save"),
                            rx.link(t("ui.school.form.cancel"),
                                    href="/school/students/" + S.student_id),
                            spacing="4",
                            align="center",
                        ),
                        spacing="3",
                        width="100%",
                    ),
                    width="100%",
                ),
                width="100%",
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(flag_page, route=ROUTE, title="Juvenile", on_load=S.load)
