"""Organisations, users and students for the identity and access tests.

"Home" records belong to the Almaty district of Astana (KZ-71); "foreign"
records to the Almaly district of Almaty (KZ-75), so every organisation of a
home user differs from the foreign record's: school, commission, district
and region.
"""

from dataclasses import dataclass
from datetime import date
from itertools import count

from sqlmodel import select

from juvenile.db import transaction
from juvenile.models import LegalRepresentative, Referral, Role, Student, SupportCase, User
from juvenile.rules.cases import CaseState
from juvenile.rules.iin import Sex, make_iin
from juvenile.security.actor import Actor
from juvenile.services.identity.accounts import AccountForm, create_user
from juvenile.services.identity.sessions import actor_of

PASSWORD = "correct horse battery"  # noqa: S105 (test accounts)

HOME = {"school": "AST-SCH-012", "other_school": "AST-SCH-047", "commission": "KDN-AST-ALM",
        "district": "AST-ALM", "region": "KZ-71"}
FOREIGN = {"school": "ALA-SCH-025", "commission": "KDN-ALA-ALM", "district": "ALA-ALM",
           "region": "KZ-75"}

# (login, role, organisation code) of the home users, one per role (two analysts).
HOME_USERS = [
    ("psy.home", Role.SCHOOL_PSYCHOLOGIST, HOME["school"]),
    ("director.home", Role.SCHOOL_ADMIN, HOME["school"]),
    ("secretary.home", Role.COMMISSION_SECRETARY, HOME["commission"]),
    ("member.home", Role.COMMISSION_MEMBER, HOME["commission"]),
    ("analyst.district", Role.EDUCATION_ANALYST, HOME["district"]),
    ("analyst.region", Role.EDUCATION_ANALYST, HOME["region"]),
    ("admin.home", Role.ADMIN, ""),
]


@dataclass(frozen=True)
class Ids:
    """Organisation ids by code."""

    school: dict[str, int]
    commission: dict[str, int]
    district: dict[str, int]
    region: dict[str, int]


def add_user(login: str, role: Role, organisation: str, password: str = PASSWORD,
             language: str = "kk") -> int:
    form = AccountForm(login.title(), role, organisation, language)
    return create_user(Actor.system(), login, form, password=password).account.id


def actor(login: str) -> Actor:
    with transaction() as session:
        return actor_of(session, session.exec(select(User).where(User.login == login)).one())


_serials = count(100)


def add_student(school_id: int, last_name: str = "Серікбаев", first_name: str = "Нұрлан",
                representative: str = "Айгүл Серікбаева") -> Student:
    with transaction() as session:
        born = date(2011, 4, 5)
        student = Student(
            iin=make_iin(born, Sex.MALE, next(_serials) % 10_000), last_name=last_name,
            first_name=first_name, birth_date=born, sex=Sex.MALE, school_id=school_id,
            grade=8, class_letter="Б",
        )
        session.add(student)
        session.flush()
        session.add(LegalRepresentative(student_id=student.id, full_name=representative,
                                        relation="mother", phone="+77011234567"))
        return student


def refer(student: Student, commission_id: int) -> Referral:
    """The student's case as if the representatives refused and the school
    referred it to the commission (Art. 78 (4))."""
    with transaction() as session:
        case = SupportCase(student_id=student.id, school_id=student.school_id,
                           state=CaseState.REFERRED_TO_COMMISSION, opened_on=date(2026, 2, 2))
        session.add(case)
        session.flush()
        referral = Referral(case_id=case.id, commission_id=commission_id, packet="{}")
        session.add(referral)
        return referral
