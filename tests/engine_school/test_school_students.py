"""The student register: IIN as the source of truth, names as written, transfers.

Students and their legal representatives come onto the register, and move
between schools, through the student import (the import page and ``juvenile
import students``); these tests register one student at a time through it.
"""

from datetime import date

import pytest
from school_helpers import SYSTEM, count, csv_file
from sqlmodel import select

from juvenile import db
from juvenile.imports.table import ImportRejected, RowError
from juvenile.models import (
    AuditEntry,
    CaseEvent,
    CaseEventKind,
    LegalRepresentative,
    SchoolTransfer,
    Student,
    SupportCase,
)
from juvenile.rules.iin import Sex, make_iin
from juvenile.security.gate import AccessDenied
from juvenile.services.school.case_file import open_case_file
from juvenile.services.school.cases import open_case
from juvenile.services.school.flags import NewFlag, add_flags
from juvenile.services.school.student_import import StudentImportSummary, import_students
from juvenile.services.school.students import get_student

GOOD_IIN = make_iin(date(2011, 2, 3), Sex.FEMALE, 4321)
FATHER_IIN = make_iin(date(1985, 3, 4), Sex.MALE, 12)


def wrong_check_digit(iin: str) -> str:
    return iin[:11] + str((int(iin[11]) + 1) % 10)


def _row(**changes) -> dict:
    """One student's row of the register file, columns as the import names them."""
    return dict(iin=GOOD_IIN, last_name="Иванова", first_name="Мария", middle_name="Петровна",
                school_code="SA", grade=5, class_letter="а", language="ru") | changes


def _row_of(student_id: int, **changes) -> dict:
    """The row of a registered student, as the school's next register file has it."""
    with db.transaction() as session:
        s = session.get(Student, student_id)
    return dict(iin=s.iin, last_name=s.last_name, first_name=s.first_name,
                middle_name=s.middle_name, school_code="", grade=s.grade) | changes


def _register(*rows: dict, actor=SYSTEM, on: date | None = None) -> StudentImportSummary:
    columns = list(dict.fromkeys(column for row in rows for column in row))
    lines = [",".join(columns), *(",".join(str(row.get(c, "")) for c in columns)
                                  for row in rows)]
    return import_students(actor, csv_file("\n".join(lines) + "\n"), filename="students.csv",
                           on=on)


def _refused(*rows: dict) -> list[RowError]:
    with pytest.raises(ImportRejected) as rejected:
        _register(*rows)
    return rejected.value.errors


def _student(iin: str = GOOD_IIN) -> Student:
    with db.transaction() as session:
        return session.exec(select(Student).where(Student.iin == iin)).one()


def test_birth_date_and_sex_come_from_the_iin(world):
    _register(_row())
    student = _student()
    assert (student.birth_date, student.sex) == (date(2011, 2, 3), Sex.FEMALE)
    assert (student.class_letter, student.language_of_instruction) == ("А", "ru")


def test_kazakh_names_are_kept_exactly_as_written(world):
    student_id = world.student(last_name="Әлиев", first_name="Ғалым", middle_name="Құрманұлы")
    assert get_student(SYSTEM, student_id).full_name == "Әлиев Ғалым Құрманұлы"


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"iin": "123"}, "iin.not_12_digits"),
        ({"iin": wrong_check_digit(GOOD_IIN)}, "iin.bad_check_digit"),
        ({"grade": 13}, "students.error.bad_grade"),
        ({"grade": -1}, "students.error.bad_grade"),
        ({"last_name": "Иванова2"}, "students.error.bad_name"),
        ({"first_name": " "}, "students.error.name_required"),
        ({"language": "en"}, "students.error.bad_language"),
    ],
)
def test_bad_fields_are_refused(world, changes, key):
    assert [error.key for error in _refused(_row(**changes))] == [key]
    assert count(Student) == 0


def test_grades_0_and_12_are_accepted(world):
    _register(_row(grade=0))
    older = make_iin(date(2008, 1, 1), Sex.MALE, 7)
    _register(_row(grade=12, iin=older))
    assert (_student().grade, _student(older).grade) == (0, 12)


def test_an_iin_is_registered_once(world):
    _register(_row())
    [twice] = _refused(_row(iin=FATHER_IIN), _row(iin=FATHER_IIN, school_code="SB"))
    assert (twice.row, twice.key) == (3, "students.error.duplicate_iin")
    summary = _register(_row(school_code="SB"))  # the same IIN again: that student
    assert (summary.created, summary.updated) == (0, 1)
    assert count(Student) == 1


def test_a_new_school_is_a_recorded_transfer_not_a_silent_move(world):
    _register(_row())
    assert _register(_row(school_code="SB", grade=6)).transferred == 1
    student = _student()
    assert (student.school_id, student.grade) == (world.schools["SB"], 6)
    with db.transaction() as session:
        transfer = session.exec(select(SchoolTransfer)).one()
    assert (transfer.from_school_id, transfer.to_school_id) == (world.schools["SA"],
                                                                world.schools["SB"])


def test_representative_iin_is_validated_when_given(world):
    father = {"representative_name": "Петров Иван", "representative_relation": "father"}
    [refused] = _refused(_row(**father, representative_iin=wrong_check_digit(FATHER_IIN)))
    assert (refused.column, refused.key) == ("representative_iin", "iin.bad_check_digit")
    [refused] = _refused(_row(**father | {"representative_relation": "uncle"}))
    assert (refused.column, refused.key) == ("representative_relation",
                                             "students.error.bad_relation")
    _register(_row(**father | {"representative_relation": "Father"},
                   representative_iin=FATHER_IIN))
    with db.transaction() as session:
        [recorded] = session.exec(select(LegalRepresentative)).all()
    assert recorded.relation == "father" and recorded.iin.startswith("850304")


def test_another_schools_psychologist_cannot_create_or_read(world):
    """Confidentiality (Art. 3 (2) item 4): staff see their own school's students only."""
    student_id = world.student("SA")
    outsider = world.staff("SB")
    with pytest.raises(AccessDenied):
        get_student(outsider, student_id)
    with pytest.raises(AccessDenied):
        _register(_row(), actor=outsider)
    assert count(Student) == 1
    with db.transaction() as session:
        denials = session.exec(select(AuditEntry).where(AuditEntry.outcome == "denied")).all()
    assert len(denials) == 2  # each denial is kept in the audit log


def test_transfer_takes_history_and_open_case_to_the_new_school(world):
    """The history and open cases follow the student; the old school loses sight of them."""
    student_id = world.student("SA")
    [flag] = add_flags(SYSTEM, student_id, [NewFlag(3, date(2026, 10, 1), "fights in class")])
    case = open_case(SYSTEM, student_id, [flag.id], on=date(2026, 10, 2))
    old, new = world.staff("SA"), world.staff("SB")
    assert open_case_file(old, case.id).case_id == case.id
    with pytest.raises(AccessDenied):
        open_case_file(new, case.id)

    moving = _row_of(student_id, school_code="SB")
    with pytest.raises(AccessDenied):  # the receiving school cannot pull a student
        _register(moving, actor=new, on=date(2026, 11, 2))
    assert _register(moving, actor=old, on=date(2026, 11, 2)).transferred == 1
    with db.transaction() as session:
        transfer = session.exec(select(SchoolTransfer)).one()
    assert (transfer.from_school_id, transfer.to_school_id, transfer.transferred_on) == (
        world.schools["SA"], world.schools["SB"], date(2026, 11, 2))
    moved = open_case_file(new, case.id)
    with db.transaction() as session:  # the case stays the one SA opened
        assert session.get(SupportCase, case.id).school_id == world.schools["SA"]
    with pytest.raises(AccessDenied):
        open_case_file(old, case.id)
    kinds = [event.kind for event in moved.events]
    assert kinds == [CaseEventKind.OPENED, CaseEventKind.STUDENT_TRANSFERRED]
    assert count(SchoolTransfer) == 1 and count(CaseEvent) == 2


def test_the_same_school_again_is_no_transfer(world):
    student_id = world.student("SA")
    assert _register(_row_of(student_id, school_code="SA")).transferred == 0
    assert count(SchoolTransfer) == 0
