"""What the commission's meeting screens read (Art. 79): the calendar of meetings and
one meeting with everything its page needs, in one transaction each.

Changes go through the engine's services (agenda, commission_meetings,
commission_decisions, minutes); this module only reads, behind the gate, and
says what the actor may change so that pages show no control the gate would
refuse anyway.
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, func, select

from juvenile import clock
from juvenile.db import transaction
from juvenile.models import (
    AgendaItem,
    AgendaItemStatus,
    CommissionDecision,
    CommissionMeeting,
    CommissionMeetingStatus,
    DecisionType,
    MinutesVersion,
    Placement,
    PlacementStatus,
    Referral,
    ReferralStatus,
    School,
    Student,
    SupportCase,
)
from juvenile.reports.meeting_data import MeetingRecord
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind, is_allowed
from juvenile.services.administration.calendar import working_calendar
from juvenile.services.commission.meeting_record import meeting_record
from juvenile.services.commission.minutes import MinutesStatus, minutes_scope, status_of
from juvenile.services.commission.records import commission_scope, load_commission, load_meeting
from juvenile.services.common import Paged

MEETINGS_PAGE_SIZE = 15
CANDIDATES_LIMIT = 200  # questions offered for the agenda at once


@dataclass(frozen=True)
class MeetingLine:
    id: int
    number: int
    meeting_date: date
    place: str
    status: CommissionMeetingStatus
    items: int
    decided: int
    minutes_version: int  # newest approved version, 0 if none
    amendment_open: bool


@dataclass(frozen=True)
class MeetingCalendar(Paged):
    """One month of the commission's meetings, and a page of all of them."""

    year: int
    month: int
    weeks: list[list[date | None]]  # Monday first; None outside the month
    days_off: frozenset[date]
    in_month: list[MeetingLine]
    lines: list[MeetingLine]  # all meetings, latest first, one page
    total: int
    page: int
    page_size: int
    next_number: int  # the number a meeting planned this year would get


def meeting_calendar(actor: Actor, year: int, month: int, page: int = 1,
                     today: date | None = None) -> MeetingCalendar:
    """The month ``year``-``month`` (with its days off) and one page of the meetings."""
    commission_id = actor.commission_id or 0
    month = min(max(month, 1), 12)
    year = min(max(year, 2000), 2100)
    page = max(1, page)
    today = today or clock.today()
    with transaction() as session:
        authorize(session, actor, Permission.VIEW,
                  commission_scope(RecordKind.COMMISSION_MEETING, commission_id))
        load_commission(session, commission_id)
        own = CommissionMeeting.commission_id == commission_id
        total = session.exec(select(func.count()).select_from(CommissionMeeting)
                             .where(own)).one()
        meetings = session.exec(
            select(CommissionMeeting).where(own)
            .order_by(col(CommissionMeeting.meeting_date).desc(),
                      col(CommissionMeeting.number).desc())
            .offset((page - 1) * MEETINGS_PAGE_SIZE).limit(MEETINGS_PAGE_SIZE)).all()
        first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        in_month = session.exec(
            select(CommissionMeeting).where(own, CommissionMeeting.meeting_date >= first,
                                            CommissionMeeting.meeting_date <= last)
            .order_by(col(CommissionMeeting.meeting_date), col(CommissionMeeting.number))).all()
        days_off = working_calendar(session, year, year).days_off_in(year)
        numbers = session.exec(select(func.max(CommissionMeeting.number)).where(
            own, CommissionMeeting.meeting_date >= date(today.year, 1, 1),
            CommissionMeeting.meeting_date <= date(today.year, 12, 31))).one()
        return MeetingCalendar(
            year=year, month=month,
            weeks=[[day if day.month == month else None for day in week]
                   for week in calendar.Calendar().monthdatescalendar(year, month)],
            days_off=frozenset(d for d in days_off if first <= d <= last)
            | frozenset(d for d in _dates(first, last) if d.weekday() >= 5),
            in_month=_lines(session, in_month), lines=_lines(session, meetings),
            total=total, page=page, page_size=MEETINGS_PAGE_SIZE,
            next_number=(numbers or 0) + 1,
        )


def _dates(first: date, last: date) -> list[date]:
    return [date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)]


def _lines(session: Session, meetings: list[CommissionMeeting]) -> list[MeetingLine]:
    ids = [m.id for m in meetings]
    counts: dict[int, list[int]] = {}
    for meeting_id, status, n in session.exec(
        select(AgendaItem.meeting_id, AgendaItem.status, func.count())
        .where(col(AgendaItem.meeting_id).in_(ids))
        .group_by(col(AgendaItem.meeting_id), AgendaItem.status)
    ):
        pair = counts.setdefault(meeting_id, [0, 0])
        pair[0] += n
        pair[1] += n if status != AgendaItemStatus.OPEN else 0
    versions: dict[int, tuple[int, bool]] = {}
    for version in session.exec(select(MinutesVersion)
                                .where(col(MinutesVersion.meeting_id).in_(ids))
                                .order_by(col(MinutesVersion.number))):
        approved, _ = versions.get(version.meeting_id, (0, False))
        if version.approved_at is not None:
            versions[version.meeting_id] = (version.number, False)
        else:
            versions[version.meeting_id] = (approved, True)
    return [
        MeetingLine(m.id, m.number, m.meeting_date, m.place, m.status,
                    *counts.get(m.id, [0, 0]), *versions.get(m.id, (0, False)))
        for m in meetings
    ]


@dataclass(frozen=True)
class Candidate:
    """A question that can be put on the agenda: a new referral or a waiting review."""

    id: int  # the referral's or the placement's id
    student_name: str
    school_code: str
    since: date  # referred on / returned on


@dataclass(frozen=True)
class DecisionChoice:
    code: str
    name_kk: str
    name_ru: str
    follow_up: bool


@dataclass(frozen=True)
class MeetingPage:
    record: MeetingRecord
    minutes: MinutesStatus
    may_edit: bool  # the agenda and attendance (the secretary, minutes not locked)
    may_approve: bool
    new_referrals: list[Candidate]
    waiting_reviews: list[Candidate]
    later_meetings: list[MeetingLine]  # planned after this one: where to postpone to
    decision_types: list[DecisionChoice]


def meeting_page(actor: Actor, meeting_id: int) -> MeetingPage:
    """One meeting as its page shows it; reading it is audited (names of minors)."""
    with transaction() as session:
        meeting = load_meeting(session, meeting_id)
        scope = commission_scope(RecordKind.COMMISSION_MEETING, meeting.commission_id,
                                 meeting.id)
        authorize(session, actor, Permission.VIEW, scope)
        minutes = status_of(session, meeting.id)
        may_edit = is_allowed(actor, Permission.UPDATE, scope) and not minutes.locked
        later = session.exec(select(CommissionMeeting).where(
            CommissionMeeting.commission_id == meeting.commission_id,
            CommissionMeeting.status == CommissionMeetingStatus.PLANNED,
            CommissionMeeting.meeting_date > meeting.meeting_date,
        ).order_by(col(CommissionMeeting.meeting_date), col(CommissionMeeting.number))).all()
        types = session.exec(select(DecisionType).where(DecisionType.active)
                             .order_by(col(DecisionType.id))).all()
        return MeetingPage(
            record=meeting_record(session, meeting),
            minutes=minutes,
            may_edit=may_edit,
            may_approve=is_allowed(actor, Permission.APPROVE, minutes_scope(meeting)),
            new_referrals=_new_referrals(session, meeting) if may_edit else [],
            waiting_reviews=_waiting_reviews(session, meeting) if may_edit else [],
            later_meetings=_lines(session, list(later)) if may_edit else [],
            decision_types=[DecisionChoice(t.code, t.name_kk, t.name_ru, t.follow_up)
                            for t in types] if may_edit else [],
        )


def _new_referrals(session: Session, meeting: CommissionMeeting) -> list[Candidate]:
    rows = session.exec(
        select(Referral.id, Referral.referred_at, Student, School.code)
        .join(SupportCase, col(SupportCase.id) == Referral.case_id)
        .join(Student, col(Student.id) == SupportCase.student_id)
        .join(School, col(School.id) == Student.school_id)
        .where(Referral.commission_id == meeting.commission_id,
               Referral.status == ReferralStatus.NEW)
        .order_by(col(Referral.referred_at), col(Referral.id)).limit(CANDIDATES_LIMIT)
    ).all()
    return [Candidate(referral_id, student.full_name, school_code, _day(referred_at))
            for referral_id, referred_at, student, school_code in rows]


def _waiting_reviews(session: Session, meeting: CommissionMeeting) -> list[Candidate]:
    """Returned minors whose rehabilitation plan is not made and not on an agenda."""
    on_agenda = select(AgendaItem.id).where(AgendaItem.placement_id == Placement.id,
                                            AgendaItem.status != AgendaItemStatus.POSTPONED)
    rows = session.exec(
        select(col(Placement.id), col(Placement.return_date), Student, School.code)
        .join(Student, col(Student.id) == Placement.student_id)
        .join(School, col(School.id) == Student.school_id)
        .where(Placement.commission_id == meeting.commission_id,
               Placement.status == PlacementStatus.RETURNED,
               col(Placement.rehabilitation_plan_made_on).is_(None), ~on_agenda.exists())
        .order_by(col(Placement.return_date), col(Placement.id)).limit(CANDIDATES_LIMIT)
    ).all()
    return [Candidate(placement_id, student.full_name, school_code, returned)
            for placement_id, returned, student, school_code in rows]


def _day(moment: datetime | date) -> date:
    return clock.day_of(moment) if isinstance(moment, datetime) else moment


@dataclass(frozen=True)
class ReferralStep:
    """A meeting whose agenda carried the referral, and what became of it there."""

    meeting_id: int
    number: int
    meeting_date: date
    status: AgendaItemStatus
    decision_kk: str
    decision_ru: str
    executor: str
    due_on: date | None
    done_on: date | None


def referral_steps(actor: Actor, referral_id: int) -> list[ReferralStep]:
    """The referral's way through the commission's meetings, oldest first."""
    with transaction() as session:
        referral = session.get(Referral, referral_id)
        if referral is None:
            raise NotFound(RecordKind.REFERRAL, referral_id)
        authorize(session, actor, Permission.VIEW,
                  commission_scope(RecordKind.COMMISSION_MEETING, referral.commission_id))
        rows = session.exec(
            select(AgendaItem, CommissionMeeting, CommissionDecision, DecisionType)
            .join(CommissionMeeting, col(CommissionMeeting.id) == AgendaItem.meeting_id)
            .outerjoin(CommissionDecision, col(CommissionDecision.agenda_item_id) == AgendaItem.id)
            .outerjoin(DecisionType, col(DecisionType.id) == CommissionDecision.decision_type_id)
            .where(AgendaItem.referral_id == referral.id)
            .order_by(col(CommissionMeeting.meeting_date), col(AgendaItem.id))
        ).all()
        return [ReferralStep(meeting.id, meeting.number, meeting.meeting_date, item.status,
                             kind.name_kk if kind else "", kind.name_ru if kind else "",
                             decision.executor if decision else "",
                             decision.due_on if decision else None,
                             decision.done_on if decision else None)
                for item, meeting, decision, kind in rows]
