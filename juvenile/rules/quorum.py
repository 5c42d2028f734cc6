"""Quorum of a commission on juvenile affairs meeting.

Art. 79 (4) sets the commission's composition; the order of its work, including
when a meeting may decide, is left to the authorised body's regulation
(Art. 79 (7)). The share is therefore a parameter; the default is a majority.
"""

from dataclasses import dataclass
from fractions import Fraction

from juvenile.i18n import Counted
from juvenile.rules.errors import RuleViolation


def has_quorum(present: int, members: int, share: Fraction = Fraction(1, 2)) -> bool:
    """True when strictly more than ``share`` of the members are present.

    A commission without members never has a quorum.
    """
    if members < 0 or not 0 <= present <= members:
        raise RuleViolation("quorum.bad_counts", count=present,
                            members=Counted("quorum.of_commission_members", members))
    if not 0 <= share < 1:
        raise RuleViolation("quorum.bad_share", share=share)
    return members > 0 and present > share * members


@dataclass(frozen=True)
class QuorumState:
    """Attendance of a meeting as the quorum rule sees it."""

    recorded: bool
    present: int
    members: int
    reached: bool


def require_quorum(state: QuorumState) -> None:
    """A meeting decides only with its attendance recorded and its quorum reached
    (Art. 79 (4), (7))."""
    if not state.recorded:
        raise RuleViolation("meeting.attendance_not_recorded", article="Art. 79")
    if not state.reached:
        raise RuleViolation("meeting.no_quorum", article="Art. 79", count=state.present,
                            members=Counted("meeting.of_members", state.members))
