"""Students and their legal representatives written straight into the register, for
the tests whose subject comes after registration.

The register's entry point, the student import (the import page and ``juvenile
import students``), is tested on its own in engine_school/test_school_imports.py
and engine_school/test_school_students.py; like the import, the birth date and
sex are read from the IIN.
"""

from dataclasses import dataclass

from juvenile import db
from juvenile.models import LegalRepresentative, Student
from juvenile.rules.iin import parse_iin


@dataclass(frozen=True)
class Representative:
    full_name: str = "Әлиева Гүлнар Сейітқызы"
    relation: str = "mother"
    phone: str = ""


def register_student(school_id: int, iin: str, last_name: str = "Әлиев",
                     first_name: str = "Ғалым", middle_name: str = "Құрманұлы", grade: int = 7,
                     class_letter: str = "Б", language: str = "kk",
                     representative: Representative | None = None) -> Student:
    """A student on the school's roll, with one legal representative when given."""
    info = parse_iin(iin)
    with db.transaction() as session:
        student = Student(iin=info.iin, birth_date=info.birth_date, sex=info.sex,
                          school_id=school_id, last_name=last_name, first_name=first_name,
                          middle_name=middle_name, grade=grade, class_letter=class_letter,
                          language_of_instruction=language)
        session.add(student)
        session.flush()
        if representative is not None:
            session.add(LegalRepresentative(
                student_id=student.id, full_name=representative.full_name,
                relation=representative.relation, phone=representative.phone))
        return student
