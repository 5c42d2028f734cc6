"""The ``juvenile`` command line: help, idempotent set-up, and one-line failures."""

import socket
import subprocess
import sys
from pathlib import Path

from sqlmodel import func, select

from juvenile import db
from juvenile.cli import main
from juvenile.models import Commission, District, Region, School, SpecialOrganisation

JUVENILE = str(Path(sys.executable).with_name("juvenile"))


def _count(table) -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(table)).one()


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([JUVENILE, *args], capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", **env})


def test_help_lists_the_commands():
    result = _run("--help")
    assert result.returncode == 0
    for command in ("db", "demo", "import", "serve"):
        assert command in result.stdout


def test_db_upgrade_and_demo_twice_make_no_duplicates(database):
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "upgrade"]) == 0
    assert main(["demo"]) == 0
    counts = [_count(t) for t in (Region, District, School, Commission, SpecialOrganisation)]
    assert main(["demo"]) == 0
    tables = (Region, District, School, Commission, SpecialOrganisation)
    assert [_count(t) for t in tables] == counts
    # At least 2 regions, 4 districts each with a commission, 12 schools, 2 special orgs.
    with db.transaction() as session:
        districts = session.exec(select(District)).all()
        served = {c.district_id for c in session.exec(select(Commission))}
    assert len({d.region_id for d in districts}) >= 2 and len(districts) >= 4
    assert {d.id for d in districts} <= served
    assert counts[2] >= 12 and counts[4] >= 2


def test_rejected_import_names_rows_and_exits_nonzero(database, tmp_path, capsys):
    bad = tmp_path / "orgs.csv"
    bad.write_text("kind,code,name_kk,name_ru,parent_code\nschool,S1,,Школа,NOPE\n")
    assert main(["--lang", "ru", "import", "organisations", str(bad)]) == 1
    error = capsys.readouterr().err
    assert "Строка 2, поле «name_kk»" in error
    assert "Строка 2, поле «parent_code»" in error
    assert "ничего не записано" in error
    assert _count(School) == 0


def test_unreachable_database_is_one_line():
    result = _run("db", "upgrade", JUVENILE_DB_URL="postgresql://nobody@127.0.0.1:9/none",
                  JUVENILE_LANG="en")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Cannot reach the database" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_database_url_is_one_line():
    result = _run("db", "upgrade", JUVENILE_DB_URL="not a url")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "JUVENILE_DB_URL" in result.stderr


def test_port_in_use_is_one_line(tmp_path):
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _run("--lang", "en", "serve", "--port", str(port),
                      JUVENILE_DB_URL=f"sqlite:///{tmp_path / 'x.db'}")
    assert result.returncode == 2
    expected = f"juvenile: Port {port} is in use; choose another with JUVENILE_PORT."
    assert result.stderr.strip() == expected


def test_the_portal_listens_on_loopback_unless_juvenile_host_opens_it(monkeypatch):
    """A demo on a laptop stays on the laptop (issue 20, item 10)."""
    from juvenile import settings

    monkeypatch.delenv("JUVENILE_HOST", raising=False)
    assert settings.host() == "127.0.0.1"
    monkeypatch.setenv("JUVENILE_HOST", "0.0.0.0")  # noqa: S104 (opened on purpose)
    assert settings.host() == "0.0.0.0"  # noqa: S104
