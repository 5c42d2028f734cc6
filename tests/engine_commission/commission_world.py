"""The organisation tree, users and records of the commission-side engine tests.

District D1 (commission C1) has schools S1 and S2; district D2 (commission C2)
has school S3; district D3 has school S4 and no commission. SE is a special
education organisation (Art. 80), SR one with a special regime (Art. 81).
Students, cases and referrals are made directly with the models.
"""

import io
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import func, select

from juvenile import clock, db
from juvenile.models import (
    Commission,
    Referral,
    Role,
    School,
    SpecialOrganisation,
    Student,
    SupportCase,
    User,
)
from juvenile.reports.meeting_data import ItemRecord
from juvenile.rules.cases import CaseState
from juvenile.rules.iin import Sex, make_iin
from juvenile.rules.placements import DecidingBody, PlacementKind
from juvenile.security.actor import Actor
from juvenile.services.administration.organisations import import_organisations
from juvenile.services.commission.board import meeting_page
from juvenile.services.commission.members import add_member
from juvenile.services.commission.placements import PlacementTerms, register_placement

ORGANISATIONS = """kind,code,name_kk,name_ru,parent_code,special_kind
district,D1,Бірінші аудан,Первый район,KZ-75,
district,D2,Екінші аудан,Второй район,KZ-75,
district,D3,Үшінші аудан,Третий район,KZ-75,
commission,C1,Бірінші аудан комиссиясы,Комиссия первого района,D1,
commission,C2,Екінші аудан комиссиясы,Комиссия второго района,D2,
school,S1,№ 1 мектеп,Школа № 1,D1,
school,S2,№ 2 мектеп,Школа № 2,D1,
school,S3,№ 3 мектеп,Школа № 3,D2,
school,S4,№ 4 мектеп,Школа № 4,D3,
special_organisation,SE,Арнаулы білім беру ұйымы,Спецорганизация образования,KZ-75,special_education
special_organisation,SR,Ерекше режимдегі ұйым,Организация с особым режимом,KZ-75,special_regime
"""

SYSTEM = Actor.system()
SE = PlacementKind.SPECIAL_EDUCATION
SR = PlacementKind.SPECIAL_REGIME
_serials = itertools.count(1)
_issued: set[str] = set()


# The tests' decisions, returns and notices are dated up to spring 2027, and no act
# may be dated after today (issue 15 item 3): their clock stands in June 2027.
TESTS_TODAY = datetime(2027, 6, 1, 12, 0, tzinfo=clock.KAZAKHSTAN_TIME)


def clock_after_the_tests_dates() -> Iterator[datetime]:
    """The clock at TESTS_TODAY for a test (the conftests make it an autouse fixture)."""
    with clock.frozen_at(TESTS_TODAY) as moment:
        yield moment


def fresh_iin(birth: date) -> str:
    """A valid IIN not given before (make_iin may skip to the next serial)."""
    iin = make_iin(birth, Sex.MALE, next(_serials) % 10_000)
    while iin in _issued:
        iin = make_iin(birth, Sex.MALE, next(_serials) % 10_000)
    _issued.add(iin)
    return iin


def agenda(actor: Actor, meeting_id: int) -> list[ItemRecord]:
    """The meeting's agenda in order, as the meeting page reads it (through the gate)."""
    return list(meeting_page(actor, meeting_id).record.items)


def count(table) -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(table)).one()


def csv_file(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode("utf-8"))


@dataclass
class World:
    schools: dict[str, int] = field(default_factory=dict)
    commissions: dict[str, int] = field(default_factory=dict)
    organisations: dict[str, int] = field(default_factory=dict)

    def student(self, birth: date = date(2012, 5, 17), school: str = "S1",
                last_name: str = "Әлиев") -> Student:
        with db.transaction() as session:
            student = Student(iin=fresh_iin(birth), last_name=last_name,
                              first_name="Ғалым", middle_name="Құрманұлы", birth_date=birth,
                              sex=Sex.MALE, school_id=self.schools[school], grade=7)
            session.add(student)
            session.flush()
            return student

    def referral(self, student: Student, commission: str = "C1") -> Referral:
        """A case the representatives refused, referred to the commission (Art. 78 (4))."""
        with db.transaction() as session:
            case = SupportCase(student_id=student.id, school_id=student.school_id,
                               state=CaseState.REFERRED_TO_COMMISSION, opened_on=date(2026, 9, 1))
            session.add(case)
            session.flush()
            referral = Referral(case_id=case.id, commission_id=self.commissions[commission],
                                packet=json.dumps({"student": {"full_name": student.full_name}}))
            session.add(referral)
            session.flush()
            return referral

    def members(self, commission: str = "C1", n: int = 7) -> list[int]:
        """n members: chair, deputy chair, secretary and ordinary members (Art. 79 (4))."""
        positions = ["chair", "deputy_chair", "secretary"] + ["member"] * (n - 3)
        return [add_member(SYSTEM, self.commissions[commission], f"Мүше {i}", position).id
                for i, position in enumerate(positions[:n], start=1)]

    def place(self, student: Student, kind: PlacementKind = SE, term: int = 6,
              decision: date = date(2026, 1, 15), start: date = date(2026, 1, 20),
              body: DecidingBody = DecidingBody.COURT, actor: Actor = SYSTEM, **decision_facts):
        """A lawful decision: with the prosecutor (Art. 80 (7), Art. 81 (8)) and, for
        special education, the guardianship body's application (Art. 80 (2));
        ``decision_facts`` override those fields of PlacementTerms."""
        organisation = self.organisations["SE" if kind == SE else "SR"]
        facts = {"prosecutor_participated": True,
                 "guardianship_applicant": "Қорғаншылық органы" if kind == SE else "",
                 "guardianship_applied_on": decision if kind == SE else None} | decision_facts
        return register_placement(actor, student.id, PlacementTerms(
            kind=kind, organisation_id=organisation, deciding_body=body, decision_date=decision,
            start_date=start, term_months=term, decision_number=f"2-{student.id}/2026",
            **facts))

    def secretary(self, commission: str = "C1") -> Actor:
        return self.user(Role.COMMISSION_SECRETARY, commission)

    def user(self, role: Role, code: str = "") -> Actor:
        """A user row (the audit log refers to it) and the Actor a session would give."""
        organisation = {}
        if code in self.commissions:
            organisation = {"commission_id": self.commissions[code]}
        elif code in self.schools:
            organisation = {"school_id": self.schools[code]}
        login = f"{role.value}-{code}-{next(_serials)}"
        with db.transaction() as session:
            user = User(login=login, full_name="Тест Қызметкер", role=role, password_hash="x",
                        **organisation)
            session.add(user)
            session.flush()
            return Actor(user_id=user.id, login=login, role=role, organisation_code=code,
                         language="en", **organisation)


def build_world() -> World:
    import_organisations(Actor.system(), csv_file(ORGANISATIONS), filename="orgs.csv")
    with db.transaction() as session:
        return World(
            schools={s.code: s.id for s in session.exec(select(School))},
            commissions={c.code: c.id for c in session.exec(select(Commission))},
            organisations={o.code: o.id for o in session.exec(select(SpecialOrganisation))},
        )
