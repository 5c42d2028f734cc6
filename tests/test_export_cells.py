"""No export writes a live formula (issue 16 item 4): every text cell of every CSV and
XLSX goes through ``spreadsheet.text_cell``, which the audit export used first. The
exports themselves: tests/analysis/test_export_formulas.py and
tests/engine_commission/test_deadline_export_formulas.py."""

from datetime import date

import pytest

from juvenile.spreadsheet import text_cell


@pytest.mark.parametrize(("value", "written"), [
    ("=1+1", "'=1+1"), ("+7 701", "'+7 701"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("Школа № 1", "Школа № 1"), ("", ""),
    (-3, -3), (2.5, 2.5), (None, None), (date(2026, 1, 1), date(2026, 1, 1)),
])
def test_a_text_that_would_start_a_formula_is_prefixed_nothing_else(value, written):
    assert text_cell(value) == written
