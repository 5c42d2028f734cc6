"""The one guard of every text cell an export writes (CSV and XLSX).

A spreadsheet runs a cell that starts like a formula (``=``, ``+``, ``-``, ``@``, or
a tab or carriage return before one): a school name ``=HYPERLINK(...)`` imported
from a file, a plan measure or an executor typed into a form would run on the
analyst's or the secretary's machine. ``text_cell`` prefixes such a text with
``'``, which every spreadsheet shows as text; numbers, dates and empty cells pass
unchanged. Exports call it on every text they write, and on nothing else: a
number formatted as text (``-3`` in the quarterly CSV) stays a number.
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: object) -> object:
    """``value``, a text that would start a formula prefixed with ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
