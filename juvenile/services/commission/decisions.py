"""Decisions of the commission on its agenda items, and their follow-up (Art. 79).

Each decision is a type from the catalogue (migration 0003 seeds the defaults;
an administrator adds more), an executor and a due date where the type needs
a follow-up. A decision needs a meeting with its quorum. Postponing is a
decision too: the item is carried to a later planned meeting as a new item
linked to the first one, and the reason is kept.
"""

from datetime import date

from sqlmodel import Session

from juvenile import clock
from juvenile.db import transaction
from juvenile.errors import InputRefused
from juvenile.models import (
    AgendaItem,
    AgendaItemStatus,
    CommissionDecision,
    CommissionMeeting,
    CommissionMeetingStatus,
    DecisionType,
    Referral,
    ReferralStatus,
)
from juvenile.rules.commission import (
    check_decision_day_reached,
    check_done_on,
    check_follow_up,
    check_postpone_target,
)
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind
from juvenile.services.administration.decision_catalogue import type_by_code
from juvenile.services.commission.agenda import append_item, record_hearing_notes
from juvenile.services.commission.meetings import require_quorum
from juvenile.services.commission.minutes_lock import require_unlocked
from juvenile.services.commission.records import commission_scope, load_item

POSTPONE = "postpone"
CLOSE_WITHOUT_MEASURES = "close_without_measures"
EXECUTOR_MAX_LENGTH = 300
NOTES_MAX_LENGTH = 4000


def record_decision(
    actor: Actor,
    item_id: int,
    type_code: str,
    *,
    executor: str = "",
    due_on: date | None = None,
    notes: str = "",
    postpone_to_meeting_id: int | None = None,
    hearing_notes: str | None = None,
) -> CommissionDecision:
    """Decide an open agenda item at a meeting with its quorum (Art. 79).

    A type with follow-up needs an executor and a due date on or after the
    meeting. ``postpone`` needs ``postpone_to_meeting_id`` (a later planned
    meeting of the same commission) and the reason in ``notes``. A decided
    referral becomes "decided" ("closed" when the decision needs no follow-up);
    a postponed one stays on the agenda. Refused once the minutes are approved.
    ``hearing_notes``, when given, are saved with the decision in one transaction:
    a refused decision leaves them as they were (the question form's one action).
    """
    executor, notes = " ".join(executor.split()), notes.strip()
    if len(executor) > EXECUTOR_MAX_LENGTH:
        raise InputRefused("decision.executor_too_long", limit=EXECUTOR_MAX_LENGTH)
    if len(notes) > NOTES_MAX_LENGTH:
        raise InputRefused("decision.notes_too_long", limit=NOTES_MAX_LENGTH)
    with transaction() as session:
        # The meeting is locked before anything is written (the notes too): a second
        # decision of the same question waits here, then finds it decided.
        load_item(session, item_id, locked=True)
        if hearing_notes is not None:
            record_hearing_notes(actor, item_id, hearing_notes)
        item, meeting = load_item(session, item_id, locked=True)
        entry = authorize(session, actor, Permission.CREATE,
                          commission_scope(RecordKind.COMMISSION_DECISION, meeting.commission_id))
        assert meeting.id is not None  # a stored row
        require_unlocked(session, meeting.id)
        if item.status != AgendaItemStatus.OPEN:
            raise RuleViolation("decision.item_not_open")
        check_decision_day_reached(meeting.meeting_date, clock.today())
        require_quorum(session, meeting)
        decision_type = type_by_code(session, type_code)
        if decision_type is None or not decision_type.active:
            raise RuleViolation("decision.unknown_type", code=type_code)
        check_follow_up(decision_type.follow_up, executor, due_on, meeting.meeting_date)
        if decision_type.code == POSTPONE:
            _carry_over(session, item, meeting, postpone_to_meeting_id, notes)
        else:
            if postpone_to_meeting_id is not None:
                raise RuleViolation("decision.target_only_for_postpone")
            _settle(session, item, decision_type)
        assert item.id is not None and decision_type.id is not None  # stored rows
        decision = CommissionDecision(
            agenda_item_id=item.id, decision_type_id=decision_type.id,
            decided_on=meeting.meeting_date, executor=executor, due_on=due_on, notes=notes,
            recorded_by=actor.user_id,
        )
        session.add(decision)
        session.flush()
        if entry is not None:
            entry.record_id = decision.id
        return decision


def mark_decision_done(actor: Actor, decision_id: int, done_on: date) -> CommissionDecision:
    """Record that a decision was carried out: its follow-up deadline ends and the
    referral it decided is closed."""
    with transaction() as session:
        decision = session.get(CommissionDecision, decision_id)
        if decision is None:
            raise NotFound(RecordKind.COMMISSION_DECISION, decision_id)
        item, meeting = load_item(session, decision.agenda_item_id)
        authorize(session, actor, Permission.UPDATE,
                  commission_scope(RecordKind.COMMISSION_DECISION, meeting.commission_id,
                                   decision.id))
        kind = session.get(DecisionType, decision.decision_type_id)
        assert kind is not None  # the decision's type
        if not kind.follow_up:
            raise RuleViolation("decision.no_follow_up")
        check_done_on(done_on, decision.decided_on)
        decision.done_on = done_on
        session.add(decision)
        _set_referral_status(session, item, ReferralStatus.CLOSED)
        return decision



def _carry_over(session: Session, item: AgendaItem, meeting: CommissionMeeting,
                target_id: int | None, reason: str) -> AgendaItem:
    if not reason:
        raise InputRefused("decision.postpone_reason_required")
    if target_id is None:
        raise InputRefused("decision.postpone_target_required")
    target = session.get(CommissionMeeting, target_id)
    if target is None or target.commission_id != meeting.commission_id:
        raise NotFound(RecordKind.COMMISSION_MEETING, target_id)
    assert target.id is not None  # a stored row
    require_unlocked(session, target.id)
    check_postpone_target(target.status == CommissionMeetingStatus.PLANNED,
                          target.meeting_date, meeting.meeting_date)
    item.status = AgendaItemStatus.POSTPONED
    session.add(item)
    return append_item(session, target, item.kind, referral_id=item.referral_id,
                       placement_id=item.placement_id, title=item.title, carried_from_id=item.id)


def _settle(session: Session, item: AgendaItem, decision_type: DecisionType) -> None:
    item.status = AgendaItemStatus.DECIDED
    session.add(item)
    # A decision with nothing to carry out closes the referral at once; otherwise it
    # closes when the decision is carried out (mark_decision_done).
    _set_referral_status(session, item, ReferralStatus.DECIDED if decision_type.follow_up
                         else ReferralStatus.CLOSED)


def _set_referral_status(session: Session, item: AgendaItem, status: ReferralStatus) -> None:
    if item.referral_id is not None:
        referral = session.get(Referral, item.referral_id)
        assert referral is not None  # the item's referral
        referral.status = status
        session.add(referral)
