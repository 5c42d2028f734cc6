"""Importing attendance marks (Art. 23 item 9: schools keep account of absences).

Columns ``iin,date,status[,school_code]``. All or nothing per file: every bad
row and field is reported and nothing is written. A mark for a student and day
already stored is replaced, so a corrected file can be imported again.

Built for a month of a whole city (millions of rows): each column is checked on
its distinct values only (a month has ~20 dates and 3 statuses), IINs are
matched to students in bulk, and the marks are written with one bulk upsert in
the import's single transaction.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session, col

from juvenile import clock
from juvenile.db import transaction
from juvenile.errors import InputRefused, Refusal
from juvenile.imports.table import ImportRejected, RowError, read_table
from juvenile.models import Student
from juvenile.rules.attendance import check_mark_day, parse_status
from juvenile.rules.iin import parse_iin
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission, RecordKind
from juvenile.services.administration.calendar import calendar_from
from juvenile.services.school.students import school_ids_by_code, school_scope

ATTENDANCE_COLUMNS = ("iin", "date", "status")
SCHOOL_CODE_COLUMN = "school_code"
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S")  # the last: dates from XLSX
_LOOKUP_CHUNK = 5_000
_WRITE_CHUNK = 50_000
_NO_ID = -1

# Called as ``progress(done, total)`` while the marks are written (a page's progress bar).
Progress = Callable[[int, int], None]

_INSERT = "INSERT INTO attendance_mark (student_id, day, status, school_id) "
_REPLACE = (" ON CONFLICT (student_id, day) DO UPDATE "
            "SET status = excluded.status, school_id = excluded.school_id")


@dataclass(frozen=True)
class AttendanceImportSummary:
    marks: int
    students: int
    first_day: date | None
    last_day: date | None


@dataclass
class _Column:
    """One column's distinct values checked once: per value an id (or parsed
    value) and an error; ``codes`` maps each row to its distinct value."""

    codes: np.ndarray
    values: list
    errors: list

    def bad_rows(self) -> np.ndarray:
        # one extra False for the code -1 (pandas' "missing"; read_table leaves none)
        flags = np.array([error is not None for error in self.errors] + [False], dtype=bool)
        return flags[self.codes]


def _column(series: pd.Series, check) -> _Column:
    codes, uniques = pd.factorize(series)
    values, errors = [], []
    for text in uniques:
        try:
            values.append(check(text) if text else None)
            errors.append(None if text else ("import.error.required", {}))
        except Refusal as violation:
            values.append(None)
            errors.append((violation.key, violation.params))
    return _Column(codes=codes, values=values, errors=errors)


def _parse_day(session: Session, text: str, today: date) -> date:
    for form in _DATE_FORMATS:
        try:
            day = datetime.strptime(text, form).date()
        except ValueError:
            continue
        check_mark_day(day, today, calendar_from(session, day))
        return day
    raise InputRefused("attendance.error.bad_date", value=text)


def _students_by_iin(session: Session, iins: list[str]) -> dict[str, tuple[int, int]]:
    """IIN -> (student id, current school id), looked up in chunks."""
    found: dict[str, tuple[int, int]] = {}
    for start in range(0, len(iins), _LOOKUP_CHUNK):
        chunk = iins[start:start + _LOOKUP_CHUNK]
        rows = session.execute(
            sa.select(Student.iin, Student.id, Student.school_id).where(col(Student.iin).in_(chunk))
        )
        found.update((iin, (student_id, school_id)) for iin, student_id, school_id in rows)
    return found


def _student_column(session: Session, series: pd.Series) -> _Column:
    codes, uniques = pd.factorize(series)
    known = _students_by_iin(session, [u for u in uniques if u])
    values, errors = [], []
    for text in uniques:
        values.append(known.get(text))
        if text in known:
            errors.append(None)
        elif not text:
            errors.append(("import.error.required", {}))
        else:
            try:  # say why: a malformed IIN, or a valid one of nobody on the roll
                parse_iin(text)
                errors.append(("attendance.error.unknown_iin", {"value": text}))
            except Refusal as violation:
                errors.append((violation.key, violation.params))
    return _Column(codes=codes, values=values, errors=errors)


def _school_column(session: Session, series: pd.Series) -> _Column:
    codes, uniques = pd.factorize(series)
    known = school_ids_by_code(session, uniques)
    values = [known.get(text, _NO_ID) if text else _NO_ID for text in uniques]
    errors = [None if (not text or text in known)
              else ("attendance.error.unknown_school", {"value": text}) for text in uniques]
    return _Column(codes=codes, values=values, errors=errors)


def _errors(rows: np.ndarray, columns: dict[str, _Column]) -> list[RowError]:
    errors = []
    for name, column in columns.items():
        for position in np.flatnonzero(column.bad_rows()):
            key, params = column.errors[column.codes[position]]
            errors.append(RowError(int(rows[position]), name, key, params))
    return errors


def _marks(frame: pd.DataFrame, columns: dict[str, _Column], good: np.ndarray) -> pd.DataFrame:
    """The marks of the ``good`` rows as ids, in key order, with the file's row numbers
    (a bad row's value is a placeholder, dropped with the row)."""
    student = columns["iin"]
    found = [v or (_NO_ID, _NO_ID) for v in student.values]
    ids = np.array([v[0] for v in found], dtype=np.int64)[student.codes]
    current_school = np.array([v[1] for v in found], dtype=np.int64)[student.codes]
    school = columns[SCHOOL_CODE_COLUMN]
    recorded_by = np.array([_NO_ID if v is None else v for v in school.values],
                           dtype=np.int64)[school.codes]
    day = columns["date"]
    status = columns["status"]
    marks = pd.DataFrame({
        "row": frame.index.to_numpy(),
        "student_id": ids,
        "ordinal": np.array([d.toordinal() if d else 0 for d in day.values],
                            dtype=np.int64)[day.codes],
        "day": np.array([d.isoformat() if d else "" for d in day.values],
                        dtype=object)[day.codes],
        "status": np.array([str(s) for s in status.values], dtype=object)[status.codes],
        # without a school_code the mark belongs to the student's current school
        "school_id": np.where(recorded_by == _NO_ID, current_school, recorded_by),
        "current_school_id": current_school,
    })[good]
    return marks.sort_values(["student_id", "ordinal"], kind="stable", ignore_index=True)


def _repeated_marks(marks: pd.DataFrame) -> tuple[pd.DataFrame, list[RowError]]:
    """One mark per student and day: exact repeats count once; a day marked two
    different ways in one file is an error naming the first row."""
    keys = ["student_id", "ordinal"]
    repeated = marks[marks.duplicated(keys, keep=False)]
    if repeated.empty:
        return marks, []
    # rows are in file order within a (student, day): "first" is the first in the file
    first = repeated.groupby(keys, sort=False)[["row", "status", "school_id"]].transform("first")
    conflict = (repeated.status != first.status) | (repeated.school_id != first.school_id)
    errors = [RowError(int(row), "status", "attendance.error.conflict", {"first_row": int(f)})
              for row, f in zip(repeated.row[conflict], first.row[conflict], strict=True)]
    return marks.drop_duplicates(["student_id", "ordinal"], ignore_index=True), errors


def _write(session: Session, marks: pd.DataFrame, progress: Progress | None = None) -> None:
    """Upsert the marks through the session's own connection (one transaction)."""
    session.flush()  # the audit entries first, on the same connection
    connection = session.connection()
    columns = marks[["student_id", "day", "status", "school_id"]]
    progress = progress or (lambda done, total: None)
    if connection.dialect.name == "postgresql":
        _copy_upsert_postgresql(connection, columns, progress)
        return
    cursor = connection.connection.driver_connection.cursor()
    sql = _INSERT + "VALUES (?, ?, ?, ?)" + _REPLACE
    student_ids = columns.student_id.tolist()
    school_ids = columns.school_id.tolist()
    days, statuses = columns.day.tolist(), columns.status.tolist()
    for start in range(0, len(columns), _WRITE_CHUNK):
        end = start + _WRITE_CHUNK
        cursor.executemany(sql, zip(student_ids[start:end], days[start:end],
                                    statuses[start:end], school_ids[start:end], strict=True))
        progress(min(end, len(columns)), len(columns))
    cursor.close()


def _copy_upsert_postgresql(connection: sa.Connection, columns: pd.DataFrame,
                            progress: Progress) -> None:
    """PostgreSQL: COPY into a temporary table, then one INSERT ... ON CONFLICT."""
    driver = connection.connection.driver_connection
    with driver.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE attendance_stage "
            "(student_id integer, day date, status varchar(9), school_id integer) "
            "ON COMMIT DROP"
        )
        with cursor.copy("COPY attendance_stage FROM STDIN") as copy:
            for start in range(0, len(columns), _WRITE_CHUNK):
                buffer = io.StringIO()
                columns.iloc[start:start + _WRITE_CHUNK].to_csv(
                    buffer, sep="\t", header=False, index=False)
                copy.write(buffer.getvalue())
                progress(min(start + _WRITE_CHUNK, len(columns)), len(columns))
        cursor.execute(_INSERT + "SELECT student_id, day, status, school_id "
                       "FROM attendance_stage" + _REPLACE)
        # Dropped now, not only at commit: a second write in one transaction (or
        # savepoint, as in the tests) creates it afresh.
        cursor.execute("DROP TABLE attendance_stage")


def import_attendance(
    actor: Actor, source: str | Path | BinaryIO, filename: str | None = None,
    today: date | None = None, dry_run: bool = False, progress: Progress | None = None,
) -> AttendanceImportSummary:
    """Store the marks of a CSV/XLSX file, all or nothing.

    Refused rows: an unknown or malformed IIN, a bad or future date, a day
    without lessons (a Sunday, a public holiday or a day off of the working
    calendar, unless declared a working day: Art. 78 (2) item 4), an unknown
    status or school code, or one day marked two ways. The actor must be
    allowed to record attendance for every school involved: the school that
    recorded the marks and the students' current schools (checked once each).
    ``dry_run`` checks everything (a page's preview) and writes nothing.
    """
    today = today or clock.today()
    frame = read_table(source, ATTENDANCE_COLUMNS, (SCHOOL_CODE_COLUMN,), filename=filename)
    with transaction() as session:
        columns = {
            "iin": _student_column(session, frame["iin"]),
            "date": _column(frame["date"], lambda text: _parse_day(session, text, today)),
            "status": _column(frame["status"], parse_status),
            SCHOOL_CODE_COLUMN: _school_column(session, frame[SCHOOL_CODE_COLUMN]),
        }
        errors = _errors(frame.index.to_numpy(), columns)
        # the good rows are checked for a day marked two ways too: every bad row is named
        bad = np.logical_or.reduce([column.bad_rows() for column in columns.values()])
        marks, conflicts = _repeated_marks(_marks(frame, columns, ~bad))
        if errors or conflicts:
            raise ImportRejected(sorted(errors + conflicts, key=lambda error: error.row))
        schools = set(marks.school_id.unique()) | set(marks.current_school_id.unique())
        for school_id in sorted(int(s) for s in schools):
            entry = authorize(session, actor, Permission.CREATE,
                              school_scope(RecordKind.ATTENDANCE, school_id))
            entry.detail = f"import of {len(marks)} marks"
        if dry_run:
            session.rollback()  # the gate's entries too: nothing was imported
        else:
            _write(session, marks, progress)
        ordinals = marks.ordinal
        return AttendanceImportSummary(
            marks=len(marks), students=int(marks.student_id.nunique()),
            first_day=date.fromordinal(int(ordinals.min())) if len(marks) else None,
            last_day=date.fromordinal(int(ordinals.max())) if len(marks) else None,
        )
