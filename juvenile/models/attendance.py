"""Attendance marks: one per student and school day (Art. 23 item 9, Art. 78 (2) item 4)."""

from collections.abc import Collection
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped
from sqlmodel import Field, SQLModel

from juvenile.models import organisations, students  # noqa: F401  (its foreign keys point at their tables)
from juvenile.models.base import enum_column
from juvenile.rules.attendance import AttendanceStatus

# The absence scan reads only unexcused marks of one month; a partial index over
# them keeps the scan fast and costs the 95 % "present" marks nothing on import.
# Queries must repeat this literal condition (not a bound parameter) for SQLite
# to use the index, hence one shared expression.
UNEXCUSED_CONDITION = "status = 'unexcused'"


def on_school_days(day: sa.ColumnElement[date] | Mapped[date],
                   non_school_days: Collection[date]) -> sa.ColumnElement[bool]:
    """SQL: ``day`` is none of ``non_school_days`` (Sundays, public holidays and days
    off of the working calendar, ``WorkingCalendar.non_school_days``). Criterion 4
    counts school days only (Art. 78 (2) item 4), whatever marks are stored."""
    return day.not_in(sorted(non_school_days)) if non_school_days else sa.true()


class AttendanceMark(SQLModel, table=True):
    """How a student attended on one day.

    The key (student, day) holds one mark per day, so a re-import replaces the
    mark and a day is never counted twice: the law counts days, not lessons.
    ``school_id`` is the school that recorded the mark (the student may have
    moved since).
    """

    __tablename__ = "attendance_mark"
    __table_args__ = (
        sa.Index(
            "ix_attendance_mark_unexcused_day",
            "day",
            "student_id",
            sqlite_where=sa.text(UNEXCUSED_CONDITION),
            postgresql_where=sa.text(UNEXCUSED_CONDITION),
        ),
        # The quarterly analysis counts a district's unexcused days school by school.
        sa.Index(
            "ix_attendance_mark_unexcused_school",
            "school_id",
            "day",
            "student_id",
            sqlite_where=sa.text(UNEXCUSED_CONDITION),
            postgresql_where=sa.text(UNEXCUSED_CONDITION),
        ),
    )

    student_id: int = Field(foreign_key="student.id", primary_key=True)
    day: date = Field(primary_key=True)
    status: AttendanceStatus = enum_column(AttendanceStatus)
    school_id: int = Field(foreign_key="school.id")
