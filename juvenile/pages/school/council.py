"""The prevention council (Art. 78 (3)): meetings, and one meeting's record."""

import reflex as rx

from juvenile.components.dates import date_input
from juvenile.components.text import t
from juvenile.components.ui import (
    empty_state,
    field,
    label_for,
    label_id,
    no_access,
    notice,
    page_header,
    pager,
)
from juvenile.components.workspace import section
from juvenile.pages.school.common import case_state_badge, school_page
from juvenile.state.school.council.meeting import CouncilMeetingState as M
from juvenile.state.school.council.meetings import CouncilListState as L

LIST_ROUTE = "/school/council"
MEETING_ROUTE = "/school/council/[meeting_id]"
_STATUS_COLORS = {"planned": "blue", "held": "green"}


def _status(code: rx.Var, label: rx.Var) -> rx.Component:
    return rx.match(code, *[(c, rx.badge(label, color_scheme=color))
                            for c, color in _STATUS_COLORS.items()], rx.fragment())


def _case_choices(rows: rx.Var, chosen: rx.Var, toggle, prefix: str) -> rx.Component:
    return rx.vstack(rx.foreach(rows, lambda c: rx.hstack(
        rx.checkbox(checked=chosen.contains(c["id"]), id=prefix + c["id"],
                    aria_labelledby=label_id(prefix + c["id"]),
                    on_change=lambda checked: toggle(c["id"], checked)),
        label_for(prefix + c["id"], c["name"], " · ", c["class"], size="2"),
        rx.text(c["opened"], size="1", color_scheme="gray"),
        align="center", spacing="2")), spacing="2", width="100%")


# ---- the meetings ------------------------------------------------------------------------

def _meeting_row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.link(row["number"], href="/school/council/" + row["id"],
                              weight="medium")),
        rx.table.cell(row["date"]),
        rx.table.cell(_status(row["status"], row["status_label"])),
        rx.table.cell(row["decided"], " / ", row["cases"]),
    )


def _plan_form() -> rx.Component:
    return section(
        "ui.school.council.plan",
        rx.hstack(
            field("ui.school.council.number", rx.input(value=L.number, on_change=L.set_number,
                                                       id="meeting-number"), L.errors["number"]),
            field("ui.school.council.date", date_input(L.meeting_on,
                                                     on_change=L.set_meeting_on,
                                                     id="meeting-date"),
                  L.errors["meeting_on"]),
            width="100%",
            spacing="3",
        ),
        rx.text(t("ui.school.council.cases"), size="2", weight="medium"),
        rx.cond(L.waiting.length() > 0,
                _case_choices(L.waiting, L.chosen, L.toggle, "plan-case-"),
                rx.text(t("ui.school.council.no_waiting"), size="2", color_scheme="gray")),
        rx.cond(L.errors["cases"] != "", rx.text(L.errors["cases"], color_scheme="red",
                                                  size="1", role="alert")),
        notice(L.errors["general"]),
        rx.button(rx.icon("calendar-plus", size=16), t("ui.school.council.plan_button"),
                  on_click=L.plan, id="meeting-plan"),
        width="24rem",
        flex_shrink="0",
    )


def council_page() -> rx.Component:
    return school_page(
        LIST_ROUTE, L,
        rx.cond(
            L.denied,
            no_access(),
            rx.vstack(
                page_header("ui.school.council.title",
                            subtitle=t("ui.school.council.subtitle")),
                rx.hstack(
                    rx.box(
                        rx.cond(
                            L.total > 0,
                            rx.vstack(
                                rx.table.root(
                                    rx.table.header(rx.table.row(
                                        rx.table.column_header_cell(
                                            t("ui.school.council.number")),
                                        rx.table.column_header_cell(t("ui.school.council.date")),
                                        rx.table.column_header_cell(
                                            t("ui.school.council.status")),
                                        rx.table.column_header_cell(
                                            t("ui.school.council.decided")),
                                    )),
                                    rx.table.body(rx.foreach(L.meetings, _meeting_row)),
                                    width="100%", variant="surface", id="meetings-table",
                                ),
                                pager(L.page, L.pages, L.total, L.previous_page, L.next_page),
                                width="100%",
                            ),
                            rx.cond(L.loaded, empty_state("gavel", "ui.school.council.empty")),
                        ),
                        flex="1",
                        min_width="0",
                    ),
                    _plan_form(),
                    spacing="4",
                    align="start",
                    width="100%",
                ),
                width="100%",
            ),
        ),
    )


# ---- one meeting -------------------------------------------------------------------------

def _hold_form() -> rx.Component:
    return section(
        "ui.school.council.hold",
        field("ui.school.council.members",
              rx.text_area(value=M.members_text, on_change=M.set_members_text, rows="4",
                           width="100%", id="meeting-members",
                           placeholder=t("ui.school.council.members_hint")),
              M.hold_errors["members"]),
        notice(M.hold_errors["general"]),
        rx.button(t("ui.school.council.hold_button"), on_click=M.hold, id="meeting-hold"),
    )


def _add_cases() -> rx.Component:
    return rx.cond(M.waiting.length() > 0, section(
        "ui.school.council.add_cases",
        _case_choices(M.waiting, M.chosen, M.toggle, "add-case-"),
        notice(M.add_error),
        rx.button(t("ui.school.council.add_button"), variant="soft", on_click=M.add_cases),
    ))


def _yes_no(name: str, value: rx.Var, label_key: str, group_id: str) -> rx.Component:
    return field(label_key, rx.radio_group.root(
        rx.radio_group.item(t("ui.school.council.yes"), value="yes"),
        rx.radio_group.item(t("ui.school.council.no"), value="no"),
        value=value, on_change=lambda v: M.set_form(name, v), direction="row", spacing="4",
        id=group_id), M.errors[name])


def _measure_editor() -> rx.Component:
    return rx.vstack(
        rx.text(t("ui.school.council.plan_measures"), size="2", weight="medium"),
        rx.foreach(M.measures, lambda m, i: rx.hstack(
            rx.input(value=m["description"], placeholder=t("ui.school.council.measure"),
                     on_change=lambda v: M.set_measure(i, "description", v), flex="1",
                     class_name="measure-description"),
            rx.input(value=m["responsible"], placeholder=t("ui.school.council.responsible"),
                     on_change=lambda v: M.set_measure(i, "responsible", v), width="11rem",
                     class_name="measure-responsible"),
            date_input(m["due"], on_change=lambda v: M.set_measure(i, "due", v),
                     width="10rem", class_name="measure-due"),
            rx.icon_button(rx.icon("trash-2", size=14), variant="ghost", color_scheme="gray",
                           on_click=M.remove_measure(i), aria_label=t("ui.school.council.remove")),
            width="100%", spacing="2")),
        rx.cond(M.errors["measures"] != "", rx.text(M.errors["measures"], color_scheme="red",
                                                     size="1", role="alert")),
        rx.button(rx.icon("plus", size=14), t("ui.school.council.add_measure"), size="1",
                  variant="ghost", on_click=M.add_measure),
        width="100%",
        spacing="2",
    )


def _representatives_absence() -> rx.Component:
    """Why the representatives did not take part, and whether it was a documented
    refusal to attend with the day they were invited (Art. 78 (3))."""
    return rx.vstack(
        field("ui.school.council.reason",
              rx.input(value=M.representatives_reason, id="representatives-reason",
                       on_change=lambda v: M.set_form("representatives_reason", v)),
              M.errors["representatives_reason"]),
        rx.checkbox(t("ui.school.council.refused_to_attend"),
                    checked=M.representatives_refused == "yes", id="representatives-refused",
                    on_change=M.set_representatives_refused),
        rx.cond(M.representatives_refused == "yes", field(
            "ui.school.council.invited_on",
            date_input(M.invited_on, on_change=lambda v: M.set_form("invited_on", v),
                       id="representatives-invited-on"),
            M.errors["invited_on"])),
        width="100%",
        spacing="2",
    )


def _decision_form(item: rx.Var) -> rx.Component:
    return rx.vstack(
        rx.cond(
            item["recorded"] == "",
            rx.grid(
                rx.vstack(
                    _yes_no("minor_present", M.minor_present, "ui.school.council.minor_present",
                            "minor-present"),
                    rx.cond(M.minor_present == "no", field(
                        "ui.school.council.reason",
                        rx.input(value=M.minor_reason, id="minor-reason",
                                 on_change=lambda v: M.set_form("minor_reason", v)),
                        M.errors["minor_reason"])),
                    width="100%",
                ),
                rx.vstack(
                    _yes_no("representatives_present", M.representatives_present,
                            "ui.school.council.representatives_present",
                            "representatives-present"),
                    rx.cond(M.representatives_present == "no", _representatives_absence()),
                    width="100%",
                ),
                columns="2",
                spacing="4",
                width="100%",
            ),
        ),
        field("ui.school.council.decision", rx.radio_group.root(
            rx.radio_group.item(t("ui.school.council.decision.support_assigned"),
                                value="support_assigned"),
            rx.radio_group.item(t("ui.school.council.decision.support_not_needed"),
                                value="support_not_needed"),
            rx.radio_group.item(t("ui.school.council.decision.representatives_refused"),
                                value="representatives_refused"),
            value=M.decision, on_change=lambda v: M.set_form("decision", v), id="decision"),
            M.errors["decision"]),
        rx.callout(t("ui.school.council.participation_rule"), icon="users", color_scheme="blue",
                   size="1", width="100%", id="participation-rule"),
        rx.cond(M.decision == "support_assigned", _measure_editor()),
        rx.cond(M.decision == "representatives_refused",
                rx.callout(t("ui.school.council.refusal_note"), icon="landmark",
                           color_scheme="amber", size="1", width="100%")),
        notice(M.errors["general"]),
        rx.hstack(
            rx.button(t("ui.school.council.save"), on_click=M.save_case, id="decision-save"),
            rx.button(t("ui.school.form.cancel"), variant="soft", color_scheme="gray",
                      on_click=M.cancel_case),
            spacing="3",
        ),
        spacing="3",
        width="100%",
        padding_top="0.5rem",
    )


def _agenda_item(item: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.link(item["name"], href="/school/students/" + item["student_id"],
                        weight="bold"),
                rx.text(item["class"], size="2", color_scheme="gray"),
                rx.spacer(),
                rx.link(case_state_badge(item["state"], item["state_label"]),
                        href="/school/cases/" + item["case_id"]),
                width="100%",
                align="center",
            ),
            rx.text(t("ui.school.council.minor"), ": ", item["minor"], size="2"),
            rx.text(t("ui.school.council.representatives"), ": ", item["representatives"],
                    size="2"),
            rx.cond(item["decision"] != "",
                    rx.text(t("ui.school.council.decision"), ": ", item["decision"],
                            weight="medium", size="2")),
            rx.cond(item["commission"] != "",
                    rx.callout(rx.text(rx.text(t("ui.school.case.referred"), weight="bold"),
                                       " ", item["commission"]),
                               icon="landmark", color_scheme="red", size="1", width="100%",
                               class_name="agenda-referred")),
            rx.cond(
                (item["decision"] == "") & (M.status == "held"),
                rx.cond(
                    M.active_case == item["case_id"],
                    _decision_form(item),
                    rx.button(t("ui.school.council.record"), size="2", variant="soft",
                              on_click=M.record_case(item["case_id"]),
                              class_name="agenda-record"),
                ),
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
        class_name="agenda-item",
    )


def meeting_page() -> rx.Component:
    return school_page(
        LIST_ROUTE, M,
        rx.cond(
            M.denied,
            no_access(),
            rx.cond(
                M.loaded,
                rx.vstack(
                    rx.hstack(
                        rx.vstack(
                            rx.text(M.school, size="2", color_scheme="gray"),
                            rx.heading(M.title, size="6", id="meeting-title"),
                            _status(M.status, M.status_label),
                            spacing="1",
                        ),
                        rx.spacer(),
                        rx.button(rx.icon("file-down", size=16),
                                  t("ui.school.council.protocol_pdf"),
                                  on_click=M.download_protocol, id="meeting-protocol"),
                        width="100%",
                        align="start",
                    ),
                    rx.grid(
                        rx.vstack(
                            rx.heading(t("ui.school.council.agenda"), size="4"),
                            rx.cond(M.agenda.length() > 0,
                                    rx.vstack(rx.foreach(M.agenda, _agenda_item), width="100%",
                                              spacing="3", id="meeting-agenda"),
                                    empty_state("list-plus", "ui.school.council.no_agenda")),
                            width="100%",
                        ),
                        rx.vstack(
                            rx.cond(
                                M.status == "planned",
                                rx.vstack(_hold_form(), _add_cases(), width="100%",
                                          spacing="4"),
                                section("ui.school.council.members_present",
                                        rx.foreach(M.members, lambda m: rx.text(m, size="2")),
                                        id="meeting-members-present"),
                            ),
                            width="100%",
                        ),
                        spacing="4",
                        width="100%",
                        grid_template_columns="1.6fr 1fr",
                    ),
                    width="100%",
                    spacing="4",
                ),
                rx.center(rx.spinner(size="3"), padding="3rem"),
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(council_page, route=LIST_ROUTE, title="Juvenile", on_load=L.load)
    app.add_page(meeting_page, route=MEETING_ROUTE, title="Juvenile", on_load=M.load)
