"""Response times of the school pages' services with 3,000 students in one school.

Loads the demo data into a temporary SQLite file, puts 3,000 generated students
on the roll of one school (``juvenile.demo.students.add_large_school``) and
gives that school a realistic load: a month of attendance for everyone (about
60,000 marks), flags for 10 % of the students, support cases for a third of
those, the month's absence scan, and a few hundred card openings in the audit
log. Then times, as the school's psychologist:

- the register's first page, its last page, a search by surname, a search by
  IIN, a class filter, a criterion + case-state filter (one COUNT and one
  LIMIT/OFFSET query each);
- opening a student's card (the card, flags, attendance by month, cases,
  placements, who opened it);
- the school dashboard (criteria, next meeting, deadlines, proposals).

    .venv/bin/python bench/school_pages_benchmark.py [--repeat N]
"""

import argparse
import io
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import select

from juvenile import db
from juvenile.demo import load_demo
from juvenile.demo.students import LARGE_SCHOOL, add_large_school
from juvenile.models import CriterionFlag, Role, School, Student, User
from juvenile.security.actor import Actor
from juvenile.services.administration.public_holidays import statutory_calendar
from juvenile.services.common import upgrade_database
from juvenile.services.school.absence_scan import scan_absences
from juvenile.services.school.attendance_import import import_attendance
from juvenile.services.school.cases import open_case
from juvenile.services.school.dashboard import school_dashboard
from juvenile.services.school.flags import NewFlag, add_flags
from juvenile.services.school.register import RegisterQuery, list_register
from juvenile.services.school.student_card import open_student_card
from juvenile.services.school.student_file import student_file

STUDENTS = 3000
TODAY = date(2026, 11, 25)
SYSTEM = Actor.system(login="bench")


def _psychologist(school: School) -> Actor:
    with db.transaction() as session:
        user = User(login="bench.psychologist", full_name="Бенч Психолог",
                    role=Role.SCHOOL_PSYCHOLOGIST, school_id=school.id, password_hash="x")
        session.add(user)
        session.flush()
        user_id = user.id
    return Actor(user_id=user_id, login="bench.psychologist", role=Role.SCHOOL_PSYCHOLOGIST,
                 school_id=school.id, organisation_code=school.code)


def _casework(students: list[Student], rng: random.Random) -> None:
    """Attendance for November, flags for 10 %, cases for a third of those."""
    calendar = statutory_calendar(2026, 2026)
    days = [TODAY.replace(day=1) + timedelta(days=n) for n in range(TODAY.day - 1)]
    days = [day for day in days if calendar.is_working_day(day)]
    rows = ["iin,date,status"]
    for student in students:
        truant = rng.random() < 0.03
        for day in days:
            roll = rng.random()
            status = ("unexcused" if (truant and roll < 0.3) or roll < 0.01
                      else "excused" if roll < 0.05 else "present")
            rows.append(f"{student.iin},{day.isoformat()},{status}")
    import_attendance(SYSTEM, io.BytesIO(("\n".join(rows) + "\n").encode()),
                      filename="month.csv", today=TODAY)
    scan_absences(SYSTEM, "2026-11", today=TODAY)
    flagged = rng.sample(students, len(students) // 10)
    for number, student in enumerate(flagged):
        criteria = rng.sample([1, 3, 5, 6, 10, 12], rng.choice((1, 1, 2)))
        flags = add_flags(SYSTEM, student.id, [
            NewFlag(c, TODAY - timedelta(days=rng.randrange(1, 60)), "Байқалды.")
            for c in criteria], today=TODAY)
        if number % 3 == 0:
            open_case(SYSTEM, student.id, [f.id for f in flags], on=TODAY)


def _time(label: str, call, repeat: int) -> tuple[str, float, float]:
    call()  # warm the caches once, as a page already visited
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return label, statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as folder:
        db.configure(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade_database()
        start = time.perf_counter()
        load_demo()
        add_large_school(STUDENTS)
        with db.transaction() as session:
            school = session.exec(select(School).where(School.code == LARGE_SCHOOL)).one()
            students = list(session.exec(select(Student).where(Student.school_id == school.id)
                                         .order_by(Student.id)))
        _casework(students, rng)
        actor = _psychologist(school)
        with db.transaction() as session:
            carded = session.exec(select(CriterionFlag.student_id)
                                  .join(Student, Student.id == CriterionFlag.student_id)
                                  .where(Student.school_id == school.id)).first()
        for _ in range(300):  # the audit log holds the school's card openings
            open_student_card(actor, rng.choice(students).id)
        print(f"set-up: {len(students)} students in {LARGE_SCHOOL}, "
              f"{time.perf_counter() - start:.1f} s", file=sys.stderr)

        sample = students[1234]
        last_page = -(-len(students) // 25)
        cases = [
            ("register, first page", lambda: list_register(actor, RegisterQuery())),
            ("register, last page", lambda: list_register(actor, RegisterQuery(page=last_page))),
            ("register, search by surname",
             lambda: list_register(actor, RegisterQuery(search=sample.last_name))),
            ("register, search by IIN", lambda: list_register(actor, RegisterQuery(
                search=sample.iin))),
            ("register, class 7А by class", lambda: list_register(actor, RegisterQuery(
                grade=7, class_letter="А", sort="class"))),
            ("register, criterion 3 + flagged case", lambda: list_register(
                actor, RegisterQuery(criterion=3, case_state="flagged"))),
            ("student card (all sections)", lambda: (open_student_card(actor, carded),
                                                     student_file(actor, carded))),
            ("school dashboard", lambda: school_dashboard(actor, on=TODAY)),
        ]
        print(f"{'page service':40} {'median ms':>10} {'p95 ms':>8}")
        for label, call in cases:
            name, median, p95 = _time(label, call, args.repeat)
            print(f"{name:40} {median:10.1f} {p95:8.1f}")
        db.engine().dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
