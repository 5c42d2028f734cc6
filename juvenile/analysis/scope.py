"""What is analysed: a district, a region, or one school (the drill-down).

The scope is turned into SQL sub-selects (its schools, its commissions, the
students who were ever on its schools' rolls), so every aggregation runs over
the scope's rows only and no list of ids travels from Python to the database.
"""

import enum
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from juvenile.models import Commission, District, Region, School, SchoolTransfer, Student
from juvenile.security.gate import NotFound
from juvenile.security.policy import RecordKind, RecordScope

_school = School.__table__
_district = District.__table__
_commission = Commission.__table__
_student = Student.__table__
_transfer = SchoolTransfer.__table__


class ScopeKind(enum.StrEnum):
    REGION = "region"
    DISTRICT = "district"
    SCHOOL = "school"


@dataclass(frozen=True)
class Scope:
    """The organisation analysed. ``district_id``/``region_id`` place it for the gate:
    a district analyst sees their district and its schools, a regional analyst
    the region, its districts and schools."""

    kind: ScopeKind
    id: int
    code: str
    name_kk: str
    name_ru: str
    district_id: int | None
    region_id: int

    def name(self, language: str | None) -> str:
        return self.name_kk if language == "kk" else self.name_ru

    def record_scope(self) -> RecordScope:
        return RecordScope(kind=RecordKind.ANALYSIS, district_id=self.district_id,
                           region_id=self.region_id)

    def school_ids(self) -> sa.Select:
        """SELECT of the ids of the scope's schools."""
        if self.kind is ScopeKind.SCHOOL:
            return sa.select(_school.c.id).where(_school.c.id == self.id)
        if self.kind is ScopeKind.DISTRICT:
            return sa.select(_school.c.id).where(_school.c.district_id == self.id)
        return (sa.select(_school.c.id)
                .join(_district, _district.c.id == _school.c.district_id)
                .where(_district.c.region_id == self.id))

    def commission_ids(self) -> sa.Select | None:
        """SELECT of the commissions whose work not tied to a school (e.g. a question
        other than a referral) counts in the scope's total; None for a school."""
        if self.kind is ScopeKind.SCHOOL:
            return None
        if self.kind is ScopeKind.DISTRICT:
            return sa.select(_commission.c.id).where(_commission.c.district_id == self.id)
        return sa.select(_commission.c.id).where(_commission.c.region_id == self.id)

    def holds_student(self, student_id: sa.ColumnElement) -> sa.ColumnElement:
        """SQL: true when the student is, or ever was, on the roll of a school in scope:
        now there, or moved away from one (see ``school_on``). A cheap pre-filter
        for rows whose school is then read back for a day."""
        schools = self.school_ids()
        now = sa.exists().where(_student.c.id == student_id, _student.c.school_id.in_(schools))
        moved = student_id.in_(
            sa.select(_transfer.c.student_id).where(_transfer.c.from_school_id.in_(schools)))
        return sa.or_(now, moved)


    def holds_case(self, case_school_id: sa.ColumnElement,
                   case_student_id: sa.ColumnElement) -> sa.ColumnElement:
        """SQL: a pre-filter for support cases whose student may have been on a scope
        school's roll on some day: the case was opened at a scope school (a case
        opens at the student's school of the day, services.cases.open_case), or
        the student moved to or from one. Both parts can use an index."""
        schools = self.school_ids()
        moved = sa.select(_transfer.c.student_id).where(sa.or_(
            _transfer.c.from_school_id.in_(schools), _transfer.c.to_school_id.in_(schools)))
        return sa.or_(case_school_id.in_(schools), case_student_id.in_(moved))


def school_on(student_id: sa.ColumnElement, day) -> sa.ColumnElement:
    """SQL: the school whose roll ``student_id`` was on on ``day`` (a date or a date column).

    Read back from the transfers: the first move after ``day`` left from that
    day's school; with no later move it is the current school. On the day of a
    move the student is already at the new school.
    """
    left_later = (
        sa.select(_transfer.c.from_school_id)
        .where(_transfer.c.student_id == student_id, _transfer.c.transferred_on > day)
        .order_by(_transfer.c.transferred_on, _transfer.c.id)
        .limit(1)
        .scalar_subquery()
    )
    current = sa.select(_student.c.school_id).where(_student.c.id == student_id)
    return sa.func.coalesce(left_later, current.scalar_subquery())


def resolve_scope(session: Session, district_id: int | None = None,
                  region_id: int | None = None, school_id: int | None = None) -> Scope:
    """The scope named by exactly one id; NotFound when it does not exist."""
    if school_id is not None:
        school = session.get(School, school_id)
        if school is None:
            raise NotFound(RecordKind.ORGANISATION, school_id)
        district = session.get(District, school.district_id)
        return Scope(ScopeKind.SCHOOL, school.id, school.code, school.name_kk, school.name_ru,
                     district.id, district.region_id)
    if district_id is not None:
        district = session.get(District, district_id)
        if district is None:
            raise NotFound(RecordKind.ORGANISATION, district_id)
        return Scope(ScopeKind.DISTRICT, district.id, district.code, district.name_kk,
                     district.name_ru, district.id, district.region_id)
    region = session.get(Region, region_id) if region_id is not None else None
    if region is None:
        raise NotFound(RecordKind.ORGANISATION, region_id)
    return Scope(ScopeKind.REGION, region.id, region.code, region.name_kk, region.name_ru,
                 None, region.id)


SCHOOL_COLUMNS = ["school_id", "district_code", "name_kk", "name_ru"]


def schools_frame(session: Session, scope: Scope) -> pd.DataFrame:
    """The scope's schools, ordered by code: index school code, SCHOOL_COLUMNS."""
    query = (
        sa.select(_school.c.code, _school.c.id, _district.c.code, _school.c.name_kk,
                  _school.c.name_ru)
        .join(_district, _district.c.id == _school.c.district_id)
        .where(_school.c.id.in_(scope.school_ids()))
        .order_by(_school.c.code)
    )
    rows = [tuple(row) for row in session.execute(query)]
    frame = pd.DataFrame(rows, columns=["school_code", *SCHOOL_COLUMNS])
    return frame.astype({"school_id": "int64"}).set_index("school_code")
