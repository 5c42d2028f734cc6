"""The quarterly analysis of schools' prevention work (Art. 21 item 10).

District, city and regional education departments analyse every quarter the
prevention work of their schools and the effectiveness of the measures taken.
An analyst sees their own district, or their region and its districts; only
counts, never a child's name. Exports are audited.

Indicators (the definitions; the SQL is in ``juvenile.analysis.queries``):

- ``support_start`` / ``support_end``: students under pedagogical support on the
  first / last day of the quarter: a case has a council decision
  ``support_assigned`` taken on or before that day and was not closed on or
  before it. Counted at the school whose roll the student was on that day
  (read from the transfers), so a student who moved during the quarter counts
  at the old school at the start and at the new one at the end.
- ``flag_1`` … ``flag_12``, ``flags_total``: new flags per criterion of
  Art. 78 (2), by the day noticed, at the school that raised the flag.
- ``cases_opened``; ``cases_closed`` and ``closed_<outcome>`` (rules.cases.CloseOutcome):
  by the day opened / closed, at the school that opened the case.
- ``council_meetings``: council meetings held (status held) on a day of the quarter.
- ``refusals``: council decisions "representatives refused" (Art. 78 (4)) by
  the time decided, at the school of the council meeting.
- ``referrals``: referrals to the commission by the time referred, at the
  school that opened the case.
- ``decisions_total`` and ``decision_<type code>``: commission decisions by the
  day decided; a decision on a referral counts at the school that opened the
  referred case, any other decision only in the total of the district (or
  region) of the commission.
- ``placements_started`` (start date), ``placements_ended`` (the early end or
  transfer date, else the return date), ``placements_returned`` (return
  date), at the school the minor was on the roll of on that day.
- ``rehab_plans_due``: returns whose rehabilitation plan (Art. 80 (11),
  Art. 81 (12)) fell due within the quarter; ``rehab_plans_on_time``: of those,
  made on or before the due day; ``rehab_on_time_pct`` = on time / due × 100
  (none when nothing was due); at the school on the return date.
- ``enrolled``: students on the school's roll now (the current roll stands in
  for the roll of the quarter, which the register does not keep).
- ``unexcused_days``: unexcused absence marks of the quarter (one per student
  and day), at the school that recorded them; ``unexcused_per_100`` =
  unexcused_days / enrolled × 100 (none for a school with no roll).
- ``students_4day``: students with four or more unexcused days within one
  calendar month of the quarter (Art. 78 (2) item 4), at least once; at the
  school that recorded their last unexcused day of the last such month.

Every indicator has its previous-quarter value, the absolute change, and the
percent change (none when the previous value is 0). A scope's totals add up
its schools' counts (plus decisions that belong to no school); rates and
percentages are recomputed from the totals.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session

from juvenile.analysis import indicators as ind
from juvenile.analysis import queries
from juvenile.analysis.choices import DEFAULT_RANK_BY, EXPORT_FORMATS
from juvenile.analysis.periods import Quarter
from juvenile.analysis.result import QuarterlyAnalysis, build, rank_schools
from juvenile.analysis.scope import Scope, ScopeKind, resolve_scope, schools_frame
from juvenile.db import transaction
from juvenile.errors import InputRefused
from juvenile.models import District, Region, Role
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind
from juvenile.services.administration.calendar import working_calendar

TREND_QUARTERS = 4

__all__ = [
    "DEFAULT_RANK_BY",
    "EXPORT_FORMATS",
    "ExportedReport",
    "QuarterlyAnalysis",
    "ScopeChoice",
    "analysis_scopes",
    "export_quarterly",
    "quarterly_analysis",
    "rank_schools",
    "school_figures",
    "scope_ids_by_code",
]


@dataclass(frozen=True)
class ScopeChoice:
    """A district or region the actor may analyse."""

    kind: ScopeKind
    id: int
    code: str
    name_kk: str
    name_ru: str

    def name(self, language: str | None) -> str:
        return self.name_kk if language == "kk" else self.name_ru


@dataclass(frozen=True)
class ExportedReport:
    filename: str
    media_type: str
    content: bytes


def _own_scope(actor: Actor, district_id: int | None, region_id: int | None):
    """The scope asked for, or the analyst's own district or region."""
    if district_id is not None and region_id is not None:
        raise RuleViolation("analysis.error.one_scope")
    if district_id is None and region_id is None:
        district_id, region_id = actor.district_id, actor.region_id
        if district_id is None and region_id is None:
            raise InputRefused("analysis.error.scope_required")
        if district_id is not None:
            region_id = None
    return district_id, region_id


def _open_scope(session: Session, actor: Actor, permission: Permission,
                district_id: int | None = None, region_id: int | None = None,
                school_id: int | None = None) -> tuple[Scope, object]:
    if school_id is None:
        district_id, region_id = _own_scope(actor, district_id, region_id)
    scope = resolve_scope(session, district_id=district_id, region_id=region_id,
                          school_id=school_id)
    return scope, authorize(session, actor, permission, scope.record_scope())


def compute(session: Session, scope: Scope, quarter: Quarter,
            rank_by: Sequence[str] = DEFAULT_RANK_BY,
            ascending: bool | Sequence[bool] = False) -> QuarterlyAnalysis:
    """The analysis of ``scope`` for ``quarter`` (no access check: callers authorize)."""
    quarters = quarter.last_n(TREND_QUARTERS)
    if session.get_bind().dialect.name == "postgresql":
        # A few dozen short aggregate queries: compiling each with the JIT costs
        # more than running it (0.4 s of 0.6 s on a region).
        session.execute(sa.text("SET LOCAL jit = off"))
    types = [ind.DecisionTypeName(*row) for row in queries.decision_types(session)]
    indicators = ind.catalogue(types)
    first, last = quarters[0].first_day, quarters[-1].last_day
    # criterion 4's figures count school days only (Art. 78 (2) item 4)
    off = working_calendar(session, first.year, last.year).non_school_days(first, last)
    return build(
        scope, quarter, quarters, indicators,
        schools=schools_frame(session, scope),
        counts=queries.event_counts(session, scope, quarters, off),
        enrolled=dict(queries.enrolled(session, scope)),
        rank_by=rank_by, ascending=ascending,
    )


def quarterly_analysis(
    actor: Actor,
    year: int,
    quarter: int,
    district_id: int | None = None,
    region_id: int | None = None,
    *,
    rank_by: Sequence[str] = DEFAULT_RANK_BY,
    ascending: bool | Sequence[bool] = False,
) -> QuarterlyAnalysis:
    """The figures of a district or region (default: the analyst's own) for
    quarter ``quarter`` of ``year``, per school and in total, with the previous
    quarter, the last four quarters' trend and the schools ranked by ``rank_by``."""
    period = Quarter(year, quarter)
    with transaction() as session:
        scope, _ = _open_scope(session, actor, Permission.VIEW, district_id, region_id)
        return compute(session, scope, period, rank_by, ascending)


def school_figures(actor: Actor, year: int, quarter: int, school_id: int) -> QuarterlyAnalysis:
    """The drill-down: one school's figures, its previous quarter and its trend.
    Allowed to the analysts of the school's district and region."""
    period = Quarter(year, quarter)
    with transaction() as session:
        scope, _ = _open_scope(session, actor, Permission.VIEW, school_id=school_id)
        return compute(session, scope, period)



def analysis_scopes(actor: Actor) -> list[ScopeChoice]:
    """What the actor may pick: a district analyst their district; a regional one
    the region and its districts; administrators every region and district."""
    district, region = District.__table__, Region.__table__
    with transaction() as session:
        if actor.role == Role.EDUCATION_ANALYST and actor.district_id is not None:
            regions_query = None
            districts_query = sa.select(district).where(district.c.id == actor.district_id)
        elif actor.role == Role.EDUCATION_ANALYST:
            regions_query = sa.select(region).where(region.c.id == actor.region_id)
            districts_query = sa.select(district).where(district.c.region_id == actor.region_id)
        elif actor.is_system or actor.role == Role.ADMIN:
            regions_query = sa.select(region).where(
                region.c.id.in_(sa.select(district.c.region_id)))
            districts_query = sa.select(district)
        else:
            return []
        choices = []
        if regions_query is not None:
            choices += [ScopeChoice(ScopeKind.REGION, r.id, r.code, r.name_kk, r.name_ru)
                        for r in session.execute(regions_query.order_by(region.c.code))]
        choices += [ScopeChoice(ScopeKind.DISTRICT, d.id, d.code, d.name_kk, d.name_ru)
                    for d in session.execute(districts_query.order_by(district.c.code))]
    return choices


def scope_ids_by_code(district_code: str | None = None,
                      region_code: str | None = None) -> tuple[int | None, int | None]:
    """(district_id, region_id) for the codes given (organisation codes are public)."""
    with transaction() as session:
        if district_code:
            found = session.execute(sa.select(District.__table__.c.id).where(
                District.__table__.c.code == district_code.strip())).scalar()
            if found is None:
                raise NotFound(RecordKind.ORGANISATION, district_code)
            return found, None
        if region_code:
            found = session.execute(sa.select(Region.__table__.c.id).where(
                Region.__table__.c.code == region_code.strip())).scalar()
            if found is None:
                raise NotFound(RecordKind.ORGANISATION, region_code)
            return None, found
    return None, None


def _renderers() -> dict[str, tuple[Callable[[QuarterlyAnalysis, str], bytes], str]]:
    # Imported here: the exports pull in openpyxl and fpdf2, which a page showing
    # the figures does not need.
    from juvenile.reports import quarterly_csv, quarterly_pdf, quarterly_xlsx

    return {
        "xlsx": (quarterly_xlsx.render,
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "pdf": (quarterly_pdf.render, "application/pdf"),
        "csv": (quarterly_csv.render, "text/csv; charset=utf-8"),
    }



def export_quarterly(
    actor: Actor,
    year: int,
    quarter: int,
    fmt: str,
    district_id: int | None = None,
    region_id: int | None = None,
    *,
    language: str = "kk",
    rank_by: Sequence[str] = DEFAULT_RANK_BY,
    ascending: bool | Sequence[bool] = False,
) -> ExportedReport:
    """The analysis as an XLSX, PDF or CSV file; the export is audited."""
    if fmt not in EXPORT_FORMATS:
        raise InputRefused("analysis.error.bad_format", value=fmt)
    period = Quarter(year, quarter)
    with transaction() as session:
        scope, entry = _open_scope(session, actor, Permission.EXPORT, district_id, region_id)
        entry.detail = f"quarterly analysis {fmt} {period.key} {scope.code}"
        # The audit line is written at commit: flushing it first would hold
        # SQLite's write lock for the whole computation.
        with session.no_autoflush:
            analysis = compute(session, scope, period, rank_by, ascending)
    render, media_type = _renderers()[fmt]
    return ExportedReport(f"quarterly-analysis-{scope.code}-{period.key}.{fmt}", media_type,
                          render(analysis, language))
