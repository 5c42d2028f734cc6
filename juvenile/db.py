"""Database engine and transactions.

One engine per process, built from ``settings.database_url()``. Every service
runs inside ``transaction()``: it commits once at the end or rolls back whole,
which is what makes each legal action atomic.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import Session, create_engine

from juvenile import settings
from juvenile.errors import Refusal

_engine: Engine | None = None


class DatabaseConfigError(Refusal, RuntimeError):
    """JUVENILE_DB_URL cannot be used; ``key`` names the message for the user."""


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    # SQLite ignores foreign keys unless each connection asks for them.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def build_engine(url: str) -> Engine:
    """An engine for ``url``; a malformed URL raises DatabaseConfigError."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise DatabaseConfigError("cli.error.db_url_malformed", url=url) from error
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        engine = create_engine(parsed, pool_pre_ping=True)
    except Exception as error:  # unknown dialect, missing driver
        raise DatabaseConfigError("cli.error.db_url_unusable", reason=str(error)) from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def configure(url: str | None = None) -> Engine:
    """(Re)build the process engine, e.g. for a test database."""
    global _engine
    if _engine is not None:
        _engine.dispose()
    _engine = build_engine(url or settings.database_url())
    return _engine


def engine() -> Engine:
    """The process engine, built on first use."""
    return _engine or configure()


@contextmanager
def transaction() -> Iterator[Session]:
    """A session that commits when the block ends and rolls back on any error."""
    with Session(engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException as error:
            session.rollback()
            _keep_after_rollback(error)
            raise


def _keep_after_rollback(error: BaseException) -> None:
    """Write what a failed action must still leave behind (a denial's audit entry)."""
    keep = getattr(error, "audit_after_rollback", None)
    if keep is None:
        return
    with Session(engine()) as session:
        session.add(keep())
        session.commit()
