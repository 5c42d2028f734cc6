"""Meetings of the commission, attendance and the quorum (Art. 79).

The quorum is strictly more than a share of the members present, the share
being JUVENILE_QUORUM_SHARE (default 1/2; the order of the commission's work
is the authorised body's to set, Art. 79 (7)). The members are the active
members when attendance is recorded: chair, deputy chair, members and the
secretary, the composition of Art. 79 (4). A meeting without a quorum keeps
its attendance but can take no decision.
"""

import os
from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction

from sqlmodel import Session, col, select

from juvenile.db import transaction
from juvenile.errors import InputRefused
from juvenile.models import (
    CommissionMeeting,
    CommissionMeetingStatus,
    MeetingAttendance,
)
from juvenile.rules import quorum as quorum_rules
from juvenile.rules.errors import RuleViolation
from juvenile.rules.quorum import QuorumState, has_quorum
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission, RecordKind
from juvenile.services.commission.agenda import attach_pending_reviews
from juvenile.services.commission.members import active_members
from juvenile.services.commission.minutes_lock import require_unlocked
from juvenile.services.commission.records import commission_scope, load_commission, load_meeting

QUORUM_SHARE_VARIABLE = "JUVENILE_QUORUM_SHARE"
DEFAULT_QUORUM_SHARE = Fraction(1, 2)
PLACE_MAX_LENGTH = 300
REASON_MAX_LENGTH = 300


def quorum_share() -> Fraction:
    """JUVENILE_QUORUM_SHARE as a fraction ("1/2", "2/3" or "0.5")."""
    text = os.environ.get(QUORUM_SHARE_VARIABLE, "").strip()
    if not text:
        return DEFAULT_QUORUM_SHARE
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise InputRefused("meeting.bad_quorum_setting", value=text) from None


def plan_meeting(
    actor: Actor, commission_id: int, meeting_date: date, place: str = "",
    number: int | None = None,
) -> CommissionMeeting:
    """Plan a meeting; ``number`` defaults to the next one of its year.

    Rehabilitation-plan reviews waiting for a meeting (a minor returned while
    none was planned) are put on its agenda in the same transaction.
    """
    place = place.strip()
    if len(place) > PLACE_MAX_LENGTH:
        raise InputRefused("meeting.place_too_long", limit=PLACE_MAX_LENGTH)
    with transaction() as session:
        load_commission(session, commission_id)
        entry = authorize(session, actor, Permission.CREATE,
                          commission_scope(RecordKind.COMMISSION_MEETING, commission_id))
        numbers = _numbers_of_year(session, commission_id, meeting_date.year)
        if number is None:
            number = max(numbers, default=0) + 1
        elif number < 1 or number in numbers:
            raise RuleViolation("meeting.number_taken", number=number, year=meeting_date.year)
        meeting = CommissionMeeting(commission_id=commission_id, number=number,
                                    meeting_date=meeting_date, place=place)
        session.add(meeting)
        session.flush()
        if entry is not None:
            entry.record_id = meeting.id
        attach_pending_reviews(session, meeting)
        return meeting


def list_meetings(
    actor: Actor, commission_id: int, status: CommissionMeetingStatus | str | None = None
) -> list[CommissionMeeting]:
    """The commission's meetings, latest first."""
    with transaction() as session:
        load_commission(session, commission_id)
        authorize(session, actor, Permission.VIEW,
                  commission_scope(RecordKind.COMMISSION_MEETING, commission_id))
        query = select(CommissionMeeting).where(CommissionMeeting.commission_id == commission_id)
        if status is not None:
            query = query.where(CommissionMeeting.status == CommissionMeetingStatus(status))
        return list(session.exec(query.order_by(col(CommissionMeeting.meeting_date).desc(),
                                                col(CommissionMeeting.number).desc())))


def record_attendance(
    actor: Actor,
    meeting_id: int,
    present_member_ids: Iterable[int],
    absence_reasons: Mapping[int, str] | None = None,
) -> QuorumState:
    """Record who of the active members came; the rest are absent (with a reason
    where given). Recording again replaces the attendance (not once the minutes
    are approved). The meeting is held."""
    present_ids = set(present_member_ids)
    reasons = {member_id: reason.strip() for member_id, reason in (absence_reasons or {}).items()}
    with transaction() as session:
        meeting = load_meeting(session, meeting_id, locked=True)
        authorize(session, actor, Permission.UPDATE,
                  commission_scope(RecordKind.COMMISSION_MEETING, meeting.commission_id,
                                   meeting.id))
        assert meeting.id is not None  # a stored row
        require_unlocked(session, meeting.id)
        members = {m.id: m for m in active_members(session, meeting.commission_id)}
        strangers = sorted((present_ids | reasons.keys()) - members.keys())
        if strangers:
            raise RuleViolation("meeting.not_a_member", member_id=strangers[0])
        for member_id, reason in reasons.items():
            if member_id in present_ids and reason:
                raise RuleViolation("meeting.reason_for_present", name=members[member_id].full_name)
            if len(reason) > REASON_MAX_LENGTH:
                raise InputRefused("meeting.reason_too_long", limit=REASON_MAX_LENGTH)
        for old in session.exec(select(MeetingAttendance)
                                .where(MeetingAttendance.meeting_id == meeting.id)):
            session.delete(old)
        session.flush()
        for member_id in members:
            assert member_id is not None  # a stored row
            present = member_id in present_ids
            session.add(MeetingAttendance(
                meeting_id=meeting.id, member_id=member_id, present=present,
                absence_reason="" if present else reasons.get(member_id, ""),
            ))
        meeting.status = CommissionMeetingStatus.HELD
        session.add(meeting)
        session.flush()
        return quorum_of(session, meeting)



def quorum_of(session: Session, meeting: CommissionMeeting) -> QuorumState:
    rows = session.exec(select(MeetingAttendance.present)
                        .where(MeetingAttendance.meeting_id == meeting.id)).all()
    present = sum(1 for attended in rows if attended)
    return QuorumState(recorded=bool(rows), present=present, members=len(rows),
                       reached=has_quorum(present, len(rows), quorum_share()))


def require_quorum(session: Session, meeting: CommissionMeeting) -> None:
    """Refuse a decision at a meeting that has not reached its quorum (Art. 79)."""
    quorum_rules.require_quorum(quorum_of(session, meeting))


def _numbers_of_year(session: Session, commission_id: int, year: int) -> set[int]:
    return set(session.exec(
        select(CommissionMeeting.number).where(
            CommissionMeeting.commission_id == commission_id,
            CommissionMeeting.meeting_date >= date(year, 1, 1),
            CommissionMeeting.meeting_date <= date(year, 12, 31),
        )
    ))
