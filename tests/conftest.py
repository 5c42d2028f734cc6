"""Test databases: every test that asks for ``database`` gets a migrated one of its own.

Each such test runs on SQLite and, where a PostgreSQL server answers, on
PostgreSQL too. JUVENILE_TEST_PG_URL names the server (default: the local one);
when it is unreachable the PostgreSQL runs are skipped with that reason shown.
The PostgreSQL runs carry the ``postgres`` marker: ``-m "not postgres"`` is the
quick inner loop.

SQLite tests get a copy of a file migrated once. PostgreSQL tests share one
database per test session, cloned once from a migrated template: each test
opens one connection, begins a transaction on it and binds the process to it
with ``db.bound_to`` (join_transaction_mode="create_savepoint"), so every
service's commit, and the denial audit entry written after a rollback, only
releases a SAVEPOINT; at the end the test's transaction is rolled back and the
next test finds the database as migrated. Sequences are not rolled back, so ids
differ from run to run. A test that must really commit (a second connection
that sees committed data, threads, processes, the migrations themselves) is
marked ``@pytest.mark.real_commits`` and gets a fresh clone of the template
instead, dropped afterwards.
"""

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from juvenile import db
from juvenile.services.common import upgrade_database


def _postgres_url() -> str:
    """JUVENILE_TEST_PG_URL, else a PostgreSQL JUVENILE_DB_URL, else the local server."""
    explicit = os.environ.get("JUVENILE_TEST_PG_URL")
    configured = os.environ.get("JUVENILE_DB_URL", "")
    if explicit:
        return explicit
    if configured.startswith("postgresql"):
        return configured
    return "postgresql://postgres@127.0.0.1:5432/postgres"


PG_URL = _postgres_url()
# Per test session, so that two test runs on one server do not collide.
_TEMPLATE = f"juvenile_test_template_{os.getpid()}"
_SHARED = f"juvenile_test_shared_{os.getpid()}"


def postgres_unavailable_reason() -> str | None:
    """Why PostgreSQL tests cannot run here, or None when they can."""
    try:
        engine = db.build_engine(PG_URL)
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
        engine.dispose()
    except Exception as error:  # any failure: no server to test against
        return f"PostgreSQL not reachable at {PG_URL}: {str(error).splitlines()[0]}"
    return None


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A SQLite file migrated once; tests get copies of it."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db.configure(f"sqlite:///{path}")
    upgrade_database()
    db.engine().dispose()
    return path


def _pg_admin() -> sa.Engine:
    return sa.create_engine(
        make_url(PG_URL).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """A PostgreSQL database migrated once; tests get clones of it."""
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{_TEMPLATE}" WITH (FORCE)'))
        connection.execute(sa.text(f'CREATE DATABASE "{_TEMPLATE}"'))
    db.configure(_url_of(_TEMPLATE))
    upgrade_database()
    db.engine().dispose()
    yield _TEMPLATE
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{_TEMPLATE}" WITH (FORCE)'))
    admin.dispose()


@dataclass
class SharedDatabase:
    """The session's PostgreSQL database; ``commits`` counts real commits on it."""

    engine: sa.Engine
    commits: list[int] = field(default_factory=lambda: [0])


@pytest.fixture(scope="session")
def postgres_shared(postgres_template) -> Iterator[SharedDatabase]:
    """The session's PostgreSQL database (a clone of the template) and an engine on it."""
    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{_SHARED}" WITH (FORCE)'))
        connection.execute(sa.text(f'CREATE DATABASE "{_SHARED}" TEMPLATE "{postgres_template}"'))
    shared = SharedDatabase(db.build_engine(_url_of(_SHARED)))

    @sa.event.listens_for(shared.engine, "commit")
    def _count(_connection) -> None:  # savepoints are "release", not "commit"
        shared.commits[0] += 1

    yield shared
    shared.engine.dispose()
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{_SHARED}" WITH (FORCE)'))
    admin.dispose()


def _url_of(name: str) -> str:
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request, tmp_path) -> Iterator[str]:
    """A migrated database for one test; the process engine (or connection) points at it.

    On PostgreSQL the test runs in a transaction rolled back at its end, unless it
    is marked ``real_commits`` (then it gets a fresh database of its own).
    """
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
        db.configure(url)
        yield url
        db.engine().dispose()
        return
    if request.node.get_closest_marker("real_commits"):
        yield from _fresh_postgres(request.getfixturevalue("postgres_template"))
        return
    shared = request.getfixturevalue("postgres_shared")
    commits = shared.commits[0]
    with shared.engine.connect() as connection:
        outer = connection.begin()
        try:
            with db.bound_to(connection):
                yield shared.engine.url.render_as_string(hide_password=False)
        finally:
            outer.rollback()
    if shared.commits[0] != commits:
        pytest.fail("committed on a connection of its own, so the shared PostgreSQL database "
                    "keeps it: use db.begin()/db.transaction(), or mark the test real_commits")


def _fresh_postgres(template: str) -> Iterator[str]:
    """A clone of the template for one test, where commits are real; dropped afterwards."""
    name = f"juvenile_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    url = _url_of(name)
    db.configure(url)
    yield url
    db.engine().dispose()
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def sqlite_database(tmp_path, sqlite_template) -> Iterator[str]:
    """A fresh migrated SQLite database, for tests that need only one backend."""
    path = tmp_path / "test.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    db.configure(url)
    yield url
    db.engine().dispose()


@pytest.fixture(scope="session")
def app():
    """The Reflex app, every page and state registered. Tests of states ask for it and
    import the states in their body: importing the app at collection takes seconds."""
    from juvenile.juvenile import app

    return app


def pytest_collection_modifyitems(config, items):
    """Browser tests run last: Playwright's event loop stays open for the rest of
    the session, and tests that drive Reflex handlers with asyncio.run() need none."""
    browser = [item for item in items if "tests/browser/" in item.nodeid]
    for item in browser:
        item.add_marker(pytest.mark.browser)
    items[:] = [item for item in items if item not in browser] + browser
