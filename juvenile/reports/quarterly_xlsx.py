"""The quarterly analysis as an XLSX workbook: one sheet per table.

Bold, filled headers; the header row and the label columns frozen; numbers
stored as numbers with formats (counts, rates per 100, percentages), so the
analyst can sort, filter and chart them in the spreadsheet.
"""

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from juvenile.analysis.result import QuarterlyAnalysis
from juvenile.analysis.tables import CellKind, Table, all_tables, quarter_label
from juvenile.i18n import translate
from juvenile.spreadsheet import text_cell

FORMATS = {
    CellKind.COUNT: "#,##0",
    CellKind.RATE: "#,##0.00",
    CellKind.PERCENT: "0.0%",
    CellKind.CHANGE_PCT: "+0.0%;-0.0%;0.0%",
}
_PERCENT_KINDS = (CellKind.PERCENT, CellKind.CHANGE_PCT)
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="E8F0F0")
_WRAP = Alignment(wrap_text=True, vertical="top")
_SHEET_NAME_LIMIT = 31


def render(analysis: QuarterlyAnalysis, language: str) -> bytes:
    # Write-only mode streams rows: a region's thousand schools stay quick and small.
    workbook = Workbook(write_only=True)
    title = translate("analysis.title", language)
    subtitle = quarter_label(analysis.quarter, language)
    for table in all_tables(analysis, language):
        name = translate(f"analysis.sheet.{table.key}", language)
        caption = f"{title} — {analysis.scope.name(language)}, {subtitle}. {table.title}"
        _sheet(workbook, _sheet_name(name), table, caption)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet(workbook: Workbook, name: str, table: Table, caption: str) -> None:
    sheet = workbook.create_sheet(name)
    # Row 1 the caption, row 2 the headers: panes freeze below the headers and
    # right of the label columns.
    sheet.freeze_panes = f"{get_column_letter(table.frozen_columns + 1)}3"
    for index, column in enumerate(table.columns, start=1):
        width = 40 if column.kind == CellKind.TEXT and index == table.frozen_columns else 14
        sheet.column_dimensions[get_column_letter(index)].width = width
    caption_cell = WriteOnlyCell(sheet, text_cell(caption))
    caption_cell.font = _HEADER_FONT
    sheet.append([caption_cell])
    headers = []
    for column in table.columns:
        cell = WriteOnlyCell(sheet, text_cell(column.header))
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _WRAP
        headers.append(cell)
    sheet.append(headers)
    for number, row in enumerate(table.rows):
        row_kind = table.row_kinds[number] if table.row_kinds else None
        sheet.append(_cells(sheet, table, row, row_kind))
    if table.total is not None:
        cells = _cells(sheet, table, table.total, None)
        for cell in cells:
            cell.font = _HEADER_FONT
        sheet.append(cells)


def _cells(sheet, table: Table, row: list, row_kind: str | None) -> list[WriteOnlyCell]:
    cells = []
    for column, value in zip(table.columns, row, strict=True):
        kind = row_kind if column.kind == CellKind.BY_ROW else column.kind
        if kind in _PERCENT_KINDS and value is not None:
            value = value / 100.0  # a spreadsheet percentage is a fraction
        cell = WriteOnlyCell(sheet, text_cell(value))
        if kind in FORMATS:
            cell.number_format = FORMATS[kind]
        cells.append(cell)
    return cells


def _sheet_name(title: str) -> str:
    for forbidden in "[]:*?/\\":
        title = title.replace(forbidden, " ")
    return title[:_SHEET_NAME_LIMIT].strip()
