"""The student register: students, their legal representatives, and moves between schools.

The IIN is the source of truth for the birth date and sex, so they are never
entered separately. Names are kept exactly as written, in Kazakh or Russian
spelling.
"""

import re
from dataclasses import dataclass

from sqlmodel import Session, select

from juvenile.db import transaction
from juvenile.models import LegalRepresentative, School, Student
from juvenile.rules.errors import RuleViolation
from juvenile.rules.iin import parse_iin
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope
from juvenile.security.scopes import student_scope

GRADES = range(0, 13)  # 0 is the pre-school class; 12 the last grade of 12-year schooling
LANGUAGES_OF_INSTRUCTION = ("kk", "ru")
RELATIONS = ("mother", "father", "guardian", "trustee", "foster_parent", "other")
NAME_MAX_LENGTH = 100
REPRESENTATIVE_NAME_MAX_LENGTH = 200
CLASS_LETTER_MAX_LENGTH = 4
# Letters of any script, joined by single spaces, hyphens or apostrophes.
_NAME = re.compile(r"[^\W\d_]+(?:[ \-'’][^\W\d_]+)*")
_CLASS_LETTER = re.compile(r"[^\W_]{1,4}")
_PHONE = re.compile(r"\+?[0-9 ()\-]{10,20}")


@dataclass(frozen=True)
class StudentData:
    """What a school enters about a student; birth date and sex come from the IIN."""

    iin: str
    last_name: str
    first_name: str
    middle_name: str
    school_id: int
    grade: int
    class_letter: str = ""
    language_of_instruction: str = "kk"


@dataclass(frozen=True)
class RepresentativeData:
    full_name: str
    relation: str
    phone: str = ""
    iin: str = ""


# --- field checks, shared with the file import -------------------------------------------


def check_name(value: str, required: bool = True, limit: int = NAME_MAX_LENGTH) -> str:
    """A personal name as written (Kazakh, Russian or another script)."""
    value = value.strip()
    if not value:
        if required:
            raise RuleViolation("students.error.name_required")
        return value
    if len(value) > limit:
        raise RuleViolation("students.error.name_too_long", limit=limit)
    if not _NAME.fullmatch(value):
        raise RuleViolation("students.error.bad_name", value=value)
    return value


def check_grade(value: int | str) -> int:
    try:
        grade = int(str(value).strip())
    except ValueError:
        raise RuleViolation("students.error.bad_grade", value=value) from None
    if grade not in GRADES:
        raise RuleViolation("students.error.bad_grade", value=value)
    return grade


def check_class_letter(value: str) -> str:
    value = value.strip().upper()
    if value and not _CLASS_LETTER.fullmatch(value):
        raise RuleViolation("students.error.bad_class_letter", value=value,
                            limit=CLASS_LETTER_MAX_LENGTH)
    return value


def check_language(value: str) -> str:
    value = value.strip().lower()
    if value not in LANGUAGES_OF_INSTRUCTION:
        raise RuleViolation("students.error.bad_language", value=value)
    return value


def check_relation(value: str) -> str:
    value = value.strip().lower()
    if value not in RELATIONS:
        raise RuleViolation("students.error.bad_relation", value=value)
    return value


def check_phone(value: str) -> str:
    value = value.strip()
    if value and not _PHONE.fullmatch(value):
        raise RuleViolation("students.error.bad_phone", value=value)
    return value


def check_representative(data: RepresentativeData) -> RepresentativeData:
    """The representative's fields, normalised; an IIN, when given, must be valid."""
    return RepresentativeData(
        full_name=check_name(data.full_name, limit=REPRESENTATIVE_NAME_MAX_LENGTH),
        relation=check_relation(data.relation),
        phone=check_phone(data.phone),
        iin=parse_iin(data.iin).iin if data.iin.strip() else "",
    )


# --- loading -------------------------------------------------------------------------------


def load_student(session: Session, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(RecordKind.STUDENT, student_id)
    return student


def load_school(session: Session, school_id: int) -> School:
    school = session.get(School, school_id)
    if school is None:
        raise NotFound(RecordKind.ORGANISATION, school_id)
    return school


def school_by_code(code: str) -> School:
    """A school by its code (organisation names are public); NotFound if none."""
    with transaction() as session:
        school = session.exec(select(School).where(School.code == code.strip())).first()
    if school is None:
        raise NotFound(RecordKind.ORGANISATION, code)
    return school


def school_ids_by_code(session: Session, codes) -> dict[str, int]:
    """School code -> id for the codes that exist (the imports look them up in bulk)."""
    wanted = sorted({code for code in codes if code})
    if not wanted:
        return {}
    return {code: school_id for code, school_id in session.exec(
        select(School.code, School.id).where(School.code.in_(wanted)))}


def school_scope(kind: RecordKind, school_id: int) -> RecordScope:
    """The scope of a new record of ``kind`` at a school (before it has an id)."""
    return RecordScope(kind=kind, school_id=school_id)


# --- services ------------------------------------------------------------------------------


def student_fields(data: StudentData) -> dict:
    """The checked columns of a student; the first bad field raises RuleViolation."""
    info = parse_iin(data.iin)
    return {
        "iin": info.iin,
        "birth_date": info.birth_date,
        "sex": info.sex,
        "last_name": check_name(data.last_name),
        "first_name": check_name(data.first_name),
        "middle_name": check_name(data.middle_name, required=False),
        "grade": check_grade(data.grade),
        "class_letter": check_class_letter(data.class_letter),
        "language_of_instruction": check_language(data.language_of_instruction),
    }


def _registered(session: Session, iin: str) -> int | None:
    """The id of the student with this IIN, if any."""
    return session.exec(select(Student.id).where(Student.iin == iin)).first()


def create_student(actor: Actor, data: StudentData) -> Student:
    """Put a student on the school's roll; the IIN must be valid and not yet registered."""
    with transaction() as session:
        load_school(session, data.school_id)
        entry = authorize(session, actor, Permission.CREATE,
                          school_scope(RecordKind.STUDENT, data.school_id))
        fields = student_fields(data)
        if _registered(session, fields["iin"]) is not None:
            raise RuleViolation("students.error.iin_registered", iin=fields["iin"])
        student = Student(school_id=data.school_id, **fields)
        session.add(student)
        session.flush()
        entry.record_id = student.id
        return student


def update_student(actor: Actor, student_id: int, data: StudentData) -> Student:
    """Correct a student's record. The school changes only by ``transfer_student``."""
    with transaction() as session:
        student = load_student(session, student_id)
        authorize(session, actor, Permission.UPDATE, student_scope(session, student))
        if data.school_id != student.school_id:
            raise RuleViolation("students.error.school_by_transfer_only")
        fields = student_fields(data)
        if _registered(session, fields["iin"]) not in (None, student.id):
            raise RuleViolation("students.error.iin_registered", iin=fields["iin"])
        for name, value in fields.items():
            setattr(student, name, value)
        session.add(student)
        return student


def get_student(actor: Actor, student_id: int) -> Student:
    with transaction() as session:
        student = load_student(session, student_id)
        authorize(session, actor, Permission.VIEW, student_scope(session, student))
        return student


def add_representative(
    actor: Actor, student_id: int, data: RepresentativeData
) -> LegalRepresentative:
    """Record a parent or guardian; they take part in the council (Art. 78 (3))."""
    with transaction() as session:
        student = load_student(session, student_id)
        entry = authorize(session, actor, Permission.UPDATE, student_scope(session, student))
        data = check_representative(data)
        representative = LegalRepresentative(
            student_id=student.id, full_name=data.full_name, relation=data.relation,
            phone=data.phone, iin=data.iin or None,
        )
        session.add(representative)
        session.flush()
        entry.detail = f"representative {representative.id} added"
        return representative
