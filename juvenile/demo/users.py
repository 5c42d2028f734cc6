"""Demo users: one of every role in the demo organisations, all with one password.

Two psychologists work in different schools of the same district, so the
demo (and the tests) can show that neither sees the other's students.
"""

from dataclasses import dataclass

from sqlmodel import select

from juvenile.db import transaction
from juvenile.models import Role, User
from juvenile.security.actor import Actor
from juvenile.services.identity.accounts import AccountForm, create_user

DEMO_PASSWORD = "juvenile-demo"  # noqa: S105 (published: demo mode only)


@dataclass(frozen=True)
class DemoUser:
    login: str
    full_name: str
    role: Role
    organisation_code: str
    language: str = "kk"


DEMO_USERS = (
    DemoUser("psychologist12", "Әлия Серікқызы Нұрланова", Role.SCHOOL_PSYCHOLOGIST,
             "AST-SCH-012"),
    DemoUser("psychologist47", "Ирина Викторовна Ким", Role.SCHOOL_PSYCHOLOGIST,
             "AST-SCH-047", "ru"),
    DemoUser("director12", "Бауыржан Қайратұлы Омаров", Role.SCHOOL_ADMIN, "AST-SCH-012"),
    DemoUser("secretary.alm", "Гүлнар Ерланқызы Әбдірахманова", Role.COMMISSION_SECRETARY,
             "KDN-AST-ALM"),
    DemoUser("member.alm", "Сергей Петрович Волков", Role.COMMISSION_MEMBER, "KDN-AST-ALM",
             "ru"),
    DemoUser("analyst.alm", "Дина Маратқызы Сейітова", Role.EDUCATION_ANALYST, "AST-ALM"),
    DemoUser("analyst.astana", "Ерлан Болатұлы Жұмабеков", Role.EDUCATION_ANALYST, "KZ-71"),
    DemoUser("admin", "Тимур Асқарұлы Бекмұханов", Role.ADMIN, "", "ru"),
)


def load_demo_users() -> int:
    """Create the demo users that do not exist yet; returns how many were created."""
    with transaction() as session:
        existing = set(session.exec(select(User.login)).all())
    created = 0
    for demo in DEMO_USERS:
        if demo.login in existing:
            continue
        form = AccountForm(demo.full_name, demo.role, demo.organisation_code, demo.language)
        create_user(Actor.system("demo"), demo.login, form, password=DEMO_PASSWORD)
        created += 1
    return created


def demo_sign_ins() -> list[tuple[str, str, str]]:
    """(login, password, role) of every demo user, for the sign-in page and ``serve``."""
    return [(demo.login, DEMO_PASSWORD, demo.role.value) for demo in DEMO_USERS]
