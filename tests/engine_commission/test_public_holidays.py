"""The statutory calendar from the ``holidays`` package (issue 14 item 1): the 2026
change of the holidays law at its boundaries, the source of each day, the Kurban
ait estimate, and the administrator's days on top (Art. 80 (11), Art. 81 (12):
the rehabilitation plan within three working days of the return)."""

from datetime import date, timedelta

import holidays
import pytest
from commission_world import SYSTEM

from juvenile import db
from juvenile.cli import main
from juvenile.models import CalendarDayKind
from juvenile.rules.calendar import KURBAN_AIT, DaySource
from juvenile.rules.placements import rehabilitation_plan_due
from juvenile.services.administration.calendar import (
    add_day_off,
    add_kurban_ait,
    add_working_day,
    add_working_days,
    calendar_year,
    working_calendar,
)
from juvenile.services.administration.public_holidays import (
    statutory_calendar,
    year_entries,
)
from juvenile.state.admin_config import day_name


def test_the_package_is_the_pinned_one():
    assert holidays.__version__ == "0.109"


@pytest.mark.parametrize("year", range(2026, 2031))
def test_the_calendar_agrees_with_the_package_on_every_day(year):
    """Done when of issue 14: every day of 2026–2030, without the administrator's."""
    package = holidays.country_holidays("KZ", years=year)
    calendar = statutory_calendar(year, year)
    day = date(year, 1, 1)
    while day.year == year:
        assert calendar.is_working_day(day) == (day.weekday() < 5 and day not in package), day
        day += timedelta(days=1)


def test_2025_constitution_day_on_30_august_and_its_transfer():
    calendar = statutory_calendar(2025, 2025)
    days = calendar.days_in(2025)
    assert days[date(2025, 8, 30)].key == "holiday.constitution_day"  # a Saturday
    assert days[date(2025, 9, 1)].source == DaySource.TRANSFER
    assert days[date(2025, 9, 1)].related == date(2025, 8, 30)
    assert not calendar.is_working_day(date(2025, 9, 1))


def test_2026_no_constitution_day_30_and_31_august_are_plain_days():
    calendar = statutory_calendar(2026, 2026)
    assert date(2026, 8, 30) not in calendar.days_in(2026)  # a plain Sunday
    assert date(2026, 8, 31) not in calendar.days_in(2026)
    assert calendar.is_working_day(date(2026, 8, 31))
    assert "holiday.constitution_day" not in calendar.days_off_in(2026).values()


@pytest.mark.parametrize("year", [2027, 2028])
def test_from_2027_constitution_day_is_15_march(year):
    calendar = statutory_calendar(year, year)
    assert calendar.days_off_in(year)[date(year, 3, 15)] == "holiday.constitution_day"
    assert not calendar.is_working_day(date(year, 3, 15))
    assert calendar.is_working_day(date(year, 8, 30))


def test_the_five_days_the_old_table_had_wrong():
    calendar = statutory_calendar(2026, 2028)
    assert [calendar.is_working_day(d) for d in (
        date(2026, 8, 31), date(2027, 3, 15), date(2027, 8, 30), date(2028, 3, 15),
        date(2028, 8, 30))] == [True, False, True, False, True]


def test_rehabilitation_plan_after_a_return_on_27_august_2026_art_80_11_art_81_12(database):
    """Thu 27 Aug 2026 + 3 working days: Fri 28, Mon 31, Tue 1 September (the old
    table made Mon 31 a transfer of Constitution Day and gave Wed 2, a day late)."""
    with db.transaction() as session:
        calendar = working_calendar(session, 2026, 2026)
    assert rehabilitation_plan_due(date(2026, 8, 27), calendar) == date(2026, 9, 1)
    assert add_working_days(SYSTEM, date(2026, 8, 27), 3) == date(2026, 9, 1)


def test_days_moved_by_government_resolution():
    """2025: Fri 3 January off, Sun 5 January working (the package's resolutions)."""
    days = {entry.day: entry for entry in year_entries(2025)}
    assert days[date(2025, 1, 3)].source == DaySource.RESOLUTION
    assert days[date(2025, 1, 3)].related == date(2025, 1, 5)
    assert days[date(2025, 1, 5)].source == DaySource.RESOLUTION and days[date(2025, 1, 5)].working
    assert statutory_calendar(2025, 2025).is_working_day(date(2025, 1, 5))


def test_each_year_is_computed_once():
    assert year_entries(2026) is year_entries(2026)


def test_names_kazakh_from_the_package_russian_and_english_from_the_catalogs():
    days = {entry.day: entry for entry in year_entries(2026)}
    nauryz, transfer = days[date(2026, 3, 21)], days[date(2026, 3, 24)]
    assert day_name(nauryz, "kk") == "Наурыз мейрамы"
    assert day_name(nauryz, "ru") == "Наурыз мейрамы"
    assert day_name(days[date(2026, 5, 9)], "ru") == "День Победы"
    assert day_name(days[date(2026, 5, 9)], "en") == "Victory Day"
    assert day_name(transfer, "kk") == "Наурыз мейрамы (қайта белгіленген демалыс)"
    assert day_name(transfer, "en") == "Day off for a holiday that fell on a weekend"
    assert day_name(days[date(2026, 5, 27)], "kk") == "Құрбан айт"
    assert day_name(days[date(2026, 5, 27)], "ru") == "Первый день Курбан айта"


def test_source_of_each_day_on_the_admin_calendar(database):
    add_day_off(SYSTEM, date(2026, 12, 14), note="Үкімет қаулысы")
    add_working_day(SYSTEM, date(2026, 12, 12))
    year = calendar_year(SYSTEM, 2026)
    sources = {day: entry.source for day, entry in year.days.items()}
    assert sources[date(2026, 3, 21)] == DaySource.LAW
    assert sources[date(2026, 3, 24)] == DaySource.TRANSFER
    assert sources[date(2026, 12, 14)] == DaySource.ADMINISTRATOR
    assert year.days[date(2026, 12, 12)].working
    assert set(year.entered) == {date(2026, 12, 12), date(2026, 12, 14)}
    assert year.days[date(2026, 5, 27)].estimated
    assert calendar_year(SYSTEM, 2025).days[date(2025, 1, 3)].source == DaySource.RESOLUTION


def test_confirming_the_estimate_and_moving_kurban_ait(database):
    add_kurban_ait(SYSTEM, date(2026, 5, 27))  # the Confirm button
    confirmed = calendar_year(SYSTEM, 2026).days[date(2026, 5, 27)]
    assert confirmed.key == KURBAN_AIT and not confirmed.estimated
    assert confirmed.source == DaySource.ADMINISTRATOR
    assert calendar_year(SYSTEM, 2027).days[date(2027, 5, 16)].estimated  # its own year only
    add_kurban_ait(SYSTEM, date(2026, 5, 26))  # moved: 27 May is a working day again
    year = calendar_year(SYSTEM, 2026)
    assert date(2026, 5, 27) not in year.days
    assert [(d, row.kind) for d, row in year.entered.items()] == [
        (date(2026, 5, 26), CalendarDayKind.KURBAN_AIT)]


def test_cli_adds_kurban_ait(database, capsys):
    assert main(["--lang", "en", "calendar", "add-kurban-ait", "2027-05-17"]) == 0
    assert "2027-05-17 is the first day of Kurban ait" in capsys.readouterr().out
    assert main(["calendar", "add-working-days", "2027-05-14", "1"]) == 0
    assert capsys.readouterr().out.strip() == "2027-05-18"  # Sun 16 is no longer Kurban ait
