"""The working-day calendar from the database: statutory rules plus the administrator's
days (README "Working days"; Art. 80 (11), Art. 81 (12))."""

from datetime import date

import pytest
from commission_world import SYSTEM

from juvenile import db
from juvenile.cli import main
from juvenile.models import CalendarDayKind, Role
from juvenile.rules.errors import RuleViolation
from juvenile.security.gate import AccessDenied
from juvenile.services.administration.calendar import (
    add_day_off,
    add_kurban_ait,
    add_working_day,
    add_working_days,
    calendar_days,
    remove_calendar_day,
    working_calendar,
)


def test_friday_11_december_2026_plus_3_is_thursday_17(database):
    assert add_working_days(SYSTEM, date(2026, 12, 11), 3) == date(2026, 12, 17)


def test_across_nauryz_with_its_weekend_transfers(database):
    """Nauryz 2026 is Sat 21 – Mon 23 March; the 21st and 22nd move to Tue 24 and Wed 25."""
    assert add_working_days(SYSTEM, date(2026, 3, 20), 1) == date(2026, 3, 26)
    assert add_working_days(SYSTEM, date(2026, 3, 19), 3) == date(2026, 3, 27)


def test_an_administrators_day_off_and_working_day(database):
    add_day_off(SYSTEM, date(2026, 12, 14), note="Үкімет қаулысы")
    assert add_working_days(SYSTEM, date(2026, 12, 11), 3) == date(2026, 12, 18)
    add_working_day(SYSTEM, date(2026, 12, 12), note="ауыстырылған жұмыс күні")  # a Saturday
    assert add_working_days(SYSTEM, date(2026, 12, 11), 3) == date(2026, 12, 17)
    with db.transaction() as session:
        calendar = working_calendar(session, 2026, 2026)
    assert not calendar.is_working_day(date(2026, 12, 14))
    assert calendar.is_working_day(date(2026, 12, 12))
    assert [(d.day, d.kind) for d in calendar_days(SYSTEM, 2026)] == [
        (date(2026, 12, 12), CalendarDayKind.WORKING_DAY),
        (date(2026, 12, 14), CalendarDayKind.DAY_OFF),
    ]


def test_kurban_ait_estimated_then_moved_and_taken_back(database):
    """Kurban ait is an Islamic-calendar date: the holidays package estimates Wed 27 May
    2026; the government's date, once the administrator enters it, replaces it.
    (Before the package, the portal knew no Kurban ait until it was entered.)"""
    assert add_working_days(SYSTEM, date(2026, 5, 26), 1) == date(2026, 5, 28)
    add_kurban_ait(SYSTEM, date(2026, 5, 28), note="Үкімет қаулысы")  # moved a day
    assert add_working_days(SYSTEM, date(2026, 5, 26), 1) == date(2026, 5, 27)
    assert add_working_days(SYSTEM, date(2026, 5, 26), 2) == date(2026, 5, 29)
    add_kurban_ait(SYSTEM, date(2026, 5, 27))  # moved back: one first day a year
    assert [(d.day, d.kind) for d in calendar_days(SYSTEM, 2026)] == [
        (date(2026, 5, 27), CalendarDayKind.KURBAN_AIT)]
    assert add_working_days(SYSTEM, date(2026, 5, 26), 1) == date(2026, 5, 28)
    remove_calendar_day(SYSTEM, date(2026, 5, 27))  # the estimate applies again
    assert add_working_days(SYSTEM, date(2026, 5, 26), 1) == date(2026, 5, 28)


def test_a_day_is_either_off_or_working(database):
    add_day_off(SYSTEM, date(2026, 12, 14))
    add_day_off(SYSTEM, date(2026, 12, 14), note="again")  # repeating is harmless
    with pytest.raises(RuleViolation) as refused:
        add_working_day(SYSTEM, date(2026, 12, 14))
    assert refused.value.key == "calendar.day_both_off_and_working"


def test_only_an_administrator_edits_the_calendar(world):
    add_day_off(world.user(Role.ADMIN), date(2026, 12, 14))
    with pytest.raises(AccessDenied):
        add_day_off(world.secretary(), date(2026, 12, 15))


def test_cli_adds_days_and_counts_working_days(database, capsys):
    assert main(["calendar", "add-working-days", "2026-12-11", "3"]) == 0
    assert capsys.readouterr().out.strip() == "2026-12-17"
    assert main(["--lang", "en", "calendar", "add-day-off", "2026-12-14", "--note", "x"]) == 0
    assert "2026-12-14 is a day off" in capsys.readouterr().out
    assert main(["calendar", "add-working-days", "2026-12-11", "3"]) == 0
    assert capsys.readouterr().out.strip() == "2026-12-18"
    assert main(["calendar", "add-working-day", "2026-12-12"]) == 0
    assert main(["calendar", "add-working-days", "2026-12-11", "3"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "2026-12-17"


def test_cli_refusals_are_one_line(database, capsys):
    assert main(["--lang", "ru", "calendar", "add-working-days", "11.12.2026", "3"]) == 2
    assert "ГГГГ-ММ-ДД" in capsys.readouterr().err
    assert main(["calendar", "add-day-off", "2026-12-14"]) == 0
    assert main(["--lang", "en", "calendar", "add-working-day", "2026-12-14"]) == 2
    error = capsys.readouterr().err.strip()
    # the day in the reader's date format, not ISO (issue 20, item 8)
    assert error == "juvenile: 14 Dec 2026 is entered both as a day off and as a working day."
