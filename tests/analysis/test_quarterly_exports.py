"""The exports hold the same figures as the analysis: XLSX (one sheet per table),
PDF in Kazakh or Russian with numbered pages, CSV in long format, and the CLI."""

import csv
import io

import pytest
from analysis_world import analyst
from openpyxl import load_workbook
from pypdf import PdfReader

from juvenile.cli import main
from juvenile.i18n import translate
from juvenile.security.actor import Actor
from juvenile.services.analysis.quarterly import export_quarterly, quarterly_analysis

KK_SHEETS = ["Жиынтық", "Сүйемелдеу", "Белгілер", "Істер", "Кеңес", "Комиссия",
             "Арнаулы ұйымдар", "Сабаққа бармау", "Серпін", "Рейтинг"]


def _export(world, fmt: str, language: str = "kk") -> bytes:
    own = analyst(district_id=world.districts["TST-D1"])
    return export_quarterly(own, 2026, 2, fmt, language=language).content


def _rows_by_first_cell(sheet, column: int = 1) -> dict:
    return {row[column - 1]: row for row in sheet.iter_rows(min_row=3, values_only=True)}


def test_the_workbook_holds_the_same_numbers(world):
    book = load_workbook(io.BytesIO(_export(world, "xlsx")))
    assert book.sheetnames == KK_SHEETS

    summary = book["Жиынтық"]
    assert summary.freeze_panes == "C3"
    assert summary["A2"].value == "Бөлім" and summary["A2"].font.bold
    rows = _rows_by_first_cell(summary, column=2)
    flags = rows[translate("analysis.indicator.flags_total", "kk")]
    assert flags[2:] == (4, 1, 3, pytest.approx(3.0))  # +300 % as a spreadsheet fraction
    on_time = rows[translate("analysis.indicator.rehab_on_time_pct", "kk")]
    assert on_time[2:] == (pytest.approx(0.5), None, None, None)
    assert summary.cell(row=3 + _index(summary, on_time), column=3).number_format == "0.0%"

    absence = _rows_by_first_cell(book["Сабаққа бармау"])
    school_a = absence["TST-A"]
    # code, name, enrolled, unexcused days, per 100, 4-day rule, then their changes
    assert school_a[2:6] == (9, 17, pytest.approx(1700 / 9), 2)
    assert school_a[6:10] == (0, 16, pytest.approx(1700 / 9 - 100 / 9), 2)
    assert absence["Барлығы"][2:6] == (14, 22, pytest.approx(2200 / 14), 3)
    flags_sheet = book["Белгілер"]
    assert flags_sheet.freeze_panes == "C3"  # the school's code and name stay in view
    assert _rows_by_first_cell(flags_sheet)["TST-A"][2:15] == (
        1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 3)
    ranking = _rows_by_first_cell(book["Рейтинг"], column=2)
    assert ranking["TST-B"][0] == 1 and ranking["TST-B"][3] == 2


def _index(sheet, row: tuple) -> int:
    return [r for r in sheet.iter_rows(min_row=3, values_only=True)].index(row)


def test_the_pdf_has_the_kazakh_headings_and_numbered_pages(world):
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(_export(world, "pdf"))).pages]
    text = "\n".join(pages)
    for key in ("analysis.title", "analysis.table.summary", "analysis.chart.flags",
                "analysis.group.support", "analysis.group.flags", "analysis.group.absence",
                "analysis.criteria_legend"):
        assert translate(key, "kk").split()[0] in text, key
    assert "Мектептердің профилактикалық жұмысын" in pages[0]
    assert "2026 жылғы II тоқсан" in pages[0]
    for number, page in enumerate(pages, start=1):
        assert f"{number} / {len(pages)} бет" in page
    assert "Тестова" not in text  # counts only


def test_the_pdf_in_russian(world):
    text = "\n".join(p.extract_text() for p in
                     PdfReader(io.BytesIO(_export(world, "pdf", "ru"))).pages)
    assert "Ежеквартальный анализ профилактической работы школ" in text
    assert "Сводные показатели" in text and "II квартал 2026 года" in text


def test_the_csv_is_one_figure_per_line(world):
    lines = list(csv.reader(io.StringIO(_export(world, "csv").decode("utf-8"))))
    assert lines[0] == ["scope", "school_code", "indicator", "year", "quarter", "value",
                        "previous", "change", "change_pct"]
    rows = {(r[1], r[2]): r for r in lines[1:]}
    result = quarterly_analysis(Actor.system(), 2026, 2, district_id=world.districts["TST-D1"])
    assert len(rows) == len(lines) - 1 == len(result.indicators) * 3  # total + 2 schools
    assert rows[("", "flags_total")] == ["TST-D1", "", "flags_total", "2026", "2", "4", "1",
                                         "3", "300.00"]
    assert rows[("TST-A", "flags_total")][5:] == ["3", "1", "2", "200.00"]
    assert rows[("TST-B", "flags_total")][5:] == ["1", "0", "1", ""]
    assert rows[("", "rehab_on_time_pct")][5:] == ["50.00", "", "", ""]
    assert rows[("TST-A", "unexcused_per_100")][5] == "188.89"


def test_the_command_line_writes_the_report(world, tmp_path, capsys):
    target = tmp_path / "q2.xlsx"
    assert main(["--lang", "ru", "report", "quarterly", "--year", "2026", "--quarter", "2",
                 "--district", "TST-D1", "--format", "xlsx", "--output", str(target)]) == 0
    assert "Отчёт записан" in capsys.readouterr().out
    assert load_workbook(target).sheetnames[0] == "Свод"  # in the language of the messages

    pdf = tmp_path / "q2.pdf"
    assert main(["report", "quarterly", "--year", "2026", "--quarter", "2", "--region",
                 "KZ-10", "--format", "pdf", "--output", str(pdf), "--lang", "ru"]) == 0
    assert "Сводные показатели" in PdfReader(pdf).pages[0].extract_text()


@pytest.mark.parametrize(("arguments", "message"), [
    (["--district", "NOPE"], "Район или регион с кодом «NOPE» не найден."),
    (["--district", "TST-D1", "--quarter", "5"], "Квартал должен быть числом от 1 до 4"),
    ([], "Укажите район или регион для анализа."),
])
def test_the_command_line_refuses_in_one_line(world, tmp_path, capsys, arguments, message):
    base = {"--year": "2026", "--quarter": "2"}
    for flag, value in zip(arguments[::2], arguments[1::2], strict=True):
        base[flag] = value
    argv = ["--lang", "ru", "report", "quarterly", *[x for pair in base.items() for x in pair],
            "--format", "csv", "--output", str(tmp_path / "x.csv")]
    assert main(argv) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1
    assert not (tmp_path / "x.csv").exists()
