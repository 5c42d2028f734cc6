"""The student card: who the child is, their school and legal representatives.

A student who does not exist and one the user may not see look the same:
one message and no data (Art. 83 (2): nothing about a child is disclosed).
"""

import reflex as rx

from juvenile.components.shell import page_shell
from juvenile.components.text import t
from juvenile.state.student_card import StudentCardState

ROUTE = "/school/students/[student_id]"


def _row(label_key: str, value: rx.Var, value_id: str) -> rx.Component:
    return rx.data_list.item(
        rx.data_list.label(t(label_key)),
        rx.data_list.value(value, id=value_id),
    )


def _card() -> rx.Component:
    return rx.vstack(
        rx.heading(StudentCardState.full_name, size="7", id="student-name"),
        rx.data_list.root(
            _row("ui.student_card.iin", StudentCardState.iin, "student-iin"),
            _row("ui.student_card.birth_date", StudentCardState.birth_date,
                 "student-birth-date"),
            _row("ui.student_card.school", StudentCardState.school, "student-school"),
            _row("ui.student_card.class", StudentCardState.class_name, "student-class"),
        ),
        rx.heading(t("ui.student_card.representatives"), size="4"),
        rx.cond(
            StudentCardState.representatives.length() > 0,
            rx.table.root(
                rx.table.body(
                    rx.foreach(
                        StudentCardState.representatives,
                        lambda person: rx.table.row(
                            rx.table.cell(person["name"]),
                            rx.table.cell(person["relation"]),
                            rx.table.cell(person["phone"]),
                        ),
                    )
                ),
                id="student-representatives",
            ),
            rx.text(t("ui.student_card.no_representatives"), color_scheme="gray"),
        ),
        spacing="4",
        width="100%",
    )


def student_card() -> rx.Component:
    return page_shell(
        rx.match(
            StudentCardState.status,
            ("shown", _card()),
            ("unavailable", rx.callout(t("ui.student_card.unavailable"), icon="circle-alert",
                                       color_scheme="gray", id="student-unavailable")),
            rx.center(rx.spinner(size="3"), padding="3rem"),
        )
    )


def register(app: rx.App) -> None:
    app.add_page(student_card, route=ROUTE, title="Juvenile", on_load=StudentCardState.load)
