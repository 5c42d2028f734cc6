"""Test databases: every test that asks for ``database`` gets a fresh, migrated one.

Each such test runs on SQLite and, where a PostgreSQL server answers, on
PostgreSQL too. JUVENILE_TEST_PG_URL names the server (default: the local one);
when it is unreachable the PostgreSQL runs are skipped with that reason shown.
"""

import os
import shutil
import uuid
from collections.abc import Iterator
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
    db.configure(str(make_url(PG_URL).set(database=_TEMPLATE)))
    upgrade_database()
    db.engine().dispose()
    yield _TEMPLATE
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{_TEMPLATE}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path) -> Iterator[str]:
    """A fresh migrated database for one test; the process engine points at it."""
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
        db.configure(url)
        yield url
        db.engine().dispose()
        return
    template = request.getfixturevalue("postgres_template")
    name = f"juvenile_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    url = str(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
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


def pytest_collection_modifyitems(config, items):
    """Browser tests run last: Playwright's event loop stays open for the rest of
    the session, and tests that drive Reflex handlers with asyncio.run() need none."""
    browser = [item for item in items if "tests/browser/" in item.nodeid]
    for item in browser:
        item.add_marker(pytest.mark.browser)
    items[:] = [item for item in items if item not in browser] + browser
