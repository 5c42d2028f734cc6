"""The quarterly analysis as an XLSX workbook: one sheet per table.

Bold, filled headers; the header row and the label columns frozen; numbers
stored as numbers with formats (counts, rates per 100, percentages), so the
analyst can sort, filter and chart them in the spreadsheet.
"""

from juvenile.analysis.result import QuarterlyAnalysis
from juvenile.analysis.tables import CellKind, Table, all_tables, quarter_label
from juvenile.i18n import translate
from juvenile.reports.xlsx_stream import Style, Workbook, column_letter
from juvenile.spreadsheet import text_cell

FORMATS = {
    CellKind.COUNT: "#,##0",
    CellKind.RATE: "#,##0.00",
    CellKind.PERCENT: "0.0%",
    CellKind.CHANGE_PCT: "+0.0%;-0.0%;0.0%",
}
_PERCENT_KINDS = (CellKind.PERCENT, CellKind.CHANGE_PCT)
_CAPTION = Style(bold=True)
_HEADER = Style(bold=True, fill="E8F0F0", wrap=True)
_SHEET_NAME_LIMIT = 31


def render(analysis: QuarterlyAnalysis, language: str) -> bytes:
    # Streamed as XML (reports.xlsx_stream): a region's thousand schools stay quick.
    workbook = Workbook()
    title = translate("analysis.title", language)
    subtitle = quarter_label(analysis.quarter, language)
    for table in all_tables(analysis, language):
        name = translate(f"analysis.sheet.{table.key}", language)
        caption = f"{title} — {analysis.scope.name(language)}, {subtitle}. {table.title}"
        _sheet(workbook, _sheet_name(name), table, caption)
    return workbook.save()


def _sheet(workbook: Workbook, name: str, table: Table, caption: str) -> None:
    sheet = workbook.sheet(name)
    # Row 1 the caption, row 2 the headers: panes freeze below the headers and
    # right of the label columns.
    sheet.frozen = f"{column_letter(table.frozen_columns + 1)}3"
    for index, column in enumerate(table.columns, start=1):
        sheet.widths[index] = (40 if column.kind == CellKind.TEXT
                               and index == table.frozen_columns else 14)
    sheet.append([text_cell(caption)], _CAPTION)
    sheet.append([text_cell(column.header) for column in table.columns], _HEADER)
    # one style per column, and per kind of row where a column's kind is the row's
    styles = {kind: [Style(number_format=FORMATS.get(_kind(column, kind), ""))
                     for column in table.columns]
              for kind in {*table.row_kinds, None}}
    for number, row in enumerate(table.rows):
        row_kind = table.row_kinds[number] if table.row_kinds else None
        sheet.append(_values(table, row, row_kind), styles[row_kind])
    if table.total is not None:
        sheet.append(_values(table, table.total, None),
                     [Style(bold=True, number_format=style.number_format)
                      for style in styles[None]])


def _kind(column, row_kind: str | None):
    return row_kind if column.kind == CellKind.BY_ROW else column.kind


def _values(table: Table, row: list, row_kind: str | None) -> list:
    values = []
    for column, value in zip(table.columns, row, strict=True):
        if _kind(column, row_kind) in _PERCENT_KINDS and value is not None:
            value = value / 100.0  # a spreadsheet percentage is a fraction
        values.append(text_cell(value))
    return values


def _sheet_name(title: str) -> str:
    for forbidden in "[]:*?/\\":
        title = title.replace(forbidden, " ")
    return title[:_SHEET_NAME_LIMIT].strip()
