"""The student register: IIN as the source of truth, names as written, transfers."""

from datetime import date

import pytest
from school_helpers import SYSTEM, count
from sqlmodel import select

from juvenile import db
from juvenile.models import (
    AuditEntry,
    CaseEvent,
    CaseEventKind,
    SchoolTransfer,
    Student,
    SupportCase,
)
from juvenile.rules.errors import RuleViolation
from juvenile.rules.iin import Sex, make_iin
from juvenile.security.gate import AccessDenied
from juvenile.services.school.case_file import open_case_file
from juvenile.services.school.cases import open_case
from juvenile.services.school.flags import NewFlag, add_flags
from juvenile.services.school.students import (
    RepresentativeData,
    StudentData,
    add_representative,
    create_student,
    get_student,
    update_student,
)
from juvenile.services.school.transfers import transfer_student

GOOD_IIN = make_iin(date(2011, 2, 3), Sex.FEMALE, 4321)


def wrong_check_digit(iin: str) -> str:
    return iin[:11] + str((int(iin[11]) + 1) % 10)


def _data(world, **changes) -> StudentData:
    fields = dict(iin=GOOD_IIN, last_name="Иванова",
                  first_name="Мария", middle_name="Петровна", school_id=world.schools["SA"],
                  grade=5, class_letter="а", language_of_instruction="ru")
    return StudentData(**(fields | changes))


def test_birth_date_and_sex_come_from_the_iin(world):
    student = create_student(SYSTEM, _data(world))
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
        ({"language_of_instruction": "en"}, "students.error.bad_language"),
    ],
)
def test_bad_fields_are_refused(world, changes, key):
    with pytest.raises(RuleViolation) as refused:
        create_student(SYSTEM, _data(world, **changes))
    assert refused.value.key == key
    assert count(Student) == 0


def test_grades_0_and_12_are_accepted(world):
    create_student(SYSTEM, _data(world, grade=0))
    student = create_student(SYSTEM, _data(world, grade=12,
                                           iin=make_iin(date(2008, 1, 1), Sex.MALE, 7)))
    assert student.grade == 12


def test_an_iin_is_registered_once(world):
    create_student(SYSTEM, _data(world))
    with pytest.raises(RuleViolation) as refused:
        create_student(SYSTEM, _data(world, school_id=world.schools["SB"]))
    assert refused.value.key == "students.error.iin_registered"


def test_update_cannot_move_school_silently(world):
    student = create_student(SYSTEM, _data(world))
    with pytest.raises(RuleViolation) as refused:
        update_student(SYSTEM, student.id, _data(world, school_id=world.schools["SB"]))
    assert refused.value.key == "students.error.school_by_transfer_only"
    assert update_student(SYSTEM, student.id, _data(world, grade=6)).grade == 6


def test_representative_iin_is_validated_when_given(world):
    student_id = world.student(representative=False)
    with pytest.raises(RuleViolation) as refused:
        add_representative(SYSTEM, student_id, RepresentativeData(
            full_name="Петров Иван", relation="father",
            iin=wrong_check_digit(make_iin(date(1985, 3, 4), Sex.MALE, 12))))
    assert refused.value.key == "iin.bad_check_digit"
    with pytest.raises(RuleViolation) as refused:
        add_representative(SYSTEM, student_id, RepresentativeData(
            full_name="Петров Иван", relation="uncle"))
    assert refused.value.key == "students.error.bad_relation"
    father = add_representative(SYSTEM, student_id, RepresentativeData(
        full_name="Петров Иван", relation="Father",
        iin=make_iin(date(1985, 3, 4), Sex.MALE, 12)))
    assert father.relation == "father" and father.iin.startswith("850304")


def test_another_schools_psychologist_cannot_create_or_read(world):
    """Confidentiality (Art. 3 (2) item 4): staff see their own school's students only."""
    student_id = world.student("SA")
    outsider = world.staff("SB")
    with pytest.raises(AccessDenied):
        get_student(outsider, student_id)
    with pytest.raises(AccessDenied):
        create_student(outsider, _data(world))
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

    with pytest.raises(AccessDenied):  # the receiving school cannot pull a student
        transfer_student(new, student_id, world.schools["SB"], date(2026, 11, 2))
    transfer = transfer_student(old, student_id, world.schools["SB"], date(2026, 11, 2))

    assert (transfer.from_school_id, transfer.to_school_id) == (world.schools["SA"],
                                                                world.schools["SB"])
    moved = open_case_file(new, case.id)
    with db.transaction() as session:  # the case stays the one SA opened
        assert session.get(SupportCase, case.id).school_id == world.schools["SA"]
    with pytest.raises(AccessDenied):
        open_case_file(old, case.id)
    kinds = [event.kind for event in moved.events]
    assert kinds == [CaseEventKind.OPENED, CaseEventKind.STUDENT_TRANSFERRED]
    assert count(SchoolTransfer) == 1 and count(CaseEvent) == 2


def test_transfer_to_the_same_school_is_refused(world):
    student_id = world.student("SA")
    with pytest.raises(RuleViolation) as refused:
        transfer_student(SYSTEM, student_id, world.schools["SA"])
    assert refused.value.key == "students.error.same_school"
