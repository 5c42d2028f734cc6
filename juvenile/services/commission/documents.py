"""The commission's documents as downloads: the agenda, the minutes (the draft, or an
approved version exactly as stored) and the per-case extract (Art. 79).

Each download is an export of records about children: the gate allows it and
writes it to the audit log as "export" (Art. 83 (2)). Members read approved
minutes only; the draft is the secretary's working copy.
"""

from dataclasses import dataclass

from sqlmodel import col, select

from juvenile import clock
from juvenile.db import transaction
from juvenile.models import MinutesDocument, MinutesVersion
from juvenile.reports import case_extract, commission_agenda, commission_minutes
from juvenile.reports.commission_minutes import Stamp
from juvenile.reports.council_protocol import document_language
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind, is_allowed
from juvenile.services.commission.meeting_record import meeting_record
from juvenile.services.commission.minutes import minutes_scope, sha256_of
from juvenile.services.commission.minutes_lock import latest_version
from juvenile.services.commission.records import commission_scope, load_item, load_meeting


@dataclass(frozen=True)
class Download:
    filename: str
    data: bytes


def agenda_pdf(actor: Actor, meeting_id: int, language: str) -> Download:
    """The meeting's agenda."""
    with transaction() as session:
        meeting = load_meeting(session, meeting_id)
        authorize(session, actor, Permission.EXPORT,
                  commission_scope(RecordKind.COMMISSION_MEETING, meeting.commission_id,
                                   meeting.id)).detail = "agenda"
        record = meeting_record(session, meeting)
    return Download(commission_agenda.filename("agenda", record, language),
                    commission_agenda.render(record, language))


def draft_minutes_pdf(actor: Actor, meeting_id: int, language: str) -> Download:
    """The minutes as they stand, marked as a draft (while not approved or amended)."""
    with transaction() as session:
        meeting = load_meeting(session, meeting_id)
        scope = minutes_scope(meeting)
        authorize(session, actor, Permission.EXPORT, scope).detail = "draft minutes"
        if not is_allowed(actor, Permission.UPDATE, scope):
            raise RuleViolation("minutes.draft_not_shared")
        assert meeting.id is not None  # a stored row
        latest = latest_version(session, meeting.id)
        if latest is not None and latest.approved_at is not None:
            raise RuleViolation("minutes.approved_use_version", version=latest.number)
        stamp = Stamp(latest.number if latest else 1, None, latest.reason if latest else "")
        record = meeting_record(session, meeting)
    return Download(commission_agenda.filename("minutes-draft", record, language),
                    commission_minutes.render(record, language, stamp))


def approved_minutes_pdf(actor: Actor, meeting_id: int, version: int,
                         language: str) -> Download:
    """An approved version exactly as stored; refused if its bytes no longer match
    the SHA-256 taken at approval."""
    language = document_language(language)
    with transaction() as session:
        meeting = load_meeting(session, meeting_id)
        authorize(session, actor, Permission.EXPORT, minutes_scope(meeting)).detail = (
            f"minutes version {version} {language}")
        document = session.exec(
            select(MinutesDocument)
            .join(MinutesVersion, col(MinutesVersion.id) == MinutesDocument.version_id)
            .where(MinutesVersion.meeting_id == meeting.id, MinutesVersion.number == version,
                   col(MinutesVersion.approved_at).is_not(None),
                   MinutesDocument.language == language)
        ).first()
        if document is None:
            raise NotFound(RecordKind.MINUTES, version)
        if sha256_of(document.pdf) != document.sha256:
            raise RuleViolation("minutes.integrity", version=version)
        return Download(f"commission-minutes-v{version}-{meeting.number}-"
                        f"{meeting.meeting_date.isoformat()}-{language}.pdf", document.pdf)


def case_extract_pdf(actor: Actor, item_id: int, language: str) -> Download:
    """The extract about one question, for the school and the family; from approved
    minutes only, so that it says what the minutes say."""
    with transaction() as session:
        item, meeting = load_item(session, item_id)
        authorize(session, actor, Permission.EXPORT, minutes_scope(meeting)).detail = (
            f"extract of agenda item {item.id}")
        assert meeting.id is not None  # a stored row
        latest = latest_version(session, meeting.id)
        if latest is None or latest.approved_at is None:
            raise RuleViolation("minutes.extract_needs_approval")
        record = meeting_record(session, meeting)
    line = next(i for i in record.items if i.id == item.id)
    stamp = Stamp(latest.number, clock.day_of(latest.approved_at))
    return Download(case_extract.filename(record, line, language),
                    case_extract.render(record, line, language, stamp))
