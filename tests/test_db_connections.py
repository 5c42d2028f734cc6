"""The application's PostgreSQL connections carry a statement timeout and TCP
keepalives (issue 16 item 6), so that a statement whose client was killed does
not run on for minutes: the data stays available to those who work with it."""

import pytest
import sqlalchemy as sa

from juvenile import db

pytestmark = pytest.mark.postgres


@pytest.fixture
def postgres(postgres_shared) -> str:
    """The URL of the test session's PostgreSQL database (skipped without a server)."""
    return postgres_shared.engine.url.render_as_string(hide_password=False)


def _show(url: str, setting: str) -> str:
    engine = db.build_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(sa.text(f"SHOW {setting}")).scalar_one()
    finally:
        engine.dispose()


def test_each_connection_has_a_statement_timeout_of_30_seconds(postgres, monkeypatch):
    monkeypatch.delenv("JUVENILE_DB_STATEMENT_TIMEOUT", raising=False)
    assert _show(postgres, "statement_timeout") == "30s"


def test_the_statement_timeout_is_a_setting(postgres, monkeypatch):
    monkeypatch.setenv("JUVENILE_DB_STATEMENT_TIMEOUT", "2.5")
    assert _show(postgres, "statement_timeout") == "2500ms"
    monkeypatch.setenv("JUVENILE_DB_STATEMENT_TIMEOUT", "0")
    assert _show(postgres, "statement_timeout") == "0"


def test_a_statement_running_too_long_is_cancelled(postgres, monkeypatch):
    monkeypatch.setenv("JUVENILE_DB_STATEMENT_TIMEOUT", "0.2")
    engine = db.build_engine(postgres)
    try:
        with pytest.raises(sa.exc.OperationalError, match="statement timeout"), \
                engine.connect() as connection:
            connection.execute(sa.text("SELECT pg_sleep(5)"))
    finally:
        engine.dispose()


def test_connections_ask_for_tcp_keepalives(postgres):
    engine = db.build_engine(postgres)
    try:
        with engine.connect() as connection:
            parameters = connection.connection.dbapi_connection.info.get_parameters()
    finally:
        engine.dispose()
    assert (parameters["keepalives"], parameters["keepalives_idle"]) == ("1", "60")
