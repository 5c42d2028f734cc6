"""The administration's front page and its reference-data pages."""

import reflex as rx

from juvenile.components.dates import spelled_day
from juvenile.components.shell import page_shell
from juvenile.components.text import t
from juvenile.components.ui import (
    actions_header,
    drop_zone,
    empty_state,
    field,
    no_access,
    notice,
    page_header,
)
from juvenile.state.admin_config import (
    CalendarAdminState,
    DecisionCatalogueState,
    OrganisationImportState,
)

ADMIN_ROUTE = "/admin"
ROUTES = (ADMIN_ROUTE,)
UPLOAD_ID = "organisations-upload"

# (route, title key, icon) of each administration page, as the front page lists them.
_SECTIONS = [
    ("/admin/users", "ui.nav.users", "users"),
    ("/admin/audit", "ui.nav.audit", "scroll-text"),
    ("/admin/calendar", "ui.calendar.title", "calendar-days"),
    ("/admin/decision-types", "ui.decision_catalogue.title", "list-checks"),
    ("/admin/organisations", "ui.organisations.title", "building-2"),
]


def _section_card(route: str, key: str, icon: str) -> rx.Component:
    return rx.link(
        rx.card(
            rx.hstack(rx.icon(icon, size=22, color=rx.color("teal", 10)),
                      rx.text(t(key), weight="medium"), align="center", spacing="3"),
            size="2",
        ),
        href=route, underline="none", color_scheme="gray", high_contrast=True,
    )


def admin_home() -> rx.Component:
    return page_shell(
        page_header("ui.nav.admin", subtitle=t("ui.nav.admin.about")),
        rx.grid(*[_section_card(*section) for section in _SECTIONS],
                columns=rx.breakpoints(initial="1", sm="2", lg="3"), spacing="4", width="100%"),
    )


def _messages(state) -> rx.Component:
    return rx.vstack(notice(state.form_error), notice(state.done_message, color="green"),
                     width="100%")


# ---- working-day calendar -----------------------------------------------------------

def _calendar_row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["shown"]),
        rx.table.cell(
            rx.text(row["name"], color=rx.cond(row["working"] != "", rx.color("blue", 11),
                                               rx.color("gray", 12))),
            rx.cond(row["estimated"] != "",
                    rx.badge(t("ui.calendar.estimated"), color_scheme="orange", variant="outline",
                             class_name="calendar-estimated")),
        ),
        rx.table.cell(rx.badge(t(row["source_key"]), class_name="calendar-source",
                               color_scheme=rx.match(
            row["source"], ("law", "teal"), ("transfer", "cyan"), ("resolution", "amber"),
            ("administrator", "blue"), "gray"))),
        rx.table.cell(row["note"], rx.cond(row["for"] != "", rx.text(" (", row["for"], ")"))),
        rx.table.cell(rx.cond(
            row["estimated"] != "",
            rx.button(rx.icon("check", size=14), t("ui.calendar.confirm"), size="1",
                      variant="soft", color_scheme="green", class_name="calendar-confirm",
                      on_click=CalendarAdminState.confirm_kurban_ait(row["day"])),
            rx.cond(
                row["removable"] != "",
                rx.button(rx.icon("trash-2", size=14), t("ui.calendar.remove"), size="1",
                          variant="soft", color_scheme="red",
                          on_click=CalendarAdminState.remove_day(row["day"])),
            ),
        )),
        data_day=row["day"],
    )


def _calendar_form() -> rx.Component:
    return rx.form(
        rx.hstack(
            field("ui.calendar.day", rx.vstack(
                rx.input(name="day", type="date", required=True,
                         on_change=CalendarAdminState.set_typed_day),
                rx.text(spelled_day(CalendarAdminState.typed_day), size="1",
                        color_scheme="gray", class_name="date-spelled"), spacing="1")),
            field("ui.calendar.kind", rx.select.root(
                rx.select.trigger(aria_label=t("ui.calendar.kind")),
                rx.select.content(
                    rx.select.item(t("ui.calendar.kind.day_off"), value="day_off"),
                    rx.select.item(t("ui.calendar.kind.working_day"), value="working_day"),
                    rx.select.item(t("ui.calendar.kind.kurban_ait"), value="kurban_ait"),
                ),
                name="kind", default_value="day_off",
            )),
            field("ui.calendar.note", rx.input(name="note", max_length=300)),
            rx.button(t("ui.calendar.add"), type="submit"),
            align="end", spacing="3", width="100%",
        ),
        on_submit=CalendarAdminState.add_day,
        reset_on_submit=True,
    )


def calendar_page() -> rx.Component:
    state = CalendarAdminState
    return page_shell(
        page_header("ui.calendar.title", subtitle=t("ui.calendar.about")),
        rx.cond(
            state.denied,
            no_access(),
            rx.vstack(
                _calendar_form(),
                _messages(state),
                rx.hstack(
                    rx.icon_button(rx.icon("chevron-left"), variant="soft",
                                   on_click=state.change_year(-1), aria_label="previous year"),
                    rx.heading(state.year, size="4", id="calendar-year"),
                    rx.icon_button(rx.icon("chevron-right"), variant="soft",
                                   on_click=state.change_year(1), aria_label="next year"),
                    align="center",
                ),
                rx.table.root(
                    rx.table.header(rx.table.row(
                        rx.table.column_header_cell(t("ui.calendar.day")),
                        rx.table.column_header_cell(t("ui.calendar.what")),
                        rx.table.column_header_cell(t("ui.calendar.source")),
                        rx.table.column_header_cell(t("ui.calendar.note")),
                        actions_header(),
                    )),
                    rx.table.body(rx.foreach(state.rows, _calendar_row)),
                    width="100%", id="calendar-table",
                ),
                spacing="4", width="100%",
            ),
        ),
    )


# ---- decision catalogue ---------------------------------------------------------------

def _decision_row(row: rx.Var) -> rx.Component:
    state = DecisionCatalogueState
    return rx.table.row(
        rx.table.cell(rx.code(row["code"])),
        rx.table.cell(row["name"]),
        rx.table.cell(rx.cond(row["follow_up"] != "", rx.icon("check", size=16))),
        rx.table.cell(rx.cond(
            row["active"] != "",
            rx.button(t("ui.decision_catalogue.withdraw"), size="1", variant="soft",
                      white_space="nowrap", color_scheme="gray",
                      on_click=state.set_active(row["code"], False)),
            rx.button(t("ui.decision_catalogue.restore"), size="1", variant="soft",
                      on_click=state.set_active(row["code"], True)),
        )),
    )


def decision_types_page() -> rx.Component:
    state = DecisionCatalogueState
    form = rx.form(
        rx.vstack(
            rx.hstack(
                field("ui.decision_catalogue.code",
                      rx.input(name="code", required=True, max_length=40)),
                field("ui.decision_catalogue.name_kk",
                      rx.input(name="name_kk", required=True, max_length=300)),
                field("ui.decision_catalogue.name_ru",
                      rx.input(name="name_ru", required=True, max_length=300)),
                spacing="3", width="100%",
            ),
            rx.hstack(
                rx.checkbox(t("ui.decision_catalogue.follow_up"), name="follow_up",
                            default_checked=True),
                rx.spacer(),
                rx.button(t("ui.decision_catalogue.add"), type="submit"),
                width="100%", align="center",
            ),
            width="100%",
        ),
        on_submit=state.add_type,
        reset_on_submit=True,
    )
    return page_shell(
        page_header("ui.decision_catalogue.title", subtitle=t("ui.decision_catalogue.about")),
        rx.cond(
            state.denied,
            no_access(),
            rx.vstack(
                form,
                _messages(state),
                rx.table.root(
                    rx.table.header(rx.table.row(
                        rx.table.column_header_cell(t("ui.decision_catalogue.code")),
                        rx.table.column_header_cell(t("ui.decision_catalogue.name")),
                        rx.table.column_header_cell(t("ui.decision_catalogue.follow_up")),
                        actions_header(),
                    )),
                    rx.table.body(rx.foreach(state.rows, _decision_row)),
                    width="100%", id="decision-types-table",
                ),
                spacing="4", width="100%",
            ),
        ),
    )


# ---- organisations import ---------------------------------------------------------------

def _error_row(row: rx.Var) -> rx.Component:
    return rx.table.row(rx.table.cell(row["row"]), rx.table.cell(rx.code(row["column"])),
                        rx.table.cell(row["message"]))


def organisations_page() -> rx.Component:
    state = OrganisationImportState
    zone = drop_zone(
        UPLOAD_ID, state.upload(rx.upload_files(upload_id=UPLOAD_ID)),
        {"text/csv": [".csv"],
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"]},
        "ui.organisations.choose",
        rx.text(t("ui.organisations.columns"), " ",
                rx.code("kind,code,name_kk,name_ru,parent_code,special_kind"),
                size="1", color_scheme="gray", align="center"),
    )
    errors = rx.cond(
        state.errors.length() > 0,
        rx.table.root(
            rx.table.header(rx.table.row(
                rx.table.column_header_cell(t("ui.organisations.row")),
                rx.table.column_header_cell(t("ui.organisations.field")),
                rx.table.column_header_cell(t("ui.organisations.problem")),
            )),
            rx.table.body(rx.foreach(state.errors, _error_row)),
            width="100%", id="organisation-errors",
        ),
        empty_state("building-2", "ui.organisations.empty"),
    )
    return page_shell(
        page_header("ui.organisations.title", subtitle=t("ui.organisations.about")),
        rx.cond(state.denied, no_access(),
                rx.vstack(zone, _messages(state), errors, spacing="4", width="100%")),
    )


def register(app: rx.App) -> None:
    app.add_page(admin_home, route=ADMIN_ROUTE, title="Juvenile")
    app.add_page(calendar_page, route="/admin/calendar", title="Juvenile",
                 on_load=CalendarAdminState.load)
    app.add_page(decision_types_page, route="/admin/decision-types", title="Juvenile",
                 on_load=DecisionCatalogueState.load)
    app.add_page(organisations_page, route="/admin/organisations", title="Juvenile",
                 on_load=OrganisationImportState.load)
