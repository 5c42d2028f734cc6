"""The school's file imports as the import page uses them: a preview that checks
the whole file and writes nothing, then the import itself with its progress.

Uploads stay in memory (bytes): a child's data never lands in a folder the web
server publishes. The checks and the writing are those of
services.student_import and services.attendance_import, all or nothing.
"""

import enum
import io
from collections.abc import Callable
from dataclasses import dataclass

from juvenile.imports.table import read_table
from juvenile.security.actor import Actor
from juvenile.services.school.attendance_import import (
    ATTENDANCE_COLUMNS,
    SCHOOL_CODE_COLUMN,
    AttendanceImportSummary,
    import_attendance,
)
from juvenile.services.school.student_import import (
    OPTIONAL_COLUMNS,
    STUDENT_COLUMNS,
    StudentImportSummary,
    import_students,
)

PREVIEW_ROWS = 8
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class ImportKind(enum.StrEnum):
    STUDENTS = "students"
    ATTENDANCE = "attendance"


_COLUMNS = {
    ImportKind.STUDENTS: (STUDENT_COLUMNS, OPTIONAL_COLUMNS),
    ImportKind.ATTENDANCE: (ATTENDANCE_COLUMNS, (SCHOOL_CODE_COLUMN,)),
}
_IMPORT = {ImportKind.STUDENTS: import_students, ImportKind.ATTENDANCE: import_attendance}

Summary = StudentImportSummary | AttendanceImportSummary


@dataclass(frozen=True)
class ImportPreview:
    """The file's first rows (each led by its row number) and what importing it would do."""

    columns: tuple[str, ...]
    rows: list[list[str]]
    row_count: int
    summary: Summary


def columns_of(kind: ImportKind) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(required, optional) columns of a kind of file."""
    return _COLUMNS[ImportKind(kind)]


def preview_import(actor: Actor, kind: ImportKind, data: bytes, filename: str) -> ImportPreview:
    """Check the whole file as the import would, write nothing, and show its first rows.

    Raises ImportRejected (every bad row and field), or AccessDenied for a file
    about another school's students.
    """
    kind = ImportKind(kind)
    required, optional = _COLUMNS[kind]
    frame = read_table(io.BytesIO(data), required, optional, filename=filename)
    summary = _IMPORT[kind](actor, io.BytesIO(data), filename=filename, dry_run=True)
    columns = tuple(c for c in required + optional if c in required or (frame[c] != "").any())
    head = frame.head(PREVIEW_ROWS)
    rows = [[str(number), *[str(row[c]) for c in columns]] for number, row in head.iterrows()]
    return ImportPreview(columns, rows, len(frame), summary)


def run_import(actor: Actor, kind: ImportKind, data: bytes, filename: str,
               progress: Callable[[int, int], None] | None = None) -> Summary:
    """Import the file, all or nothing; ``progress(done, total)`` follows the writing."""
    return _IMPORT[ImportKind(kind)](actor, io.BytesIO(data), filename=filename,
                                     progress=progress)
