"""The workbook written as XML (reports.xlsx_stream) reads back in openpyxl with its
texts, numbers, formats, bold and filled headers, frozen panes and column widths."""

import io

import pytest
from openpyxl import load_workbook

from juvenile.reports.xlsx_stream import Style, Workbook, column_letter


@pytest.mark.parametrize(("number", "letters"), [(1, "A"), (26, "Z"), (27, "AA"),
                                                 (52, "AZ"), (703, "AAA"), (16384, "XFD")])
def test_column_letters(number, letters):
    assert column_letter(number) == letters


def test_a_workbook_reads_back_as_written():
    workbook = Workbook()
    sheet = workbook.sheet('Жиынтық "Q2" & <all>')
    sheet.frozen, sheet.widths = "C3", {1: 40, 2: 14}
    sheet.append(["Тоқсандық талдау <2026> & Q2"], Style(bold=True))
    sheet.append(["Бөлім", "Көрсеткіш", "Үлес"], Style(bold=True, fill="E8F0F0", wrap=True))
    sheet.append(["a\x01b\x0bc", 1234, 0.255],
                 [Style(), Style(number_format="#,##0"), Style(number_format="0.0%")])
    sheet.append([None, float("nan"), -0.5], Style(number_format="+0.0%;-0.0%;0.0%"))
    workbook.sheet("Екінші").append(["'=1+1", 2.0])

    book = load_workbook(io.BytesIO(workbook.save()))
    first, second = book.worksheets
    assert book.sheetnames == ['Жиынтық "Q2" & <all>', "Екінші"]
    assert first.freeze_panes == "C3"
    assert first.column_dimensions["A"].width == 40
    assert first["A1"].value == "Тоқсандық талдау <2026> & Q2" and first["A1"].font.bold
    header = first["B2"]
    assert (header.value, header.font.bold, header.fill.fgColor.rgb,
            header.alignment.wrap_text) == ("Көрсеткіш", True, "FFE8F0F0", True)
    assert first["A3"].value == "abc"  # control characters have no place in XML
    assert (first["B3"].value, first["B3"].number_format) == (1234, "#,##0")
    assert (first["C3"].value, first["C3"].number_format) == (pytest.approx(0.255), "0.0%")
    assert [first["A4"].value, first["B4"].value, first["C4"].value] == [None, None, -0.5]
    assert first["C4"].number_format == "+0.0%;-0.0%;0.0%"
    assert (second["A1"].value, second["A1"].data_type, second["B1"].value) == (
        "'=1+1", "s", 2)  # a text, never a formula
