"""Fixtures of the identity and access tests (helpers: identity_setup.py)."""

import pytest
from argon2 import PasswordHasher
from identity_setup import HOME_USERS, Ids, actor, add_user
from sqlmodel import select

from juvenile.db import transaction
from juvenile.demo import ORGANISATIONS_FILE
from juvenile.models import Commission, District, Region, School
from juvenile.security import passwords
from juvenile.security.actor import Actor
from juvenile.services.administration.organisations import import_organisations


@pytest.fixture(autouse=True)
def quick_hashing(monkeypatch):
    """Argon2 with small costs, so tests that sign in often stay fast (production
    uses the parameters of security.passwords)."""
    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def organisations(database) -> Ids:
    """The demo organisation tree, by code."""
    import_organisations(Actor.system(), ORGANISATIONS_FILE)
    with transaction() as session:
        return Ids(*[
            {record.code: record.id for record in session.exec(select(table))}
            for table in (School, Commission, District, Region)
        ])


@pytest.fixture
def home_users(organisations) -> dict[str, Actor]:
    """One user of every role in the home organisations, by login."""
    for login, role, code in HOME_USERS:
        add_user(login, role, code)
    return {login: actor(login) for login, _, _ in HOME_USERS}
