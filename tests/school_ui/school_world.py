"""A district with a commission and two schools, and helpers that drive the school's
work through the engine's services (as the pages do)."""

import io
import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from sqlmodel import select
from student_records import Representative, register_student

from juvenile import db
from juvenile.models import CriterionFlag, Role, School, User
from juvenile.rules.iin import Sex, make_iin
from juvenile.security.actor import Actor
from juvenile.services.administration.organisations import import_organisations
from juvenile.services.school.cases import open_case
from juvenile.services.school.council import (
    NewMeasure,
    hold_council_meeting,
    plan_council_meeting,
    record_council_decision,
    record_participation,
)
from juvenile.services.school.flags import NewFlag, add_flags

ORGANISATIONS = """kind,code,name_kk,name_ru,parent_code,special_kind
district,D1,Бірінші аудан,Первый район,KZ-75,
commission,C1,Бірінші аудан комиссиясы,Комиссия первого района,D1,
school,SA,№ 1 мектеп-гимназия,Школа-гимназия № 1,D1,
school,SB,№ 2 мектеп,Школа № 2,D1,
"""
SYSTEM = Actor.system()
TODAY = date(2026, 11, 25)
_serials = itertools.count(1)


@dataclass
class World:
    schools: dict[str, int] = field(default_factory=dict)
    iins: set[str] = field(default_factory=set)

    def student(self, last: str = "Әлиев", first: str = "Ғалым", middle: str = "Құрманұлы",
                school: str = "SA", grade: int = 7, letter: str = "Б",
                born: date = date(2012, 5, 17)) -> int:
        iin = make_iin(born, Sex.MALE, next(_serials))
        while iin in self.iins:  # make_iin skips a serial without a check digit
            iin = make_iin(born, Sex.MALE, next(_serials))
        self.iins.add(iin)
        return register_student(self.schools[school], iin, last, first, middle, grade, letter,
                                representative=Representative()).id

    def staff(self, school: str = "SA", role: Role = Role.SCHOOL_PSYCHOLOGIST) -> Actor:
        login = f"{role.value}-{school}-{next(_serials)}"
        with db.transaction() as session:
            user = User(login=login, full_name="Нұрланова Әлия Серікқызы", role=role,
                        school_id=self.schools[school], password_hash="x")
            session.add(user)
            session.flush()
            user_id = user.id
        return Actor(user_id=user_id, login=login, role=role, school_id=self.schools[school],
                     organisation_code=school)

    def flag(self, student_id: int, *criteria: int, days_ago: int = 10) -> list[int]:
        flags = add_flags(SYSTEM, student_id, [
            NewFlag(n, TODAY - timedelta(days=days_ago), f"Байқалды: {n}") for n in criteria],
            today=TODAY)
        return [f.id for f in flags]

    def case(self, student_id: int, *criteria: int) -> int:
        flag_ids = self.flag(student_id, *criteria)
        return open_case(SYSTEM, student_id, flag_ids, on=TODAY - timedelta(days=5)).id

    def council(self, school: str, case_id: int, decision: str, number: str = "3",
                measures: tuple = ()) -> int:
        """A meeting held yesterday that decided ``case_id``."""
        meeting = plan_council_meeting(SYSTEM, self.schools[school], number,
                                       TODAY - timedelta(days=1), [case_id])
        hold_council_meeting(SYSTEM, meeting.id, ["Омаров Бауыржан Қайратұлы (төраға)",
                                                  "Ахметова Сәуле Маратқызы (хатшы)"],
                             today=TODAY)
        refused = decision == "representatives_refused"
        record_participation(SYSTEM, meeting.id, case_id, minor_present=True,
                             representatives_present=not refused,
                             representatives_absence_reason="бас тартты" if refused else "",
                             representatives_refused_to_attend=refused,
                             representatives_invited_on=TODAY - timedelta(days=8)
                             if refused else None)
        record_council_decision(SYSTEM, meeting.id, case_id, decision, [
            NewMeasure(text, who, due) for text, who, due in measures])
        return meeting.id


def flags_of(student_id: int) -> list[CriterionFlag]:
    with db.transaction() as session:
        return list(session.exec(select(CriterionFlag)
                                 .where(CriterionFlag.student_id == student_id)))


@pytest.fixture
def world(database) -> World:
    """The organisations of ORGANISATIONS on a fresh database (import it as a fixture)."""
    import_organisations(Actor.system(), io.BytesIO(ORGANISATIONS.encode()), filename="orgs.csv")
    with db.transaction() as session:
        return World(schools={s.code: s.id for s in session.exec(select(School))})
