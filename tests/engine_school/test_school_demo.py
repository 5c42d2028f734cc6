"""The demo students load twice without duplicates and show each part of the workflow."""

from datetime import date

from school_helpers import count
from sqlmodel import select

from juvenile import db
from juvenile.demo import ORGANISATIONS_FILE
from juvenile.demo.students import STUDENTS, add_large_school, load_demo_students
from juvenile.models import (
    AbsenceProposal,
    AttendanceMark,
    CriterionFlag,
    LegalRepresentative,
    School,
    Student,
    SupportCase,
)
from juvenile.rules.cases import CaseState
from juvenile.rules.iin import parse_iin
from juvenile.security.actor import Actor
from juvenile.services.administration.organisations import import_organisations

TODAY = date(2026, 11, 25)
TABLES = (Student, LegalRepresentative, CriterionFlag, SupportCase, AttendanceMark,
          AbsenceProposal)


def test_demo_students_load_twice_without_duplicates(database):
    import_organisations(Actor.system(), ORGANISATIONS_FILE)
    load_demo_students(TODAY)
    counts = [count(table) for table in TABLES]
    assert load_demo_students(TODAY) == 0
    assert [count(table) for table in TABLES] == counts
    with db.transaction() as session:
        [galym] = session.exec(select(Student).where(Student.last_name == "Әлиев")).all()
        states = sorted(session.exec(select(SupportCase.state)).all())
        sensitive = session.exec(select(CriterionFlag).where(CriterionFlag.criterion == 9)).all()
        [proposal] = session.exec(select(AbsenceProposal)).all()
        schools = set(session.exec(select(Student.school_id)).all())
    assert galym.full_name == "Әлиев Ғалым Құрманұлы"
    assert parse_iin(galym.iin).birth_date == galym.birth_date
    assert counts[0] == len(STUDENTS) and len(schools) >= 4
    assert states.count(CaseState.FLAGGED) == 3 and CaseState.UNDER_SUPPORT in states
    assert len(sensitive) == 1
    assert (proposal.month, proposal.unexcused_days) == ("2026-11", 4)


def test_a_large_school_for_speed_checks(sqlite_database):
    import_organisations(Actor.system(), ORGANISATIONS_FILE)
    assert add_large_school(3000) == 3000
    assert add_large_school(3000) == 0  # the same roster again: updated, not repeated
    with db.transaction() as session:
        school = session.exec(select(School).where(School.code == "AST-SCH-090")).one()
        on_roll = session.exec(select(Student.id).where(Student.school_id == school.id)).all()
    assert len(on_roll) == 3000
