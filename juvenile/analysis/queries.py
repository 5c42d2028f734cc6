"""The SQL aggregations of the quarterly analysis.

Each function counts one kind of event over a run of consecutive quarters in
a single GROUP BY, returning rows (school_id, period, key, n): ``period`` is
the index of the quarter in the run, ``key`` tells the indicator apart where
one query feeds several (a criterion, an outcome, a decision type). Rows are
already aggregated, and fetched in bulk (``all()``: one fetchall, not a fetch
per row); nothing here reads records one by one, and attendance in particular
is only ever counted in the database.

Dates: an event belongs to a quarter when its date is between the first and
the last day, both included (``periods.Quarter``); a timestamp, when it falls
between the midnights (Kazakhstan time) that open and close the quarter.
"""

from collections.abc import Callable, Collection, Sequence
from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from juvenile import clock
from juvenile.analysis import indicators as ind
from juvenile.analysis.periods import Quarter, day_end
from juvenile.analysis.scope import Scope, school_on
from juvenile.models import (
    AgendaItem,
    AttendanceMark,
    CommissionDecision,
    CommissionMeeting,
    CouncilMeeting,
    CouncilReview,
    CriterionFlag,
    DecisionType,
    MeetingStatus,
    Placement,
    PlacementStatus,
    Referral,
    Student,
    SupportCase,
)
from juvenile.models.attendance import UNEXCUSED_CONDITION, on_school_days
from juvenile.models.commission import AgendaItemKind
from juvenile.rules.attendance import UNEXCUSED_DAYS_THRESHOLD
from juvenile.rules.cases import CaseState, CloseOutcome, CouncilDecision

_flag = CriterionFlag.__table__
_case = SupportCase.__table__
_council = CouncilMeeting.__table__
_review = CouncilReview.__table__
_referral = Referral.__table__
_decision = CommissionDecision.__table__
_item = AgendaItem.__table__
_meeting = CommissionMeeting.__table__
_type = DecisionType.__table__
_placement = Placement.__table__
_mark = AttendanceMark.__table__
_student = Student.__table__

COLUMNS = ["school_id", "period", "indicator", "value"]
Rows = list[tuple[int | None, int, str, int]]
# A constant column: rendered as SQL text, so no untyped parameter reaches a GROUP BY.
_NO_KEY = sa.literal_column("0")


def _period(column: sa.ColumnElement, quarters: Sequence[Quarter],
            timestamp: bool = False) -> sa.ColumnElement:
    """SQL: the index of the quarter ``column`` falls in (rows are pre-filtered to the run)."""
    if len(quarters) == 1:
        return _NO_KEY
    whens = [(column < q.end if timestamp else column <= q.last_day, index)
             for index, q in enumerate(quarters[:-1])]
    return sa.case(*whens, else_=len(quarters) - 1)


def _within(column: sa.ColumnElement, quarters: Sequence[Quarter],
            timestamp: bool = False) -> sa.ColumnElement:
    if timestamp:
        return sa.and_(column >= quarters[0].start, column < quarters[-1].end)
    return column.between(quarters[0].first_day, quarters[-1].last_day)


def _grouped(session: Session, inner: sa.Select, scope: Scope | None,
             name: Callable[[object], str]) -> Rows:
    """Count the rows of ``inner`` (columns school_id, period, key) per school,
    period and key. Grouping happens on a sub-select so both backends accept the
    computed columns; ``scope`` (when given) keeps only its schools' rows."""
    rows = inner.subquery()
    query = sa.select(rows.c.school_id, rows.c.period, rows.c.key, sa.func.count())
    if scope is not None:
        query = query.where(rows.c.school_id.in_(scope.school_ids()))
    query = query.group_by(rows.c.school_id, rows.c.period, rows.c.key)
    return [(school, int(period), name(key), int(n))
            for school, period, key, n in session.execute(query).tuples().all()]


def _named(code: str) -> Callable[[object], str]:
    return lambda _key: code


def _closed_name(outcome: object) -> str:
    # A closed case always has an outcome; a row without one counts as "other".
    return ind.closed_code(outcome or CloseOutcome.OTHER)


def flags(session: Session, scope: Scope, quarters: Sequence[Quarter]) -> Rows:
    """New flags by criterion, by the day noticed, at the school that raised them."""
    inner = sa.select(
        _flag.c.school_id, _period(_flag.c.noticed_on, quarters).label("period"),
        _flag.c.criterion.label("key"),
    ).where(_within(_flag.c.noticed_on, quarters), _flag.c.school_id.in_(scope.school_ids()))
    return _grouped(session, inner, None, lambda criterion: ind.flag_code(int(criterion)))


def cases(session: Session, scope: Scope, quarters: Sequence[Quarter]) -> Rows:
    """Cases opened, and cases closed by outcome, at the school that opened them."""
    in_scope = _case.c.school_id.in_(scope.school_ids())
    opened = sa.select(
        _case.c.school_id, _period(_case.c.opened_on, quarters).label("period"),
        _NO_KEY.label("key"),
    ).where(_within(_case.c.opened_on, quarters), in_scope)
    closed = sa.select(
        _case.c.school_id, _period(_case.c.closed_on, quarters).label("period"),
        _case.c.outcome.label("key"),
    ).where(_case.c.state == CaseState.CLOSED, _within(_case.c.closed_on, quarters), in_scope)
    return (_grouped(session, opened, None, _named("cases_opened"))
            + _grouped(session, closed, None, _closed_name))


def council(session: Session, scope: Scope, quarters: Sequence[Quarter]) -> Rows:
    """Council meetings held; refusals at them (by the time decided); referrals."""
    meetings = sa.select(
        _council.c.school_id, _period(_council.c.meeting_on, quarters).label("period"),
        _NO_KEY.label("key"),
    ).where(_council.c.status == MeetingStatus.HELD, _within(_council.c.meeting_on, quarters),
            _council.c.school_id.in_(scope.school_ids()))
    refusals = sa.select(
        _council.c.school_id, _period(_review.c.decided_at, quarters, True).label("period"),
        _NO_KEY.label("key"),
    ).select_from(_review.join(_council, _council.c.id == _review.c.meeting_id)).where(
        _review.c.decision == CouncilDecision.REPRESENTATIVES_REFUSED,
        _within(_review.c.decided_at, quarters, True),
        _council.c.school_id.in_(scope.school_ids()),
    )
    referrals = sa.select(
        _case.c.school_id, _period(_referral.c.referred_at, quarters, True).label("period"),
        _NO_KEY.label("key"),
    ).select_from(_referral.join(_case, _case.c.id == _referral.c.case_id)).where(
        _within(_referral.c.referred_at, quarters, True),
        _case.c.school_id.in_(scope.school_ids()),
    )
    return (_grouped(session, meetings, None, _named("council_meetings"))
            + _grouped(session, refusals, None, _named("refusals"))
            + _grouped(session, referrals, None, _named("referrals")))


def commission_decisions(session: Session, scope: Scope, quarters: Sequence[Quarter]) -> Rows:
    """Commission decisions by type, by the day decided.

    A decision on a referral counts at the school of the referred case; any
    other decision (a rehabilitation review, another question) at no school,
    so it reaches only the total of the commission's district or region.
    """
    referred = _item.c.kind == AgendaItemKind.REFERRAL
    joined = (
        _decision.join(_item, _item.c.id == _decision.c.agenda_item_id)
        .join(_meeting, _meeting.c.id == _item.c.meeting_id)
        .join(_type, _type.c.id == _decision.c.decision_type_id)
        .outerjoin(_referral, sa.and_(referred, _referral.c.id == _item.c.referral_id))
        .outerjoin(_case, _case.c.id == _referral.c.case_id)
    )
    belongs = _case.c.school_id.in_(scope.school_ids())
    commissions = scope.commission_ids()
    if commissions is not None:
        unattributed = sa.and_(_case.c.school_id.is_(None),
                               _meeting.c.commission_id.in_(commissions))
        belongs = sa.or_(belongs, unattributed)
    inner = sa.select(
        _case.c.school_id, _period(_decision.c.decided_on, quarters).label("period"),
        _type.c.code.label("key"),
    ).select_from(joined).where(_within(_decision.c.decided_on, quarters), belongs)
    return _grouped(session, inner, None, ind.decision_code)


def placements(session: Session, scope: Scope, quarters: Sequence[Quarter]) -> Rows:
    """Placements started, ended and returned, and rehabilitation plans due and made
    on time, at the school the minor was on the roll of on the day of the event
    (the start, the end, the return).

    A plan is due three working days after the return (Art. 80 (11), Art. 81 (12)).
    One not yet made whose due day has not passed is on neither side of the share:
    it is counted once it is made, or as late from the day after its due day.
    """
    p = _placement.c
    ended_on = sa.func.coalesce(p.ended_on, p.return_date)
    decided = sa.or_(p.rehabilitation_plan_made_on.is_not(None),
                     p.rehabilitation_plan_due < clock.today())
    events = (
        ("placements_started", p.start_date, p.start_date, ()),
        ("placements_ended", ended_on, ended_on, (p.status != PlacementStatus.ACTIVE,)),
        ("placements_returned", p.return_date, p.return_date, ()),
        ("rehab_plans_due", p.rehabilitation_plan_due, p.return_date,
         (p.return_date.is_not(None), decided)),
        ("rehab_plans_on_time", p.rehabilitation_plan_due, p.return_date,
         (p.return_date.is_not(None), p.rehabilitation_plan_made_on.is_not(None),
          p.rehabilitation_plan_made_on <= p.rehabilitation_plan_due)),
    )
    rows: Rows = []
    for code, counted_on, attributed_on, conditions in events:
        inner = sa.select(
            school_on(p.student_id, attributed_on).label("school_id"),
            _period(counted_on, quarters).label("period"), _NO_KEY.label("key"),
        ).where(_within(counted_on, quarters), *conditions,
                scope.holds_student(p.student_id))
        rows += _grouped(session, inner, scope, _named(code))
    return rows


def under_support(session: Session, scope: Scope, quarters: Sequence[Quarter]) -> Rows:
    """Students under pedagogical support at the start and at the end of each quarter.

    A student is under support on day D when a case of theirs has a council
    decision ``support_assigned`` taken on or before D (Art. 78 (3)) and the
    case was not closed on or before D. They count at the school whose roll
    they were on on D, read from the transfers (``analysis.scope.school_on``).
    One pass: the cases with support assigned, each set against every counted day.
    """
    codes = ("support_start", "support_end")
    days = sa.union_all(*[
        sa.select(sa.literal_column(str(period)).label("period"),
                  sa.literal_column(str(key)).label("key"),
                  sa.literal(day, _case.c.closed_on.type).label("day"),
                  sa.literal(day_end(day), _review.c.decided_at.type).label("ends"))
        for period, quarter in enumerate(quarters)
        for key, day in enumerate((quarter.first_day, quarter.last_day))
    ]).subquery()
    supported = (
        sa.select(_case.c.id, _case.c.student_id, _case.c.closed_on,
                  sa.func.min(_review.c.decided_at).label("assigned_at"))
        .select_from(_case.join(_review, _review.c.case_id == _case.c.id))
        .where(_review.c.decision == CouncilDecision.SUPPORT_ASSIGNED,
               scope.holds_case(_case.c.school_id, _case.c.student_id))
        .group_by(_case.c.id, _case.c.student_id, _case.c.closed_on)
        .subquery()
    )
    on_day = (
        sa.select(supported.c.student_id, days.c.period, days.c.key,
                  school_on(supported.c.student_id, days.c.day).label("school_id"))
        .select_from(supported.join(days, supported.c.assigned_at < days.c.ends))
        .where(sa.or_(supported.c.closed_on.is_(None), supported.c.closed_on > days.c.day))
        .subquery()
    )
    query = (
        sa.select(on_day.c.school_id, on_day.c.period, on_day.c.key,
                  sa.func.count(sa.distinct(on_day.c.student_id)))
        .where(on_day.c.school_id.in_(scope.school_ids()))
        .group_by(on_day.c.school_id, on_day.c.period, on_day.c.key)
    )
    return [(school, int(period), codes[int(key)], int(n))
            for school, period, key, n in session.execute(query).tuples().all()]


def enrolled(session: Session, scope: Scope) -> list[tuple[int, int]]:
    """Students on each school's roll now: the denominator of the absence rate."""
    query = (sa.select(_student.c.school_id, sa.func.count())
             .where(_student.c.school_id.in_(scope.school_ids()))
             .group_by(_student.c.school_id))
    return [(school, int(n)) for school, n in session.execute(query).tuples().all()]


def _unexcused_marks(scope: Scope, quarters: Sequence[Quarter],
                     off: Collection[date]) -> sa.ColumnElement:
    # The literal condition (not a bound parameter) lets SQLite use the partial
    # index of unexcused marks by day (see models.attendance).
    return sa.and_(sa.text(UNEXCUSED_CONDITION), _within(_mark.c.day, quarters),
                   on_school_days(_mark.c.day, off), _mark.c.school_id.in_(scope.school_ids()))


def unexcused_days(session: Session, scope: Scope, quarters: Sequence[Quarter],
                   off: Collection[date] = ()) -> Rows:
    """Unexcused absence days, at the school that recorded the mark. One mark per
    student and day (the table's key), so marks are days (Art. 78 (2) item 4);
    the days without lessons ``off`` are not counted."""
    inner = sa.select(_mark.c.school_id, _period(_mark.c.day, quarters).label("period"),
                      _NO_KEY.label("key")).where(_unexcused_marks(scope, quarters, off))
    return _grouped(session, inner, None, _named("unexcused_days"))


def four_day_rule(session: Session, scope: Scope, quarters: Sequence[Quarter],
                  off: Collection[date] = ()) -> Rows:
    """Students absent without a valid reason on four or more school days (none of
    ``off``) within one calendar month of the quarter (Art. 78 (2) item 4), at least once.

    The law counts a student's days, whichever school recorded them: a student
    with an unexcused mark at a school in scope has all their marks counted,
    so a move within the month does not split them. Each student counts once
    per quarter, at the school that recorded their last unexcused day of the
    last month in which they reached the threshold (kept when it is in scope),
    so a school's figure is the same in its district's and its own analysis.
    """
    months = [month for quarter in quarters for month in quarter.months()]
    month_index = sa.case(*[(_mark.c.day <= last, index)
                            for index, (_first, last) in enumerate(months[:-1])],
                          else_=len(months) - 1)
    absent_in_scope = sa.select(_mark.c.student_id).where(
        _unexcused_marks(scope, quarters, off))
    marks = sa.select(_mark.c.student_id, month_index.label("month"), _mark.c.day).where(
        sa.text(UNEXCUSED_CONDITION), _within(_mark.c.day, quarters),
        on_school_days(_mark.c.day, off), _mark.c.student_id.in_(absent_in_scope)).subquery()
    monthly = (
        sa.select(marks.c.student_id, marks.c.month, sa.func.max(marks.c.day).label("last_day"))
        .group_by(marks.c.student_id, marks.c.month)
        .having(sa.func.count() >= UNEXCUSED_DAYS_THRESHOLD)
        .subquery()
    )
    per_month = len(months) // len(quarters)
    quarter_index = sa.case(*[(monthly.c.month < (index + 1) * per_month, index)
                              for index in range(len(quarters) - 1)],
                            else_=len(quarters) - 1)
    reached = sa.select(monthly.c.student_id, quarter_index.label("period"),
                        monthly.c.last_day).subquery()
    last = (sa.select(reached.c.student_id, reached.c.period,
                      sa.func.max(reached.c.last_day).label("day"))
            .group_by(reached.c.student_id, reached.c.period).subquery())
    inner = sa.select(_mark.c.school_id, last.c.period, _NO_KEY.label("key")).select_from(
        last.join(_mark, sa.and_(_mark.c.student_id == last.c.student_id,
                                 _mark.c.day == last.c.day)))
    return _grouped(session, inner, scope, _named("students_4day"))


def decision_types(session: Session) -> list[tuple[str, str, str]]:
    """(code, name_kk, name_ru) of the commission's decision catalogue, in its order."""
    query = sa.select(_type.c.code, _type.c.name_kk, _type.c.name_ru).order_by(_type.c.id)
    return [tuple(row) for row in session.execute(query)]


EVENT_QUERIES = (flags, cases, council, commission_decisions, placements, under_support)
# Criterion 4 counts school days only: these take the run's days without lessons.
ATTENDANCE_QUERIES = (unexcused_days, four_day_rule)


def event_counts(session: Session, scope: Scope, quarters: Sequence[Quarter],
                 non_school_days: Collection[date] = ()) -> pd.DataFrame:
    """Every counted indicator of every quarter of the run: a long frame
    (school_id, period, indicator, value); school_id is None for figures that
    belong to the scope's total only. ``non_school_days``: the run's Sundays,
    public holidays and days off (``WorkingCalendar.non_school_days``)."""
    rows: Rows = []
    for query in EVENT_QUERIES:
        rows += query(session, scope, quarters)
    for attendance_query in ATTENDANCE_QUERIES:
        rows += attendance_query(session, scope, quarters, non_school_days)
    return pd.DataFrame(rows, columns=COLUMNS)
