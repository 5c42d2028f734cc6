"""The audit log: reads of a child's card are logged, the administrator filters the
log by user, record and period, it exports as CSV, and nothing in the
application updates or deletes an entry (Art. 83 (2))."""

import csv
import io
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from identity_setup import FOREIGN, HOME, add_student

from juvenile.db import transaction
from juvenile.models import AuditAction, AuditEntry
from juvenile.security.actor import Actor
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.identity.audit import (
    AuditFilter,
    AuditQueryRefused,
    export_audit_csv,
    search_audit,
)
from juvenile.services.school.student_card import open_student_card

SOURCE = Path(__file__).resolve().parents[2] / "juvenile"


def _entry(login: str, action: AuditAction, at: datetime, record_type: str = "student",
           record_id: int | None = 1, detail: str = "") -> None:
    with transaction() as session:
        session.add(AuditEntry(at=at, login=login, action=action, record_type=record_type,
                               record_id=record_id, outcome="allowed", detail=detail))


def test_opening_a_card_is_audited_and_a_strangers_attempt_too(home_users, organisations):
    own = add_student(organisations.school[HOME["school"]], last_name="Ахметов",
                      representative="Сәуле Ахметова")
    foreign = add_student(organisations.school[FOREIGN["school"]])
    card = open_student_card(home_users["psy.home"], own.id)
    assert (card.full_name, card.iin, card.school_code, card.class_name) == (
        "Ахметов Нұрлан", own.iin, HOME["school"], "8Б")
    assert [r.full_name for r in card.representatives] == ["Сәуле Ахметова"]
    with pytest.raises(AccessDenied):
        open_student_card(home_users["psy.home"], foreign.id)
    with pytest.raises(NotFound):
        open_student_card(home_users["psy.home"], 999_999)
    with pytest.raises(AccessDenied):
        open_student_card(home_users["analyst.district"], own.id)  # no named files
    admin = search_audit(home_users["admin.home"], AuditFilter(record_type="student"))
    assert sorted((e.login, e.action, e.record_id) for e in admin.entries) == sorted([
        ("psy.home", AuditAction.VIEW, own.id), ("psy.home", AuditAction.DENIED, foreign.id),
        ("analyst.district", AuditAction.DENIED, own.id)])


def test_the_log_filters_by_user_record_and_period(home_users):
    admin = home_users["admin.home"]
    _entry("a", AuditAction.VIEW, datetime(2026, 3, 1, 23, 59, tzinfo=UTC), record_id=5)
    _entry("a", AuditAction.UPDATE, datetime(2026, 3, 2, 0, 0, tzinfo=UTC), record_id=6)
    _entry("b", AuditAction.VIEW, datetime(2026, 3, 3, 23, 59, 59, tzinfo=UTC), record_id=5)
    _entry("b", AuditAction.VIEW, datetime(2026, 3, 4, 0, 0, tzinfo=UTC), "case", 5)

    def find(**criteria):
        return [(e.login, e.record_type, e.record_id)
                for e in search_audit(admin, AuditFilter(**criteria)).entries]

    assert find(login="A") == [("a", "student", 6), ("a", "student", 5)]  # newest first
    assert find(record_type="student", record_id=5) == [("b", "student", 5),
                                                         ("a", "student", 5)]
    assert find(date_from=date(2026, 3, 2), date_to=date(2026, 3, 3)) == [
        ("b", "student", 5), ("a", "student", 6)]
    with pytest.raises(AuditQueryRefused):
        find(date_from=date(2026, 3, 3), date_to=date(2026, 3, 2))


def test_the_log_is_paged_on_the_server(home_users):
    for minute in range(7):
        _entry("pager", AuditAction.VIEW, datetime(2026, 3, 1, 9, minute, tzinfo=UTC),
               record_id=minute)
    admin = home_users["admin.home"]
    pages = [search_audit(admin, AuditFilter(login="pager"), page, page_size=3)
             for page in (1, 2, 3)]
    assert [[e.record_id for e in p.entries] for p in pages] == [[6, 5, 4], [3, 2, 1], [0]]
    assert (pages[0].total, pages[0].pages) == (7, 3)


def test_only_the_administrator_reads_the_log(home_users):
    for login, who in home_users.items():
        if login == "admin.home":
            continue
        with pytest.raises(AccessDenied):
            search_audit(who, AuditFilter())
        with pytest.raises(AccessDenied):
            export_audit_csv(who, date(2026, 1, 1), date(2026, 12, 31), io.StringIO())


def test_the_export_is_csv_of_the_period_and_is_audited(home_users):
    _entry("=cmd|' /C calc'!A0", AuditAction.SIGN_IN_FAILED,
           datetime(2026, 3, 2, 8, 0, tzinfo=UTC), "user", None, "unknown_login")
    _entry("psy", AuditAction.VIEW, datetime(2026, 3, 3, 10, 30, tzinfo=UTC), record_id=9)
    _entry("psy", AuditAction.VIEW, datetime(2026, 3, 4, 0, 0, tzinfo=UTC), record_id=10)
    output = io.StringIO()
    count = export_audit_csv(Actor.system(), date(2026, 3, 2), date(2026, 3, 3), output)
    rows = list(csv.DictReader(io.StringIO(output.getvalue())))
    assert count == 2 and len(rows) == 2
    assert rows[0]["login"] == "'=cmd|' /C calc'!A0"  # a spreadsheet will not run it
    assert (rows[1]["at_utc"], rows[1]["action"], rows[1]["record_id"]) == (
        "2026-03-03 10:30:00", "view", "9")
    exports = search_audit(home_users["admin.home"],
                           AuditFilter(login="cli", record_type="audit_log")).entries
    assert [(e.action, e.record_type, e.detail) for e in exports] == [
        (AuditAction.EXPORT, "audit_log", "2026-03-02..2026-03-03")]


# Statements that would change or remove stored audit entries.
_CHANGES = [
    re.compile(r"\b(update|delete)\(\s*AuditEntry\b"),
    re.compile(r"AuditEntry\.__table__\.(update|delete)"),
    re.compile(r"(?i)\b(update\s+audit_entry|delete\s+from\s+audit_entry)\b"),
    re.compile(r"(?i)\btruncate\b.*\baudit_entry\b"),
    re.compile(r"\.delete\(\s*(entry|audit\w*)\s*\)"),
    re.compile(r"select\(AuditEntry\)[^\n]*\.(update|delete)\("),
]


def test_no_code_updates_or_deletes_audit_entries():
    offending = [
        f"{path.relative_to(SOURCE.parent)}:{number}: {line.strip()}"
        for path in SOURCE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(pattern.search(line) for pattern in _CHANGES)
    ]
    assert not offending, offending
    # the scan does find such a statement where one is written
    assert any(p.search("session.exec(delete(AuditEntry).where(x))") for p in _CHANGES)
