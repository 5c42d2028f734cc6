"""The student and attendance files: all or nothing, every bad row and field named,
and the command line around them."""

import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import Workbook
from school_helpers import SYSTEM, count, csv_file
from sqlmodel import select

from juvenile import clock, db
from juvenile.cli import main
from juvenile.imports.table import ImportRejected
from juvenile.models import (
    AbsenceProposal,
    AttendanceMark,
    LegalRepresentative,
    SchoolTransfer,
    Student,
)
from juvenile.rules.iin import Sex, make_iin
from juvenile.security.gate import AccessDenied
from juvenile.services.school.attendance_import import import_attendance
from juvenile.services.school.student_import import import_students

HEADER = ("iin,last_name,first_name,middle_name,school_code,grade,class_letter,language,"
          "representative_name,representative_relation,representative_phone\n")
GIRL = make_iin(date(2012, 4, 9), Sex.FEMALE, 101)
BOY = make_iin(date(2010, 1, 30), Sex.MALE, 102)
GOOD = HEADER + (
    f"{GIRL},Сейітова,Әйгерім,Бауыржанқызы,SA,8,Ә,kk,Сейітова Гүлнар,mother,+7 701 111 22 33\n"
    f"{BOY},Смирнов,Илья,Андреевич,SA,10,б,ru,,,\n"
)


def _import(text: str, actor=SYSTEM):
    return import_students(actor, csv_file(text), filename="students.csv")


def _students() -> dict[str, Student]:
    with db.transaction() as session:
        return {s.iin: s for s in session.exec(select(Student))}


def test_a_good_file_registers_students_and_representatives(world):
    summary = _import(GOOD)
    assert (summary.created, summary.updated, summary.transferred) == (2, 0, 0)
    students = _students()
    girl = students[GIRL]
    assert (girl.full_name, girl.birth_date, girl.sex) == (
        "Сейітова Әйгерім Бауыржанқызы", date(2012, 4, 9), Sex.FEMALE)
    assert (girl.grade, girl.class_letter, girl.language_of_instruction) == (8, "Ә", "kk")
    assert students[BOY].class_letter == "Б"
    with db.transaction() as session:
        [mother] = session.exec(select(LegalRepresentative)).all()
    assert (mother.full_name, mother.relation, mother.student_id) == (
        "Сейітова Гүлнар", "mother", girl.id)


def test_reimport_updates_without_duplicates(world):
    _import(GOOD)
    summary = _import(GOOD.replace(",SA,8,", ",SA,9,").replace("+7 701 111 22 33",
                                                               "+7 702 000 00 00"))
    assert (summary.created, summary.updated) == (0, 2)
    assert count(Student) == 2 and count(LegalRepresentative) == 1
    assert _students()[GIRL].grade == 9
    with db.transaction() as session:
        assert session.exec(select(LegalRepresentative.phone)).one() == "+7 702 000 00 00"


def test_a_new_school_code_moves_the_student_with_a_recorded_transfer(world):
    _import(GOOD)
    summary = _import(GOOD.replace(f"{BOY},Смирнов,Илья,Андреевич,SA", f"{BOY},Смирнов,Илья,"
                                                                          "Андреевич,SB"))
    assert summary.transferred == 1
    assert _students()[BOY].school_id == world.schools["SB"]
    assert count(SchoolTransfer) == 1


def test_every_bad_row_and_field_is_reported_and_nothing_written(world):
    bad_check = GIRL[:11] + str((int(GIRL[11]) + 1) % 10)
    text = HEADER + (
        f"{bad_check},Сейітова,Әйгерім,,SA,8,,,,,\n"  # 2: check digit
        f"{BOY},Смирнов,Илья,,NOPE,13,,,,,\n"  # 3: school and grade
        f"{BOY},Смирнов,Илья,,SA,5,,en,,,\n"  # 4: repeated IIN, bad language
        f"{GIRL},,Әйгерім,,SA,x,,,Мать,aunt,12\n"  # 5: name, grade, relation, phone
    )
    with pytest.raises(ImportRejected) as rejected:
        _import(text)
    assert [(e.row, e.column, e.key) for e in rejected.value.errors] == [
        (2, "iin", "iin.bad_check_digit"),
        (3, "grade", "students.error.bad_grade"),
        (3, "school_code", "students.error.unknown_school"),
        (4, "iin", "students.error.duplicate_iin"),
        (4, "language", "students.error.bad_language"),
        (5, "grade", "students.error.bad_grade"),
        (5, "last_name", "students.error.name_required"),
        (5, "representative_phone", "students.error.bad_phone"),
        (5, "representative_relation", "students.error.bad_relation"),
    ]
    assert rejected.value.errors[3].params == {"value": BOY, "first_row": 3}
    assert count(Student) == 0 and count(LegalRepresentative) == 0


def test_a_psychologist_cannot_import_into_another_school(world):
    with pytest.raises(AccessDenied):
        _import(GOOD, actor=world.staff("SB"))
    assert count(Student) == 0
    assert _import(GOOD, actor=world.staff("SA")).created == 2


def test_xlsx_is_read_with_iins_as_text(world):
    workbook = Workbook()
    sheet = workbook.active
    for line in GOOD.splitlines():
        sheet.append(line.split(","))
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    assert import_students(SYSTEM, buffer, filename="students.xlsx").created == 2


def test_the_commands_import_scan_and_print_csv(world, tmp_path, capsys):
    students = tmp_path / "students.csv"
    students.write_text(GOOD, encoding="utf-8")
    assert main(["--lang", "ru", "import", "students", str(students)]) == 0
    assert "создано 2" in capsys.readouterr().out

    marks = tmp_path / "marks.csv"
    days = ["2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08"]
    marks.write_text("iin,date,status\n" + "".join(f"{GIRL},{d},unexcused\n" for d in days)
                     + "".join(f"{BOY},{d},unexcused\n" for d in days[:3]))
    assert main(["--lang", "en", "import", "attendance", str(marks)]) == 0
    assert "7 marks of 2 students" in capsys.readouterr().out

    assert main(["scan", "absences", "--month", "2026-10", "--school", "SA"]) == 0
    output = capsys.readouterr()
    assert output.out == f"iin,school_code,month,unexcused_days\n{GIRL},SA,2026-10,4\n"
    assert main(["scan", "absences", "--month", "2026-10"]) == 0
    assert capsys.readouterr().out.count("\n") == 2
    assert count(AbsenceProposal) == 1


def test_the_commands_name_bad_rows_and_bad_arguments(world, tmp_path, capsys):
    marks = tmp_path / "marks.csv"
    marks.write_text(f"iin,date,status\n{GIRL},2026-10-05,unexcused\n")
    assert main(["--lang", "ru", "import", "attendance", str(marks)]) == 1
    error = capsys.readouterr().err
    assert "Строка 2, поле «iin»" in error and "не зарегистрирован" in error
    assert main(["--lang", "en", "scan", "absences", "--month", "10/2026"]) == 2
    assert "YYYY-MM" in capsys.readouterr().err
    assert main(["--lang", "en", "scan", "absences", "--month", "2026-10", "--school",
                 "NOPE"]) == 2
    assert "NOPE" in capsys.readouterr().err


def test_attendance_from_xlsx_date_cells(world):
    _import(GOOD)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["iin", "date", "status"])
    sheet.append([GIRL, date(2026, 10, 5), "Unexcused"])
    sheet.append([BOY, "06.10.2026", "present"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    summary = import_attendance(SYSTEM, buffer, filename="marks.xlsx")
    assert (summary.marks, summary.first_day, summary.last_day) == (
        2, date(2026, 10, 5), date(2026, 10, 6))
    with db.transaction() as session:
        assert session.get(AttendanceMark, (_students()[GIRL].id, date(2026, 10, 5))).status \
            == "unexcused"


def test_an_iin_born_after_today_is_refused_with_its_row(world):
    """Issue 15 item 5: born today is registered, born tomorrow is refused by row
    and field (the student's and the representative's IIN alike)."""
    today = date(2026, 11, 25)
    born_today = make_iin(today, Sex.FEMALE, 103)
    born_tomorrow = make_iin(date(2026, 11, 26), Sex.MALE, 104)
    text = (HEADER.replace("\n", ",representative_iin\n")
            + f"{born_today},Сейітова,Әйгерім,,SA,1,,,,,,\n"
            + f"{born_tomorrow},Смирнов,Илья,,SA,1,,,,,,\n"
            + f"{GIRL},Сейітова,Әйгерім,,SA,8,,,Сейітова Гүлнар,mother,,{born_tomorrow}\n")
    with clock.frozen_at(datetime(2026, 11, 25, 12, tzinfo=UTC)):
        with pytest.raises(ImportRejected) as rejected:
            _import(text)
        assert [(e.row, e.column, e.key) for e in rejected.value.errors] == [
            (3, "iin", "iin.birth_date_in_future"),
            (4, "representative_iin", "iin.birth_date_in_future"),
        ]
        assert count(Student) == 0
        assert _import(HEADER + f"{born_today},Сейітова,Әйгерім,,SA,1,,,,,\n").created == 1
