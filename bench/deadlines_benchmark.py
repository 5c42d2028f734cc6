"""Speed of the deadlines list and of the placement import (Art. 78 (3), 79, 80, 81).

Generates, in the demo organisation tree, N students (default 100,000), a
placement for 5 % of them (half returned, plan not yet made), a support case
with three plan measures for 20 % and, for 2 % of them, a referral decided at
a commission meeting with a follow-up; then times:

- ``juvenile deadlines --on 2026-12-15`` for everything (the operator's view);
- the same list for one district commission (``--org KDN-ALA-ALM``);
- ``juvenile import placements`` of a 2,000-row file (each row checked against
  term, age and deciding body; returns recorded with their consequences).

Runs on a temporary SQLite file, and on PostgreSQL when one answers at
JUVENILE_BENCH_PG_URL (default postgresql://postgres@127.0.0.1/postgres) in a
scratch database created and dropped here.

    .venv/bin/python bench/deadlines_benchmark.py [--students N] [--no-postgres]
"""

import argparse
import contextlib
import io
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlmodel import select

from juvenile import db
from juvenile.cli import main as cli
from juvenile.demo import ORGANISATIONS_FILE
from juvenile.models import (
    AgendaItem,
    Commission,
    CommissionDecision,
    CommissionMeeting,
    DecisionType,
    Placement,
    PlanMeasure,
    Referral,
    School,
    SpecialOrganisation,
    Student,
    SupportCase,
)
from juvenile.models.base import utcnow
from juvenile.rules.iin import make_iin
from juvenile.rules.placements import notice_due, planned_end
from juvenile.security.actor import Actor
from juvenile.services.administration.organisations import import_organisations
from juvenile.services.common import upgrade_database

PG_URL = os.environ.get("JUVENILE_BENCH_PG_URL", "postgresql://postgres@127.0.0.1/postgres")
ON = "2026-12-15"
IMPORT_ROWS = 2_000


def _insert(table, rows: list[dict]) -> list[int]:
    """Bulk insert; returns the new ids in order."""
    with db.engine().begin() as connection:
        first = connection.execute(sa.select(sa.func.coalesce(sa.func.max(table.id), 0))).scalar()
        for start in range(0, len(rows), 5_000):
            connection.execute(sa.insert(table.__table__), rows[start:start + 5_000])
    return list(range(first + 1, first + 1 + len(rows)))


def generate(students: int, rng: random.Random) -> list[str]:
    """The records; returns IINs of students without a placement (for the import)."""
    with db.transaction() as session:
        schools = session.exec(select(School)).all()
        commissions = {c.district_id: c.id for c in session.exec(select(Commission))}
        organisations = {o.kind: o.id for o in session.exec(select(SpecialOrganisation))}
        decision_type = session.exec(select(DecisionType.id)).first()
    now = utcnow()
    births = [date(2009, 1, 1) + timedelta(days=rng.randrange(5 * 365)) for _ in range(students)]
    rows = [
        {"iin": make_iin(birth, "male" if i % 2 else "female", i % 10_000),
         "last_name": f"Оқушы{i}", "first_name": "Аты", "middle_name": "", "birth_date": birth,
         "sex": "male" if i % 2 else "female", "school_id": schools[i % len(schools)].id,
         "grade": 7, "class_letter": "", "language_of_instruction": "kk", "created_at": now}
        for i, birth in enumerate(births)
    ]
    unique = {row["iin"]: row for row in rows}  # make_iin may repeat on skipped serials
    rows = list(unique.values())
    ids = _insert(Student, rows)
    district_of = {s.id: s.district_id for s in schools}

    placements = []
    for student_id, row in zip(ids[: len(ids) // 20], rows, strict=False):
        start = date(2026, 1, 10) + timedelta(days=rng.randrange(200))
        end = planned_end(start, 6)
        returned = rng.random() < 0.5
        placements.append({
            "student_id": student_id, "kind": "special_education",
            "organisation_id": organisations["special_education"],
            "commission_id": commissions[district_of[row["school_id"]]],
            "deciding_body": "court", "decision_number": f"2-{student_id}",
            "decision_date": start - timedelta(days=5),
            "start_date": start, "term_months": 6, "planned_end": end,
            "notice_due": notice_due(end),
            "status": "returned" if returned else "active",
            "return_date": end if returned else None,
            "rehabilitation_plan_due": end + timedelta(days=5) if returned else None,
            "recorded_at": now,
        })
    _insert(Placement, placements)

    with_case = ids[len(ids) // 20: len(ids) // 4]
    case_ids = _insert(SupportCase, [
        {"student_id": s, "school_id": rows[i + len(ids) // 20]["school_id"],
         "state": "under_support", "opened_on": date(2026, 9, 1), "outcome_note": ""}
        for i, s in enumerate(with_case)])
    _insert(PlanMeasure, [
        {"case_id": c, "description": "Әңгіме", "responsible": "Психолог",
         "due_on": date(2026, 10, 1) + timedelta(days=rng.randrange(150))}
        for c in case_ids for _ in range(3)])

    referred = case_ids[: len(ids) // 50]
    commission_ids = sorted(set(commissions.values()))
    meeting_ids = _insert(CommissionMeeting, [
        {"commission_id": c, "number": 1, "meeting_date": date(2026, 11, 2), "place": "",
         "status": "held"} for c in commission_ids])
    meeting_of = dict(zip(commission_ids, meeting_ids, strict=True))
    referral_rows = [
        {"case_id": c, "commission_id": commission_ids[i % len(commission_ids)],
         "status": "decided", "referred_at": now, "packet": "{}"}
        for i, c in enumerate(referred)]
    referral_ids = _insert(Referral, referral_rows)
    item_ids = _insert(AgendaItem, [
        {"meeting_id": meeting_of[r["commission_id"]], "position": i + 1, "kind": "referral",
         "referral_id": rid, "title": "", "hearing_notes": "", "status": "decided",
         "created_at": now}
        for i, (rid, r) in enumerate(zip(referral_ids, referral_rows, strict=True))])
    _insert(CommissionDecision, [
        {"agenda_item_id": item, "decision_type_id": decision_type,
         "decided_on": date(2026, 11, 2), "executor": "ІІБ", "notes": "",
         "due_on": date(2026, 11, 15) + timedelta(days=rng.randrange(60)), "recorded_at": now}
        for item in item_ids])
    return [row["iin"] for row in rows[len(ids) // 4:]]


def placements_file(iins: list[str], path: Path) -> None:
    lines = ["iin,kind,organisation_code,decision_date,start_date,term_months,return_date"]
    for i, iin in enumerate(iins[:IMPORT_ROWS]):
        back = "2026-12-11" if i % 2 else ""
        lines.append(f"{iin},special_education,SPO-ALA-01,2026-05-04,2026-06-10,6,{back}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(label: str, argv: list[str]) -> float:
    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = cli(argv)
    elapsed = time.perf_counter() - started
    lines = out.getvalue().count("\n")
    print(f"  {label:<44} {elapsed:7.2f} s  (exit {code}, {lines} lines)")
    return elapsed


def run(url: str, students: int, workdir: Path) -> None:
    db.configure(url)
    upgrade_database()
    import_organisations(Actor.system(), ORGANISATIONS_FILE)
    started = time.perf_counter()
    free = generate(students, random.Random(245))
    print(f"  generated {students:,} students and their records in "
          f"{time.perf_counter() - started:.1f} s")
    timed("deadlines (all)", ["deadlines", "--on", ON])
    timed("deadlines --org KDN-ALA-ALM", ["deadlines", "--on", ON, "--org", "KDN-ALA-ALM"])
    timed("deadlines --format json", ["deadlines", "--on", ON, "--format", "json"])
    path = workdir / "placements.csv"
    placements_file(free, path)
    timed(f"import placements ({IMPORT_ROWS:,} rows)", ["import", "placements", str(path)])
    db.engine().dispose()


def postgres_scratch() -> tuple[sa.Engine, str, str] | None:
    try:
        admin = sa.create_engine(make_url(PG_URL).set(drivername="postgresql+psycopg"),
                                 isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except Exception as error:  # no server: report and skip
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
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        print("SQLite:")
        run(f"sqlite:///{workdir / 'bench.db'}", args.students, workdir)
        scratch_pg = None if args.no_postgres else postgres_scratch()
        if scratch_pg:
            admin, name, url = scratch_pg
            print("PostgreSQL:")
            try:
                run(url, args.students, workdir)
            finally:
                with admin.connect() as connection:
                    connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    return 0


if __name__ == "__main__":
    sys.exit(main())
