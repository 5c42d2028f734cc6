"""Demo students with Kazakh and Russian names, their flags, cases and attendance.

Safe to load again: students are imported by IIN (a re-import updates them),
flags and cases are added only to students who have none, attendance marks
are replaced day by day. Also generates large rosters for speed checks
(``add_large_school``, ``generated_students``).
"""

import io
import itertools
import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import select

from juvenile import clock
from juvenile.db import transaction
from juvenile.models import CriterionFlag, School, Student, SupportCase
from juvenile.rules.iin import Sex, make_iin
from juvenile.security.actor import Actor
from juvenile.services.administration.public_holidays import statutory_calendar
from juvenile.services.school.absence_scan import scan_absences
from juvenile.services.school.attendance_import import import_attendance
from juvenile.services.school.cases import open_case
from juvenile.services.school.council import (
    NewMeasure,
    hold_council_meeting,
    plan_council_meeting,
    record_council_decision,
    record_participation,
)
from juvenile.services.school.flags import NewFlag, add_flags
from juvenile.services.school.student_import import (
    OPTIONAL_COLUMNS,
    STUDENT_COLUMNS,
    import_students,
)

HEADER_COLUMNS = STUDENT_COLUMNS + OPTIONAL_COLUMNS
LARGE_SCHOOL = "AST-SCH-090"


@dataclass(frozen=True)
class DemoStudent:
    last_name: str
    first_name: str
    middle_name: str
    sex: Sex
    birth_date: date
    representative: str
    relation: str
    phone: str
    language: str = "kk"

    @property
    def grade(self) -> int:
        """The grade of a child of this age in the 2026/27 school year (grade 1 at 6-7)."""
        return max(0, min(11, 2026 - self.birth_date.year - 6))


_M, _F = Sex.MALE, Sex.FEMALE
# (school, student): the first is the student the issue names; the demo cases follow.
STUDENTS: tuple[tuple[str, DemoStudent], ...] = (
    ("AST-SCH-012", DemoStudent("Әлиев", "Ғалым", "Құрманұлы", _M, date(2011, 3, 14),
                                "Әлиева Гүлнар Сейітқызы", "mother", "+7 701 555 12 34")),
    ("AST-SCH-012", DemoStudent("Нұрланова", "Әйгерім", "Бақытқызы", _F, date(2012, 9, 2),
                                "Нұрланов Бақыт Серікұлы", "father", "+7 702 310 44 21")),
    ("AST-SCH-012", DemoStudent("Ковалёв", "Артём", "Сергеевич", _M, date(2010, 6, 21),
                                "Ковалёва Ольга Ивановна", "mother", "+7 705 118 09 76", "ru")),
    ("AST-SCH-012", DemoStudent("Жұмабекова", "Інжу", "Ерланқызы", _F, date(2013, 1, 30),
                                "Жұмабеков Ерлан Болатұлы", "father", "+7 747 201 33 58")),
    ("AST-SCH-012", DemoStudent("Сәрсенов", "Нұрсұлтан", "Қайратұлы", _M, date(2009, 11, 5),
                                "Сәрсенова Айгүл Маратқызы", "guardian", "+7 701 904 27 60")),
    ("AST-SCH-047", DemoStudent("Иванова", "Дарья", "Алексеевна", _F, date(2011, 7, 17),
                                "Иванов Алексей Петрович", "father", "+7 707 455 61 02", "ru")),
    ("AST-SCH-047", DemoStudent("Ким", "Максим", "Викторович", _M, date(2012, 4, 8),
                                "Ким Елена Юрьевна", "mother", "+7 700 612 84 15", "ru")),
    ("AST-SCH-047", DemoStudent("Тоқтаров", "Ерасыл", "Нұрланұлы", _M, date(2010, 2, 27),
                                "Тоқтарова Сәуле Асқарқызы", "mother", "+7 775 390 11 47")),
    ("AST-SCH-005", DemoStudent("Бекова", "Аружан", "Маратқызы", _F, date(2012, 12, 12),
                                "Беков Марат Оразұлы", "father", "+7 701 777 20 19")),
    ("AST-SCH-005", DemoStudent("Петров", "Никита", "Андреевич", _M, date(2011, 10, 3),
                                "Петрова Наталья Сергеевна", "mother", "+7 702 143 58 90", "ru")),
    ("ALA-SCH-025", DemoStudent("Құдайбергенов", "Алихан", "Әбілұлы", _M, date(2011, 5, 19),
                                "Құдайбергенова Ләззат Нұрқызы", "mother", "+7 727 261 44 08")),
    ("ALA-SCH-025", DemoStudent("Сергеева", "Анастасия", "Игоревна", _F, date(2010, 8, 9),
                                "Сергеев Игорь Павлович", "father", "+7 701 318 72 65", "ru")),
    ("ALA-SCH-036", DemoStudent("Оспанова", "Томирис", "Жомартқызы", _F, date(2012, 3, 25),
                                "Оспанов Жомарт Ғалымұлы", "father", "+7 708 522 17 34")),
    ("ALA-SCH-036", DemoStudent("Пак", "Денис", "Олегович", _M, date(2010, 11, 30),
                                "Пак Марина Владимировна", "trustee", "+7 701 650 93 28",
                                "ru")),
    ("ALA-SCH-152", DemoStudent("Есенов", "Ілияс", "Талғатұлы", _M, date(2011, 1, 16),
                                "Есенова Мәдина Талғатқызы", "mother", "+7 747 845 06 51")),
    ("ALA-SCH-152", DemoStudent("Байжанова", "Аяулым", "Асхатқызы", _F, date(2013, 6, 6),
                                "Байжанов Асхат Ерболұлы", "father", "+7 777 129 40 83")),
)

# Student index -> flags (criterion, days before today, evidence).
FLAGS = {
    0: [(3, 40, "Сабақ кезінде сыныптастарымен үш рет төбелескен, мектеп ережесін бұзған."),
        (12, 38, "Үзілісте сыныптастарын қорқытып, ақшасын талап еткені туралы арыздар бар.")],
    1: [(9, 20, "Сынып жетекшісіне үйде ұрып-соғатынын айтты; денесінде көгерген жерлер бар.")],
    5: [(1, 30, "Математика и физика: неудовлетворительные оценки за первую четверть.")],
    10: [(6, 25, "Мектеп дәретханасында вейп шегіп жүрген жерінен ұсталды.")],
    12: [(5, 35, "Дүкеннен ұрлық жасағаны үшін әкімшілік жауапқа тартылды.")],
}
# Student indexes whose flags open a case; the first goes through the council.
CASES = (0, 5, 10, 12)
ABSENT_STUDENT = 2  # four unexcused days this month: the scan proposes criterion 4
ABSENT_DAYS = (0, 2, 3, 4)  # of the month's school days so far (at least five)
_SERIAL_BASE = 1000


def demo_iin(index: int, student: DemoStudent) -> str:
    return make_iin(student.birth_date, student.sex, _SERIAL_BASE + index)


def _students_file() -> io.BytesIO:
    lines = [",".join(HEADER_COLUMNS)]
    for index, (school, s) in enumerate(STUDENTS):
        lines.append(",".join((
            demo_iin(index, s), s.last_name, s.first_name, s.middle_name, school,
            str(s.grade), "АБВГ"[index % 4] if s.language == "ru" else "ӘБВГ"[index % 4],
            s.language, s.representative, s.relation, s.phone, "",
        )))
    return io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))


def load_demo_students(today: date | None = None) -> int:
    """Load the demo students and their school work; returns the records created."""
    today = today or clock.today()
    actor = Actor.system(login="demo")
    summary = import_students(actor, _students_file(), filename="demo-students.csv", on=today)
    with transaction() as session:
        ids = {s.iin: s.id for s in session.exec(select(Student))}
    student_ids = [ids[demo_iin(i, s)] for i, (_, s) in enumerate(STUDENTS)]
    created = summary.created + _flags(actor, student_ids, today)
    created += _cases(actor, student_ids, today)
    created += _attendance(actor, today)
    return created


def _flags(actor: Actor, student_ids: list[int], today: date) -> int:
    created = 0
    for index, flags in FLAGS.items():
        with transaction() as session:
            if session.exec(select(CriterionFlag.id)
                            .where(CriterionFlag.student_id == student_ids[index])).first():
                continue
        new = [NewFlag(number, today - timedelta(days=ago), evidence)
               for number, ago, evidence in flags]
        created += len(add_flags(actor, student_ids[index], new, today=today))
    return created


def _cases(actor: Actor, student_ids: list[int], today: date) -> int:
    created = 0
    for index in CASES:
        student_id = student_ids[index]
        with transaction() as session:
            if session.exec(select(SupportCase.id)
                            .where(SupportCase.student_id == student_id)).first():
                continue
            flags = session.exec(select(CriterionFlag.id).where(
                CriterionFlag.student_id == student_id, CriterionFlag.case_id.is_(None),
                CriterionFlag.resolved_on.is_(None))).all()
        if not flags:
            continue
        case = open_case(actor, student_id, flags, on=today - timedelta(days=15))
        created += 1
        if index == CASES[0]:
            _council(actor, STUDENTS[index][0], case.id, today)
    return created


def _council(actor: Actor, school_code: str, case_id: int, today: date) -> None:
    """The prevention council assigns support with a two-measure plan."""
    with transaction() as session:
        school = session.exec(select(School).where(School.code == school_code)).one()
    meeting_on = today - timedelta(days=7)
    meeting = plan_council_meeting(actor, school.id, "3", meeting_on, [case_id])
    hold_council_meeting(actor, meeting.id, [
        "Омаров Бауыржан Қайратұлы (төраға, директор)",
        "Нұрланова Әлия Серікқызы (педагог-психолог)",
        "Ахметова Сәуле Маратқызы (тәрбие ісі жөніндегі орынбасар)",
    ], today=today)
    record_participation(actor, meeting.id, case_id, minor_present=True,
                         representatives_present=True)
    record_council_decision(actor, meeting.id, case_id, "support_assigned", [
        NewMeasure("Педагог-психологпен апта сайынғы жеке әңгіме", "Нұрланова Ә. С.",
                   today + timedelta(days=30)),
        NewMeasure("Ата-анамен бірлескен кеңес және үй жағдайын тексеру",
                   "Ахметова С. М.", today + timedelta(days=14)),
    ])


def _school_days(today: date) -> list[date]:
    """The working days of this month before today; last month's if too few yet."""
    calendar = statutory_calendar(today.year - 1, today.year)
    first = today.replace(day=1)
    days = [first + timedelta(days=n) for n in range((today - first).days)]
    days = [day for day in days if calendar.is_working_day(day)]
    if len(days) >= 5:
        return days
    previous = (first - timedelta(days=1)).replace(day=1)
    return [previous + timedelta(days=n) for n in range((first - previous).days)
            if calendar.is_working_day(previous + timedelta(days=n))]


def _attendance(actor: Actor, today: date) -> int:
    """A month of marks for every demo student: a few absences, one student at four
    unexcused days; then the scan proposes criterion 4 for that student."""
    days = _school_days(today)
    rows = ["iin,date,status"]
    for index, (_, student) in enumerate(STUDENTS):
        iin = demo_iin(index, student)
        for number, day in enumerate(days):
            if index == ABSENT_STUDENT:
                status = "unexcused" if number in ABSENT_DAYS else "present"
            elif (index + number) % 11 == 0:
                status = "excused"
            elif (index * 7 + number) % 23 == 0:  # at most one a month: below criterion 4
                status = "unexcused"
            else:
                status = "present"
            rows.append(f"{iin},{day.isoformat()},{status}")
    import_attendance(actor, io.BytesIO(("\n".join(rows) + "\n").encode()),
                      filename="demo-attendance.csv", today=today)
    findings = scan_absences(actor, days[0].strftime("%Y-%m"), today=today)
    return sum(finding.newly_proposed for finding in findings)


# --- large rosters for speed checks -----------------------------------------------------

_LAST_KK = ("Әбенов", "Бекмұхамбетов", "Жақыпов", "Қасымов", "Нұрмағамбетов", "Оспанов",
            "Сейітов", "Тұрсынов", "Ұзақов", "Шәкенов", "Ғабдуллин", "Ілиясов")
_FIRST_KK_M = ("Ерасыл", "Нұрислам", "Әлихан", "Ілияс", "Ғалым", "Дәулет", "Қуаныш")
_FIRST_KK_F = ("Аружан", "Әйгерім", "Інжу", "Томирис", "Ақбота", "Гүлназ", "Мөлдір")
_FATHERS_KK = ("Серік", "Бақыт", "Ерлан", "Марат", "Қайрат", "Нұрлан", "Асқар")
_LAST_RU = ("Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов",
            "Новиков")
_FIRST_RU_M = ("Александр", "Максим", "Артём", "Иван", "Дмитрий", "Никита", "Илья")
_FIRST_RU_F = ("Анастасия", "Мария", "Дарья", "Алиса", "Полина", "Виктория", "Софья")
_FATHERS_RU = ("Андре", "Серге", "Алексе", "Никола", "Юрье")


def generated_students(
    count: int, seed: int = 2026, first_birth: date = date(2009, 9, 1),
    years: int = 11,
) -> Iterator[dict]:
    """``count`` plausible students with distinct valid IINs, born within ``years``
    from ``first_birth``; Kazakh and Russian names in equal share."""
    rng = random.Random(seed)
    issued: set[str] = set()
    serial = itertools.count()
    span = years * 365
    for _ in range(count):
        sex = rng.choice((Sex.MALE, Sex.FEMALE))
        birth = first_birth + timedelta(days=rng.randrange(span))
        iin = make_iin(birth, sex, next(serial) % 10_000)
        while iin in issued:
            iin = make_iin(birth, sex, next(serial) % 10_000)
        issued.add(iin)
        male = sex is Sex.MALE
        if rng.random() < 0.5:
            last = rng.choice(_LAST_KK)
            first = rng.choice(_FIRST_KK_M if male else _FIRST_KK_F)
            middle = rng.choice(_FATHERS_KK) + ("ұлы" if male else "қызы")
            last = last if male else last + "а"
            language = "kk"
        else:
            last = rng.choice(_LAST_RU) + ("" if male else "а")
            first = rng.choice(_FIRST_RU_M if male else _FIRST_RU_F)
            middle = rng.choice(_FATHERS_RU) + ("евич" if male else "евна")
            language = "ru"
        yield {
            "iin": iin, "last_name": last, "first_name": first, "middle_name": middle,
            "birth_date": birth, "sex": sex, "language_of_instruction": language,
            "grade": max(0, min(11, 2026 - birth.year - 6)),
            "class_letter": rng.choice("АБВГ"),
        }


def add_large_school(count: int = 3000, school_code: str = LARGE_SCHOOL) -> int:
    """Put ``count`` generated students on one school's roll through the student
    import (a re-run updates them); returns how many were created."""
    lines = [",".join(HEADER_COLUMNS)]
    for s in generated_students(count, seed=zlib.crc32(school_code.encode())):
        lines.append(",".join((s["iin"], s["last_name"], s["first_name"], s["middle_name"],
                               school_code, str(s["grade"]), s["class_letter"],
                               s["language_of_instruction"], "", "", "", "")))
    source = io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))
    return import_students(Actor.system(login="demo"), source, filename="large.csv").created
