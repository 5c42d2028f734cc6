"""The working-day calendar: the statutory calendar plus the administrator's days.

Deadlines counted in working days (the rehabilitation plan within three
working days of the return, Art. 80 (11), Art. 81 (12)) use
``working_calendar``: the statutory days as the ``holidays`` package has them
(public_holidays) with the ``calendar_day`` rows on top, which win: the
confirmed Kurban ait, days off by government resolution, extra working days.
"""

from datetime import date
from typing import NamedTuple

from sqlmodel import Session, col, select

from juvenile.db import transaction
from juvenile.errors import InputRefused
from juvenile.models import CalendarDay, CalendarDayKind
from juvenile.rules.calendar import CalendarEntry, WorkingCalendar
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope
from juvenile.services.administration.public_holidays import public_days

NOTE_MAX_LENGTH = 300
# add_working_days(start, n) may run past the start's year; about 247 working days a year.
_WORKING_DAYS_PER_YEAR = 240


def working_calendar(session: Session, first_year: int, last_year: int) -> WorkingCalendar:
    """The calendar of ``first_year`` … ``last_year`` with the administrator's days."""
    rows = session.exec(
        select(CalendarDay).where(
            CalendarDay.day >= date(first_year, 1, 1), CalendarDay.day <= date(last_year, 12, 31)
        )
    ).all()
    return WorkingCalendar(
        first_year,
        last_year,
        public_days=public_days(first_year, last_year),
        kurban_ait=[row.day for row in rows if row.kind == CalendarDayKind.KURBAN_AIT],
        extra_days_off=[row.day for row in rows if row.kind == CalendarDayKind.DAY_OFF],
        extra_working_days=[row.day for row in rows if row.kind == CalendarDayKind.WORKING_DAY],
    )


def calendar_from(session: Session, start: date, working_days: int = 0) -> WorkingCalendar:
    """A calendar long enough to count ``working_days`` onwards from ``start``.

    Built once per year range within a transaction (an import counts many returns).
    """
    years = (start.year, start.year + 1 + working_days // _WORKING_DAYS_PER_YEAR)
    built = session.info.setdefault("working_calendars", {})
    if years not in built:
        built[years] = working_calendar(session, *years)
    return built[years]


def add_working_days(actor: Actor, start: date, n: int) -> date:
    """The n-th working day after ``start`` (``start`` not counted). Public data: no gate."""
    with transaction() as session:
        return calendar_from(session, start, max(n, 0)).add_working_days(start, n)


def add_kurban_ait(actor: Actor, day: date, note: str = "") -> CalendarDay:
    """Confirm the first day of Kurban ait of ``day``'s year, or move it to ``day``:
    the package's estimate for that year, and any other confirmed day, give way."""
    return _set_day(actor, day, CalendarDayKind.KURBAN_AIT, note)


def add_day_off(actor: Actor, day: date, note: str = "") -> CalendarDay:
    """Declare ``day`` a day off (a day moved by government resolution)."""
    return _set_day(actor, day, CalendarDayKind.DAY_OFF, note)


def add_working_day(actor: Actor, day: date, note: str = "") -> CalendarDay:
    """Declare ``day`` a working day (e.g. the Saturday a day off was moved from)."""
    return _set_day(actor, day, CalendarDayKind.WORKING_DAY, note)


def _set_day(actor: Actor, day: date, kind: CalendarDayKind, note: str) -> CalendarDay:
    note = note.strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise InputRefused("calendar.note_too_long", limit=NOTE_MAX_LENGTH)
    with transaction() as session:
        existing = session.get(CalendarDay, day)
        permission = Permission.CREATE if existing is None else Permission.UPDATE
        authorize(session, actor, permission, RecordScope(kind=RecordKind.CALENDAR))
        if existing is not None and existing.kind != kind:
            # Remove the day first: a day both off and working is an entry error.
            raise RuleViolation("calendar.day_both_off_and_working", day=day)
        record = existing or CalendarDay(day=day, kind=kind)
        record.note = note or record.note
        session.add(record)
        if kind == CalendarDayKind.KURBAN_AIT:  # one first day of Kurban ait a year
            for other in session.exec(select(CalendarDay).where(
                CalendarDay.kind == CalendarDayKind.KURBAN_AIT, CalendarDay.day != day,
                CalendarDay.day >= date(day.year, 1, 1),
                CalendarDay.day <= date(day.year, 12, 31),
            )):
                session.delete(other)
        return record


def remove_calendar_day(actor: Actor, day: date) -> None:
    """Take back an administrator's day; the statutory rules apply to it again."""
    with transaction() as session:
        authorize(session, actor, Permission.DELETE, RecordScope(kind=RecordKind.CALENDAR))
        record = session.get(CalendarDay, day)
        if record is None:
            raise RuleViolation("calendar.day_not_listed", day=day)
        session.delete(record)


def calendar_days(actor: Actor, year: int) -> list[CalendarDay]:
    """The administrator's days of ``year`` in date order. Public data: no gate."""
    with transaction() as session:
        return list(session.exec(
            select(CalendarDay)
            .where(CalendarDay.day >= date(year, 1, 1), CalendarDay.day <= date(year, 12, 31))
            .order_by(col(CalendarDay.day))
        ))


class YearCalendar(NamedTuple):
    """A year as the administrator's calendar shows it: every day that is not a plain
    weekday or weekend, with where it comes from, and the administrator's own rows."""

    days: dict[date, CalendarEntry]
    entered: dict[date, CalendarDay]


def calendar_year(actor: Actor, year: int) -> YearCalendar:
    """The statutory and the administrator's days of ``year``. Public data: no gate."""
    with transaction() as session:
        days = working_calendar(session, year, year).days_in(year)
    return YearCalendar(days, {row.day: row for row in calendar_days(actor, year)})
