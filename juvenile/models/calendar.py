"""The administrator's corrections to the working-day calendar.

The statutory holidays, their weekend transfers and the package's estimate of
Kurban ait come from the ``holidays`` package (services.administration.
public_holidays); what the administrator enters wins over it: the confirmed
first day of Kurban ait, days off moved by resolution, and days declared
working (e.g. a Saturday).
"""

import enum
from datetime import date

from sqlmodel import Field, SQLModel

from juvenile.models.base import enum_column


class CalendarDayKind(enum.StrEnum):
    DAY_OFF = "day_off"
    WORKING_DAY = "working_day"
    KURBAN_AIT = "kurban_ait"  # the confirmed first day of Kurban ait of its year


class CalendarDay(SQLModel, table=True):
    """One day whose status differs from the statutory calendar; ``note`` says why
    (e.g. "Құрбан айт" or the number of the government resolution)."""

    __tablename__ = "calendar_day"

    day: date = Field(primary_key=True)
    kind: CalendarDayKind = enum_column(CalendarDayKind)
    note: str = Field(default="", max_length=300)
