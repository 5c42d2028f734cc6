"""One clock (issue 17 item 5): "today" is Kazakhstan's day, whatever the server's zone.

Every service, rule caller, report, CLI command and state asks ``juvenile.clock``;
tests set it with ``clock.frozen_at(moment)``.
"""

import ast
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from engine_school.school_helpers import SYSTEM, csv_file
from sqlmodel import select
from student_records import register_student

from juvenile import clock, db
from juvenile.i18n import format_datetime, translate
from juvenile.models import School
from juvenile.models.base import utcnow
from juvenile.reports.pdf import zone_label
from juvenile.rules.errors import RuleViolation
from juvenile.rules.iin import Sex, make_iin
from juvenile.services.administration.organisations import import_organisations
from juvenile.services.school.flags import NewFlag, add_flags

PACKAGE = Path(__file__).resolve().parents[1] / "juvenile"

# 20:30 UTC on 1 December is 01:30 on 2 December in Kazakhstan (UTC+5).
NIGHT_IN_ASTANA = datetime(2026, 12, 1, 20, 30, tzinfo=UTC)

ORGANISATIONS = """kind,code,name_kk,name_ru,parent_code,special_kind
district,D1,Бірінші аудан,Первый район,KZ-75,
school,SA,№ 1 мектеп,Школа № 1,D1,
"""


def _student(birth: date) -> int:
    import_organisations(SYSTEM, csv_file(ORGANISATIONS), filename="orgs.csv")
    with db.transaction() as session:
        school_id = session.exec(select(School.id)).one()
    return register_student(school_id, make_iin(birth, Sex.MALE, 1)).id


@pytest.mark.parametrize("moment", [
    NIGHT_IN_ASTANA,  # 01:30 on 2 December 2026 in Kazakhstan
    datetime(2040, 3, 31, 19, 45, tzinfo=UTC),  # 00:45 on 1 April 2040 there
], ids=["2026-12-02T01:30+05", "2040-04-01T00:45+05"])
def test_a_flag_at_night_in_kazakhstan_is_for_the_kazakh_day(sqlite_database, moment):
    """Between 00:00 and 05:00 in Kazakhstan a flag noticed on the Kazakh day is
    accepted through the real service, and one dated the day after is refused.

    Why this fails with the old ``today = today or date.today()`` in
    ``create_flags``: at 20:30 UTC on 1 December 2026, ``date.today()`` on a server
    running in UTC is 1 December, so the flag for the real day, 2 December, was
    refused with ``flag.error.date_in_future`` (the last block replays that by
    passing the server's UTC date as ``today``). Freezing the clock did not touch
    ``date.today()`` either: in the 2040 case it gives the machine's real date,
    years before 1 April 2040, so the first ``add_flags`` was refused whenever
    and wherever the suite runs.
    """
    kazakh_day = clock.local(moment).date()
    assert kazakh_day == moment.date() + timedelta(days=1)
    student_id = _student(birth=date(kazakh_day.year - 13, 5, 17))
    with clock.frozen_at(moment):
        [flag] = add_flags(SYSTEM, student_id, [NewFlag(12, kazakh_day, "truancy")])
        assert flag.noticed_on == kazakh_day == clock.today()
        assert flag.created_at == moment  # stored in UTC, from the same clock

        with pytest.raises(RuleViolation) as refused:
            add_flags(SYSTEM, student_id, [NewFlag(6, kazakh_day + timedelta(days=1), "vape")])
        assert refused.value.key == "flag.error.date_in_future"

        utc_server_today = clock.now().date()  # what date.today() said on a UTC server
        assert utc_server_today == moment.date()
        with pytest.raises(RuleViolation) as old_behaviour:
            add_flags(SYSTEM, student_id, [NewFlag(6, kazakh_day, "vape")],
                      today=utc_server_today)
        assert old_behaviour.value.key == "flag.error.date_in_future"


@pytest.mark.parametrize(("utc", "day"), [
    (datetime(2026, 12, 1, 18, 59, 59, tzinfo=UTC), date(2026, 12, 1)),  # 23:59:59 there
    (datetime(2026, 12, 1, 19, 0, tzinfo=UTC), date(2026, 12, 2)),  # 00:00 there
    (datetime(2026, 6, 30, 18, 59, tzinfo=UTC), date(2026, 6, 30)),  # no summer time
    (datetime(2026, 6, 30, 19, 0, tzinfo=UTC), date(2026, 7, 1)),
    (datetime(2026, 12, 31, 19, 0, tzinfo=UTC), date(2027, 1, 1)),  # the year turns too
])
def test_today_turns_at_19_00_utc(utc, day):
    """Midnight in Kazakhstan (UTC+5) is 19:00 UTC the day before."""
    with clock.frozen_at(utc):
        assert clock.today() == day
        assert clock.now() == utc
        assert clock.local_now().date() == day


def test_the_zone_is_utc_plus_5_all_2026():
    """One zone for the whole country since 1 March 2024: the installed tzdata must
    know it (an older one still says UTC+6 for Almaty)."""
    for month in range(1, 13):
        for day in (1, 15):
            moment = datetime(2026, month, day, 12, tzinfo=UTC)
            assert clock.local(moment).utcoffset() == timedelta(hours=5)


def test_frozen_at_wants_an_aware_moment_and_restores_the_clock():
    with pytest.raises(ValueError, match="aware"), clock.frozen_at(datetime(2026, 12, 1, 20, 30)):
        pass
    kazakh = datetime(2026, 12, 2, 1, 30, tzinfo=clock.KAZAKHSTAN_TIME)
    with clock.frozen_at(kazakh) as frozen:
        assert frozen == NIGHT_IN_ASTANA and frozen.tzinfo is UTC
        with clock.frozen_at(datetime(2027, 1, 1, tzinfo=UTC)):
            assert clock.today() == date(2027, 1, 1)
        assert clock.now() == NIGHT_IN_ASTANA
        assert utcnow() == NIGHT_IN_ASTANA and utcnow().tzinfo is UTC
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(minutes=1)


def test_a_stored_moment_is_shown_in_kazakhstan_time():
    """The case timeline and the minutes' stamp show the time it was in Kazakhstan."""
    assert clock.day_of(NIGHT_IN_ASTANA) == date(2026, 12, 2)
    assert clock.day_of(NIGHT_IN_ASTANA.replace(tzinfo=None)) == date(2026, 12, 2)  # naive=UTC
    shown = format_datetime(NIGHT_IN_ASTANA, "ru")
    assert "02.12" in shown and "1:30" in shown, shown
    # naive is a stored UTC moment as SQLite returns it (issue 14, item 3), not a wall time
    assert format_datetime(datetime(2026, 12, 1, 20, 30), "ru") == shown


# What asked the server's clock or built a zone of its own before issue 17 item 5.
FORBIDDEN = re.compile(
    r"date\.today\(|datetime\.today\(|datetime\.now\(|datetime\.utcnow\("
    r"|ZoneInfo\(|timezone\(|timedelta\(hours=5|Asia/"
)


def test_the_zone_and_the_clock_are_defined_once():
    """Only ``juvenile/clock.py`` names the zone or reads the system clock."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "clock.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if FORBIDDEN.search(line):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}")
    assert found == []
    assert (PACKAGE / "clock.py").read_text(encoding="utf-8").count('"Asia/') == 1


def test_the_clock_imports_nothing_of_juvenile_but_settings():
    tree = ast.parse((PACKAGE / "clock.py").read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert {name for name in imported if name.startswith("juvenile")} <= {"juvenile.settings"}


def test_a_stored_moment_is_shown_in_kazakhstan_time_and_the_zone_is_named():
    """Issue 14, item 3: SQLite returns the stored UTC moment naive; school pages showed
    it as it came, five hours before the commission's pages for the same afternoon."""
    stored = datetime(2026, 12, 2, 13, 59)  # UTC, as the database gives it back
    assert format_datetime(stored, "ru").endswith("18:59")
    assert format_datetime(stored.replace(tzinfo=UTC), "ru").endswith("18:59")
    assert clock.offset_label() == "UTC+5"
    assert zone_label("ru") == translate("doc.time_zone", "ru", offset="UTC+5")
    assert "UTC+5" in zone_label("kk")
