"""``juvenile user add|disable|reset-password`` and ``juvenile audit export``."""

import csv
from datetime import UTC, datetime

import pytest
from identity_setup import PASSWORD
from sqlmodel import select

from juvenile.cli import main
from juvenile.db import transaction
from juvenile.models import AuditAction, AuditEntry, Role, User
from juvenile.services.identity.sessions import SignInRefused, sign_in


def _user(login: str) -> User:
    with transaction() as session:
        return session.exec(select(User).where(User.login == login)).one()


def _printed_password(output: str) -> str:
    return output.strip().splitlines()[-1].rsplit(" ", 1)[-1]


def test_user_add_with_and_without_a_password(organisations, capsys):
    assert main(["--lang", "en", "user", "add", "--login", "Psy.One", "--name",
                 "Әлия Нұрланова", "--role", "school_psychologist", "--org", "AST-SCH-012",
                 "--password", PASSWORD]) == 0
    assert "User psy.one created." in capsys.readouterr().out
    created = _user("psy.one")
    assert (created.role, created.school_id, created.must_change_password) == (
        Role.SCHOOL_PSYCHOLOGIST, organisations.school["AST-SCH-012"], False)
    assert sign_in("psy.one", PASSWORD).token

    assert main(["--lang", "en", "user", "add", "--login", "analyst", "--name", "A",
                 "--role", "education_analyst", "--org", "KZ-75"]) == 0
    generated = _printed_password(capsys.readouterr().out)
    assert _user("analyst").region_id == organisations.region["KZ-75"]
    assert sign_in("analyst", generated).user.must_change_password


def test_user_add_refusals_are_one_line(organisations, capsys):
    assert main(["--lang", "ru", "user", "add", "--login", "member1", "--name", "A", "--role",
                 "commission_member", "--org", "AST-SCH-012"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "«AST-SCH-012»" in error and "не найдена" in error
    assert main(["--lang", "en", "user", "add", "--login", "admin2", "--name", "A", "--role",
                 "admin", "--password", "short"]) == 2
    assert "at least 10 characters" in capsys.readouterr().err
    with transaction() as session:
        assert session.exec(select(User)).all() == []


def test_user_disable_and_reset_password(organisations, capsys):
    main(["user", "add", "--login", "director", "--name", "D", "--role", "school_admin",
          "--org", "AST-SCH-012", "--password", PASSWORD])
    assert main(["--lang", "en", "user", "reset-password", "DIRECTOR"]) == 0
    temporary = _printed_password(capsys.readouterr().out)
    assert temporary != PASSWORD
    with pytest.raises(SignInRefused):
        sign_in("director", PASSWORD)
    assert sign_in("director", temporary).user.must_change_password

    assert main(["--lang", "en", "user", "disable", "director"]) == 0
    assert "disabled" in capsys.readouterr().out
    assert not _user("director").active
    with pytest.raises(SignInRefused):
        sign_in("director", temporary)
    assert main(["--lang", "en", "user", "disable", "nobody"]) == 2
    assert "No user with the login nobody." in capsys.readouterr().err


def test_audit_export_writes_the_period_as_csv(organisations, tmp_path, capsys):
    with transaction() as session:
        for day in (1, 2, 3):
            session.add(AuditEntry(at=datetime(2026, 3, day, 12, 0, tzinfo=UTC), login="psy",
                                   action=AuditAction.VIEW, record_type="student",
                                   record_id=day, outcome="allowed"))
    target = tmp_path / "audit.csv"
    assert main(["--lang", "en", "audit", "export", "--from", "2026-03-02", "--to",
                 "2026-03-03", "--format", "csv", "--output", str(target)]) == 0
    assert "2 audit entries exported." in capsys.readouterr().err
    with target.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert [row["record_id"] for row in rows] == ["2", "3"]

    assert main(["audit", "export", "--from", "2026-03-01", "--to", "2026-03-01"]) == 0
    printed = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert [row["record_id"] for row in printed] == ["1"]


def test_audit_export_refuses_bad_periods_in_one_line(database, tmp_path, capsys):
    target = tmp_path / "never.csv"
    assert main(["--lang", "en", "audit", "export", "--from", "2026-03-05", "--to",
                 "2026-03-01", "--output", str(target)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not target.exists()
    assert main(["--lang", "en", "audit", "export", "--from", "05.03.2026", "--to",
                 "2026-03-01"]) == 2
    assert "--from 05.03.2026" in capsys.readouterr().err
