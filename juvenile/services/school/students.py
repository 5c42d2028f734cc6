"""The student register's field checks, loading and reading.

Students and their legal representatives are written by the student import
(``student_import``: the import page and ``juvenile import students``), moves
between schools by ``transfers``. The IIN is the source of truth for the birth
date and sex, so they are never entered separately. Names are kept exactly as
written, in Kazakh or Russian spelling.
"""

import re

from sqlmodel import Session, col, select

from juvenile.db import lock, transaction
from juvenile.errors import InputRefused
from juvenile.models import School, Student
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


# --- field checks, used by the student import --------------------------------------------


def check_name(value: str, required: bool = True, limit: int = NAME_MAX_LENGTH) -> str:
    """A personal name as written (Kazakh, Russian or another script)."""
    value = value.strip()
    if not value:
        if required:
            raise InputRefused("students.error.name_required")
        return value
    if len(value) > limit:
        raise InputRefused("students.error.name_too_long", limit=limit)
    if not _NAME.fullmatch(value):
        raise InputRefused("students.error.bad_name", value=value)
    return value


def check_grade(value: int | str) -> int:
    try:
        grade = int(str(value).strip())
    except ValueError:
        raise InputRefused("students.error.bad_grade", value=value) from None
    if grade not in GRADES:
        raise InputRefused("students.error.bad_grade", value=value)
    return grade


def check_class_letter(value: str) -> str:
    value = value.strip().upper()
    if value and not _CLASS_LETTER.fullmatch(value):
        raise InputRefused("students.error.bad_class_letter", value=value,
                            limit=CLASS_LETTER_MAX_LENGTH)
    return value


def check_language(value: str) -> str:
    value = value.strip().lower()
    if value not in LANGUAGES_OF_INSTRUCTION:
        raise InputRefused("students.error.bad_language", value=value)
    return value


def check_relation(value: str) -> str:
    value = value.strip().lower()
    if value not in RELATIONS:
        raise InputRefused("students.error.bad_relation", value=value)
    return value


def check_phone(value: str) -> str:
    value = value.strip()
    if value and not _PHONE.fullmatch(value):
        raise InputRefused("students.error.bad_phone", value=value)
    return value


# --- loading -------------------------------------------------------------------------------


def load_student(session: Session, student_id: int, *, locked: bool = False) -> Student:
    """The student; ``locked``: the row is locked until the unit of work ends
    (``db.lock``), for an action that checks the student's records, then adds one."""
    student = lock(session, Student, student_id) if locked else session.get(Student, student_id)
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
        select(School.code, School.id).where(col(School.code).in_(wanted)))}


def school_scope(kind: RecordKind, school_id: int | None) -> RecordScope:
    """The scope of a new record of ``kind`` at a school (before it has an id)."""
    return RecordScope(kind=kind, school_id=school_id)


# --- services ------------------------------------------------------------------------------


def get_student(actor: Actor, student_id: int) -> Student:
    with transaction() as session:
        student = load_student(session, student_id)
        authorize(session, actor, Permission.VIEW, student_scope(session, student))
        return student

