"""Opening a student's card: who the child is, their school and legal representatives.

Reading a child's record is itself audited (Art. 59 (6), Art. 83 (2)): the
gate writes the "view" entry in this transaction, or the denial after it.
"""

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from juvenile.db import transaction
from juvenile.models import LegalRepresentative, School, Student
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind
from juvenile.security.scopes import student_scope


@dataclass(frozen=True)
class Representative:
    full_name: str
    relation: str
    phone: str


@dataclass(frozen=True)
class StudentCard:
    student_id: int
    iin: str
    full_name: str
    birth_date: date
    school_code: str
    school_name_kk: str
    school_name_ru: str
    grade: int
    class_letter: str
    representatives: tuple[Representative, ...]

    def school_name(self, language: str) -> str:
        return self.school_name_kk if language == "kk" else self.school_name_ru

    @property
    def class_name(self) -> str:
        """The grade and letter as schools write it, e.g. 7Б."""
        return f"{self.grade}{self.class_letter}"


def open_student_card(actor: Actor, student_id: int) -> StudentCard:
    """The card of ``student_id``; NotFound or AccessDenied otherwise (pages show
    both the same way, so a stranger cannot tell which)."""
    with transaction() as session:
        student = session.get(Student, student_id)
        if student is None:
            raise NotFound(RecordKind.STUDENT, student_id)
        authorize(session, actor, Permission.VIEW, student_scope(session, student))
        school = session.get(School, student.school_id)
        assert student.id is not None and school is not None  # a stored row and its school
        representatives = session.exec(
            select(LegalRepresentative)
            .where(LegalRepresentative.student_id == student.id)
            .order_by(col(LegalRepresentative.id))
        ).all()
        return StudentCard(
            student_id=student.id, iin=student.iin, full_name=student.full_name,
            birth_date=student.birth_date, school_code=school.code,
            school_name_kk=school.name_kk, school_name_ru=school.name_ru,
            grade=student.grade, class_letter=student.class_letter,
            representatives=tuple(
                Representative(r.full_name, r.relation, r.phone) for r in representatives
            ),
        )
