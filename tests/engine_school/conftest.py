"""A small organisation tree and helpers for the school-side engine tests.

District D1 has a commission and schools SA and SB; district D2 has school SC
and no commission (so a refusal there cannot be referred, Art. 78 (4)).
"""

import itertools
from dataclasses import dataclass, field
from datetime import date

import pytest
from school_helpers import csv_file
from sqlmodel import select
from student_records import Representative, register_student

from juvenile import db
from juvenile.models import Commission, Role, School, User
from juvenile.rules.iin import Sex, make_iin
from juvenile.security.actor import Actor
from juvenile.services.administration.organisations import import_organisations

ORGANISATIONS = """kind,code,name_kk,name_ru,parent_code,special_kind
district,D1,Бірінші аудан,Первый район,KZ-75,
district,D2,Екінші аудан,Второй район,KZ-75,
commission,C1,Бірінші аудан комиссиясы,Комиссия первого района,D1,
school,SA,№ 1 мектеп,Школа № 1,D1,
school,SB,№ 2 мектеп,Школа № 2,D1,
school,SC,№ 3 мектеп,Школа № 3,D2,
"""

_serials = itertools.count(1)


@dataclass
class World:
    schools: dict[str, int] = field(default_factory=dict)
    commission_id: int = 0

    def student(self, school: str = "SA", birth: date = date(2012, 5, 17),
                sex: Sex = Sex.MALE, last_name: str = "Әлиев", first_name: str = "Ғалым",
                middle_name: str = "Құрманұлы", representative: bool = True) -> int:
        """A student on the roll of ``school``, with one representative."""
        return register_student(
            self.schools[school], make_iin(birth, sex, next(_serials)), last_name, first_name,
            middle_name, representative=Representative(phone="+7 701 234 56 78")
            if representative else None).id

    def staff(self, school: str, role: Role = Role.SCHOOL_PSYCHOLOGIST) -> Actor:
        """A school user as the identity layer would resolve it from a session."""
        return self._user(role, school_id=self.schools[school], code=school)

    def commission_member(self, role: Role = Role.COMMISSION_SECRETARY) -> Actor:
        return self._user(role, commission_id=self.commission_id, code="C1")

    def admin(self) -> Actor:
        return self._user(Role.ADMIN, code="")

    def _user(self, role: Role, code: str, **organisation: int) -> Actor:
        login = f"{role.value}-{code}-{next(_serials)}"
        with db.transaction() as session:
            user = User(login=login, full_name="Тест Қызметкер", role=role,
                        password_hash="x", **organisation)
            session.add(user)
            session.flush()
            user_id = user.id
        return Actor(user_id=user_id, login=login, role=role, organisation_code=code,
                     **organisation)


@pytest.fixture
def world(database) -> World:
    import_organisations(Actor.system(), csv_file(ORGANISATIONS), filename="orgs.csv")
    with db.transaction() as session:
        schools = {s.code: s.id for s in session.exec(select(School))}
        commission = session.exec(select(Commission)).one()
    return World(schools=schools, commission_id=commission.id)
