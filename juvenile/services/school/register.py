"""The school's register of students: search, filters, sorting, one page at a time.

A school of 3,000 students must answer at once, so a page is one COUNT and one
LIMIT/OFFSET query over the school's students (``student.school_id`` is
indexed); the criteria of the page's students come in one more small query.
Reading the register is reading children's records (Art. 59 (6), Art. 83 (2)):
the gate allows it for the school's own staff only and audits it.
"""

import enum
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from juvenile.db import collated, transaction
from juvenile.models import CriterionFlag, Student, SupportCase
from juvenile.rules.cases import CaseState
from juvenile.rules.criteria import SENSITIVE_CRITERIA, criterion
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope, is_allowed
from juvenile.services.common import Paged, page_count
from juvenile.services.school.students import school_scope

PAGE_SIZE = 25
SEARCH_MAX_LENGTH = 100
NO_CASE = "none"  # the case-state filter: students without an open case


class RegisterSort(enum.StrEnum):
    NAME = "name"
    CLASS = "class"
    IIN = "iin"
    BIRTH_DATE = "birth_date"


@dataclass(frozen=True)
class RegisterQuery:
    """What the user asked for; every field is re-checked here (it came from a browser)."""

    search: str = ""
    grade: int | None = None
    class_letter: str = ""
    criterion: int | None = None
    case_state: str = ""  # a CaseState value, NO_CASE, or "" for any
    sort: RegisterSort = RegisterSort.NAME
    descending: bool = False
    page: int = 1
    page_size: int = PAGE_SIZE
    language: str = "kk"  # the reader's alphabet for names (rules.collation)


@dataclass(frozen=True)
class RegisterRow:
    student_id: int
    iin: str
    full_name: str
    grade: int
    class_letter: str
    birth_date: date | None
    case_id: int | None
    case_state: CaseState | None
    criteria: tuple[int, ...] = ()  # unresolved flags, sensitive ones only where allowed


@dataclass(frozen=True)
class RegisterPage(Paged):
    rows: list[RegisterRow]
    total: int
    page: int
    page_size: int


def _variants(word: str) -> set[str]:
    """A word as names are written: SQLite folds the case of Latin letters only, so
    Kazakh and Russian spellings are matched in the forms a name takes."""
    return {word, word.lower(), word.upper(), word.capitalize()}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search_condition(text: str):
    """Every word in some part of the name; a run of digits is the start of an IIN."""
    conditions = []
    for word in text.split()[:5]:
        if word.isdigit():
            conditions.append(col(Student.iin).like(_escape(word) + "%", escape="\\"))
            continue
        conditions.append(sa.or_(*[
            column.like("%" + _escape(variant) + "%", escape="\\")
            for variant in _variants(word)
            for column in (Student.last_name, Student.first_name, Student.middle_name)
        ]))
    return sa.and_(*conditions)


def _open_case():
    """The student's open case (at most one, Art. 78 (3)), as a correlated subquery."""
    return (select(SupportCase.id).where(SupportCase.student_id == Student.id,
                                         SupportCase.state != CaseState.CLOSED)
            .limit(1).scalar_subquery())


def _open_case_state():
    return (select(SupportCase.state).where(SupportCase.student_id == Student.id,
                                            SupportCase.state != CaseState.CLOSED)
            .limit(1).scalar_subquery())


def _filtered(query, school_id: int, q: RegisterQuery):
    query = query.where(Student.school_id == school_id)
    search = q.search.strip()[:SEARCH_MAX_LENGTH]
    if search:
        query = query.where(_search_condition(search))
    if q.grade is not None:
        query = query.where(Student.grade == q.grade)
    if q.class_letter:
        query = query.where(Student.class_letter == q.class_letter.strip().upper())
    if q.criterion is not None:
        flagged = select(CriterionFlag.id).where(CriterionFlag.student_id == Student.id,
                                                  CriterionFlag.criterion == q.criterion,
                                                  col(CriterionFlag.resolved_on).is_(None))
        query = query.where(flagged.exists())
    if q.case_state == NO_CASE:
        query = query.where(~select(SupportCase.id).where(
            SupportCase.student_id == Student.id,
            SupportCase.state != CaseState.CLOSED).exists())
    elif q.case_state:
        query = query.where(select(SupportCase.id).where(
            SupportCase.student_id == Student.id,
            SupportCase.state == CaseState(q.case_state)).exists())
    return query


_ORDER = {
    RegisterSort.NAME: (Student.last_name, Student.first_name, Student.middle_name),
    RegisterSort.CLASS: (Student.grade, Student.class_letter, Student.last_name,
                         Student.first_name),
    RegisterSort.IIN: (Student.iin,),
    RegisterSort.BIRTH_DATE: (Student.birth_date, Student.last_name),
}


_NAMES = {"last_name", "first_name", "middle_name"}


def _in_alphabet(column, language: str):
    """A name column in the reader's alphabet; other columns as they are."""
    return collated(column, language) if column.key in _NAMES else column


def _criteria_of(session: Session, actor: Actor, school_id: int,
                 student_ids: list[int]) -> dict[int, tuple[int, ...]]:
    """Unresolved criteria of the page's students; 8 and 9 only where the gate allows."""
    if not student_ids:
        return {}
    sensitive_scope = RecordScope(kind=RecordKind.FLAG, school_id=school_id, sensitive=True)
    show_sensitive = is_allowed(actor, Permission.VIEW, sensitive_scope)
    found: dict[int, set[int]] = {}
    for student_id, number in session.exec(
        select(CriterionFlag.student_id, CriterionFlag.criterion)
        .where(col(CriterionFlag.student_id).in_(student_ids),
               col(CriterionFlag.resolved_on).is_(None))
    ):
        if number in SENSITIVE_CRITERIA and not show_sensitive:
            continue
        found.setdefault(student_id, set()).add(number)
    return {student_id: tuple(sorted(numbers)) for student_id, numbers in found.items()}


def check_query(q: RegisterQuery) -> RegisterQuery:
    """The query with its values in range (a stranger's URL may carry anything)."""
    grade = q.grade if q.grade is not None and 0 <= q.grade <= 12 else None
    number = q.criterion
    if number is not None:
        number = criterion(number).number  # RuleViolation for an unknown one
    states = {state.value for state in CaseState} | {NO_CASE}
    return RegisterQuery(
        search=q.search.strip()[:SEARCH_MAX_LENGTH], grade=grade,
        class_letter=q.class_letter.strip().upper()[:4], criterion=number,
        case_state=q.case_state if q.case_state in states else "",
        sort=RegisterSort(q.sort), descending=bool(q.descending),
        page=max(1, int(q.page)), page_size=max(1, min(100, int(q.page_size))),
        language=q.language if q.language in ("kk", "ru") else "ru",
    )


def list_register(actor: Actor, query: RegisterQuery = RegisterQuery(),
                  school_id: int | None = None) -> RegisterPage:
    """One page of the actor's school register (``school_id`` for the command line)."""
    q = check_query(query)
    school_id = school_id if school_id is not None else actor.school_id
    with transaction() as session:
        entry = authorize(session, actor, Permission.VIEW,
                          school_scope(RecordKind.STUDENT, school_id))
        if entry is not None:
            entry.detail = "register"
        if q.criterion in SENSITIVE_CRITERIA:
            authorize(session, actor, Permission.VIEW, RecordScope(
                kind=RecordKind.FLAG, school_id=school_id, sensitive=True))
        total = session.exec(_filtered(select(func.count(col(Student.id))), school_id, q)).one()
        pages = page_count(total, q.page_size)
        page = min(q.page, pages)
        order = [_in_alphabet(column, q.language) for column in _ORDER[q.sort]]
        order = [column.desc() if q.descending else column for column in order]
        rows = session.exec(
            _filtered(select(Student.id, Student.iin, Student.last_name, Student.first_name,
                             Student.middle_name, Student.grade, Student.class_letter,
                             Student.birth_date, _open_case(), _open_case_state()),
                      school_id, q)
            .order_by(*order, Student.id).offset((page - 1) * q.page_size).limit(q.page_size)
        ).all()
        criteria = _criteria_of(session, actor, school_id, [row[0] for row in rows])
    return RegisterPage(
        rows=[
            RegisterRow(
                student_id=student_id, iin=iin,
                full_name=" ".join(p for p in (last, first, middle) if p),
                grade=grade, class_letter=letter, birth_date=born, case_id=case_id,
                case_state=CaseState(state) if state else None,
                criteria=criteria.get(student_id, ()),
            )
            for student_id, iin, last, first, middle, grade, letter, born, case_id, state
            in rows
        ],
        total=total, page=page, page_size=q.page_size,
    )


def register_classes(actor: Actor) -> list[tuple[int, str]]:
    """The classes (grade, letter) of the actor's school, for the class filter."""
    with transaction() as session:
        authorize(session, actor, Permission.VIEW,
                  school_scope(RecordKind.STUDENT, actor.school_id)).detail = "classes"
        return [tuple(row) for row in session.exec(
            select(Student.grade, Student.class_letter)
            .where(Student.school_id == actor.school_id)
            .distinct().order_by(col(Student.grade), Student.class_letter))]
