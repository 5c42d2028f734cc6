"""The composition of a commission (Art. 79 (4)): chair, deputy chair, members, secretary.

Members are kept, not deleted: an inactive member stays in the attendance of
past meetings but no longer counts towards a quorum. The secretary keeps the
composition on the commission's "composition" page.
"""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from juvenile.db import transaction
from juvenile.errors import InputRefused
from juvenile.models import CommissionMember, MemberPosition
from juvenile.rules.commission import COMPOSITION_ORDER, check_single_position, composition_order
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind, is_allowed
from juvenile.services.commission.records import commission_scope, load_commission

NAME_MAX_LENGTH = 200
# Art. 79 (4): one chair and one secretary (rules.commission.check_single_position).
SINGLE_POSITIONS = (MemberPosition.CHAIR, MemberPosition.SECRETARY)


def add_member(
    actor: Actor, commission_id: int, full_name: str, position: MemberPosition | str
) -> CommissionMember:
    """Add a person to the commission's composition (Art. 79 (4)). The gate comes
    first: a stranger is refused before the name or position is judged."""
    with transaction() as session:
        load_commission(session, commission_id)
        authorize(session, actor, Permission.CREATE,
                  commission_scope(RecordKind.COMMISSION_MEETING, commission_id))
        position = MemberPosition(position)
        full_name = " ".join(full_name.split())
        if not full_name or len(full_name) > NAME_MAX_LENGTH:
            raise InputRefused("composition.bad_name", limit=NAME_MAX_LENGTH)
        _check_single_position(session, commission_id, position)
        member = CommissionMember(commission_id=commission_id, full_name=full_name,
                                  position=position)
        session.add(member)
        session.flush()
        return member


def set_member_active(actor: Actor, member_id: int, active: bool) -> CommissionMember:
    """Take a member out of the composition (or back in)."""
    with transaction() as session:
        member = session.get(CommissionMember, member_id)
        if member is None:
            raise NotFound("commission_member", member_id)
        authorize(session, actor, Permission.UPDATE,
                  commission_scope(RecordKind.COMMISSION_MEETING, member.commission_id))
        if active and not member.active:
            _check_single_position(session, member.commission_id, member.position)
        member.active = active
        session.add(member)
        return member



@dataclass(frozen=True)
class MemberLine:
    member_id: int
    full_name: str
    position: MemberPosition
    active: bool


@dataclass(frozen=True)
class Composition:
    commission_id: int
    members: list[MemberLine]  # current members first, each group by position
    may_change: bool  # the secretary keeps the composition; members only read it


def commission_composition(actor: Actor) -> Composition:
    """The composition of the actor's own commission, former members included."""
    if actor.commission_id is None:  # e.g. an administrator: no commission of their own
        raise InputRefused("inbox.commission_required")
    with transaction() as session:
        scope = commission_scope(RecordKind.COMMISSION_MEETING, actor.commission_id)
        authorize(session, actor, Permission.VIEW, scope)
        members = active_members(session, actor.commission_id, include_inactive=True)
        return Composition(
            commission_id=actor.commission_id,
            members=[MemberLine(m.id, m.full_name, m.position, m.active)
                     for m in sorted(members, key=lambda m: (not m.active, composition_order(
                         m.position.value, m.full_name, actor.language)))],
            may_change=is_allowed(actor, Permission.UPDATE, scope),
        )


def active_members(
    session: Session, commission_id: int, include_inactive: bool = False
) -> list[CommissionMember]:
    query = select(CommissionMember).where(CommissionMember.commission_id == commission_id)
    if not include_inactive:
        query = query.where(CommissionMember.active)
    members = session.exec(query.order_by(col(CommissionMember.id))).all()
    return sorted(members, key=lambda m: COMPOSITION_ORDER.index(m.position.value))


def _check_single_position(session: Session, commission_id: int,
                           position: MemberPosition) -> None:
    if position not in SINGLE_POSITIONS:
        return
    taken = session.exec(
        select(CommissionMember.id).where(
            CommissionMember.commission_id == commission_id,
            CommissionMember.position == position,
            CommissionMember.active,
        )
    ).first()
    check_single_position(position.value, taken is not None)
