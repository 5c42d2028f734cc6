"""Speed and memory of the quarterly analysis (Art. 21 item 10) of a whole region.

Builds the region-scale data set (``juvenile demo --scale region``: 1,000
schools, 500,000 students, a school year of casework and two quarters of
absences) and times, in a fresh process so that its peak memory is its own:

- the analysis of the region for 2026 Q2 (with Q1 and the four-quarter trend):
  the first run and the best of three;
- each export built from it: XLSX, PDF (kk), CSV;
- the peak resident memory of that process, and the peak of Python allocations
  during one analysis (tracemalloc, measured in a separate run because it slows
  Python down);
- the minutes of a commission meeting of 20 questions as a PDF (best of three;
  made up here, no database).

Targets of the exports, side by side: the region's XLSX <= 2x its CSV, its PDF
<= 3x its CSV, the 20-question minutes PDF <= 0.5 s.

On a temporary SQLite file, and on PostgreSQL when one answers at
JUVENILE_BENCH_PG_URL (default postgresql://postgres@127.0.0.1/postgres), in a
scratch database created and dropped here. The analysis of one district
(TRK-D01, 50 schools) is timed too. ``--proposed-index`` measures both once
more after adding a partial index of unexcused marks by school and day (a
change proposed for models/attendance.py). Goal: the analysis under 10 s.

    .venv/bin/python bench/quarterly_benchmark.py [--seed N] [--sqlite FILE] [--no-postgres]
                                                  [--proposed-index]
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from juvenile import db
from juvenile.demo.region_scale import DEFAULT_SEED, REGION, load_region_scale
from juvenile.services.common import upgrade_database

PG_URL = os.environ.get("JUVENILE_BENCH_PG_URL", "postgresql://postgres@127.0.0.1/postgres")
YEAR, QUARTER = 2026, 2
DISTRICT = "TRK-D01"
PROPOSED_INDEX = (
    "DROP INDEX IF EXISTS ix_attendance_mark_unexcused_school",
    "CREATE INDEX ix_attendance_mark_unexcused_school ON attendance_mark "
    "(school_id, day, student_id) WHERE status = 'unexcused'",
    "ANALYZE",
)


def measure(url: str) -> dict:
    """In this (fresh) process: time the analysis and the exports, note the peaks."""
    from juvenile.reports import quarterly_csv, quarterly_pdf, quarterly_xlsx
    from juvenile.security.actor import Actor
    from juvenile.services.analysis.quarterly import quarterly_analysis, scope_ids_by_code

    db.configure(url)
    _, region = scope_ids_by_code(region_code=REGION.region_code)
    actor = Actor.system()
    baseline = _peak_rss_mb()  # the interpreter with its libraries loaded
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        result = quarterly_analysis(actor, YEAR, QUARTER, region_id=region)
        runs.append(time.perf_counter() - start)
    district, _ = scope_ids_by_code(district_code=DISTRICT)
    start = time.perf_counter()
    quarterly_analysis(actor, YEAR, QUARTER, district_id=district)
    figures = {"analysis_first": runs[0], "analysis_best": min(runs),
               "district": time.perf_counter() - start,
               "rss_baseline_mb": baseline, "rss_analysis_mb": _peak_rss_mb(),
               "schools": len(result.by_school),
               "enrolled": int(result.totals.at["enrolled", "value"])}
    for name, module in (("xlsx", quarterly_xlsx), ("pdf", quarterly_pdf),
                         ("csv", quarterly_csv)):
        start = time.perf_counter()
        content = module.render(result, "kk")
        figures[name] = time.perf_counter() - start
        figures[f"{name}_bytes"] = len(content)
    figures["peak_rss_mb"] = _peak_rss_mb()
    figures["minutes_pdf"] = minutes_pdf_seconds()
    tracemalloc.start()
    quarterly_analysis(actor, YEAR, QUARTER, region_id=region)
    figures["analysis_python_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return figures


def minutes_pdf_seconds(questions: int = 20) -> float:
    """The best of three renderings of the minutes of a meeting of ``questions``
    decided questions, each with a subject, hearing notes and a follow-up."""
    from datetime import date
    from fractions import Fraction

    from juvenile.models import AgendaItemKind, AgendaItemStatus, MemberPosition
    from juvenile.reports import commission_minutes
    from juvenile.reports.meeting_data import (
        AttendanceLine,
        Decided,
        ItemRecord,
        MeetingRecord,
        Subject,
    )
    from juvenile.rules.quorum import QuorumState

    positions = [MemberPosition.CHAIR, MemberPosition.DEPUTY_CHAIR,
                 *[MemberPosition.MEMBER] * 5, MemberPosition.SECRETARY]
    attendance = tuple(AttendanceLine(n, f"Мүше{n} Қайратұлы Әлібек", position, n != 4,
                                      "іссапарда" if n == 4 else "")
                       for n, position in enumerate(positions, start=1))
    notes = ("Оқушының сабаққа дәлелсіз себептермен келмеуі, сынып жетекшісінің және "
             "психологтың жүргізген жұмысы, ата-анасымен әңгіме туралы ақпарат тыңдалды. ") * 4
    items = tuple(ItemRecord(
        id=n, position=n, kind=AgendaItemKind.REFERRAL, status=AgendaItemStatus.DECIDED,
        title="", referral_id=n, placement_id=None,
        subject=Subject(n, f"Оқушы{n} Ғалымұлы Нұрлан", date(2011, 3, 14), "7 Ә",
                        "№ 12 жалпы білім беретін мектеп", "Общеобразовательная школа № 12"),
        hearing_notes=notes,
        decision=Decided(n, "warning", "Ескерту жасалсын", "Вынести предупреждение", True,
                         "Мектеп психологы Сәрсенова Г. Қ.", date(2026, 6, 30),
                         "Ай сайын есеп беру.", None),
        carried_from=None, postponed_to=None) for n in range(1, questions + 1))
    record = MeetingRecord(
        meeting_id=1, commission_id=1, commission_kk="Кәмелетке толмағандардың істері "
        "жөніндегі аудандық комиссия", commission_ru="Районная комиссия по делам "
        "несовершеннолетних", area_kk="Есіл ауданы", area_ru="Есильский район", number=7,
        meeting_date=date(2026, 5, 20), place="Әкімдік, 305 кабинет", held=True,
        attendance=attendance, quorum=QuorumState(True, 7, 8, True),
        quorum_share=Fraction(2, 3), items=items)
    stamp = commission_minutes.Stamp(1, date(2026, 5, 22))
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        commission_minutes.render(record, "kk", stamp)
        runs.append(time.perf_counter() - start)
    return min(runs)


def _peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM belongs to the running
    program; ru_maxrss would carry the parent's peak over the exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_in_child(url: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--measure", url], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"measuring failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def build(url: str, seed: int) -> float:
    db.configure(url)
    upgrade_database()
    start = time.perf_counter()
    summary = load_region_scale(seed)
    elapsed = time.perf_counter() - start
    counts = ", ".join(f"{table} {n}" for table, n in summary.counts.items() if n)
    print(f"  generated in {elapsed:.1f} s: {counts}" if summary.created
          else "  the region-scale data set was there already")
    db.engine().dispose()
    return elapsed


def add_proposed_index(url: str) -> None:
    engine = db.build_engine(url)
    with engine.begin() as connection:
        for statement in PROPOSED_INDEX:
            connection.execute(sa.text(statement))
    engine.dispose()


def report(backend: str, figures: dict) -> None:
    print(f"  {backend}: {figures['schools']} schools, {figures['enrolled']} students")
    print(f"    analysis        first {figures['analysis_first']:6.2f} s, "
          f"best of 3 {figures['analysis_best']:6.2f} s; one district "
          f"{figures['district']:.2f} s")
    for name in ("xlsx", "pdf", "csv"):
        print(f"    export {name:<5}    {figures[name]:6.2f} s "
              f"({figures[name + '_bytes'] / 1e6:.1f} MB), {figures[name] / figures['csv']:.1f}x "
              f"the CSV")
    print(f"    minutes PDF, 20 questions {figures['minutes_pdf']:.2f} s (target 0.5 s)")
    print(f"    peak memory     {figures['peak_rss_mb']:6.0f} MB resident at the end "
          f"({figures['rss_baseline_mb']:.0f} MB with the libraries loaded, "
          f"{figures['rss_analysis_mb']:.0f} MB after the analyses); "
          f"{figures['analysis_python_peak_mb']:.0f} MB Python allocations in one analysis")


def run(backend: str, url: str, args) -> dict:
    print(backend)
    generated = build(url, args.seed)
    figures = measure_in_child(url) | {"generate": generated}
    report(backend, figures)
    if args.proposed_index:
        add_proposed_index(url)
        indexed = measure_in_child(url)
        print(f"    with the proposed index: region first {indexed['analysis_first']:.2f} s, "
              f"best {indexed['analysis_best']:.2f} s; one district {indexed['district']:.2f} s")
    return figures


def postgres_scratch():
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
    return admin, name, make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--sqlite", metavar="FILE",
                        help="SQLite file to use (kept; generated into when new)")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--proposed-index", action="store_true")
    parser.add_argument("--measure", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    results = {}
    with tempfile.TemporaryDirectory(prefix="juvenile-bench-") as workdir:
        path = args.sqlite or f"{workdir}/region.db"
        results["SQLite"] = run("SQLite", f"sqlite:///{path}", args)
        scratch = None if args.no_postgres else postgres_scratch()
        if scratch:
            admin, name, url = scratch
            try:
                results["PostgreSQL"] = run(f"PostgreSQL ({name})", url, args)
            finally:
                with admin.connect() as connection:
                    connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
    print("\nbackend      generate  analysis(best)  xlsx     pdf     csv    xlsx/csv  pdf/csv"
          "  minutes  peak RSS   (goals: analysis < 10 s, 2x, 3x, 0.5 s)")
    for backend, f in results.items():
        print(f"{backend:<11} {f['generate']:7.1f} s {f['analysis_best']:9.2f} s  "
              f"{f['xlsx']:5.2f} s {f['pdf']:5.2f} s {f['csv']:5.2f} s "
              f"{f['xlsx'] / f['csv']:6.1f}x {f['pdf'] / f['csv']:7.1f}x "
              f"{f['minutes_pdf']:6.2f} s {f['peak_rss_mb']:6.0f} MB")
    return 0 if all(f["analysis_best"] < 10 for f in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
