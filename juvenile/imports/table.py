"""Load a CSV or XLSX file as text columns, with spreadsheet row numbers.

Every cell is read as text so that IINs keep their leading zeros; each import
parses the fields it needs. Row numbers are as a spreadsheet shows them: the
header is row 1, so the first record is row 2.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pandas as pd

FIRST_DATA_ROW = 2


@dataclass(frozen=True)
class RowError:
    """One problem in one row: ``key`` is an i18n message, ``params`` fill it."""

    row: int
    column: str
    key: str
    params: dict = field(default_factory=dict)


class ImportRejected(Exception):
    """The file was refused; nothing from it was written."""

    def __init__(self, errors: list[RowError]):
        self.errors = sorted(errors, key=lambda error: (error.row, error.column))
        super().__init__(f"{len(self.errors)} problem(s) in the file")


def read_table(
    source: str | Path | BinaryIO,
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
    filename: str | None = None,
) -> pd.DataFrame:
    """The file's rows as a DataFrame of stripped strings, indexed by row number.

    ``filename`` gives the format when ``source`` is an in-memory upload.
    Raises ImportRejected when the format or the header is wrong.
    """
    shown = Path(filename or str(getattr(source, "name", source))).name
    name = shown.lower()
    if name.endswith((".xlsx", ".xlsm")):
        kind = "XLSX"
    elif name.endswith((".csv", ".txt")):
        kind = "CSV"
    else:
        raise ImportRejected([RowError(0, "", "import.error.format", {"name": name})])
    try:
        if kind == "XLSX":
            frame = pd.read_excel(source, dtype=str, keep_default_na=False, engine="openpyxl")
        else:
            frame = pd.read_csv(
                source, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                sep=_delimiter(source),
            )
    except Exception as error:
        # Whatever the damage (not a zip, truncated, no workbook inside, not UTF-8, a
        # broken quote), the parsers' own errors are many kinds: the user gets one
        # message in their language, never a traceback (issue 16 item 5).
        raise ImportRejected(
            [RowError(0, "", "import.error.unreadable_file", {"name": shown, "format": kind})]
        ) from error
    frame.columns = [str(column).strip().lower() for column in frame.columns]
    repeated = sorted({column for column in frame.columns
                       if list(frame.columns).count(column) > 1 and column})
    if repeated:
        raise ImportRejected(
            [RowError(1, column, "import.error.repeated_column") for column in repeated]
        )
    missing = [column for column in required if column not in frame.columns]
    if missing:
        raise ImportRejected(
            [RowError(1, column, "import.error.missing_column") for column in missing]
        )
    for column in optional:
        if column not in frame.columns:
            frame[column] = ""
    frame = frame[list(required) + list(optional)]
    frame = frame.fillna("").astype(str).apply(lambda column: column.str.strip())
    frame.index = range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(frame))
    return frame


def _delimiter(source: str | Path | BinaryIO) -> str:
    """Comma, or semicolon as spreadsheets save CSV in kk/ru locales."""
    if isinstance(source, (str, Path)):
        with open(source, "rb") as handle:
            header = handle.readline()
    else:
        position = source.tell()
        header = source.readline()
        source.seek(position)
    return ";" if b";" in header and b"," not in header else ","
