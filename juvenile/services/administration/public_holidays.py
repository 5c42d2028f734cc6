"""The statutory calendar from the maintained ``holidays`` package (issue 14 item 1).

``holidays.country_holidays("KZ")`` follows the holidays law's own history (for
instance Constitution Day: 30 August until 2025, none in 2026, 15 March from
2027), computes the weekend holidays' transfers to the next working day, lists
the days the government moved by resolution, and estimates Kurban ait (an
Islamic-calendar date) for the years the government has not fixed yet.

This adapter asks it, year by year, and hands the answer to rules.calendar as
data (``CalendarEntry``), so the rules stay pure. A year is computed once per
process: working-day sums run often. The package is imported on first use, not
when this module is: a command that never counts a working day does not pay
for it.
"""

from datetime import date
from functools import cache

from juvenile.rules.calendar import (
    KURBAN_AIT,
    MOVED_DAY_OFF,
    MOVED_WORKING_DAY,
    PUBLIC_HOLIDAY,
    TRANSFERRED,
    CalendarEntry,
    DaySource,
    WorkingCalendar,
)

COUNTRY = "KZ"
# The package's Kazakh names (its default language for Kazakhstan) -> catalog keys.
_KEYS_BY_NAME = {
    "Жаңа жыл": "holiday.new_year",
    "Православиелік Рождество": "holiday.orthodox_christmas",
    "Халықаралық әйелдер күні": "holiday.womens_day",
    "Наурыз мейрамы": "holiday.nauryz",
    "Қазақстан халқының бірлігі мерекесі": "holiday.unity_day",
    "Отан Қорғаушы күні": "holiday.defender_day",
    "Жеңіс күні": "holiday.victory_day",
    "Астана күні": "holiday.capital_day",
    "Қазақстан Республикасының Конституциясы күні": "holiday.constitution_day",
    "Республика күні": "holiday.republic_day",
    "Қазақстан Республикасы күні": "holiday.republic_day",
    "Қазақстан Республикасының Тұңғыш Президенті күні": "holiday.first_president_day",
    "Тәуелсіздік күні": "holiday.independence_day",
    "Құрбан айт": KURBAN_AIT,
}
_NAME_SEPARATOR = "; "  # the package's, between two holidays on one day


def _first_name(names: str) -> str:
    return names.split(_NAME_SEPARATOR)[0]


def _moves_by_resolution(year: int) -> list[tuple[date, date]]:
    """(day off, working day it was moved from) of the government's resolutions that
    touch ``year``: the package's table of them, which also names the working day."""
    from holidays.countries.kazakhstan import KazakhstanStaticHolidays

    table = getattr(KazakhstanStaticHolidays, "special_public_holidays", {})
    moves = []
    for of_year in (year, year + 1):
        entries = table.get(of_year, ())
        # One move is a tuple of numbers; several, a tuple of such tuples.
        rows = (entries,) if entries and isinstance(entries[0], int) else entries
        for row in rows:
            month, day, from_month, from_day, *from_year = row
            moves.append((date(of_year, month, day),
                          date(from_year[0] if from_year else of_year, from_month, from_day)))
    return [(off, working) for off, working in moves if year in (off.year, working.year)]


@cache
def year_entries(year: int) -> tuple[CalendarEntry, ...]:
    """The statutory days of ``year`` as the package has them, in date order."""
    import holidays

    def ask(**options):
        return holidays.country_holidays(COUNTRY, years=year, language="kk", **options)

    named = ask(islamic_show_estimated=False)
    by_law = ask(observed=False, islamic_show_estimated=False)
    flagged = ask()  # marks an estimated Islamic date in its name
    moves = _moves_by_resolution(year)
    moved_off = {off: working for off, working in moves if off.year == year}
    entries: dict[date, CalendarEntry] = {}
    for day, names in by_law.items():
        if day in moved_off:
            entries[day] = CalendarEntry(day, MOVED_DAY_OFF, DaySource.RESOLUTION,
                                         name=_first_name(names), related=moved_off[day])
            continue
        name = _first_name(names)
        key = _KEYS_BY_NAME.get(name, PUBLIC_HOLIDAY)
        entries[day] = CalendarEntry(day, key, DaySource.LAW, name=name,
                                     estimated=flagged.get(day) != names)
    # A transfer stands for the weekend holiday of the same name, in date order.
    waiting = sorted(day for day in by_law if day.weekday() >= 5 and day not in moved_off)
    for day in sorted(set(named) - set(by_law)):
        name = _first_name(named[day])
        holiday = next((h for h in waiting if name.startswith(f"{_first_name(by_law[h])} (")),
                       None)
        if holiday is not None:
            waiting.remove(holiday)
        entries[day] = CalendarEntry(day, TRANSFERRED, DaySource.TRANSFER, name=name,
                                     related=holiday)
    for off, working in moves:
        if working.year == year:
            entries[working] = CalendarEntry(working, MOVED_WORKING_DAY, DaySource.RESOLUTION,
                                             working=True, related=off)
    return tuple(entries[day] for day in sorted(entries))


def public_days(first_year: int, last_year: int) -> list[CalendarEntry]:
    """The statutory days of ``first_year`` … ``last_year``."""
    return [entry for year in range(first_year, last_year + 1) for entry in year_entries(year)]


def statutory_calendar(first_year: int, last_year: int) -> WorkingCalendar:
    """The calendar of the law alone, without the administrator's days (demo data,
    benchmarks); deadlines use services.administration.calendar.working_calendar."""
    return WorkingCalendar(first_year, last_year, public_days=public_days(first_year, last_year))
