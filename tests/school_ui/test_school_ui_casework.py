"""The read services behind the case page, the student card and the proposals list,
marking a plan measure done, and the import preview (dry run) with its progress."""

# The ``world`` fixture is imported from school_world (no conftest here: the engine's
# tests import helpers from theirs by the module name ``conftest``).
# ruff: noqa: F811

from datetime import date, timedelta

import pytest
from school_world import SYSTEM, TODAY, flags_of, world  # noqa: F401 (fixture)
from sqlmodel import func, select

from juvenile import db
from juvenile.imports.table import ImportRejected
from juvenile.models import AttendanceMark, Student
from juvenile.rules.attendance import AttendanceStatus
from juvenile.rules.cases import CaseState
from juvenile.rules.errors import RuleViolation
from juvenile.rules.iin import Sex, make_iin
from juvenile.security.gate import AccessDenied
from juvenile.services.school.absence_review import month_proposals
from juvenile.services.school.absence_scan import scan_absences
from juvenile.services.school.case_file import mark_measure_done, open_case_file, start_case
from juvenile.services.school.imports import ImportKind, preview_import, run_import
from juvenile.services.school.student_card import open_student_card
from juvenile.services.school.student_file import student_file
from juvenile.services.school.students import get_student


def attendance_csv(iin: str, unexcused: tuple[int, ...], present: tuple[int, ...] = ()) -> bytes:
    rows = [f"{iin},2026-11-{d:02d},unexcused" for d in unexcused]
    rows += [f"{iin},2026-11-{d:02d},present" for d in present]
    return ("iin,date,status\n" + "\n".join(rows) + "\n").encode()


def marks() -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(AttendanceMark)).one()


def test_case_file_shows_the_referral_and_only_the_steps_the_state_allows(world):
    case_id = world.case(world.student(), 3)
    staff = world.staff("SA")
    flagged = open_case_file(staff, case_id)
    assert flagged.next_states == {CaseState.COUNCIL_REVIEW, CaseState.CLOSED}
    assert [f.criterion for f in flagged.flags] == [3]
    world.council("SA", case_id, "representatives_refused")
    referred = open_case_file(staff, case_id)
    assert referred.state == CaseState.REFERRED_TO_COMMISSION
    assert (referred.commission_kk, referred.commission_ru) == (
        "Бірінші аудан комиссиясы", "Комиссия первого района")
    assert referred.next_states == {CaseState.CLOSED}
    assert "support_not_needed" not in referred.closing_outcomes  # the council's only
    assert [e.kind for e in referred.events][-2:] == ["council_decision", "referred"]
    assert referred.reviews[0].representatives_present is False
    with pytest.raises(AccessDenied):
        open_case_file(world.staff("SB"), case_id)


def test_a_measure_is_marked_done_once_not_in_the_future(world):
    case_id = world.case(world.student(), 3)
    world.council("SA", case_id, "support_assigned", measures=(
        ("Апта сайынғы әңгіме", "Психолог", TODAY + timedelta(days=10)),))
    staff = world.staff("SA")
    [measure] = open_case_file(staff, case_id).measures
    with pytest.raises(RuleViolation) as future:
        mark_measure_done(staff, measure.measure_id, TODAY + timedelta(days=1), today=TODAY)
    assert future.value.key == "flag.error.date_in_future"
    with pytest.raises(AccessDenied):
        mark_measure_done(world.staff("SB"), measure.measure_id, TODAY, today=TODAY)
    mark_measure_done(staff, measure.measure_id, TODAY, today=TODAY)
    assert open_case_file(staff, case_id).measures[0].done_on == TODAY
    with pytest.raises(RuleViolation) as twice:
        mark_measure_done(staff, measure.measure_id, TODAY, today=TODAY)
    assert twice.value.key == "plan.error.already_done"


def test_start_case_opens_one_case_and_later_flags_join_it(world):
    student = world.student()
    world.flag(student, 3)
    staff = world.staff("SA")
    case_id = start_case(staff, student)
    world.flag(student, 12)
    assert start_case(staff, student) == case_id
    assert {f.case_id for f in flags_of(student)} == {case_id}
    with pytest.raises(RuleViolation) as nothing_new:
        start_case(staff, student)
    assert nothing_new.value.key == "case.error.no_flags"


def test_start_case_is_one_transaction(world, monkeypatch):
    """Reading the flags and opening (or joining) the case commit once, together."""
    student = world.student()
    world.flag(student, 3)
    staff = world.staff("SA")
    opened = []
    real = db._session
    monkeypatch.setattr(db, "_session", lambda **o: opened.append(1) or real(**o))
    case_id = start_case(staff, student)
    assert len(opened) == 1
    world.flag(student, 12)
    opened.clear()
    assert start_case(staff, student) == case_id
    assert len(opened) == 1


def test_the_card_shows_attendance_by_month_history_and_who_opened_it(world):
    student = world.student()
    iin = get_student(SYSTEM, student).iin
    run_import(SYSTEM, ImportKind.ATTENDANCE, attendance_csv(iin, (2, 3, 4, 5), (6,)), "a.csv")
    [flag] = world.flag(student, 9)
    staff, director = world.staff("SA"), world.staff("SA")
    open_student_card(director, student)
    open_student_card(staff, student)
    file = student_file(staff, student)
    [month] = file.attendance
    assert (month.month, month.unexcused_days) == ("2026-11", 4)
    assert month.days[2] == AttendanceStatus.UNEXCUSED and month.days[6] == "present"
    assert [f.flag_id for f in file.flags] == [flag]
    openers = [o.login for o in file.openers]  # newest first; the set-up read as "cli"
    assert openers[:2] == [staff.login, director.login] and set(openers[2:]) == {"cli"}
    with pytest.raises(AccessDenied):
        student_file(world.staff("SB"), student)


def test_the_month_proposals_of_the_own_school(world):
    student, other = world.student(), world.student(school="SB")
    for sid in (student, other):
        iin = get_student(SYSTEM, sid).iin
        run_import(SYSTEM, ImportKind.ATTENDANCE, attendance_csv(iin, (2, 3, 4, 9)), "a.csv")
    scan_absences(SYSTEM, "2026-11", today=TODAY)
    [line] = month_proposals(world.staff("SA"), "2026-11")
    assert (line.student_id, line.unexcused_days, line.status) == (student, 4, "proposed")
    assert month_proposals(world.staff("SA"), "2026-10") == []


def test_the_preview_checks_everything_and_writes_nothing(world):
    student = world.student()
    iin = get_student(SYSTEM, student).iin
    staff = world.staff("SA")
    data = attendance_csv(iin, (2, 3), (4, 5, 6))
    preview = preview_import(staff, ImportKind.ATTENDANCE, data, "month.csv")
    assert (preview.summary.marks, preview.row_count, marks()) == (5, 5, 0)
    assert preview.columns == ("iin", "date", "status")
    assert preview.rows[0] == ["2", iin, "2026-11-02", "unexcused"]
    seen = []
    summary = run_import(staff, ImportKind.ATTENDANCE, data, "month.csv",
                         progress=lambda done, total: seen.append((done, total)))
    assert (summary.marks, marks()) == (5, 5) and seen[-1] == (5, 5)

    bad = data + f"{iin},2026-13-01,present\n".encode()
    with pytest.raises(ImportRejected) as rejected:
        preview_import(staff, ImportKind.ATTENDANCE, bad, "month.csv")
    assert [(e.row, e.column) for e in rejected.value.errors] == [(7, "date")]
    stranger = world.staff("SB")
    with pytest.raises(AccessDenied):
        preview_import(stranger, ImportKind.ATTENDANCE, data, "month.csv")


def test_the_student_preview_counts_without_writing(world):
    staff = world.staff("SA")
    iin = make_iin(date(2012, 5, 17), Sex.MALE, 9001)
    data = ("iin,last_name,first_name,middle_name,school_code,grade\n"
            f"{iin},Сейітов,Ерасыл,Маратұлы,SA,8\n").encode()
    with db.transaction() as session:
        before = session.exec(select(func.count()).select_from(Student)).one()
    preview = preview_import(staff, ImportKind.STUDENTS, data, "s.csv")
    assert (preview.summary.created, preview.summary.updated) == (1, 0)
    with db.transaction() as session:
        assert session.exec(select(func.count()).select_from(Student)).one() == before
