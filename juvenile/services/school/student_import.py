"""Importing the student register from a CSV/XLSX file, all or nothing.

Columns ``iin,last_name,first_name,middle_name,school_code,grade``; optional
``class_letter,language`` and one legal representative per row
(``representative_name,representative_relation,representative_phone,representative_iin``).
An IIN already registered updates that student, so a re-import is harmless;
a different school code moves the student there (a recorded transfer).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sqlmodel import Session, col, select

from juvenile import clock
from juvenile.db import transaction
from juvenile.errors import Refusal
from juvenile.imports.table import ImportRejected, RowError, read_table
from juvenile.models import LegalRepresentative, Student
from juvenile.rules.iin import parse_iin
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission, RecordKind
from juvenile.services.school.students import (
    REPRESENTATIVE_NAME_MAX_LENGTH,
    check_class_letter,
    check_grade,
    check_language,
    check_name,
    check_phone,
    check_relation,
    school_ids_by_code,
    school_scope,
)
from juvenile.services.school.transfers import move_to_school

STUDENT_COLUMNS = ("iin", "last_name", "first_name", "middle_name", "school_code", "grade")
OPTIONAL_COLUMNS = ("class_letter", "language", "representative_name",
                    "representative_relation", "representative_phone", "representative_iin")
_REPRESENTATIVE = ("representative_name", "representative_relation", "representative_phone",
                   "representative_iin")
_LOOKUP_CHUNK = 5_000
_PROGRESS_EVERY = 100

# column -> how its text is checked (each raises RuleViolation naming the problem)
_CHECKS = {
    "last_name": check_name,
    "first_name": check_name,
    "middle_name": lambda text: check_name(text, required=False),
    "grade": check_grade,
    "class_letter": check_class_letter,
    "language": lambda text: check_language(text) if text else "",
}
_REPRESENTATIVE_CHECKS = {
    "representative_name": lambda text: check_name(text, limit=REPRESENTATIVE_NAME_MAX_LENGTH),
    "representative_relation": check_relation,
    "representative_phone": check_phone,
}


@dataclass(frozen=True)
class StudentImportSummary:
    created: int
    updated: int
    transferred: int


def _check_row(number: int, row: dict, schools: dict[str, int], today: date
               ) -> tuple[dict, list[RowError]]:
    values, errors = {}, []
    # an IIN born after today is refused too (rules.iin)
    checks = {"iin": lambda text: parse_iin(text, today).iin, **_CHECKS}
    if any(row[column] for column in _REPRESENTATIVE):
        checks |= _REPRESENTATIVE_CHECKS
        checks["representative_iin"] = lambda text: parse_iin(text, today).iin if text else ""
    for column, check in checks.items():
        try:
            values[column] = check(row[column])
        except Refusal as violation:
            errors.append(RowError(number, column, violation.key, violation.params))
    code = row["school_code"]
    if code not in schools:
        key = "import.error.required" if not code else "students.error.unknown_school"
        errors.append(RowError(number, "school_code", key, {"value": code}))
    else:
        values["school_id"] = schools[code]
    return values, errors


def _registered(session: Session, iins: list[str]) -> dict[str, Student]:
    found = {}
    for start in range(0, len(iins), _LOOKUP_CHUNK):
        chunk = iins[start:start + _LOOKUP_CHUNK]
        found.update((s.iin, s) for s in session.exec(select(Student)
                                                      .where(col(Student.iin).in_(chunk))))
    return found


def _representatives(session: Session, student_ids: list[int]) -> dict[tuple, LegalRepresentative]:
    """Existing representatives by (student, name): a re-import updates, not repeats."""
    found = {}
    for start in range(0, len(student_ids), _LOOKUP_CHUNK):
        chunk = student_ids[start:start + _LOOKUP_CHUNK]
        for r in session.exec(select(LegalRepresentative)
                              .where(col(LegalRepresentative.student_id).in_(chunk))):
            found[(r.student_id, r.full_name.casefold())] = r
    return found


def import_students(
    actor: Actor, source: str | Path | BinaryIO, filename: str | None = None,
    on: date | None = None, dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> StudentImportSummary:
    """Create or update the students of a file; nothing is written if any row is bad.

    ``dry_run`` checks everything and counts what would change (a page's
    preview), then rolls back. ``progress(done, total)`` follows the rows written.
    """
    today = clock.today()
    on = on or today
    frame = read_table(source, STUDENT_COLUMNS, OPTIONAL_COLUMNS, filename=filename)
    with transaction() as session:
        schools = school_ids_by_code(session, frame["school_code"])
        rows, errors, first_row = [], [], {}
        for number, row in frame.iterrows():
            values, row_errors = _check_row(number, dict(row), schools, today)
            iin = values.get("iin")
            if iin in first_row:
                row_errors.append(RowError(number, "iin", "students.error.duplicate_iin",
                                           {"value": iin, "first_row": first_row[iin]}))
            elif iin:
                first_row[iin] = number
            errors += row_errors
            rows.append(values)
        if errors:
            raise ImportRejected(errors)
        summary = _write(session, actor, rows, on, progress or (lambda done, total: None))
        if dry_run:
            session.rollback()
        return summary


def _authorize(session: Session, actor: Actor, rows: list[dict],
               existing: dict[str, Student]) -> None:
    """Once per school: create where students are new, update where they are now."""
    wanted = set()
    for values in rows:
        student = existing.get(values["iin"])
        if student is None:
            wanted.add((Permission.CREATE, values["school_id"]))
        else:
            wanted.add((Permission.UPDATE, student.school_id))
    for permission, school_id in sorted(wanted):
        entry = authorize(session, actor, permission, school_scope(RecordKind.STUDENT, school_id))
        entry.detail = f"student import: {permission}"


def _write(session: Session, actor: Actor, rows: list[dict], on: date,
           progress: Callable[[int, int], None]) -> StudentImportSummary:
    existing = _registered(session, [values["iin"] for values in rows])
    _authorize(session, actor, rows, existing)
    created = updated = transferred = 0
    students = []
    for values in rows:
        info = parse_iin(values["iin"])
        student = existing.get(info.iin)
        if student is None:
            student = Student(iin=info.iin, school_id=values["school_id"], grade=0,
                              last_name="", first_name="", birth_date=info.birth_date,
                              sex=info.sex, language_of_instruction="kk")
            created += 1
        else:
            updated += 1
            if student.school_id != values["school_id"]:
                move_to_school(session, actor, student, values["school_id"], on)
                transferred += 1
        student.birth_date, student.sex = info.birth_date, info.sex
        student.last_name, student.first_name = values["last_name"], values["first_name"]
        student.middle_name, student.grade = values["middle_name"], values["grade"]
        student.class_letter = values["class_letter"] or student.class_letter
        student.language_of_instruction = (values["language"]
                                           or student.language_of_instruction)
        session.add(student)
        students.append((student, values))
        if len(students) % _PROGRESS_EVERY == 0:
            progress(len(students), len(rows))
    session.flush()
    progress(len(rows), len(rows))
    known = _representatives(session, [student.id for student, _ in students])
    for student, values in students:
        if "representative_name" not in values:
            continue
        name = values["representative_name"]
        representative = known.get((student.id, name.casefold()))
        if representative is None:
            representative = LegalRepresentative(student_id=student.id, full_name=name,
                                                 relation="")
            known[(student.id, name.casefold())] = representative
        representative.relation = values["representative_relation"]
        representative.phone = values["representative_phone"] or representative.phone
        representative.iin = values["representative_iin"] or representative.iin
        session.add(representative)
    return StudentImportSummary(created=created, updated=updated, transferred=transferred)
