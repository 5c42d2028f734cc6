"""Database engine and transactions.

One engine per process, built from ``settings.database_url()``. Every service
runs inside ``transaction()``: it commits once at the end or rolls back whole,
which is what makes each legal action atomic. Code that needs a plain connection
(migrations, bulk loads, the health check) takes it from ``begin()``.

``bound_to(connection)`` is the tests' hook: while it is active, every session and
every ``begin()`` of the process works on that one connection, whose outer
transaction the caller owns. A "commit" then only releases a SAVEPOINT, so the
caller can roll the whole test back at the end.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import Session, create_engine

from juvenile import settings
from juvenile.errors import Refusal

_engine: Engine | None = None
_bound: Connection | None = None


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
    """The process engine, built on first use (under ``bound_to``: the bound connection's)."""
    if _bound is not None:
        return _bound.engine
    return _engine or configure()


@contextmanager
def bound_to(connection: Connection) -> Iterator[Connection]:
    """Until the block ends, run every session and ``begin()`` of the process on
    ``connection``, each in its own SAVEPOINT (for tests that roll back at the end).

    The caller must have begun the connection's outer transaction and decides its
    fate; a ``commit()`` inside only releases a savepoint. Not for threads: one
    connection serves one thread at a time.
    """
    global _bound
    if not connection.in_transaction():
        raise RuntimeError("bound_to needs a connection whose transaction has begun")
    previous, _bound = _bound, connection
    try:
        yield connection
    finally:
        _bound = previous


def _session(**options) -> Session:
    if _bound is not None:
        return Session(bind=_bound, join_transaction_mode="create_savepoint", **options)
    return Session(engine(), **options)


@contextmanager
def begin() -> Iterator[Connection]:
    """A connection whose work commits when the block ends and rolls back on any
    error, like ``engine().begin()`` (under ``bound_to``: a savepoint of the bound one)."""
    if _bound is None:
        with engine().begin() as connection:
            yield connection
        return
    with _bound.begin_nested():
        yield _bound


@contextmanager
def transaction() -> Iterator[Session]:
    """A session that commits when the block ends and rolls back on any error."""
    with _session(expire_on_commit=False) as session:
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
    with _session() as session:
        session.add(keep())
        session.commit()
