"""Loading a commission's records by id, and the scope the gate judges them by.

Ids come from the browser and are untrusted: a missing record raises
NotFound, and access is decided on the commission the record belongs to.
"""

from sqlmodel import Session

from juvenile.db import lock
from juvenile.models import AgendaItem, Commission, CommissionMeeting
from juvenile.security.gate import NotFound
from juvenile.security.policy import RecordKind, RecordScope


def commission_scope(
    kind: RecordKind, commission_id: int, record_id: int | None = None
) -> RecordScope:
    """A record of the commission's own work (meeting, decision, referral list)."""
    return RecordScope(kind=kind, id=record_id, commission_ids=frozenset({commission_id}))


def load_commission(session: Session, commission_id: int) -> Commission:
    commission = session.get(Commission, commission_id)
    if commission is None:
        raise NotFound("commission", commission_id)
    return commission


def load_meeting(
    session: Session, meeting_id: int, *, locked: bool = False
) -> CommissionMeeting:
    """The meeting; ``locked``: its row is locked until the unit of work ends
    (``db.lock``), so that two secretaries' writes to it are one after the other."""
    meeting = (lock(session, CommissionMeeting, meeting_id) if locked
               else session.get(CommissionMeeting, meeting_id))
    if meeting is None:
        raise NotFound(RecordKind.COMMISSION_MEETING, meeting_id)
    return meeting


def load_item(
    session: Session, item_id: int, *, locked: bool = False
) -> tuple[AgendaItem, CommissionMeeting]:
    """An agenda item with its meeting; ``locked``: the meeting's row is locked (every
    write to a meeting locks it first, so two of them cannot deadlock) and the item
    read afresh after it."""
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound(RecordKind.COMMISSION_MEETING, item_id)
    if not locked:
        return item, load_meeting(session, item.meeting_id)
    meeting = load_meeting(session, item.meeting_id, locked=True)
    item = lock(session, AgendaItem, item_id)
    assert item is not None  # read above; items are never deleted while a meeting is locked
    return item, meeting
