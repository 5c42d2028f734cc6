"""Imports of the student register and of attendance: upload, preview, progress, summary."""

import reflex as rx

from juvenile.components.text import t
from juvenile.components.ui import drop_zone, page_header
from juvenile.pages.school.common import school_page
from juvenile.state.school.imports import UPLOAD_ID, ImportState

ROUTE = "/school/import"
_ACCEPT = {
    "text/csv": [".csv"],
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
}


def _kind_choice() -> rx.Component:
    return rx.segmented_control.root(
        rx.segmented_control.item(t("ui.school.import.kind.attendance"), value="attendance"),
        rx.segmented_control.item(t("ui.school.import.kind.students"), value="students"),
        value=ImportState.kind,
        on_change=ImportState.set_kind,
        id="import-kind",
    )


def _drop_zone() -> rx.Component:
    return drop_zone(
        UPLOAD_ID, ImportState.upload(rx.upload_files(upload_id=UPLOAD_ID)), _ACCEPT,
        "ui.school.import.choose",
        rx.text(t("ui.school.import.columns"), " ", rx.code(ImportState.required_columns),
                size="1", color_scheme="gray", align="center"),
        rx.text(t("ui.school.import.all_or_nothing"), size="1", color_scheme="gray",
                align="center"),
        heading=rx.text(t("ui.school.import.drop"), weight="medium"),
    )


def _errors() -> rx.Component:
    return rx.vstack(
        rx.callout(ImportState.message, icon="circle-x", color_scheme="red", width="100%",
                   id="import-rejected", role="alert"),
        rx.cond(
            ImportState.errors.length() > 0,
            rx.table.root(
                rx.table.header(rx.table.row(
                    rx.table.column_header_cell(t("ui.school.import.row")),
                    rx.table.column_header_cell(t("ui.school.import.field")),
                    rx.table.column_header_cell(t("ui.school.import.problem")),
                )),
                rx.table.body(rx.foreach(ImportState.errors, lambda e: rx.table.row(
                    rx.table.cell(e["row"]), rx.table.cell(rx.code(e["column"])),
                    rx.table.cell(e["message"])))),
                size="1",
                width="100%",
                variant="surface",
                id="import-errors",
            ),
        ),
        rx.cond(ImportState.error_count > ImportState.errors.length(),
                rx.text(t("ui.school.import.more_errors"), size="1", color_scheme="gray")),
        rx.button(t("ui.school.import.another"), variant="soft", on_click=ImportState.start_over),
        spacing="3",
        width="100%",
    )


def _preview() -> rx.Component:
    return rx.vstack(
        rx.callout(ImportState.message, icon="circle-check", color_scheme="green",
                   width="100%", id="import-ready"),
        rx.text(t("ui.school.import.preview"), " (", ImportState.row_count, ")", weight="medium",
                size="2"),
        rx.box(
            rx.table.root(
                rx.table.header(rx.table.row(
                    rx.table.column_header_cell(t("ui.school.import.row")),
                    rx.foreach(ImportState.columns,
                               lambda c: rx.table.column_header_cell(rx.code(c))))),
                rx.table.body(rx.foreach(ImportState.preview, lambda row: rx.table.row(
                    rx.foreach(row, lambda cell: rx.table.cell(cell))))),
                size="1",
                variant="surface",
                id="import-preview",
            ),
            overflow_x="auto",
            width="100%",
        ),
        rx.hstack(
            rx.button(rx.icon("upload", size=16), t("ui.school.import.run"),
                      on_click=ImportState.run, id="import-run"),
            rx.button(t("ui.school.import.another"), variant="soft", color_scheme="gray",
                      on_click=ImportState.start_over),
            spacing="3",
        ),
        spacing="3",
        width="100%",
    )


def _progress() -> rx.Component:
    return rx.vstack(
        rx.text(t("ui.school.import.importing"), " ", ImportState.file_name, weight="medium"),
        rx.progress(value=ImportState.progress, max=100, width="100%", id="import-progress",
                    aria_label=t("ui.school.import.progress")),
        rx.text(ImportState.progress, " %", size="2", color_scheme="gray"),
        width="100%",
        spacing="2",
    )


def _done() -> rx.Component:
    return rx.vstack(
        rx.callout(ImportState.summary, icon="circle-check", color_scheme="green", width="100%",
                   id="import-summary"),
        rx.hstack(
            rx.cond(
                ImportState.scan_month != "",
                rx.link(t("ui.school.import.to_absences"),
                        href="/school/absences?month=" + ImportState.scan_month,
                        id="import-to-absences"),
                rx.link(t("ui.school.import.to_register"), href="/school/students"),
            ),
            rx.button(t("ui.school.import.another"), variant="soft",
                      on_click=ImportState.start_over),
            spacing="4",
            align="center",
        ),
        spacing="3",
        width="100%",
    )


def import_page() -> rx.Component:
    return school_page(
        ROUTE, ImportState,
        page_header("ui.school.import.title", _kind_choice(),
                    subtitle=t("ui.school.import.subtitle")),
        rx.card(
            rx.match(
                ImportState.phase,
                ("checking", rx.hstack(rx.spinner(), rx.text(t("ui.school.import.checking"),
                                                             " ", ImportState.file_name),
                                       id="import-checking")),
                ("rejected", _errors()),
                ("ready", _preview()),
                ("importing", _progress()),
                ("done", _done()),
                _drop_zone(),
            ),
            width="100%",
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(import_page, route=ROUTE, title="Juvenile", on_load=ImportState.load)
