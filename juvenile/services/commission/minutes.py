"""The minutes of a commission meeting: draft, approved, amended (Art. 79).

The secretary approves the minutes (Permission.APPROVE on MINUTES). Approval
renders the minutes in Kazakh and Russian and keeps both PDFs in the database
with their SHA-256: that version is locked, and services.minutes_lock refuses
any change to the meeting's attendance, agenda, notes and decisions. A change
needs a new amendment, numbered and with its reason; approving it locks the
meeting again as a new version with its own PDFs, and every earlier version
keeps its own.
"""

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, func, select

from juvenile import clock
from juvenile.db import transaction
from juvenile.errors import InputRefused
from juvenile.models import (
    AgendaItem,
    AgendaItemStatus,
    CommissionMeeting,
    CommissionMeetingStatus,
    CommissionMember,
    MeetingAttendance,
    MinutesDocument,
    MinutesVersion,
)
from juvenile.models.base import utcnow
from juvenile.reports import commission_minutes
from juvenile.reports.commission_minutes import Stamp
from juvenile.rules.commission import check_minutes_approvable, check_presiding_member
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope
from juvenile.services.commission.meeting_record import meeting_record
from juvenile.services.commission.minutes_lock import latest_version
from juvenile.services.commission.records import commission_scope, load_meeting

REASON_MAX_LENGTH = 1000
DOCUMENT_LANGUAGES = ("kk", "ru")  # the official languages the minutes are kept in


@dataclass(frozen=True)
class VersionInfo:
    number: int
    reason: str
    opened_at: datetime
    approved_at: datetime | None
    sha256: dict[str, str]  # language -> SHA-256 of the approved PDF


@dataclass(frozen=True)
class MinutesStatus:
    versions: tuple[VersionInfo, ...]  # oldest first

    @property
    def locked(self) -> bool:
        return bool(self.versions) and self.versions[-1].approved_at is not None

    @property
    def open_amendment(self) -> VersionInfo | None:
        if self.versions and self.versions[-1].approved_at is None:
            return self.versions[-1]
        return None

    @property
    def approved(self) -> tuple[VersionInfo, ...]:
        return tuple(v for v in self.versions if v.approved_at is not None)


def minutes_scope(meeting: CommissionMeeting) -> RecordScope:
    return commission_scope(RecordKind.MINUTES, meeting.commission_id, meeting.id)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()



def _present_positions(session: Session, meeting_id: int) -> set[str]:
    """The positions of the members the attendance records as present."""
    return {position.value for position in session.exec(
        select(CommissionMember.position)
        .join(MeetingAttendance, col(MeetingAttendance.member_id) == CommissionMember.id)
        .where(MeetingAttendance.meeting_id == meeting_id, MeetingAttendance.present))}


def approve_minutes(actor: Actor, meeting_id: int, today: date | None = None) -> VersionInfo:
    """Approve the draft (the minutes, or the open amendment) and lock the meeting.

    The meeting must be held (attendance recorded) and every question on its
    agenda decided or postponed; an undecided one is taken off the agenda first.
    """
    with transaction() as session:
        meeting = load_meeting(session, meeting_id, locked=True)
        entry = authorize(session, actor, Permission.APPROVE, minutes_scope(meeting))
        latest = latest_version(session, meeting.id)
        if latest is not None and latest.approved_at is not None:
            raise RuleViolation("minutes.already_approved", version=latest.number)
        held = meeting.status == CommissionMeetingStatus.HELD
        undecided = session.exec(select(func.count()).select_from(AgendaItem).where(
            AgendaItem.meeting_id == meeting.id, AgendaItem.status == AgendaItemStatus.OPEN
        )).one() if held else 0
        check_minutes_approvable(held, undecided)
        check_presiding_member(_present_positions(session, meeting.id))
        version = latest or MinutesVersion(meeting_id=meeting.id, number=1,
                                           opened_by=actor.user_id)
        version.approved_at, version.approved_by = utcnow(), actor.user_id
        session.add(version)
        session.flush()
        record = meeting_record(session, meeting)
        stamp = Stamp(version.number, today or clock.today(), version.reason)
        hashes = {}
        for language in DOCUMENT_LANGUAGES:
            pdf = commission_minutes.render(record, language, stamp)
            hashes[language] = sha256_of(pdf)
            session.add(MinutesDocument(version_id=version.id, language=language,
                                        sha256=hashes[language], size=len(pdf), pdf=pdf))
        session.flush()
        if entry is not None:
            entry.detail = (f"minutes version {version.number} approved; sha256 "
                            + " ".join(f"{lang}={digest}" for lang, digest in hashes.items()))
        return _info(version, hashes)


def open_amendment(actor: Actor, meeting_id: int, reason: str) -> VersionInfo:
    """Open amendment N to approved minutes, with its reason: the meeting's records may
    change again until the amendment is approved as a new version."""
    reason = " ".join(reason.split())
    if not reason:
        raise InputRefused("minutes.amendment_reason_required")
    if len(reason) > REASON_MAX_LENGTH:
        raise InputRefused("minutes.amendment_reason_too_long", limit=REASON_MAX_LENGTH)
    with transaction() as session:
        meeting = load_meeting(session, meeting_id, locked=True)
        entry = authorize(session, actor, Permission.APPROVE, minutes_scope(meeting))
        latest = latest_version(session, meeting.id)
        if latest is None:
            raise RuleViolation("minutes.not_approved_yet")
        if latest.approved_at is None:
            raise RuleViolation("minutes.amendment_open", number=latest.number - 1)
        version = MinutesVersion(meeting_id=meeting.id, number=latest.number + 1, reason=reason,
                                 opened_by=actor.user_id)
        session.add(version)
        session.flush()
        if entry is not None:
            entry.detail = f"amendment {version.number - 1} opened: {reason}"
        return _info(version, {})


def status_of(session: Session, meeting_id: int) -> MinutesStatus:
    versions = session.exec(select(MinutesVersion).where(MinutesVersion.meeting_id == meeting_id)
                            .order_by(col(MinutesVersion.number))).all()
    hashes: dict[int, dict[str, str]] = {}
    for version_id, language, digest in session.exec(
        select(MinutesDocument.version_id, MinutesDocument.language, MinutesDocument.sha256)
        .where(col(MinutesDocument.version_id).in_([v.id for v in versions]))
    ):
        hashes.setdefault(version_id, {})[language] = digest
    return MinutesStatus(tuple(_info(v, hashes.get(v.id, {})) for v in versions))


def _info(version: MinutesVersion, hashes: dict[str, str]) -> VersionInfo:
    return VersionInfo(version.number, version.reason, version.opened_at, version.approved_at,
                       dict(hashes))
