"""Speed of the attendance import and the absence scan (criterion 4, Art. 78 (2) item 4).

Generates 100,000 students with valid IINs in the demo schools and a month of
marks for them (20 school days: about 2 million marks, ~5 % absences, half of
them unexcused, clustered so that a few thousand students reach 4 days), then
times, through the command line the operator uses:

- ``juvenile import attendance FILE`` (first import, then the same file again:
  every mark replaced);
- ``juvenile scan absences --month 2026-10`` (first scan proposes, second finds
  them already proposed), side by side with the bare ``GROUP BY`` of unexcused
  days it starts from (target: the proposing scan <= 1.5x that query).

Runs on a temporary SQLite file, and on PostgreSQL when one answers at
JUVENILE_BENCH_PG_URL (default postgresql://postgres@127.0.0.1/postgres), in a
scratch database created and dropped here. Targets on SQLite: import < 60 s,
scan < 5 s.

    .venv/bin/python bench/attendance_benchmark.py [--students N] [--days D] [--no-postgres]
"""

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlmodel import select

from juvenile import db
from juvenile.cli import main as cli
from juvenile.demo import ORGANISATIONS_FILE
from juvenile.demo.students import generated_students
from juvenile.models import School, Student
from juvenile.models.base import utcnow
from juvenile.security.actor import Actor
from juvenile.services.administration.organisations import import_organisations
from juvenile.services.administration.public_holidays import statutory_calendar
from juvenile.services.common import upgrade_database

MONTH = "2026-10"
PG_URL = os.environ.get("JUVENILE_BENCH_PG_URL", "postgresql://postgres@127.0.0.1/postgres")


def school_days(count: int) -> list[date]:
    calendar = statutory_calendar(2026, 2026)
    day, days = date(2026, 10, 1), []
    while len(days) < count and day.month == 10:
        if calendar.is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def add_students(count: int) -> list[str]:
    """Bulk-insert generated students across the demo schools (setup, not timed)."""
    with db.transaction() as session:
        school_ids = session.exec(select(School.id).order_by(School.id)).all()
    rows = []
    created_at = utcnow()
    for number, student in enumerate(generated_students(count, seed=78)):
        rows.append(student | {"school_id": school_ids[number % len(school_ids)],
                               "created_at": created_at})
    with db.engine().begin() as connection:
        for start in range(0, len(rows), 20_000):
            connection.execute(sa.insert(Student), rows[start:start + 20_000])
    return [row["iin"] for row in rows]


def attendance_file(iins: list[str], days: list[date], path: Path) -> tuple[int, int]:
    """A month of marks: each student has an absence rate (mean ~5 %), half unexcused."""
    rng = np.random.default_rng(245)
    students, n_days = len(iins), len(days)
    rate = rng.beta(0.6, 11.4, size=students)  # mean 0.05, skewed: a few often absent
    absent = rng.random((students, n_days)) < rate[:, None]
    unexcused = absent & (rng.random((students, n_days)) < 0.5)
    status = np.where(unexcused, "unexcused", np.where(absent, "excused", "present"))
    frame = pd.DataFrame({
        "iin": np.repeat(np.array(iins, dtype=object), n_days),
        "date": np.tile(np.array([d.isoformat() for d in days], dtype=object), students),
        "status": status.ravel(),
    })
    frame.to_csv(path, index=False)
    expected = int((unexcused.sum(axis=1) >= 4).sum())
    return len(frame), expected


def timed(label: str, argv: list[str]) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()) as out, \
            contextlib.redirect_stderr(io.StringIO()) as err:
        code = cli(argv)
    elapsed = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"{label} failed ({code}): {err.getvalue()[:2000]}")
    lines = out.getvalue().count("\n")
    print(f"  {label:<34} {elapsed:7.2f} s   ({lines} lines printed)")
    return elapsed


def bare_query() -> float:
    """The scan's GROUP BY alone, every row fetched: the floor of the scan's time."""
    from juvenile.rules.attendance import parse_month
    from juvenile.services.school.absence_scan import unexcused_days_query

    first, last = parse_month(MONTH)
    with db.engine().connect() as connection:
        start = time.perf_counter()
        rows = connection.execute(unexcused_days_query(first, last, None)).all()
        elapsed = time.perf_counter() - start
    print(f"  {'bare GROUP BY of the scan':<34} {elapsed:7.2f} s   ({len(rows)} rows)")
    return elapsed


def run(url: str, students: int, n_days: int, workdir: Path) -> dict[str, float]:
    db.configure(url)
    upgrade_database()
    import_organisations(Actor.system(), ORGANISATIONS_FILE)
    start = time.perf_counter()
    iins = add_students(students)
    days = school_days(n_days)
    path = workdir / "attendance.csv"
    marks, expected = attendance_file(iins, days, path)
    print(f"  setup: {students} students, {marks} marks over {len(days)} days "
          f"({path.stat().st_size / 1e6:.0f} MB CSV), {expected} students at >= 4 unexcused "
          f"days, in {time.perf_counter() - start:.1f} s")
    figures = {
        "import": timed("import attendance (first)", ["import", "attendance", str(path)]),
        "reimport": timed("import attendance (all replaced)",
                          ["import", "attendance", str(path)]),
        "query": bare_query(),
        "scan": timed("scan absences (proposes)", ["scan", "absences", "--month", MONTH]),
        "rescan": timed("scan absences (again)", ["scan", "absences", "--month", MONTH]),
    }
    with db.engine().connect() as connection:
        stored = connection.execute(sa.text("SELECT count(*) FROM attendance_mark")).scalar()
        proposed = connection.execute(sa.text("SELECT count(*) FROM absence_proposal")).scalar()
    print(f"  check: {stored} marks stored, {proposed} proposals (expected {expected})")
    db.engine().dispose()
    return figures


def postgres_scratch() -> tuple[sa.Engine, str] | None:
    try:
        admin = sa.create_engine(make_url(PG_URL).set(drivername="postgresql+psycopg"),
                                 isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except Exception as error:  # no server: the PostgreSQL run is skipped
        print(f"PostgreSQL not reachable at {PG_URL}: {str(error).splitlines()[0]}")
        return None
    name = f"juvenile_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    return admin, name, url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=20)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="juvenile-bench-") as workdir:
        print("SQLite")
        results["SQLite"] = run(f"sqlite:///{workdir}/bench.db", args.students, args.days,
                                Path(workdir))
        scratch = None if args.no_postgres else postgres_scratch()
        if scratch:
            admin, name, url = scratch
            print(f"PostgreSQL ({name})")
            try:
                results["PostgreSQL"] = run(url, args.students, args.days, Path(workdir))
            finally:
                with admin.connect() as connection:
                    connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
    print("\nbackend      import   re-import   GROUP BY   scan   re-scan   scan/GROUP BY"
          "   (targets on SQLite: 60 s, 5 s; scan <= 1.5x GROUP BY)")
    for backend, f in results.items():
        print(f"{backend:<11} {f['import']:6.1f} s {f['reimport']:8.1f} s {f['query']:7.2f} s "
              f"{f['scan']:5.2f} s {f['rescan']:6.2f} s {f['scan'] / f['query']:9.2f}x")
    sqlite = results["SQLite"]
    return 0 if sqlite["import"] < 60 and sqlite["scan"] < 5 else 1


if __name__ == "__main__":
    sys.exit(main())
