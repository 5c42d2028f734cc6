"""Database engine and transactions.

One engine per process, built from ``settings.database_url()``. Every service
runs inside ``transaction()``: it commits once at the end or rolls back whole,
which is what makes each legal action atomic. Code that needs a plain connection
(migrations, bulk loads, the health check) takes it from ``begin()``.

The unit of work is ambient: the outermost ``transaction()`` (or
``unit_of_work()``, the same thing named for callers that combine several
service actions) opens the session and commits it; a ``transaction()`` inside it
joins that session in a SAVEPOINT, so a refusal the caller catches undoes only
the inner step, and one user action is one commit however many services it calls.
A denial's audit entry is written exactly once, and survives any rollback.

``bound_to(connection)`` is the tests' hook: while it is active, every session and
every ``begin()`` of the process works on that one connection, whose outer
transaction the caller owns. A "commit" then only releases a SAVEPOINT, so the
caller can roll the whole test back at the end.
"""

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from typing import TypeVar

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError
from sqlmodel import Session, create_engine

from juvenile import settings
from juvenile.errors import Refusal
from juvenile.rules.collation import ORDERS, compare

_Row = TypeVar("_Row")
_engine: Engine | None = None
_bound: Connection | None = None
# The session of the unit of work in progress in this context (task or thread).
_current: ContextVar[Session | None] = ContextVar("juvenile_unit_of_work", default=None)
# session.info key: audit entries of inner steps rolled back, to write at the end.
_KEEP = "juvenile_keep_after_rollback"


class DatabaseConfigError(Refusal, RuntimeError):
    """JUVENILE_DB_URL cannot be used; ``key`` names the message for the user."""


class WriteConflict(Refusal, RuntimeError):
    """Another user changed the same records at the same moment (a unique index or a
    foreign key refused the write, or the database broke a deadlock): nothing was
    saved, and the user is asked to reload and try again."""

    def __init__(self) -> None:
        super().__init__("common.error.write_conflict")


# PostgreSQL's deadlock_detected and serialization_failure.
_RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})


def _as_refusal(error: BaseException) -> BaseException:
    """An integrity error (or a broken deadlock) as the user's refusal; others unchanged.

    Also the driver's own errors, which bulk writes on the raw connection raise
    unwrapped (psycopg's COPY, sqlite3's executemany)."""
    driver_error = error.orig if isinstance(error, DBAPIError) else error
    sqlstate = getattr(driver_error, "sqlstate", None) or ""
    if (isinstance(error, IntegrityError) or sqlstate.startswith("23")
            or sqlstate in _RETRYABLE_SQLSTATES
            or isinstance(driver_error, sqlite3.IntegrityError)):
        return WriteConflict()
    return error


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    # pysqlite's own transaction handling would break SAVEPOINTs (a SAVEPOINT
    # outside BEGIN is a transaction of its own, and its RELEASE commits):
    # ``_begin_before_writing`` begins the transactions instead.
    dbapi_connection.isolation_level = None
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
    connect_args = _postgresql_connect_args() if parsed.get_backend_name() == "postgresql" else {}
    try:
        engine = create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    except Exception as error:  # unknown dialect, missing driver
        raise DatabaseConfigError("cli.error.db_url_unusable", reason=str(error)) from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
        event.listen(engine, "connect", _register_collations)
        event.listen(engine, "before_cursor_execute", _begin_before_writing)
    return engine


def _register_collations(dbapi_connection, _record) -> None:
    # SQLite knows no Kazakh or Russian order; PostgreSQL has ICU's (see collated()).
    for language in ORDERS:
        dbapi_connection.create_collation(language, compare(language))


def collated(column, language: str):
    """``column`` ordered in the reader's alphabet (rules.collation): PostgreSQL's ICU
    collation, or the one registered on each SQLite connection."""
    language = language if language in ORDERS else "ru"
    name = language if engine().dialect.name == "sqlite" else f"{language}-x-icu"
    return column.collate(name)


# TCP keepalives (libpq): a peer gone without a word is noticed in about 2 minutes.
_KEEPALIVES = {"keepalives": 1, "keepalives_idle": 60, "keepalives_interval": 10,
               "keepalives_count": 6}


def _postgresql_connect_args() -> dict:
    """Every connection of the portal to PostgreSQL carries a statement timeout
    (JUVENILE_DB_STATEMENT_TIMEOUT), so that a statement whose client was killed
    does not run on for minutes, and TCP keepalives, so that the server notices
    the dead client and ends its session."""
    milliseconds = max(0, round(settings.db_statement_timeout_seconds() * 1000))
    return {**_KEEPALIVES, "options": f"-c statement_timeout={milliseconds}"}


_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "SAVEPOINT")


def _begin_before_writing(connection, cursor, statement, _parameters, _context,
                          _many) -> None:
    """BEGIN IMMEDIATE on SQLite before the transaction's first write or SAVEPOINT
    (pysqlite itself began before the first write). Not a deferred BEGIN at the first
    read (SQLAlchemy's recipe): in WAL mode a transaction that read, and then writes
    after another connection committed, is refused at once ("database is locked");
    holding the write lock from its BEGIN, a transaction instead waits its turn
    (busy_timeout) and reads what it then writes over."""
    if (statement.lstrip()[:9].upper().startswith(_WRITES) or _locks_rows(_context)) and (
        not connection.connection.dbapi_connection.in_transaction
    ):
        cursor.execute("BEGIN IMMEDIATE")


def _locks_rows(context) -> bool:
    """Whether the statement is a ``SELECT … FOR UPDATE`` (``with_for_update()``).

    SQLite has no row locks and drops the clause; the read then begins the write
    transaction instead, so that a read-check-write action reads what no other
    writer can change before it commits (two confirmations of one proposal, a
    close racing a refusal, one after the other)."""
    statement = getattr(getattr(context, "compiled", None), "statement", None)
    return getattr(statement, "_for_update_arg", None) is not None


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
    """A session that commits when the block ends and rolls back on any error.

    Inside another ``transaction()`` (or ``unit_of_work()``) of the same context it
    is that one's session, in a SAVEPOINT: an error rolls back this block only
    and propagates; the outermost block alone commits.
    """
    outer = _current.get()
    if outer is not None:
        yield from _nested(outer)
        return
    with _session(expire_on_commit=False) as session:
        token = _current.set(session)
        try:
            yield session
            for keep in session.info.pop(_KEEP, []):
                session.add(keep())
            session.commit()
        except BaseException as error:
            session.rollback()
            _keep_after_rollback(session, error)
            refusal = _as_refusal(error)
            if refusal is not error:
                raise refusal from error
            raise
        finally:
            _current.reset(token)


def lock(session: Session, model: type[_Row], row_id: object) -> _Row | None:
    """The row ``row_id`` of ``model``, locked until the unit of work ends
    (``SELECT … FOR UPDATE``; on SQLite the write transaction begins here) and read
    afresh, whatever the session held of it: a read-check-write action checks what
    a concurrent one left, not what it read before."""
    return session.get(model, row_id, with_for_update=True, populate_existing=True)


def unit_of_work() -> AbstractContextManager[Session]:
    """One commit for several service actions (a handler's one user action): every
    service called inside joins this session; any error rolls all of it back."""
    return transaction()


def in_unit_of_work() -> bool:
    """Whether a ``transaction()`` is open in this context."""
    return _current.get() is not None


def _nested(session: Session) -> Iterator[Session]:
    savepoint = session.begin_nested()
    try:
        yield session
    except BaseException as error:
        if savepoint.is_active:
            savepoint.rollback()
        keep = _audit_of(error)
        if keep is not None:  # the outer block writes it, whatever its fate
            session.info.setdefault(_KEEP, []).append(keep)
        raise
    if savepoint.is_active:
        savepoint.commit()


def _audit_of(error: BaseException) -> Callable[[], object] | None:
    """The entry a failed action must still leave behind, once: None if taken already."""
    keep = getattr(error, "audit_after_rollback", None)
    if keep is None or getattr(error, "_juvenile_audit_taken", False):
        return None
    try:
        error._juvenile_audit_taken = True  # type: ignore[attr-defined]
    except AttributeError:
        return None
    return keep


def _keep_after_rollback(session: Session, error: BaseException) -> None:
    """Write what a failed action must still leave behind (a denial's audit entry)."""
    pending = session.info.pop(_KEEP, [])
    keep = _audit_of(error)
    if keep is not None:
        pending.append(keep)
    if not pending:
        return
    with _session() as writer:
        writer.add_all([make() for make in pending])
        writer.commit()
