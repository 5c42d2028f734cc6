"""Attendance and criterion 4: four or more unexcused days in one calendar month
(Art. 78 (2) item 4; schools keep account of absences, Art. 23 item 9)."""

from datetime import date

import pytest
from school_helpers import SYSTEM, count, csv_file
from sqlmodel import select

from juvenile import db
from juvenile.errors import InputRefused
from juvenile.imports.table import ImportRejected
from juvenile.models import AbsenceProposal, AttendanceMark, CriterionFlag, ProposalStatus, Student
from juvenile.reports.evidence import evidence_text
from juvenile.rules.errors import RuleViolation
from juvenile.rules.iin import Sex, make_iin
from juvenile.security.gate import AccessDenied
from juvenile.services.administration.calendar import add_day_off, add_working_day
from juvenile.services.school import attendance_import
from juvenile.services.school.absence_review import month_proposals
from juvenile.services.school.absence_scan import (
    confirm_absence_proposals,
    dismiss_absence_proposals,
    scan_absences,
)
from juvenile.services.school.attendance_import import import_attendance

TODAY = date(2026, 11, 25)


def iin_of(student_id: int) -> str:
    with db.transaction() as session:
        return session.get(Student, student_id).iin


def marks(student_id: int, days: list[str], status: str = "unexcused") -> str:
    iin = iin_of(student_id)
    return "".join(f"{iin},{day},{status}\n" for day in days)


def load(text: str, actor=SYSTEM, header: str = "iin,date,status\n"):
    return import_attendance(actor, csv_file(header + text), filename="marks.csv", today=TODAY)


def scan(month: str = "2026-10", actor=SYSTEM, school_id=None):
    return {f.iin: f for f in scan_absences(actor, month, school_id, today=TODAY)}


OCTOBER_3 = ["2026-10-05", "2026-10-06", "2026-10-07"]
OCTOBER_4 = [*OCTOBER_3, "2026-10-08"]


def test_three_days_do_not_meet_the_criterion_four_do(world):
    """Art. 78 (2) item 4: "four and more days within one month"."""
    three, four = world.student(), world.student()
    load(marks(three, OCTOBER_3) + marks(four, OCTOBER_4))
    found = scan()
    assert list(found) == [iin_of(four)]
    finding = found[iin_of(four)]
    assert (finding.school_code, finding.month, finding.unexcused_days) == ("SA", "2026-10", 4)
    assert finding.newly_proposed and finding.proposal_status == ProposalStatus.PROPOSED


def test_absences_split_across_a_month_boundary_do_not_add_up(world):
    """Art. 78 (2) item 4 counts within one calendar month: 2 in September and
    2 in October are two months of 2, not 4."""
    student = world.student()
    load(marks(student, ["2026-09-29", "2026-09-30", "2026-10-01", "2026-10-02"]))
    assert scan("2026-09") == {} and scan("2026-10") == {}
    load(marks(student, ["2026-10-05", "2026-10-30"]))
    assert scan("2026-10")[iin_of(student)].unexcused_days == 4


def test_excused_days_are_not_counted(world):
    """Absence with a valid reason does not count (Art. 78 (2) item 4)."""
    student = world.student()
    load(marks(student, OCTOBER_3) + marks(student, ["2026-10-09", "2026-10-12"], "excused")
         + marks(student, ["2026-10-13"], "present"))
    assert scan() == {}


def test_a_day_imported_twice_counts_once_and_is_replaced(world):
    """The law counts days: re-importing a day replaces its mark instead of adding one."""
    student = world.student()
    load(marks(student, OCTOBER_3))
    load(marks(student, OCTOBER_3[:1]))  # the same day again
    load(marks(student, OCTOBER_3[:1] * 2))  # and twice in one file
    assert count(AttendanceMark) == 3
    assert scan() == {}
    load(marks(student, ["2026-10-08"]))
    assert scan()[iin_of(student)].unexcused_days == 4
    load(marks(student, ["2026-10-08"], "excused"))  # a correction replaces the mark
    with db.transaction() as session:
        mark = session.get(AttendanceMark, (student, date(2026, 10, 8)))
    assert mark.status == "excused" and count(AttendanceMark) == 4


def test_a_future_date_is_rejected_with_its_row(world):
    student = world.student()
    with pytest.raises(ImportRejected) as rejected:
        load(marks(student, ["2026-11-25", "2026-11-26"]))
    assert [(e.row, e.column, e.key) for e in rejected.value.errors] == [
        (3, "date", "attendance.error.future_date")
    ]
    assert count(AttendanceMark) == 0


def test_every_bad_row_and_field_is_named_and_nothing_written(world):
    student = world.student()
    iin = iin_of(student)
    bad_check = iin[:11] + str((int(iin[11]) + 1) % 10)
    unknown = make_iin(date(2013, 1, 1), Sex.FEMALE, 9999)  # valid, but nobody's
    text = (
        f"{iin},2026-10-05,unexcused\n"  # row 2: good
        f"{bad_check},2026-10-05,unexcused\n"  # row 3: check digit
        f"{unknown},2026-10-05,unexcused\n"  # row 4: valid IIN, nobody on the roll
        f"{iin},2026-13-01,unexcused\n"  # row 5: no such date
        f"{iin},2026-10-06,late\n"  # row 6: unknown status
        f"{iin},05.10.2026,excused\n"  # row 7: the same day as row 2, marked otherwise
        f",,\n"  # row 8: empty
    )
    with pytest.raises(ImportRejected) as rejected:
        load(text)
    found = [(e.row, e.column, e.key) for e in rejected.value.errors]
    assert (3, "iin", "iin.bad_check_digit") in found
    assert (5, "date", "attendance.error.bad_date") in found
    assert (6, "status", "attendance.bad_status") in found
    assert (8, "iin", "import.error.required") in found
    assert (8, "date", "import.error.required") in found
    assert (8, "status", "import.error.required") in found
    assert (4, "iin", "attendance.error.unknown_iin") in found
    # the conflicting repeat is named with its first row, beside the field errors
    assert (7, "status", "attendance.error.conflict") in found
    assert len(found) == 8
    assert [e.row for e in rejected.value.errors] == sorted(e.row for e in rejected.value.errors)
    assert count(AttendanceMark) == 0
    with pytest.raises(ImportRejected) as rejected:
        load(f"{iin},2026-10-05,unexcused\n{iin},05.10.2026,excused\n")
    assert [(e.row, e.column, e.key, e.params) for e in rejected.value.errors] == [
        (3, "status", "attendance.error.conflict", {"first_row": 2})
    ]
    assert count(AttendanceMark) == 0


def test_a_same_day_conflict_is_listed_with_another_bad_row(world):
    """Every bad row, always (issue 15 item 10): a day marked "excused" and
    "unexcused" is named even when another row is bad for another reason."""
    student = world.student()
    iin = iin_of(student)
    with pytest.raises(ImportRejected) as rejected:
        load(f"{iin},2026-10-05,unexcused\n{iin},2026-10-05,excused\n{iin},2026-10-06,late\n")
    assert [(e.row, e.column, e.key, e.params) for e in rejected.value.errors] == [
        (3, "status", "attendance.error.conflict", {"first_row": 2}),
        (4, "status", "attendance.bad_status", {"value": "late"}),
    ]
    assert count(AttendanceMark) == 0


def test_unknown_school_code_is_named_and_a_given_one_is_recorded(world):
    student = world.student("SA")
    iin = iin_of(student)
    with pytest.raises(ImportRejected) as rejected:
        load(f"{iin},2026-10-05,unexcused,NOPE\n", header="iin,date,status,school_code\n")
    assert [(e.row, e.column, e.key) for e in rejected.value.errors] == [
        (2, "school_code", "attendance.error.unknown_school")
    ]
    load(f"{iin},2026-10-05,unexcused,SB\n{iin},2026-10-06,unexcused,\n",
         header="iin,date,status,school_code\n")
    with db.transaction() as session:
        recorded = {day: school for day, school in session.exec(
            select(AttendanceMark.day, AttendanceMark.school_id))}
    assert recorded == {date(2026, 10, 5): world.schools["SB"],
                        date(2026, 10, 6): world.schools["SA"]}


def test_a_psychologist_imports_for_their_own_school_only(world):
    own, other = world.student("SA"), world.student("SB")
    psychologist = world.staff("SA")
    summary = load(marks(own, OCTOBER_3), actor=psychologist)
    assert (summary.marks, summary.students) == (3, 1)
    with pytest.raises(AccessDenied):
        load(marks(own, ["2026-10-09"]) + marks(other, OCTOBER_3), actor=psychologist)
    assert count(AttendanceMark) == 3


def test_the_same_month_is_never_proposed_twice(world):
    student = world.student()
    load(marks(student, OCTOBER_4))
    first = scan()[iin_of(student)]
    load(marks(student, ["2026-10-09"]))
    again = scan()[iin_of(student)]
    assert not again.newly_proposed and again.proposal_id == first.proposal_id
    assert again.unexcused_days == 5  # still undecided: the count is brought up to date
    assert _stored_days(first.proposal_id) == 5
    dismiss_absence_proposals(SYSTEM, [first.proposal_id], "marks entered in error")
    load(marks(student, ["2026-10-12"]))
    assert not scan()[iin_of(student)].newly_proposed
    assert _stored_days(first.proposal_id) == 5  # a decided proposal is left as decided
    assert count(AbsenceProposal) == 1
    with db.transaction() as session:
        proposal = session.get(AbsenceProposal, first.proposal_id)
    assert proposal.status == ProposalStatus.DISMISSED
    assert proposal.dismissal_reason == "marks entered in error"


def _stored_days(proposal_id: int) -> int:
    with db.transaction() as session:
        return session.get(AbsenceProposal, proposal_id).unexcused_days


def test_one_scan_proposes_each_student_once_with_the_id_of_their_own_proposal(world):
    students = [world.student() for _ in range(3)]
    load("".join(marks(student, days) for student, days in zip(
        students, [OCTOBER_4, [*OCTOBER_4, "2026-10-09"], OCTOBER_3], strict=True)))
    found = scan()
    assert set(found) == {iin_of(students[0]), iin_of(students[1])}  # three days: not met
    with db.transaction() as session:
        stored = {p.id: p for p in session.exec(select(AbsenceProposal))}
    assert len(stored) == 2
    for student, days in zip(students[:2], (4, 5), strict=True):
        finding = found[iin_of(student)]
        proposal = stored[finding.proposal_id]
        assert finding.newly_proposed and finding.proposal_status == ProposalStatus.PROPOSED
        assert (proposal.student_id, proposal.month, proposal.unexcused_days) == (
            student, "2026-10", days)
        assert proposal.status == ProposalStatus.PROPOSED and proposal.proposed_at is not None


def test_confirming_flags_criterion_4_with_the_count_as_evidence(world):
    student = world.student()
    load(marks(student, OCTOBER_4))
    proposal_id = scan()[iin_of(student)].proposal_id
    psychologist = world.staff("SA")
    [flag] = confirm_absence_proposals(psychologist, [proposal_id])
    # kept as data, written in each reader's language (issue 14, item 2)
    assert (flag.criterion, flag.evidence, flag.evidence_key) == (4, "", "flag.evidence.absences")
    shown = {language: evidence_text(flag.evidence, flag.evidence_key, flag.evidence_params,
                                     language) for language in ("kk", "ru", "en")}
    assert shown == {"kk": "Қазан 2026: дәлелді себепсіз 4 күн сабақ қалдырды",
                     "ru": "октябрь 2026: 4 дня пропуска без уважительной причины",
                     "en": "October 2026: 4 unexcused days"}
    assert flag.author_id == psychologist.user_id
    with pytest.raises(RuleViolation) as refused:
        dismiss_absence_proposals(psychologist, [proposal_id], "changed my mind")
    assert refused.value.key == "absence.error.already_decided"
    assert count(CriterionFlag) == 1


def test_dismissing_needs_a_reason(world):
    student = world.student()
    load(marks(student, OCTOBER_4))
    proposal_id = scan()[iin_of(student)].proposal_id
    with pytest.raises(InputRefused) as refused:
        dismiss_absence_proposals(SYSTEM, [proposal_id], "   ")
    assert refused.value.key == "absence.error.reason_required"


def test_bulk_decisions_are_each_authorized_and_all_or_nothing(world):
    own = [world.student("SA"), world.student("SA")]
    other = world.student("SB")
    load("".join(marks(s, OCTOBER_4) for s in [*own, other]))
    ids = {f.iin: f.proposal_id for f in scan().values()}
    psychologist = world.staff("SA")
    undecided = [line for line in month_proposals(psychologist, "2026-10")
                 if line.status == ProposalStatus.PROPOSED]
    assert sorted(line.proposal_id for line in undecided) == sorted(ids[iin_of(s)] for s in own)
    with pytest.raises(AccessDenied):
        confirm_absence_proposals(psychologist, [ids[iin_of(own[0])], ids[iin_of(other)]])
    assert count(CriterionFlag) == 0
    flags = confirm_absence_proposals(psychologist, [ids[iin_of(s)] for s in own])
    assert sorted(f.student_id for f in flags) == sorted(own)
    with pytest.raises(AccessDenied):
        dismiss_absence_proposals(psychologist, [ids[iin_of(other)]], "not ours")
    [dismissed] = dismiss_absence_proposals(world.staff("SB"), [ids[iin_of(other)]],
                                            "long illness, certificate brought late")
    assert dismissed.status == ProposalStatus.DISMISSED


def test_a_psychologist_scans_their_own_school(world):
    own, other = world.student("SA"), world.student("SB")
    load(marks(own, OCTOBER_4) + marks(other, OCTOBER_4))
    assert list(scan(actor=world.staff("SA"))) == [iin_of(own)]
    with pytest.raises(AccessDenied):
        scan(actor=world.staff("SA"), school_id=world.schools["SB"])
    assert list(scan(school_id=world.schools["SB"])) == [iin_of(other)]


def test_a_bad_month_is_refused(world):
    with pytest.raises(RuleViolation) as refused:
        scan("2026-13")
    assert refused.value.key == "attendance.bad_month"


def test_the_bulk_write_is_undone_with_the_import(world, monkeypatch):
    """All or nothing per file: the raw bulk upsert runs inside the import's one
    transaction, so a failure after it leaves no mark behind."""
    student = world.student()

    def fail(**_):
        raise RuntimeError("after the write")

    monkeypatch.setattr(attendance_import, "AttendanceImportSummary", fail)
    with pytest.raises(RuntimeError):
        load(marks(student, OCTOBER_4))
    assert count(AttendanceMark) == 0


def test_one_student_born_in_the_future_does_not_stop_the_scan(world):
    """Issue 15 item 5: a record registered before such an IIN was refused has
    no age; it is left out and the rest of the school is scanned."""
    bad = world.student(birth=date(2027, 1, 1))
    good = world.student()
    load(marks(bad, OCTOBER_4) + marks(good, OCTOBER_4))
    assert list(scan()) == [iin_of(good)]


def test_a_mark_on_a_day_without_lessons_is_refused_by_row(world):
    """Issue 15 item 4 (Art. 78 (2) item 4 counts days of school missed): a
    Saturday is a school day (six-day weeks); a Sunday and a public day off are
    not, unless the administrator declares the day a working day."""
    student = world.student()
    text = marks(student, ["2026-10-03",  # row 2: a Saturday
                           "2026-10-04",  # row 3: a Sunday
                           "2026-10-26",  # row 4: Republic Day moved from Sunday 25th
                           "2026-10-11"])  # row 5: a Sunday, declared working below
    with pytest.raises(ImportRejected) as rejected:
        load(text)
    assert [(e.row, e.column, e.key, e.params["day"]) for e in rejected.value.errors] == [
        (3, "date", "attendance.error.not_school_day", "2026-10-04"),
        (4, "date", "attendance.error.not_school_day", "2026-10-26"),
        (5, "date", "attendance.error.not_school_day", "2026-10-11"),
    ]
    assert count(AttendanceMark) == 0
    add_working_day(world.admin(), date(2026, 10, 11), "moved from Friday")
    assert load(marks(student, ["2026-10-03", "2026-10-11"])).marks == 2


def _stored(student_id: int, days: list[str]) -> None:
    """Unexcused marks written as they may already be stored (before a day was
    declared off, or by another program): the import's check bypassed."""
    with db.transaction() as session:
        school_id = session.get(Student, student_id).school_id
        session.add_all(AttendanceMark(student_id=student_id, day=date.fromisoformat(day),
                                       status="unexcused", school_id=school_id)
                        for day in days)


def test_the_scan_counts_school_days_only(world):
    """Issue 15 item 4: two weekdays and a Saturday are three school days; the
    Sunday and the public day off stored beside them are not counted until the
    administrator declares the Sunday a working day; a Saturday declared a day
    off stops counting."""
    student = world.student()
    _stored(student, ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-26"])
    assert scan() == {}
    add_working_day(world.admin(), date(2026, 10, 4))
    assert scan()[iin_of(student)].unexcused_days == 4
    add_day_off(world.admin(), date(2026, 10, 3))
    assert scan() == {}
