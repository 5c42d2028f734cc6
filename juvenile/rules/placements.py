"""Placements in special organisations: terms, ages, deadlines (Art. 80, Art. 81).

Two kinds: a special education organisation (Art. 80) and an education
organisation with a special regime of detention (Art. 81).

Dates: a term of N months runs from the start date to ``planned_end`` = start + N
calendar months, the day the term ends (a day that does not exist in the end
month is clamped to its last day: 31 Aug + 6 months = 28/29 Feb).
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from juvenile.rules.age import age_on
from juvenile.rules.calendar import WorkingCalendar
from juvenile.rules.errors import RuleViolation

PLACEMENT_MIN_AGE = 11  # "from eleven to eighteen years", Art. 80 (1), Art. 81 (2)
PLACEMENT_MAX_AGE = 18  # exclusive: the minor must still be under 18
# The commission is notified at least a month before the term ends,
# Art. 80 (10) item 4, Art. 81 (11) item 4.
NOTICE_MONTHS = 1
REHABILITATION_PLAN_WORKING_DAYS = 3  # Art. 80 (11), Art. 81 (12)


class PlacementKind(StrEnum):
    SPECIAL_EDUCATION = "special_education"  # Art. 80
    SPECIAL_REGIME = "special_regime"  # Art. 81


class DecidingBody(StrEnum):
    COURT = "court"
    INTERNAL_AFFAIRS = "internal_affairs"


TERM_LIMITS_MONTHS: dict[PlacementKind, tuple[int, int]] = {
    PlacementKind.SPECIAL_EDUCATION: (6, 12),  # six months to one year, Art. 80 (3)
    PlacementKind.SPECIAL_REGIME: (6, 24),  # six months to two years, Art. 81 (5)
}

# Who may decide on the placement: Art. 80 (2) court or internal affairs body;
# Art. 81 (3) (and a court sentence, Art. 81 (5)) a court only.
DECIDING_BODIES: dict[PlacementKind, frozenset[DecidingBody]] = {
    PlacementKind.SPECIAL_EDUCATION: frozenset(DecidingBody),
    PlacementKind.SPECIAL_REGIME: frozenset({DecidingBody.COURT}),
}


@dataclass(frozen=True)
class ExtensionGround:
    """A ground on which the court may extend the term; the only ones allowed."""

    code: str
    article: str

    @property
    def message_key(self) -> str:
        return f"placement.ground.{self.code}"


EXTENSION_GROUNDS: dict[PlacementKind, tuple[ExtensionGround, ...]] = {
    PlacementKind.SPECIAL_EDUCATION: (
        ExtensionGround("finish_schooling_at_request", "Art. 80 (5) item 1"),
        ExtensionGround("repeated_offence", "Art. 80 (5) item 2"),
        ExtensionGround("evasion", "Art. 80 (5) item 2"),
        ExtensionGround("running_away", "Art. 80 (5) item 2"),
        ExtensionGround("antisocial_behaviour", "Art. 80 (5) item 2"),
    ),
    PlacementKind.SPECIAL_REGIME: (
        ExtensionGround("finish_schooling_with_consent", "Art. 81 (7) item 1"),
        ExtensionGround("new_criminal_act", "Art. 81 (7) item 2"),
    ),
}


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, clamped to the end of the month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    next_month_first = date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month_first - date(year, month, 1)).days
    return date(year, month, min(day.day, last_day))


def validate_term(kind: PlacementKind, months: int) -> None:
    """The term set by the decision must be within the kind's limits."""
    low, high = TERM_LIMITS_MONTHS[kind]
    if low <= months <= high:
        return
    if kind is PlacementKind.SPECIAL_EDUCATION:
        raise RuleViolation(
            "placement.special_education.term_out_of_range",
            article="Art. 80 (3)",
            count=months,
        )
    raise RuleViolation(
        "placement.special_regime.term_out_of_range", article="Art. 81 (5)", count=months
    )


def validate_age_at_decision(birth_date: date, decision_date: date) -> None:
    """The minor must be at least 11 and under 18 on the decision date."""
    age = age_on(birth_date, decision_date)
    if age < PLACEMENT_MIN_AGE:
        raise RuleViolation("placement.too_young", article="Art. 80 (1), Art. 81 (2)", count=age)
    if age >= PLACEMENT_MAX_AGE:
        raise RuleViolation("placement.too_old", article="Art. 80 (1), Art. 81 (2)", count=age)


def validate_deciding_body(kind: PlacementKind, body: DecidingBody) -> None:
    """Only a court may send a minor to a special-regime organisation (Art. 81 (3))."""
    if body not in DECIDING_BODIES[kind]:
        raise RuleViolation("placement.special_regime.court_only", article="Art. 81 (3)")


DECISION_NUMBER_MAX_LENGTH = 64


def check_decision_number(number: str) -> str:
    """A placement is registered from the deciding body's decision (Art. 80 (2),
    Art. 81 (3)), named by its number and date: the number is required, one line
    of printable characters, at most DECISION_NUMBER_MAX_LENGTH long."""
    number = number.strip()
    if not number:
        raise RuleViolation("placement.decision_number_required",
                            article="Art. 80 (2), Art. 81 (3)")
    if len(number) > DECISION_NUMBER_MAX_LENGTH or not number.isprintable():
        raise RuleViolation("placement.decision_number_invalid",
                            limit=DECISION_NUMBER_MAX_LENGTH)
    return number


def planned_end(start: date, months: int) -> date:
    """The day the term ends: ``start`` plus ``months`` calendar months."""
    return add_months(start, months)


def notice_due(end: date) -> date:
    """Last day to notify the commission: one calendar month before the term ends.

    Clamping moves the date earlier (31 Mar -> 28/29 Feb), so the notice is never late.
    """
    return add_months(end, -NOTICE_MONTHS)


def rehabilitation_plan_due(return_date: date, calendar: WorkingCalendar) -> date:
    """Day by which the commission must consider the rehabilitation plan.

    Three working days counted from the day after the minor arrives home
    (Art. 80 (11), Art. 81 (12)).
    """
    return calendar.add_working_days(return_date, REHABILITATION_PLAN_WORKING_DAYS)


def validate_extension(
    kind: PlacementKind, start: date, current_end: date, new_end: date, ground: str
) -> None:
    """An extension needs a lawful ground, must end later, and keep the whole term
    within the kind's maximum (Art. 80 (5), Art. 81 (7))."""
    grounds = {g.code for g in EXTENSION_GROUNDS[kind]}
    if ground not in grounds:
        raise RuleViolation(
            "placement.extension_ground_refused",
            article="Art. 80 (5), Art. 81 (7)",
            ground=ground,
        )
    if new_end <= current_end:
        raise RuleViolation(
            "placement.extension_not_later", current_end=current_end, new_end=new_end
        )
    latest = planned_end(start, TERM_LIMITS_MONTHS[kind][1])
    if new_end <= latest:
        return
    if kind is PlacementKind.SPECIAL_EDUCATION:
        raise RuleViolation(
            "placement.special_education.extension_too_long",
            article="Art. 80 (3), (5)",
            latest=latest,
        )
    raise RuleViolation(
        "placement.special_regime.extension_too_long", article="Art. 81 (5), (7)", latest=latest
    )


def validate_transfer(from_kind: PlacementKind, to_kind: PlacementKind) -> None:
    """Only a move from special education to special regime is lawful (Art. 80 (6))."""
    if (from_kind, to_kind) != (PlacementKind.SPECIAL_EDUCATION, PlacementKind.SPECIAL_REGIME):
        raise RuleViolation(
            "placement.transfer_refused", article="Art. 80 (6)", source=from_kind, target=to_kind
        )


def check_organisation_kind(kind: PlacementKind, organisation_kind: str,
                            organisation_code: str) -> None:
    """The organisation is of the kind decided: special education (Art. 80) or
    special regime (Art. 81); ``organisation_kind`` is the organisation's kind value."""
    if organisation_kind != kind:
        raise RuleViolation("placement.organisation_wrong_kind", article="Art. 80, Art. 81",
                            organisation=organisation_code, kind=organisation_kind)


def check_start_after_decision(decision_date: date, start_date: date) -> None:
    """The stay starts on the day of the decision or later (Art. 80 (2), Art. 81 (3))."""
    if start_date < decision_date:
        raise RuleViolation("placement.start_before_decision", decision_date=decision_date)


def check_notice_date(received_on: date, decision_date: date) -> None:
    """The organisation's notice before the term ends (Art. 80 (10) item 4,
    Art. 81 (11) item 4) arrives after the decision, on its day at the earliest."""
    if received_on < decision_date:
        raise RuleViolation("placement.date_before_decision", decision_date=decision_date)


def check_early_termination(start: date, terminated_on: date, end: date) -> None:
    """An early end falls within the stay: on the start day or later, and before the
    term's planned end (Art. 80 (4), Art. 81 (6))."""
    if not start <= terminated_on < end:
        raise RuleViolation("placement.termination_not_early",
                            article="Art. 80 (4), Art. 81 (6)", start=start, end=end)


def check_transfer_start(start_date: date, placement_start: date) -> None:
    """A transfer to a special-regime organisation (Art. 80 (6)) starts on or after the
    first stay's start."""
    if start_date < placement_start:
        raise RuleViolation("placement.transfer_before_start", start=placement_start)


def check_return_date(return_date: date, since: date) -> None:
    """The minor returns on or after the day the stay began, or ended early
    (Art. 80 (11), Art. 81 (12))."""
    if return_date < since:
        raise RuleViolation("placement.return_before_start", start=since)


def check_plan_date(made_on: date, return_date: date) -> None:
    """The rehabilitation plan is drawn up after the minor is home: on the return day
    or later (Art. 80 (11), Art. 81 (12))."""
    if made_on < return_date:
        raise RuleViolation("placement.plan_before_return", return_date=return_date)


def require_responsible_commission(found: bool, district: str, school: str) -> None:
    """The commission of the district where the minor's school is answers for the
    placement: its notices and the return (Art. 80 (10), Art. 81 (11))."""
    if not found:
        raise RuleViolation("placement.no_commission", article="Art. 80 (10), Art. 81 (11)",
                            district=district, school=school)
