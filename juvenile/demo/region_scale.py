"""A region-scale data set for the quarterly analysis: ``juvenile demo --scale region``.

One region (Turkistan, KZ-61) with 20 districts, 1,000 schools and 500,000
students, with a school year (September 2025 – June 2026) of flags, cases,
council meetings and decisions, refusals and referrals, commission meetings
and decisions, placements with their returns and rehabilitation plans, and
attendance. The same seed always gives the same data.

What is simplified, and why it does not change the analysis:

- attendance is stored only as absences (excused and unexcused) for the
  two quarters 2026 Q1 and Q2: the indicators count unexcused days and the
  four-day rule, so "present" days (95 % of the marks) need no rows;
- cases carry no timeline (``case_event``), plans no measures, commissions no
  members or attendance: none of these enter the indicators;
- names are drawn from short lists; IINs are valid (``rules.iin.make_iin``)
  with serials from 5000 up, apart from the other demo data's.

Rows are written with SQLAlchemy Core ``executemany`` in chunks, with ids
assigned here so that no row has to be read back. The set lives in its own
districts (codes ``TRK-…``), so it never mixes with the ordinary demo; loading
it again when it is there changes nothing.
"""

import itertools
import time as clock
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from juvenile import db
from juvenile.analysis.periods import KAZAKHSTAN_TIME, Quarter
from juvenile.demo.commission import GUARDIANSHIP_BODY
from juvenile.models import (
    AgendaItem,
    AttendanceMark,
    Commission,
    CommissionDecision,
    CommissionMeeting,
    CouncilMeeting,
    CouncilReview,
    CriterionFlag,
    DecisionType,
    District,
    Placement,
    Referral,
    Region,
    School,
    SchoolTransfer,
    SpecialOrganisation,
    Student,
    SupportCase,
)
from juvenile.rules.age import age_on
from juvenile.rules.attendance import UNEXCUSED_DAYS_THRESHOLD
from juvenile.rules.iin import Sex, make_iin
from juvenile.rules.placements import (
    PLACEMENT_MAX_AGE,
    PLACEMENT_MIN_AGE,
    PlacementKind,
    notice_due,
    planned_end,
    rehabilitation_plan_due,
    return_meets_criterion_11,
)
from juvenile.services.administration.public_holidays import statutory_calendar

DEFAULT_SEED = 61
SCHOOL_YEAR = (date(2025, 9, 1), date(2026, 6, 30))
AS_OF = SCHOOL_YEAR[1]  # the data set describes the region as on this day
ATTENDANCE_QUARTERS = (Quarter(2026, 1), Quarter(2026, 2))
# School days with lessons in 2026: winter break before, spring break, summer after.
LESSONS = (date(2026, 1, 8), date(2026, 5, 25))
SPRING_BREAK = (date(2026, 3, 19), date(2026, 3, 29))
SERIAL_BASE = 5000
CHUNK = 50_000
CREATED_AT = datetime(2025, 8, 25, 4, 0, tzinfo=UTC)

# Shares of the school year (plausible orders of magnitude, not statistics).
FLAGGED_SHARE = 0.04  # students flagged on a criterion other than 4 and 11
CASE_SHARE = 0.85  # flagged students whose flags open a case
CHRONIC_SHARE = 0.025 # students absent without reason in clusters (criterion 4)
CONFIRMED_SHARE = 0.5  # four-day months the psychologist confirms as criterion 4
OCCASIONAL_SHARE = 0.20  # students with one to three unexcused days a quarter
EXCUSED_MEAN_DAYS = 1.5  # excused days per student and quarter
MOVER_SHARE = 0.01  # students who change school during the year
PLACEMENT_SHARE = 0.0005
# Criteria of Art. 78 (2) other than 4 (from attendance) and 11 (on return).
CRITERION_WEIGHTS = {1: 24, 2: 3, 3: 20, 5: 7, 6: 10, 7: 3, 8: 1, 9: 8, 10: 10, 12: 14}
COUNCIL_DECISIONS = (("support_assigned", 0.72), ("support_not_needed", 0.18),
                     ("representatives_refused", 0.10))
CLOSE_OUTCOMES = (("improved", 0.75), ("moved_school", 0.07), ("turned_18", 0.03),
                  ("other", 0.15))
REFERRAL_DECISIONS = {"individual_prevention": 35, "representative_obligations": 20,
                      "family_support_centre": 15, "preventive_registration": 10,
                      "placement_petition": 5, "close_without_measures": 10, "postpone": 5}
OTHER_DECISIONS = {"individual_prevention": 3, "close_without_measures": 3,
                   "family_support_centre": 2, "representative_obligations": 2}

_LAST = ("Әлиев", "Нұрланов", "Сәрсенов", "Жұмабеков", "Тоқтаров", "Оспанов", "Бекмұхамбетов",
         "Исаев", "Құдайбергенов", "Ермеков", "Абдуллаев", "Юлдашев", "Каримов", "Рахимов")
_FIRST_M = ("Ғалым", "Нұрсұлтан", "Ерасыл", "Алихан", "Ілияс", "Дәулет", "Арман", "Бекзат",
            "Шерзод", "Тимур", "Мансур", "Азамат")
_FIRST_F = ("Әйгерім", "Інжу", "Аружан", "Томирис", "Аяулым", "Жансая", "Мадина", "Нилуфар",
            "Дильноза", "Айгерім", "Сабина", "Ақерке")
_FATHERS = ("Марат", "Бақыт", "Ерлан", "Серік", "Асқар", "Рустам", "Нұрлан", "Бахтияр")


@dataclass(frozen=True)
class RegionScale:
    """The size of the data set; tests use a small one."""

    region_code: str = "KZ-61"
    prefix: str = "TRK"
    districts: int = 20
    schools: int = 1000
    students: int = 500_000


REGION = RegionScale()


@dataclass(frozen=True)
class RegionSummary:
    created: bool
    region_code: str
    counts: dict[str, int]
    seconds: float


@dataclass
class _Rows:
    """Rows per table, in insert order, and the next free id of each table.

    The two big tables (students, attendance marks) are streams: their rows
    are made chunk by chunk while they are written, never all at once.
    """

    tables: dict[str, Iterable[dict]] = field(default_factory=lambda: defaultdict(list))
    next_ids: dict[str, int] = field(default_factory=dict)

    def stream(self, table: sa.Table, rows: Iterator[dict], count: int) -> None:
        self.tables[table.name] = rows
        if "id" in table.c:
            self.next_ids[table.name] += count

    def add(self, table: sa.Table, **values) -> int:
        """Queue a row; columns not given are NULL (every row of an executemany
        carries the same columns)."""
        row = dict.fromkeys(table.c.keys()) | values
        if "id" in table.c:
            row["id"] = self.next_ids[table.name]
            self.next_ids[table.name] += 1
        self.tables[table.name].append(row)
        return row.get("id", 0)


def _t(model) -> sa.Table:
    return model.__table__


def _at(day: date, hour: int) -> datetime:
    """A moment of ``day`` in Kazakhstan time (stored in UTC by the columns)."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=KAZAKHSTAN_TIME)


def _pick(rng: np.random.Generator, weighted) -> str:
    items = list(weighted.items()) if isinstance(weighted, dict) else list(weighted)
    weights = np.array([w for _, w in items], dtype=float)
    return items[rng.choice(len(items), p=weights / weights.sum())][0]


def region_present(scale: RegionScale = REGION) -> bool:
    with db.begin() as connection:
        found = connection.execute(sa.select(_t(District).c.id).where(
            _t(District).c.code == f"{scale.prefix}-D01")).first()
    return found is not None


def load_region_scale(seed: int = DEFAULT_SEED, scale: RegionScale = REGION) -> RegionSummary:
    """Create the data set (nothing when its districts exist already)."""
    started = clock.perf_counter()
    if region_present(scale):
        return RegionSummary(False, scale.region_code, {}, 0.0)
    with db.begin() as connection:
        rows = _Rows(next_ids={t.name: _next_id(connection, t) for t in _TABLES if "id" in t.c})
        _Generator(np.random.default_rng(seed), scale, rows, connection).run()
        counts = {}
        for table in _TABLES:
            source = iter(rows.tables.pop(table.name, []))
            counts[table.name] = 0
            while batch := list(itertools.islice(source, CHUNK)):
                connection.execute(table.insert(), batch)
                counts[table.name] += len(batch)
        if connection.dialect.name == "postgresql":
            for table in _TABLES:
                if "id" in table.c:  # ids were given: move the sequence past them
                    highest = sa.select(sa.func.coalesce(sa.func.max(table.c.id), 1))
                    connection.execute(sa.select(sa.func.setval(
                        sa.func.pg_get_serial_sequence(table.name, "id"),
                        highest.scalar_subquery())))
        # Fresh statistics after a bulk load, or the planner guesses from empty tables.
        connection.execute(sa.text("ANALYZE"))
    return RegionSummary(True, scale.region_code, counts, clock.perf_counter() - started)


_TABLES = [_t(m) for m in (District, Commission, School, SpecialOrganisation, Student,
                           SchoolTransfer, SupportCase, CriterionFlag, CouncilMeeting,
                           CouncilReview, Referral, CommissionMeeting, Placement, AgendaItem,
                           CommissionDecision, AttendanceMark)]


def _next_id(connection: Connection, table: sa.Table) -> int:
    return (connection.execute(sa.select(sa.func.max(table.c.id))).scalar() or 0) + 1


class _Generator:
    """Draws the data set in a fixed order from one random generator."""

    def __init__(self, rng: np.random.Generator, scale: RegionScale, rows: _Rows,
                 connection: Connection):
        self.rng, self.scale, self.rows = rng, scale, rows
        self.connection = connection
        self.calendar = statutory_calendar(2024, 2027)
        # Students and cases are written last, in index order: their ids are known now.
        self.first_student_id = rows.next_ids["student"]
        self.first_case_id = rows.next_ids["support_case"]
        self.event_days = self._working_days(SCHOOL_YEAR[0] + timedelta(days=14), AS_OF)

    def run(self) -> None:
        self._organisations()
        self._students()
        self._transfers()
        self._attendance()
        self._flags()
        self._cases_and_councils()
        self._placements()
        self._commissions()
        self._write_students_and_cases()

    # --- helpers -------------------------------------------------------------------------

    def _working_days(self, first: date, last: date) -> list[date]:
        days, day = [], first
        while day <= last:
            if self.calendar.is_working_day(day):
                days.append(day)
            day += timedelta(days=1)
        return days

    def _day_after(self, day: date, low: int, high: int) -> date:
        return day + timedelta(days=int(self.rng.integers(low, high + 1)))

    def school_on(self, student: int, day: date) -> int:
        """The school (index) whose roll the student was on on ``day``."""
        moved = self.moved_on.get(student)
        if moved is not None and day >= moved:
            return int(self.final_school[student])
        return int(self.first_school[student])

    # --- organisations -------------------------------------------------------------------

    def _organisations(self) -> None:
        s, rows = self.scale, self.rows
        region = self.connection.execute(sa.select(_t(Region).c.id).where(
            _t(Region).c.code == s.region_code)).scalar_one()
        self.district_ids, self.commission_ids, self.school_ids = [], [], []
        for n in range(1, s.districts + 1):
            code = f"{s.prefix}-D{n:02d}"
            district = rows.add(_t(District), code=code, region_id=region,
                                name_kk=f"Өңірлік демо: {n}-аудан",
                                name_ru=f"Региональное демо: район № {n}")
            self.district_ids.append(district)
            self.commission_ids.append(rows.add(
                _t(Commission), code=f"KDN-{code}", level="district", region_id=region,
                district_id=district,
                name_kk=f"Өңірлік демо {n}-ауданы әкімдігінің кәмелетке толмағандардың істері "
                        "және олардың құқықтарын қорғау жөніндегі комиссиясы",
                name_ru="Комиссия по делам несовершеннолетних и защите их прав акимата "
                        f"района № {n} (региональное демо)"))
        # Schools in contiguous blocks per district.
        self.school_district = np.arange(s.schools) * s.districts // s.schools
        for n in range(s.schools):
            d = int(self.school_district[n])
            self.school_ids.append(rows.add(
                _t(School), code=f"{s.prefix}-D{d + 1:02d}-S{n + 1:04d}",
                district_id=self.district_ids[d], name_kk=f"№ {n + 1} мектеп (демо)",
                name_ru=f"Школа № {n + 1} (демо)"))
        self.organisations = {
            kind: rows.add(_t(SpecialOrganisation), code=f"{s.prefix}-SPO-{i}", kind=kind,
                           region_id=region, name_kk=f"Демо арнаулы ұйым № {i}",
                           name_ru=f"Демо специальная организация № {i}")
            for i, kind in enumerate((PlacementKind.SPECIAL_EDUCATION,
                                      PlacementKind.SPECIAL_REGIME), start=1)
        }

    # --- students and moves --------------------------------------------------------------

    def _students(self) -> None:
        s, rng = self.scale, self.rng
        floor = min(30, s.students // s.schools)
        weights = rng.gamma(2.0, 1.0, s.schools)
        sizes = floor + rng.multinomial(s.students - floor * s.schools, weights / weights.sum())
        self.first_school = np.repeat(np.arange(s.schools), sizes)
        first_birth, last_birth = date(2008, 7, 1), date(2019, 6, 30)
        offsets = rng.integers(0, (last_birth - first_birth).days + 1, s.students)
        self.birth = [first_birth + timedelta(days=int(o)) for o in offsets]
        self.female = rng.random(s.students) < 0.49
        self.name_draws = rng.integers(0, 1 << 30, (s.students, 4))

    def _transfers(self) -> None:
        s, rng = self.scale, self.rng
        self.final_school = self.first_school.copy()
        self.moved_on: dict[int, date] = {}
        movers = rng.choice(s.students, size=int(s.students * MOVER_SHARE), replace=False)
        move_days = self._working_days(date(2025, 10, 1), date(2026, 6, 15))
        per_district = s.schools // s.districts
        for student in sorted(int(m) for m in movers):
            origin = int(self.first_school[student])
            if rng.random() < 0.7 and per_district > 1:  # within the district
                block = origin - origin % per_district
                target = block + int(rng.integers(0, per_district - 1))
                target += target >= origin
            else:
                target = int(rng.integers(0, s.schools - 1))
                target += target >= origin
            day = move_days[int(rng.integers(0, len(move_days)))]
            self.final_school[student] = target
            self.moved_on[student] = day
            self.rows.add(_t(SchoolTransfer), student_id=self.student_id(student),
                          from_school_id=self.school_ids[origin],
                          to_school_id=self.school_ids[target], transferred_on=day,
                          recorded_at=_at(day, 10))

    def student_id(self, student: int) -> int:
        return self.first_student_id + student

    # --- attendance ----------------------------------------------------------------------

    def _attendance(self) -> None:
        """Absence marks of the two quarters, drawn for all students at once."""
        s, rng = self.scale, self.rng
        students = np.arange(s.students)
        chronic = rng.random(s.students) < CHRONIC_SHARE
        occasional = ~chronic & (rng.random(s.students) < OCCASIONAL_SHARE)
        excused_rate = rng.gamma(1.2, EXCUSED_MEAN_DAYS / 1.2, s.students)
        marks_student, marks_day, marks_unexcused = [], [], []
        for quarter in ATTENDANCE_QUARTERS:
            days = [d for d in self._working_days(quarter.first_day, quarter.last_day)
                    if LESSONS[0] <= d <= LESSONS[1]
                    and not SPRING_BREAK[0] <= d <= SPRING_BREAK[1]]
            ordinals = np.array([d.toordinal() for d in days])
            months = np.array([d.month for d in days])
            # Excused: spells of illness, one to four days.
            spells = rng.poisson(excused_rate / 2.0)
            who = np.repeat(students, spells)
            length = rng.integers(1, 5, who.size)
            start = rng.integers(0, len(days), who.size)
            who = np.repeat(who, length)
            offset = np.concatenate([np.arange(n) for n in length]) if length.size else length
            day_index = np.minimum(np.repeat(start, length) + offset, len(days) - 1)
            marks_student.append(who)
            marks_day.append(ordinals[day_index])
            marks_unexcused.append(np.zeros(who.size, dtype=bool))
            # Unexcused, occasional: one to three scattered days.
            count = np.where(occasional, rng.integers(1, 4, s.students), 0)
            who = np.repeat(students, count)
            marks_student.append(who)
            marks_day.append(ordinals[rng.integers(0, len(days), who.size)])
            marks_unexcused.append(np.ones(who.size, dtype=bool))
            # Unexcused, chronic: two to eight days clustered in one month of the quarter.
            month_numbers = np.unique(months)
            month_of = rng.choice(month_numbers, s.students)
            count = np.where(chronic, rng.integers(2, 9, s.students), 0)
            who = np.repeat(students, count)
            for month in month_numbers:
                chosen = month_of[who] == month
                pool = ordinals[months == month]
                picked = pool[rng.integers(0, len(pool), int(chosen.sum()))]
                marks_student.append(who[chosen])
                marks_day.append(picked)
                marks_unexcused.append(np.ones(int(chosen.sum()), dtype=bool))
        student = np.concatenate(marks_student)
        day = np.concatenate(marks_day)
        unexcused = np.concatenate(marks_unexcused)
        # One mark per student and day: an unexcused mark wins over an excused one.
        order = np.lexsort((~unexcused, day, student))
        student, day, unexcused = student[order], day[order], unexcused[order]
        keep = np.ones(student.size, dtype=bool)
        keep[1:] = (student[1:] != student[:-1]) | (day[1:] != day[:-1])
        student, day, unexcused = student[keep], day[keep], unexcused[keep]
        self.marks = (student, day, unexcused)
        self._absence_flags(student, day, unexcused)

    def _absence_flags(self, student, day, unexcused) -> None:
        """Criterion 4 for half the students who reached four unexcused days in a
        month, confirmed after the monthly scan in the first days of the next month."""
        month = np.array([date.fromordinal(int(d)).month for d in day[unexcused]])
        keys, counts = np.unique(student[unexcused] * 100 + month, return_counts=True)
        self.criterion4 = []
        for key, days in zip(keys.tolist(), counts.tolist(), strict=True):
            if days >= UNEXCUSED_DAYS_THRESHOLD and self.rng.random() < CONFIRMED_SHARE:
                who, month_number = divmod(key, 100)
                first_next = date(2026, month_number + 1, 1)
                self.criterion4.append((who, self._day_after(first_next, 0, 6)))

    # --- flags, cases, councils ----------------------------------------------------------

    def _flags(self) -> None:
        s, rng = self.scale, self.rng
        criteria = list(CRITERION_WEIGHTS)
        weights = np.array(list(CRITERION_WEIGHTS.values()), dtype=float)
        flagged = rng.choice(s.students, size=int(s.students * FLAGGED_SHARE), replace=False)
        self.flags: dict[int, list[tuple[int, date]]] = defaultdict(list)
        for student in sorted(int(f) for f in flagged):
            first = self.event_days[int(rng.integers(0, len(self.event_days)))]
            for number in range(int(rng.choice([1, 2, 3], p=[0.7, 0.22, 0.08]))):
                criterion = int(rng.choice(criteria, p=weights / weights.sum()))
                noticed = first if number == 0 else min(self._day_after(first, 1, 25), AS_OF)
                if criterion == 8 and not (self.female[student] and
                                           age_on(self.birth[student], noticed) >= 14):
                    criterion = 12
                self.flags[student].append((criterion, noticed))
        for student, noticed in self.criterion4:
            self.flags[student].append((4, min(noticed, AS_OF)))

    def _council_days(self) -> dict[int, list[date]]:
        """Each school's council meets once a month, mid-month, September to June."""
        months = [(2025, m) for m in range(9, 13)] + [(2026, m) for m in range(1, 7)]
        options = [self._working_days(date(year, month, 10), date(year, month, 20))
                   for year, month in months]
        return {school: [days[int(self.rng.integers(0, len(days)))] for days in options]
                for school in range(self.scale.schools)}

    def _cases_and_councils(self) -> None:
        rng, rows = self.rng, self.rows
        council_days = self._council_days()
        self.meeting_ids = {}
        for school, days in council_days.items():
            for number, day in enumerate(days, start=1):
                self.meeting_ids[(school, day)] = rows.add(
                    _t(CouncilMeeting), school_id=self.school_ids[school], number=str(number),
                    meeting_on=day, status="held", members_present="", created_at=_at(day, 9))
        self.cases = []  # dicts completed later (placements may close them)
        for student in sorted(self.flags):
            first_noticed = min(day for _, day in self.flags[student])
            if rng.random() >= CASE_SHARE:
                continue
            opened = min(self._day_after(first_noticed, 1, 7), AS_OF)
            school = self.school_on(student, opened)
            case = {"student": student, "school": school, "opened_on": opened,
                    "state": "flagged", "closed_on": None, "outcome": None}
            self.cases.append(case)
            later = [d for d in council_days[school] if d >= opened + timedelta(days=2)]
            if not later:
                continue
            meeting_day = later[0]
            decision = _pick(rng, COUNCIL_DECISIONS)
            case.update(decision=decision, decided_at=_at(meeting_day, 15),
                        meeting=self.meeting_ids[(school, meeting_day)])
            if decision == "support_assigned":
                case["state"] = "under_support"
                closes = meeting_day + timedelta(days=int(30 + rng.gamma(3.0, 40.0)))
                if closes <= AS_OF:
                    case.update(state="closed", closed_on=closes,
                                outcome=_pick(rng, CLOSE_OUTCOMES))
            elif decision == "support_not_needed":
                case.update(state="closed", closed_on=meeting_day,
                            outcome="support_not_needed")
            else:  # Art. 78 (4): the refusal goes to the district commission
                case["state"] = "referred_to_commission"
                case["referred_at"] = _at(meeting_day, 17)
                closes = self._day_after(meeting_day, 60, 150)
                if rng.random() < 0.25 and closes <= AS_OF:
                    case.update(state="closed", closed_on=closes, outcome="improved")

    # --- placements ----------------------------------------------------------------------

    def _placements(self) -> None:
        rng = self.rng
        open_cases = {case["student"]: case for case in self.cases
                      if case["state"] == "referred_to_commission"}
        referred = sorted(open_cases)
        others = rng.permutation(self.scale.students).tolist()
        wanted = max(2, int(self.scale.students * PLACEMENT_SHARE))
        first_start, last_start = date(2024, 12, 1), date(2026, 6, 20)
        span = (last_start - first_start).days
        self.returns = []  # (placement id, return day, district index, student, kind)
        chosen: set[int] = set()
        for student in [*referred, *others]:
            if len(chosen) >= wanted:
                break
            case = open_cases.get(student)
            if case is not None:
                start = self._day_after(case["decided_at"].date(), 20, 60)
            else:
                start = first_start + timedelta(days=int(rng.integers(0, span)))
            if student in chosen or start > last_start:
                continue
            decided = start - timedelta(days=int(rng.integers(0, 11)))
            if not PLACEMENT_MIN_AGE <= age_on(self.birth[student], decided) < PLACEMENT_MAX_AGE:
                continue
            if age_on(self.birth[student], start) >= PLACEMENT_MAX_AGE:  # Art. 80 (1), 81 (2)
                continue
            chosen.add(student)
            if case is not None and case["state"] != "closed":
                case.update(state="closed", closed_on=start, outcome="placed")
            self._placement(student, start, decided)

    def _placement(self, student: int, start: date, decided: date,
                   kind: PlacementKind | None = None, transferred_from: int | None = None):
        rng = self.rng
        if kind is None:
            kind = (PlacementKind.SPECIAL_EDUCATION if rng.random() < 0.85
                    else PlacementKind.SPECIAL_REGIME)
        term = int(rng.choice([6, 9, 12] if kind is PlacementKind.SPECIAL_EDUCATION
                              else [6, 12, 18, 24]))
        end = planned_end(start, term)
        due_notice = notice_due(end)
        district = int(self.school_district[self.school_on(student, start)])
        row = {
            "student_id": self.first_student_id + student, "kind": kind,
            "organisation_id": self.organisations[kind],
            "commission_id": self.commission_ids[district],
            "deciding_body": "court" if kind is PlacementKind.SPECIAL_REGIME
            or rng.random() < 0.7 else "internal_affairs",
            "decision_number": f"2-{student + 1}/{decided.year}",
            "decision_date": decided, "start_date": start, "term_months": term,
            "prosecutor_participated": True,  # Art. 80 (7), Art. 81 (8)
            # the guardianship body's application (Art. 80 (2)), a few days before
            "guardianship_applicant": GUARDIANSHIP_BODY
            if kind is PlacementKind.SPECIAL_EDUCATION else "",
            "guardianship_applied_on": decided - timedelta(days=5)
            if kind is PlacementKind.SPECIAL_EDUCATION else None,
            "internal_affairs_notice_on": None,
            "planned_end": end, "notice_due": due_notice, "notice_received_on": None,
            "status": "active", "ended_on": None, "return_date": None,
            "rehabilitation_plan_due": None, "rehabilitation_plan_made_on": None,
            "transferred_from_id": transferred_from, "recorded_at": _at(decided, 11),
        }
        if due_notice <= AS_OF and rng.random() < 0.9:
            row["notice_received_on"] = due_notice - timedelta(days=int(rng.integers(-5, 11)))
        early = start + timedelta(days=int(rng.integers(60, max(61, (end - start).days))))
        fate = rng.random()
        transfer = None
        if fate < 0.08 and early <= AS_OF:
            row.update(status="terminated", ended_on=early)  # Art. 80 (4), Art. 81 (6)
        elif (fate < 0.11 and early <= AS_OF and transferred_from is None
              and kind is PlacementKind.SPECIAL_EDUCATION):
            row.update(status="transferred", ended_on=early)  # Art. 80 (6)
            transfer = early + timedelta(days=1)
        elif end <= AS_OF:
            returned = end + timedelta(days=int(rng.integers(0, 3)))
            due = rehabilitation_plan_due(returned, self.calendar)
            row.update(status="returned", return_date=returned, rehabilitation_plan_due=due)
            outcome = rng.random()
            if outcome < 0.78:
                made = returned + timedelta(days=int(rng.integers(1, (due - returned).days + 1)))
            elif outcome < 0.93:
                made = due + timedelta(days=int(rng.integers(1, 9)))
            else:
                made = None
            row["rehabilitation_plan_made_on"] = made if made and made <= AS_OF else None
        placement = self.rows.add(_t(Placement), **row)
        if row["return_date"] is not None:
            self.returns.append((placement, row["return_date"], district, student, kind))
        if transfer is not None and transfer <= AS_OF:
            self._placement(student, transfer, transfer, PlacementKind.SPECIAL_REGIME,
                            placement)

    # --- commissions ---------------------------------------------------------------------

    def _commissions(self) -> None:
        """Two meetings a month per district commission; referrals, rehabilitation
        reviews (Art. 80 (11)) and other questions on their agendas, each decided."""
        rng, rows = self.rng, self.rows
        types = dict(self.connection.execute(sa.select(_t(DecisionType).c.code,
                                                       _t(DecisionType).c.id)).all())
        referral_types = {c: w for c, w in REFERRAL_DECISIONS.items() if c in types}
        other_types = {c: w for c, w in OTHER_DECISIONS.items() if c in types}
        meetings = defaultdict(list)  # district -> [(day, id)]
        first, last = date(2024, 12, 1), AS_OF
        numbers = defaultdict(int)
        day = first
        while day <= last:
            month_days = [d for d in self._working_days(day, _month_end(day))
                          if d.weekday() == 1]  # Tuesdays
            for district, commission in enumerate(self.commission_ids):
                for meeting_day in month_days[1::2]:  # the second and fourth Tuesday
                    numbers[(district, meeting_day.year)] += 1
                    meeting = rows.add(
                        _t(CommissionMeeting), commission_id=commission,
                        number=numbers[(district, meeting_day.year)], meeting_date=meeting_day,
                        place="Әкімдік / акимат", status="held")
                    meetings[district].append((meeting_day, meeting))
            day = _month_end(day) + timedelta(days=1)
        positions = defaultdict(int)

        def decide(district: int, not_before: date, kind: str, type_code: str, **links):
            later = [(d, m) for d, m in meetings[district] if d >= not_before]
            if not later or not type_code:
                return None
            meeting_day, meeting = later[0]
            positions[meeting] += 1
            item = rows.add(_t(AgendaItem), meeting_id=meeting, position=positions[meeting],
                            kind=kind, title="", hearing_notes="", status="decided",
                            created_at=_at(meeting_day - timedelta(days=7), 10), **links)
            follow_up = type_code not in ("close_without_measures", "postpone")
            rows.add(_t(CommissionDecision), agenda_item_id=item,
                     decision_type_id=types[type_code], decided_on=meeting_day,
                     executor="Демо / демо" if follow_up else "",
                     due_on=meeting_day + timedelta(days=30) if follow_up else None,
                     notes="", done_on=None, recorded_at=_at(meeting_day, 18))
            return meeting_day

        self.referral_ids = {}
        for number, case in enumerate(self.cases):
            if "referred_at" not in case:
                continue
            district = int(self.school_district[case["school"]])
            referral = rows.add(_t(Referral), case_id=self.first_case_id + number,
                                commission_id=self.commission_ids[district],
                                status="decided", referred_at=case["referred_at"], packet="{}")
            decide(district, case["referred_at"].date() + timedelta(days=3), "referral",
                   _pick(rng, referral_types) if referral_types else "", referral_id=referral)
        for placement, returned, district, student, kind in self.returns:
            decide(district, returned, "rehabilitation_review",
                   "individual_prevention" if "individual_prevention" in types else "",
                   placement_id=placement)
            noticed = self._day_after(returned, 2, 10)
            # criterion 11: back from a special education organisation (Art. 78 (2) 11)
            if noticed <= AS_OF and return_meets_criterion_11(kind):
                self.flags[student].append((11, noticed))
        for district, held in meetings.items():
            for meeting_day, _meeting in held:
                for _ in range(int(rng.poisson(1.2))):
                    decide(district, meeting_day, "other",
                           _pick(rng, other_types) if other_types else "")

    # --- writing the students, flags and cases -------------------------------------------

    def _write_students_and_cases(self) -> None:
        self.rows.stream(_t(Student), self._student_rows(), self.scale.students)
        self._write_cases_and_flags()
        self.rows.stream(_t(AttendanceMark), self._mark_rows(), len(self.marks[0]))

    def _student_rows(self) -> Iterator[dict]:
        serials: dict[tuple[date, bool], int] = {}
        for student in range(self.scale.students):
            birth, female = self.birth[student], bool(self.female[student])
            serial = serials.get((birth, female), SERIAL_BASE)
            iin = make_iin(birth, Sex.FEMALE if female else Sex.MALE, serial)
            serials[(birth, female)] = int(iin[7:11]) + 1
            draws = self.name_draws[student]
            first = _FIRST_F if female else _FIRST_M
            yield {
                "id": self.first_student_id + student, "iin": iin,
                "last_name": _LAST[draws[0] % len(_LAST)] + ("а" if female else ""),
                "first_name": first[draws[1] % len(first)],
                "middle_name": _FATHERS[draws[2] % len(_FATHERS)] + (
                    "қызы" if female else "ұлы"),
                "birth_date": birth, "sex": "female" if female else "male",
                "school_id": self.school_ids[int(self.final_school[student])],
                "grade": int(min(11, max(1, 2025 - birth.year - 6))),
                "class_letter": "АБВГ"[draws[3] % 4], "language_of_instruction": "kk",
                "created_at": CREATED_AT,
            }

    def _write_cases_and_flags(self) -> None:
        rows, rng = self.rows, self.rng
        case_of = {}
        for case in self.cases:
            case_id = rows.add(
                _t(SupportCase), student_id=self.first_student_id + case["student"],
                school_id=self.school_ids[case["school"]], state=case["state"],
                opened_on=case["opened_on"], opened_by=None, closed_on=case["closed_on"],
                outcome=case["outcome"], outcome_note="")
            case_of[case["student"]] = (case_id, case)
            if "meeting" in case:
                present = rng.random() < 0.9
                # absent representatives refused to attend, in writing, a week after
                # the invitation: the council may decide (Art. 78 (3))
                invited = (None if present or case["decided_at"] is None
                           else case["decided_at"].date() - timedelta(days=7))
                rows.add(_t(CouncilReview), meeting_id=case["meeting"], case_id=case_id,
                         minor_present=True, minor_absence_reason="",
                         representatives_present=present,
                         representatives_absence_reason="",
                         representatives_refused_to_attend=invited is not None,
                         representatives_invited_on=invited, decision=case["decision"],
                         decided_at=case["decided_at"])
        for student in sorted(self.flags):
            linked = case_of.get(student)
            for criterion, noticed in self.flags[student]:
                case_id = None
                if linked and noticed <= (linked[1]["closed_on"] or AS_OF):
                    case_id = linked[0]
                rows.add(_t(CriterionFlag), student_id=self.first_student_id + student,
                         school_id=self.school_ids[self.school_on(student, noticed)],
                         criterion=criterion, noticed_on=noticed, evidence="", evidence_key="",
                         evidence_params="",
                         created_at=_at(noticed, 12), case_id=case_id,
                         resolved_on=linked[1]["closed_on"] if case_id else None,
                         resolution_reason="")

    def _mark_rows(self) -> Iterator[dict]:
        student, day, unexcused = self.marks
        moved = np.array([self.moved_on.get(s, date.max).toordinal()
                          for s in range(self.scale.students)])
        school = np.where(day >= moved[student], self.final_school[student],
                          self.first_school[student])
        school_ids = np.array(self.school_ids)[school]
        status = np.where(unexcused, "unexcused", "excused")
        for start in range(0, student.size, CHUNK):
            part = slice(start, start + CHUNK)
            # Day ordinals to dates in one step (ordinal 1 is 1 January of year 1).
            days = (np.datetime64("0001-01-01")
                    + (day[part] - 1).astype("timedelta64[D]")).astype(object)
            for s, d, st, sc in zip((student[part] + self.first_student_id).tolist(),
                                    days.tolist(), status[part].tolist(),
                                    school_ids[part].tolist(), strict=True):
                yield {"student_id": s, "day": d, "status": st, "school_id": sc}


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)
