"""The agenda of a commission meeting: referrals, rehabilitation-plan reviews, other questions.

A referral put on an agenda is "on the agenda" (Art. 78 (4)) until decided.
A returned minor's rehabilitation plan (Art. 80 (11), Art. 81 (12)) goes on
the next planned meeting of the commission; when none is planned yet, the
review waits and joins the agenda of the next meeting planned (see
``attach_pending_reviews``). Items can be removed only while undecided.
"""

from collections.abc import Sequence

from sqlmodel import Session, col, func, select

from juvenile.db import transaction
from juvenile.errors import InputRefused
from juvenile.models import (
    AgendaItem,
    AgendaItemKind,
    AgendaItemStatus,
    CommissionMeeting,
    CommissionMeetingStatus,
    Placement,
    PlacementStatus,
    Referral,
    ReferralStatus,
)
from juvenile.rules.commission import check_placement_returned, check_referral_new
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind
from juvenile.services.commission.minutes_lock import require_unlocked
from juvenile.services.commission.records import commission_scope, load_item, load_meeting

TITLE_MAX_LENGTH = 500
NOTES_MAX_LENGTH = 4000


def add_agenda_item(
    actor: Actor,
    meeting_id: int,
    kind: AgendaItemKind | str,
    *,
    referral_id: int | None = None,
    placement_id: int | None = None,
    title: str = "",
) -> AgendaItem:
    """Put a question at the end of the meeting's agenda.

    ``referral`` needs ``referral_id`` (a new referral of this commission, which
    becomes on_agenda); ``rehabilitation_review`` needs ``placement_id`` (a
    returned minor's placement under this commission); ``other`` needs a title.
    The gate comes first: a stranger is refused before any argument is judged
    (Art. 79: the agenda is the commission's own).
    """
    with transaction() as session:
        meeting = load_meeting(session, meeting_id)
        assert meeting.id is not None  # a stored row
        entry = authorize(session, actor, Permission.UPDATE,
                          commission_scope(RecordKind.COMMISSION_MEETING, meeting.commission_id,
                                           meeting.id))
        kind = AgendaItemKind(kind)
        title = " ".join(title.split())
        if len(title) > TITLE_MAX_LENGTH:
            raise InputRefused("agenda.title_too_long", limit=TITLE_MAX_LENGTH)
        require_unlocked(session, meeting.id)
        if kind is AgendaItemKind.REFERRAL:
            referral = _referral_for(session, meeting, referral_id)
            item = append_item(session, meeting, kind, referral_id=referral.id, title=title)
        elif kind is AgendaItemKind.REHABILITATION_REVIEW:
            placement = _returned_placement_for(session, meeting, placement_id)
            item = append_item(session, meeting, kind, placement_id=placement.id, title=title)
        else:
            if not title:
                raise InputRefused("agenda.title_required")
            item = append_item(session, meeting, kind, title=title)
        if entry is not None:
            entry.detail = f"agenda item {item.id} added"
        return item



def reorder_agenda(actor: Actor, meeting_id: int, item_ids: Sequence[int]) -> list[AgendaItem]:
    """Set the order of the agenda; ``item_ids`` lists every item of the meeting once."""
    with transaction() as session:
        meeting = load_meeting(session, meeting_id)
        assert meeting.id is not None  # a stored row
        authorize(session, actor, Permission.UPDATE,
                  commission_scope(RecordKind.COMMISSION_MEETING, meeting.commission_id,
                                   meeting.id))
        require_unlocked(session, meeting.id)
        items = {item.id: item for item in items_of(session, meeting.id)}
        if len(item_ids) != len(items) or set(item_ids) != items.keys():
            raise RuleViolation("agenda.reorder_mismatch", count=len(items))
        for position, item_id in enumerate(item_ids, start=1):
            items[item_id].position = position
            session.add(items[item_id])
        session.flush()
        return [items[item_id] for item_id in item_ids]


def remove_agenda_item(actor: Actor, item_id: int) -> None:
    """Take an undecided item off the agenda; its referral is new again."""
    with transaction() as session:
        item, meeting = load_item(session, item_id)
        assert meeting.id is not None  # a stored row
        authorize(session, actor, Permission.UPDATE,
                  commission_scope(RecordKind.COMMISSION_MEETING, meeting.commission_id,
                                   meeting.id))
        require_unlocked(session, meeting.id)
        if item.status != AgendaItemStatus.OPEN:
            raise RuleViolation("agenda.item_decided")
        if item.referral_id is not None:
            referral = session.get(Referral, item.referral_id)
            assert referral is not None  # the item's referral
            referral.status = ReferralStatus.NEW
            session.add(referral)
        session.delete(item)
        session.flush()
        _renumber(session, meeting.id)


def record_hearing_notes(actor: Actor, item_id: int, notes: str) -> AgendaItem:
    """What was heard on the item (speakers, explanations of the minor and family)."""
    notes = notes.strip()
    if len(notes) > NOTES_MAX_LENGTH:
        raise InputRefused("agenda.notes_too_long", limit=NOTES_MAX_LENGTH)
    with transaction() as session:
        item, meeting = load_item(session, item_id)
        assert meeting.id is not None  # a stored row
        authorize(session, actor, Permission.UPDATE,
                  commission_scope(RecordKind.COMMISSION_MEETING, meeting.commission_id,
                                   meeting.id))
        require_unlocked(session, meeting.id)
        item.hearing_notes = notes
        session.add(item)
        return item


def items_of(session: Session, meeting_id: int) -> list[AgendaItem]:
    return list(session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                             .order_by(col(AgendaItem.position), col(AgendaItem.id))))


def append_item(
    session: Session, meeting: CommissionMeeting, kind: AgendaItemKind, **fields
) -> AgendaItem:
    """Add an item after the last one; a referral on it is on_agenda."""
    last = session.exec(select(func.max(AgendaItem.position))
                        .where(AgendaItem.meeting_id == meeting.id)).one()
    assert meeting.id is not None  # a stored row
    item = AgendaItem(meeting_id=meeting.id, position=(last or 0) + 1, kind=kind, **fields)
    session.add(item)
    if item.referral_id is not None:
        referral = session.get(Referral, item.referral_id)
        assert referral is not None  # the item's referral
        referral.status = ReferralStatus.ON_AGENDA
        session.add(referral)
    session.flush()
    return item


def schedule_rehabilitation_review(session: Session, placement: Placement) -> AgendaItem | None:
    """Put the returned minor's plan on the commission's next planned meeting on or
    after the return (Art. 80 (11), Art. 81 (12)); None when no meeting is planned:
    the review then waits for ``attach_pending_reviews``."""
    meeting = session.exec(
        select(CommissionMeeting)
        .where(
            CommissionMeeting.commission_id == placement.commission_id,
            CommissionMeeting.status == CommissionMeetingStatus.PLANNED,
            col(CommissionMeeting.meeting_date) >= placement.return_date,
        )
        .order_by(col(CommissionMeeting.meeting_date), col(CommissionMeeting.number))
    ).first()
    assert placement.id is not None  # a stored row
    if meeting is None or _review_on_agenda(session, placement.id):
        return None
    return append_item(session, meeting, AgendaItemKind.REHABILITATION_REVIEW,
                       placement_id=placement.id)


def attach_pending_reviews(session: Session, meeting: CommissionMeeting) -> list[AgendaItem]:
    """Add to a newly planned meeting every review of its commission still waiting:
    a return on or before the meeting, the plan not made, and no agenda item yet."""
    has_item = select(AgendaItem.id).where(AgendaItem.placement_id == Placement.id).exists()
    waiting = session.exec(
        select(Placement)
        .where(
            Placement.commission_id == meeting.commission_id,
            Placement.status == PlacementStatus.RETURNED,
            col(Placement.return_date) <= meeting.meeting_date,
            col(Placement.rehabilitation_plan_made_on).is_(None),
            ~has_item,
        )
        .order_by(col(Placement.return_date), col(Placement.id))
    ).all()
    return [append_item(session, meeting, AgendaItemKind.REHABILITATION_REVIEW,
                        placement_id=placement.id) for placement in waiting]


def _review_on_agenda(session: Session, placement_id: int) -> bool:
    """An open or decided review exists (a postponed one lives on as its carried item)."""
    found = session.exec(select(AgendaItem.id).where(
        AgendaItem.placement_id == placement_id, AgendaItem.status != AgendaItemStatus.POSTPONED
    )).first()
    return found is not None


def _referral_for(session: Session, meeting: CommissionMeeting,
                  referral_id: int | None) -> Referral:
    referral = session.get(Referral, referral_id) if referral_id is not None else None
    # Another commission's referral is reported as missing, so its existence does not leak.
    if referral is None or referral.commission_id != meeting.commission_id:
        raise NotFound(RecordKind.REFERRAL, referral_id)
    check_referral_new(referral.status == ReferralStatus.NEW)
    return referral


def _returned_placement_for(session: Session, meeting: CommissionMeeting,
                            placement_id: int | None) -> Placement:
    placement = session.get(Placement, placement_id) if placement_id is not None else None
    if placement is None or placement.commission_id != meeting.commission_id:
        raise NotFound(RecordKind.PLACEMENT, placement_id)
    check_placement_returned(placement.status == PlacementStatus.RETURNED)
    assert placement.id is not None  # a stored row
    if _review_on_agenda(session, placement.id):
        raise RuleViolation("agenda.review_already_on_agenda")
    return placement


def _renumber(session: Session, meeting_id: int) -> None:
    for position, item in enumerate(items_of(session, meeting_id), start=1):
        item.position = position
        session.add(item)
