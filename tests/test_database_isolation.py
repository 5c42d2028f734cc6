"""The test databases (conftest.py): on PostgreSQL every test runs in one transaction
that is rolled back at its end, yet it sees its own commits and a denial's audit entry.

The tests of this file run in order: the second looks for what the first wrote.
"""

import uuid

import pytest
from sqlmodel import col, select

from juvenile import db
from juvenile.models import AuditAction, AuditEntry
from juvenile.security.gate import AccessDenied

# What the first test committed, by backend, for the next test to look for.
_WRITTEN: dict[str, str] = {}


def _entry(login: str, outcome: str = "allowed") -> AuditEntry:
    action = AuditAction.VIEW if outcome == "allowed" else AuditAction.DENIED
    return AuditEntry(login=login, action=action, record_type="student", record_id=None,
                      outcome=outcome)


def _outcomes(login: str) -> list[str]:
    with db.transaction() as session:
        query = select(AuditEntry.outcome).where(AuditEntry.login == login)
        return list(session.exec(query.order_by(col(AuditEntry.id))))


def _backend() -> str:
    return db.engine().dialect.name


def test_a_test_sees_what_it_committed(database):
    login = f"isolation-{uuid.uuid4().hex[:12]}"
    with db.transaction() as session:
        session.add(_entry(login))
    assert _outcomes(login) == ["allowed"]
    if _backend() == "postgresql":  # only a savepoint was released: others do not see it
        with db.engine().connect() as other:
            seen = other.execute(select(AuditEntry.id).where(AuditEntry.login == login))
            assert seen.all() == []
    _WRITTEN[_backend()] = login


def test_the_next_test_does_not_see_it(database):
    if _backend() not in _WRITTEN:
        pytest.skip("runs after test_a_test_sees_what_it_committed")
    assert _outcomes(_WRITTEN[_backend()]) == []


def test_a_denial_is_audited_after_the_rollback(database):
    login = f"isolation-{uuid.uuid4().hex[:12]}"
    with pytest.raises(AccessDenied), db.transaction() as session:
        session.add(_entry(login))  # undone with the action
        raise AccessDenied(_entry(login, outcome="denied"))
    assert _outcomes(login) == ["denied"]
