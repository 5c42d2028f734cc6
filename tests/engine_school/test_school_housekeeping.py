"""Housekeeping: no case outlives the minor's 18th birthday (Art. 59 (8) item 4, Art. 78 (2))."""

from datetime import date

from school_helpers import SYSTEM, count
from sqlmodel import select

from juvenile import db
from juvenile.cli import main
from juvenile.models import CaseEvent, CaseEventKind, SupportCase
from juvenile.rules.cases import CaseState, CloseOutcome
from juvenile.services.school.cases import close_case, open_case
from juvenile.services.school.flags import NewFlag, add_flags
from juvenile.services.school.housekeeping import close_cases_of_adults

BIRTH = date(2008, 12, 1)  # 18 on 2026-12-01


def _open_case(world, birth: date) -> int:
    student_id = world.student(birth=birth)
    [flag] = add_flags(SYSTEM, student_id, [NewFlag(5, date(2026, 9, 1), "shoplifting")])
    return open_case(SYSTEM, student_id, [flag.id], on=date(2026, 9, 2)).id


def _case(case_id: int) -> SupportCase:
    with db.transaction() as session:
        return session.get(SupportCase, case_id)


def test_cases_close_on_the_18th_birthday_and_not_the_day_before(world):
    adult_soon = _open_case(world, BIRTH)
    younger = _open_case(world, date(2012, 3, 3))
    done = _open_case(world, BIRTH)
    close_case(SYSTEM, done, CloseOutcome.MOVED_SCHOOL)

    assert close_cases_of_adults(SYSTEM, on=date(2026, 11, 30)) == 0
    assert _case(adult_soon).state == CaseState.FLAGGED

    assert close_cases_of_adults(SYSTEM, on=date(2026, 12, 1)) == 1
    case = _case(adult_soon)
    assert (case.state, case.outcome, case.closed_on) == (
        CaseState.CLOSED, CloseOutcome.TURNED_18, date(2026, 12, 1))
    assert _case(younger).state == CaseState.FLAGGED
    assert _case(done).outcome == CloseOutcome.MOVED_SCHOOL  # already closed: untouched
    with db.transaction() as session:
        events = session.exec(select(CaseEvent).where(CaseEvent.case_id == adult_soon,
                                                      CaseEvent.kind == CaseEventKind.CLOSED))
        assert [e.detail for e in events] == ["turned_18 "]


def test_a_late_run_closes_as_of_the_birthday_and_a_second_run_changes_nothing(world):
    case_id = _open_case(world, BIRTH)
    assert close_cases_of_adults(SYSTEM, on=date(2027, 1, 15)) == 1
    assert _case(case_id).closed_on == date(2026, 12, 1)
    events = count(CaseEvent)
    assert close_cases_of_adults(SYSTEM, on=date(2027, 1, 16)) == 0
    assert count(CaseEvent) == events


def test_the_command_prints_how_many_it_closed(world, capsys):
    _open_case(world, date(2008, 10, 1))  # 18 since 2026-10-01 (today is later)
    assert main(["--lang", "en", "housekeeping"]) == 0
    assert "1 case of a student who turned 18 closed" in capsys.readouterr().out
    assert main(["--lang", "en", "housekeeping"]) == 0
    assert "0 cases" in capsys.readouterr().out
