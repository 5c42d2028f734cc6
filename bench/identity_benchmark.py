"""Speed of the identity layer: what every click and every sign-in costs.

On a temporary SQLite file with the demo organisations and users, times:

- ``sessions.resolve`` (token → Actor), which every event handler runs;
- ``sessions.sign_in`` (one argon2id verification, production parameters);
- ``audit_log.search_audit`` on a log of N entries (first page and a filtered page);
- ``audit_log.export_audit_csv`` of the whole log.

Targets: resolve < 5 ms, sign-in < 0.5 s, a page of the log < 0.2 s.

    .venv/bin/python bench/identity_benchmark.py [--entries N]
"""

import argparse
import io
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from juvenile import db
from juvenile.demo import load_demo
from juvenile.demo.users import DEMO_PASSWORD
from juvenile.models import AuditAction, AuditEntry
from juvenile.security.actor import Actor
from juvenile.services.common import upgrade_database
from juvenile.services.identity import sessions
from juvenile.services.identity.audit import AuditFilter, export_audit_csv, search_audit


def _timed(label: str, runs: int, call) -> None:
    start = time.perf_counter()
    for _ in range(runs):
        call()
    each = (time.perf_counter() - start) / runs
    print(f"{label:<48} {each * 1000:9.2f} ms  ({runs} runs)")


def _fill_log(entries: int) -> None:
    actions = list(AuditAction)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    rows = [
        {"at": start + timedelta(seconds=i * 30), "login": f"user{i % 500}",
         "action": random.choice(actions).value, "record_type": "student",
         "record_id": i % 20_000, "organisation": "AST-SCH-012", "outcome": "allowed",
         "detail": "view"}
        for i in range(entries)
    ]
    with db.engine().begin() as connection:
        connection.execute(sa.insert(AuditEntry.__table__), rows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db.configure(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade_database()
        load_demo()
        token = sessions.sign_in("psychologist12", DEMO_PASSWORD).token
        _timed("resolve (every event handler)", 2000, lambda: sessions.resolve(token))
        _timed("sign in (argon2id verify)", 10,
               lambda: sessions.sign_in("psychologist12", DEMO_PASSWORD))
        _fill_log(args.entries)
        system = Actor.system()
        _timed(f"audit log, first page of {args.entries:,}", 20,
               lambda: search_audit(system, AuditFilter()))
        _timed("audit log, one user and a week", 20, lambda: search_audit(
            system, AuditFilter(login="user7", date_from=date(2026, 1, 10),
                                date_to=date(2026, 1, 16))))
        _timed(f"audit export, all {args.entries:,} entries as CSV", 1, lambda: export_audit_csv(
            system, date(2025, 1, 1), date(2027, 1, 1), io.StringIO()))
        db.engine().dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
