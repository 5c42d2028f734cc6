"""A commission meeting taken through a sitting, for the workspace's service tests
(the tree and helpers come from tests/engine_commission/commission_world.py)."""

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "engine_commission"))

from commission_world import World  # noqa: E402

from juvenile.models import CommissionMeeting, Referral  # noqa: E402
from juvenile.security.actor import Actor  # noqa: E402
from juvenile.services.commission.agenda import add_agenda_item, record_hearing_notes  # noqa: E402
from juvenile.services.commission.decisions import record_decision  # noqa: E402
from juvenile.services.commission.meetings import plan_meeting, record_attendance  # noqa: E402

MEETING_DAY = date(2026, 12, 14)
EXECUTOR = "ІІБ ювеналдық полиция бөлімі"
DUE = date(2027, 1, 15)
NOTES = "Сынып жетекшісі баяндады; анасы түсініктеме берді."
DECISION_NOTES = "Ата-анаға баланың сабаққа қатысуын қамтамасыз ету міндеті жүктелсін"
ABSENCE_REASON = "Іссапарда"


@dataclass
class Sitting:
    """A meeting of C1 held with its quorum (5 of 7; one absent with a reason), a
    referral heard and decided with its executor and due date."""

    world: World
    secretary: Actor
    members: list[int]
    meeting: CommissionMeeting
    referral: Referral
    item_id: int
    decision_id: int


def hold_sitting(world: World) -> Sitting:
    secretary = world.secretary()
    members = world.members(n=7)
    meeting = plan_meeting(secretary, world.commissions["C1"], MEETING_DAY,
                           "Әкімдік ғимараты, 2-қабат")
    referral = world.referral(world.student(last_name="Әбенов"))
    item = add_agenda_item(secretary, meeting.id, "referral", referral_id=referral.id)
    record_attendance(secretary, meeting.id, members[:5], {members[5]: ABSENCE_REASON})
    record_hearing_notes(secretary, item.id, NOTES)
    decision = record_decision(secretary, item.id, "representative_obligations",
                               executor=EXECUTOR, due_on=DUE,
                               notes=DECISION_NOTES)
    return Sitting(world, secretary, members, meeting, referral, item.id, decision.id)
