"""The quarterly analysis as CSV in long format: one figure per line.

Columns: scope, school_code, indicator, year, quarter, value, previous,
change, change_pct. ``school_code`` is empty on the scope's own total;
``indicator`` is the language-neutral code (see services.quarterly_analysis).
Counts are whole numbers, rates and percentages have two decimals with a
point; a figure that does not exist (a percentage of nothing) is empty.
UTF-8, comma-separated, one header line.
"""

import csv
import io

from juvenile.analysis.indicators import Kind
from juvenile.analysis.result import LONG_COLUMNS, QuarterlyAnalysis
from juvenile.spreadsheet import text_cell

_NUMBER_COLUMNS = ("value", "previous", "change")


def render(analysis: QuarterlyAnalysis, language: str = "kk") -> bytes:
    """The same file in every language: codes, not labels (``language`` is unused)."""
    kinds = {i.code: i.kind for i in analysis.indicators}
    frame = analysis.long()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(LONG_COLUMNS)
    for row in frame.itertuples(index=False):
        whole = kinds[row.indicator] is Kind.COUNT
        values = [_number(getattr(row, column), whole) for column in _NUMBER_COLUMNS]
        writer.writerow([text_cell(row.scope), text_cell(row.school_code),
                         text_cell(row.indicator), row.year, row.quarter,
                         *values, _number(row.change_pct, False)])
    return buffer.getvalue().encode("utf-8")


def _number(value: float, whole: bool) -> str:
    if value != value:  # NaN: the figure does not exist
        return ""
    return str(int(round(value))) if whole else f"{value:.2f}"
