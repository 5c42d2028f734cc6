"""The life of a pedagogical support case (Art. 78 (3), (4)).

    flagged ──> council_review ──> under_support ──────────┐
                      │  └───────> referred_to_commission ─┤
                      └───────────────────────────────────>├──> closed
    (any open state may also close directly, see CLOSING_OUTCOMES)

A flag is only a proposal: support is assigned or not by the prevention council,
with the minor and the legal representatives present (Art. 78 (3)). A refusal by
the representatives sends the case to the commission (Art. 78 (4)). ``closed``
is final: a new concern is a new flag with its own council review.
"""

from datetime import date
from enum import StrEnum

from juvenile.rules.errors import RuleViolation


class CaseState(StrEnum):
    FLAGGED = "flagged"
    COUNCIL_REVIEW = "council_review"  # on the prevention council's agenda
    UNDER_SUPPORT = "under_support"
    REFERRED_TO_COMMISSION = "referred_to_commission"
    CLOSED = "closed"


class CouncilDecision(StrEnum):
    SUPPORT_ASSIGNED = "support_assigned"
    SUPPORT_NOT_NEEDED = "support_not_needed"
    REPRESENTATIVES_REFUSED = "representatives_refused"


class CloseOutcome(StrEnum):
    IMPROVED = "improved"  # support (or the commission's measures) reached its aim
    SUPPORT_NOT_NEEDED = "support_not_needed"  # the council's decision, Art. 78 (3)
    MOVED_SCHOOL = "moved_school"  # the new school takes up the work
    TURNED_18 = "turned_18"  # Art. 59 (8) item 4: no case outlives minority
    PLACED = "placed"  # sent to a special organisation, Art. 80, Art. 81
    OTHER = "other"  # e.g. a flag withdrawn as made in error; needs a note


_S = CaseState
_O = CloseOutcome

# Events outside the school's hands end a case in whatever open state it is.
_ALWAYS = frozenset({_O.MOVED_SCHOOL, _O.TURNED_18, _O.PLACED, _O.OTHER})

TRANSITIONS: dict[CaseState, frozenset[CaseState]] = {
    _S.FLAGGED: frozenset({_S.COUNCIL_REVIEW, _S.CLOSED}),
    _S.COUNCIL_REVIEW: frozenset({_S.UNDER_SUPPORT, _S.REFERRED_TO_COMMISSION, _S.CLOSED}),
    _S.UNDER_SUPPORT: frozenset({_S.CLOSED}),
    _S.REFERRED_TO_COMMISSION: frozenset({_S.CLOSED}),
    _S.CLOSED: frozenset(),
}

# Which outcomes may close a case from each open state.
CLOSING_OUTCOMES: dict[CaseState, frozenset[CloseOutcome]] = {
    _S.FLAGGED: _ALWAYS,
    _S.COUNCIL_REVIEW: _ALWAYS | {_O.SUPPORT_NOT_NEEDED},
    _S.UNDER_SUPPORT: _ALWAYS | {_O.IMPROVED},
    _S.REFERRED_TO_COMMISSION: _ALWAYS | {_O.IMPROVED},
}

_AFTER_DECISION: dict[CouncilDecision, CaseState] = {
    CouncilDecision.SUPPORT_ASSIGNED: _S.UNDER_SUPPORT,
    CouncilDecision.SUPPORT_NOT_NEEDED: _S.CLOSED,
    CouncilDecision.REPRESENTATIVES_REFUSED: _S.REFERRED_TO_COMMISSION,  # Art. 78 (4)
}


def allowed_targets(state: CaseState) -> frozenset[CaseState]:
    """States a case may move to next."""
    return TRANSITIONS[CaseState(state)]


def check_transition(current: CaseState, target: CaseState) -> None:
    """Refuse any move not in ``TRANSITIONS`` (staying put is not a move)."""
    if CaseState(target) not in allowed_targets(current):
        raise RuleViolation(
            "case.transition_refused", article="Art. 78 (3), (4)", current=current, target=target
        )


def check_closing(current: CaseState, outcome: CloseOutcome) -> None:
    """Refuse an outcome that does not fit the state the case is closed from."""
    check_transition(current, CaseState.CLOSED)
    if CloseOutcome(outcome) not in CLOSING_OUTCOMES[CaseState(current)]:
        raise RuleViolation("case.outcome_refused", current=current, outcome=outcome)


def state_after_council_decision(decision: CouncilDecision) -> CaseState:
    """Where the council's decision sends the case (Art. 78 (3), (4))."""
    return _AFTER_DECISION[CouncilDecision(decision)]


def outcome_of_council_decision(decision: CouncilDecision) -> CloseOutcome | None:
    """The closing outcome a decision implies, if it closes the case."""
    if CouncilDecision(decision) is CouncilDecision.SUPPORT_NOT_NEEDED:
        return CloseOutcome.SUPPORT_NOT_NEEDED
    return None


def apply_council_decision(current: CaseState, decision: CouncilDecision) -> CaseState:
    """The next state after a council decision; only a case under council review has one."""
    if CaseState(current) is not CaseState.COUNCIL_REVIEW:
        raise RuleViolation("case.decision_outside_review", article="Art. 78 (3)", current=current)
    target = state_after_council_decision(decision)
    check_transition(current, target)
    return target


def check_no_open_case(open_case_id: int | None) -> None:
    """A student has one open support case at a time: later flags join it
    (Art. 78 (3): one individual prevention work plan for the minor)."""
    if open_case_id is not None:
        raise RuleViolation("case.error.open_case_exists", case=open_case_id)


def check_closed_on(closed_on: date, opened_on: date) -> None:
    """A case closes on the day it was opened or later (Art. 78 (3))."""
    if closed_on < opened_on:
        raise RuleViolation("case.error.closed_before_opened", opened_on=opened_on)
