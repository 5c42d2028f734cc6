"""``juvenile import placements FILE``: placement decisions from CSV or XLSX, all or nothing.

Columns ``iin,kind,organisation_code,decision_number,decision_date,start_date,term_months``
(the number and date of the deciding body's decision, Art. 80 (2), Art. 81 (3)),
optional ``return_date``, ``deciding_body`` (``court`` when empty),
``prosecutor_participated`` (yes/no, 1/0, true/false: required of a court,
Art. 80 (7), Art. 81 (8)) and, for special education, ``guardianship_applicant``
with ``guardianship_applied_on`` (Art. 80 (2)). Each row is checked against the
same rules as a placement entered by hand (term, age, start before 18, deciding
body, no date after today: Art. 80, Art. 81); a row with a return date also
records the return with its consequences, and only on or after the planned end
(an early end is the court's, Art. 80 (4), Art. 81 (6)). A row repeating a placement
already stored (same student, organisation and decision date) only adds a
missing return, so a file can be imported again.
"""

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from sqlmodel import Session, col, select

from juvenile import clock
from juvenile.db import transaction
from juvenile.errors import Refusal
from juvenile.imports.table import ImportRejected, RowError, read_table
from juvenile.models import Placement, PlacementStatus, SpecialOrganisation, Student
from juvenile.rules import placements as rules
from juvenile.rules.iin import IIN_LENGTH, parse_iin
from juvenile.rules.placements import DecidingBody, PlacementKind
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission
from juvenile.services.commission.placement_records import (
    NOT_YET_HOME,
    placement_scope,
    responsible_commission,
)
from juvenile.services.commission.placement_return import return_placement
from juvenile.services.commission.placements import (
    PlacementTerms,
    open_placement,
    placement_violations,
)
from juvenile.services.common import ImportSummary

REQUIRED = ("iin", "kind", "organisation_code", "decision_number", "decision_date", "start_date",
            "term_months")
OPTIONAL = ("return_date", "deciding_body", "prosecutor_participated",
            "guardianship_applicant", "guardianship_applied_on")
_YES, _NO = {"yes", "y", "true", "1", "иә", "да"}, {"no", "n", "false", "0", "жоқ", "нет", ""}
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S")  # the last: XLSX date cells
_CHUNK = 500


@dataclass
class _Row:
    number: int
    student: Student
    terms: PlacementTerms
    return_date: date | None
    existing: Placement | None


def import_placements(
    actor: Actor, source: str | Path | BinaryIO, filename: str | None = None
) -> ImportSummary:
    """Check the whole file, then write it; any bad row rejects it with nothing written."""
    frame = read_table(source, REQUIRED, OPTIONAL, filename=filename)
    rows = [(number, dict(row)) for number, row in frame.iterrows()]
    with transaction() as session:
        errors: list[RowError] = []
        checked = _check(session, rows, errors)
        if errors:
            raise ImportRejected(errors)
        return _write(session, actor, checked)


def _check(session: Session, rows: list[tuple[int, dict]], errors: list[RowError]) -> list[_Row]:
    students = _students_by_iin(session, {row["iin"] for _, row in rows})
    stored = _placements_of(session, [student.id for student in students.values()])
    organisations = {o.code: o for o in session.exec(select(SpecialOrganisation))}
    checked: list[_Row] = []
    away_in_file: dict[int, int] = {}  # student id -> row of a placement without return
    for number, row in rows:
        found = _parse(number, row, students, organisations, errors)
        if found is None:
            continue
        student, organisation, terms, return_date = found
        row_errors = [RowError(number, column, v.key, v.params)
                      for column, v in placement_violations(student, organisation, terms)]
        try:
            responsible_commission(session, student)
        except Refusal as violation:
            row_errors.append(RowError(number, "iin", violation.key, violation.params))
        existing = next((p for p in stored.get(student.id, ()) if (p.organisation_id,
                         p.decision_date) == (organisation.id, terms.decision_date)), None)
        if return_date is not None:
            row_errors += _return_errors(number, terms, existing, return_date)
        if existing is not None and return_date is not None and (
            existing.status == PlacementStatus.TRANSFERRED
        ):
            row_errors.append(RowError(number, "return_date", "placement.not_active"))
        if existing is None:
            away = any(p.status in NOT_YET_HOME for p in stored.get(student.id, ()))
            if away or student.id in away_in_file:
                row_errors.append(RowError(number, "iin", "placement.already_placed",
                                           {"name": student.full_name}))
        if return_date is None:
            away_in_file.setdefault(student.id, number)
        errors.extend(row_errors)
        if not row_errors:
            checked.append(_Row(number, student, terms, return_date, existing))
    return checked


def _return_errors(number: int, terms: PlacementTerms, existing: Placement | None,
                   return_date: date) -> list[RowError]:
    """The return's checks of record_return: after the start, not before the planned end
    of a placement in force (Art. 80 (4), Art. 81 (6)), not after today."""
    if existing is None:
        since, in_force = terms.start_date, True
        end = rules.planned_end(terms.start_date, terms.term_months)
    else:
        since = existing.ended_on or existing.start_date
        in_force, end = existing.status == PlacementStatus.ACTIVE, existing.planned_end
    checks = (lambda: rules.check_return_date(return_date, since),
              lambda: rules.check_return_not_early(in_force, return_date, end),
              lambda: rules.check_not_in_future(return_date, clock.today()))
    found = []
    for check in checks:
        try:
            check()
        except Refusal as violation:
            found.append(RowError(number, "return_date", violation.key, violation.params))
    return found


def _parse(number: int, row: dict, students: dict[str, Student],
           organisations: dict[str, SpecialOrganisation], errors: list[RowError]):
    """The row's values, or None after reporting every unreadable field."""
    before = len(errors)
    for column in REQUIRED:
        if not row[column]:
            errors.append(RowError(number, column, "import.error.required"))
    student = _student(number, row["iin"], students, errors) if row["iin"] else None
    kind = _choice(number, "kind", row["kind"], PlacementKind, "placement.import.unknown_kind",
                   errors)
    organisation = organisations.get(row["organisation_code"])
    if row["organisation_code"] and organisation is None:
        errors.append(RowError(number, "organisation_code", "placement.import.unknown_organisation",
                               {"value": row["organisation_code"]}))
    body = _choice(number, "deciding_body", row["deciding_body"] or DecidingBody.COURT.value,
                   DecidingBody, "placement.import.unknown_body", errors)
    dates = {column: _date(number, column, row[column], errors)
             for column in ("decision_date", "start_date", "return_date",
                            "guardianship_applied_on") if row[column]}
    months = _whole_number(number, "term_months", row["term_months"], errors)
    prosecutor = _yes_no(number, "prosecutor_participated", row["prosecutor_participated"],
                         errors)
    if len(errors) > before:
        return None
    terms = PlacementTerms(kind=kind, organisation_id=organisation.id, deciding_body=body,
                           decision_date=dates["decision_date"], start_date=dates["start_date"],
                           term_months=months, decision_number=row["decision_number"],
                           prosecutor_participated=bool(prosecutor),
                           guardianship_applicant=row["guardianship_applicant"],
                           guardianship_applied_on=dates.get("guardianship_applied_on"))
    return student, organisation, terms, dates.get("return_date")


def _student(number: int, text: str, students: dict[str, Student],
             errors: list[RowError]) -> Student | None:
    try:
        parse_iin(text)
    except Refusal as violation:
        errors.append(RowError(number, "iin", violation.key, violation.params))
        return None
    student = students.get(text)
    if student is None:
        errors.append(RowError(number, "iin", "placement.import.unknown_iin", {"value": text}))
    return student


def _choice(number, column, text, enum_type, key, errors):
    try:
        return enum_type(text)
    except ValueError:
        if text:
            errors.append(RowError(number, column, key, {"value": text}))
        return None


def _date(number: int, column: str, text: str, errors: list[RowError]) -> date | None:
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    errors.append(RowError(number, column, "placement.import.bad_date", {"value": text}))
    return None


def _yes_no(number: int, column: str, text: str, errors: list[RowError]) -> bool | None:
    answer = text.strip().lower()
    if answer in _YES or answer in _NO:
        return answer in _YES
    errors.append(RowError(number, column, "placement.import.bad_yes_no", {"value": text}))
    return None


def _whole_number(number: int, column: str, text: str, errors: list[RowError]) -> int | None:
    try:
        return int(text)
    except ValueError:
        if text:
            errors.append(RowError(number, column, "placement.import.bad_number",
                                   {"value": text}))
        return None


def _students_by_iin(session: Session, iins: set[str]) -> dict[str, Student]:
    # Only well-formed IINs are looked up: no other can match a student (the row's own
    # check reports it), and PostgreSQL refuses a text with a NUL byte outright.
    wanted = sorted(iin for iin in iins
                    if len(iin) == IIN_LENGTH and iin.isascii() and iin.isdigit())
    found: dict[str, Student] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        found |= {s.iin: s
                  for s in session.exec(select(Student).where(col(Student.iin).in_(chunk)))}
    return found


def _placements_of(session: Session, student_ids: list[int]) -> dict[int, list[Placement]]:
    """The stored placements of the file's students, by student."""
    found: dict[int, list[Placement]] = {}
    for start in range(0, len(student_ids), _CHUNK):
        chunk = student_ids[start:start + _CHUNK]
        for placement in session.exec(
                select(Placement).where(col(Placement.student_id).in_(chunk))):
            found.setdefault(placement.student_id, []).append(placement)
    return found


def _write(session: Session, actor: Actor, rows: list[_Row]) -> ImportSummary:
    created = updated = 0
    for row in rows:
        placement = row.existing
        if placement is None:
            commission = responsible_commission(session, row.student)
            entry = authorize(session, actor, Permission.CREATE,
                              placement_scope(session, row.student, commission.id))
            placement = open_placement(session, actor, row.student, commission, row.terms)
            if entry is not None:
                entry.record_id = placement.id
            created += 1
        elif row.return_date is not None and placement.status != PlacementStatus.RETURNED:
            authorize(session, actor, Permission.UPDATE,
                      placement_scope(session, row.student, placement.commission_id,
                                      placement.id))
            updated += 1
        else:
            continue
        if row.return_date is not None:
            return_placement(session, actor, placement, row.student, row.return_date)
    return ImportSummary(created=created, updated=updated)
