"""The test databases (conftest.py): on PostgreSQL every test runs in one transaction
that is rolled back at its end, yet it sees its own commits and a denial's audit entry.

The tests of this file run in order: the second looks for what the first wrote.
"""

import threading
import time
import uuid

import pytest
from sqlmodel import Session, col, select

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


# The unit of work: an inner transaction() joins the outer one (db.py).


def test_an_inner_transaction_joins_the_outer_one_and_commits_with_it(database):
    login = f"uow-{uuid.uuid4().hex[:12]}"
    with db.unit_of_work() as outer:
        assert db.in_unit_of_work()
        with db.transaction() as inner:
            assert inner is outer
            inner.add(_entry(login))
        outer.add(_entry(login))
    assert not db.in_unit_of_work()
    assert _outcomes(login) == ["allowed", "allowed"]


def test_an_error_in_the_outer_block_undoes_the_inner_steps_too(database):
    login = f"uow-{uuid.uuid4().hex[:12]}"
    with pytest.raises(RuntimeError), db.unit_of_work():
        with db.transaction() as inner:
            inner.add(_entry(login))
        raise RuntimeError("refused after the inner step")
    assert _outcomes(login) == []


def test_an_inner_refusal_caught_undoes_only_the_inner_step(database):
    login = f"uow-{uuid.uuid4().hex[:12]}"
    with db.unit_of_work() as outer:
        outer.add(_entry(login))
        outer.flush()
        with pytest.raises(ValueError), db.transaction() as inner:
            inner.add(_entry(login, outcome="inner"))
            raise ValueError("refused")
        outer.add(_entry(login, outcome="after"))
    assert _outcomes(login) == ["allowed", "after"]


def test_an_inner_denial_is_audited_once_whether_the_outer_commits_or_not(database):
    caught, failed = (f"uow-{uuid.uuid4().hex[:12]}" for _ in range(2))
    with db.unit_of_work(), pytest.raises(AccessDenied), db.transaction():
        raise AccessDenied(_entry(caught, outcome="denied"))
    assert _outcomes(caught) == ["denied"]
    with pytest.raises(RuntimeError), db.unit_of_work() as outer:
        outer.add(_entry(failed))
        try:
            with db.transaction():
                raise AccessDenied(_entry(failed, outcome="denied"))
        except AccessDenied as denied:
            raise RuntimeError("the caller turns the denial into its own refusal") from denied
    assert _outcomes(failed) == ["denied"]
    with pytest.raises(AccessDenied), db.unit_of_work(), db.transaction():
        raise AccessDenied(_entry(failed + "x", outcome="denied"))
    assert _outcomes(failed + "x") == ["denied"]


def test_on_sqlite_a_transaction_that_read_may_write_after_another_commit(database):
    """SQLite begins a transaction at its first write, as pysqlite did (db.py): a unit
    of work that read before another connection committed still writes after it."""
    if _backend() != "sqlite":
        pytest.skip("SQLite's transaction timing")
    login = f"uow-{uuid.uuid4().hex[:12]}"
    other = db.build_engine(database)
    try:
        with db.unit_of_work() as session:
            query = select(AuditEntry.id).where(AuditEntry.login == login)
            assert session.exec(query).all() == []  # a read
            with Session(other) as elsewhere:  # another connection commits meanwhile
                elsewhere.add(_entry(login, outcome="other"))
                elsewhere.commit()
            session.add(_entry(login))
    finally:
        other.dispose()
    assert sorted(_outcomes(login)) == ["allowed", "other"]


def test_on_sqlite_a_writer_waits_for_the_unit_of_work_that_holds_the_lock(database):
    """A unit of work holds SQLite's write lock from its first SAVEPOINT or write to its
    commit; another connection's write waits for it instead of failing."""
    if _backend() != "sqlite":
        pytest.skip("SQLite's locking")
    login = f"uow-{uuid.uuid4().hex[:12]}"
    written: list[str] = []

    def write_elsewhere() -> None:  # another thread: a unit of work of its own
        with db.transaction() as session:
            session.add(_entry(login, outcome="other"))
        written.append("other")

    with db.unit_of_work() as session:
        assert _outcomes(login) == []  # an inner transaction: a SAVEPOINT, the lock taken
        thread = threading.Thread(target=write_elsewhere)
        thread.start()
        time.sleep(0.3)
        assert written == []  # waiting for the lock
        session.add(_entry(login))
    thread.join(timeout=10)
    assert written == ["other"]
    assert _outcomes(login) == ["allowed", "other"]
