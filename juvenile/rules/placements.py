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

from juvenile.rules.age import age_on, eighteenth_birthday
from juvenile.rules.calendar import WorkingCalendar
from juvenile.rules.errors import RuleViolation

PLACEMENT_MIN_AGE = 11  # "from eleven to eighteen years", Art. 80 (1), Art. 81 (2)
PLACEMENT_MAX_AGE = 18  # exclusive: the minor must still be under 18
# The commission is notified at least a month before the term ends,
# Art. 80 (10) item 4, Art. 81 (11) item 4.
NOTICE_MONTHS = 1
# The local executive body brings the return before the commission, with the
# rehabilitation plan, within three working days (Art. 80 (11), Art. 81 (12)).
REHABILITATION_PLAN_WORKING_DAYS = 3


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
    """Day by which the local executive body must bring the minor's further schooling
    and employment, with a rehabilitation plan, before the commission.

    The duty is the local executive body's, not the commission's: three working days
    counted from the day after the minor arrives home (Art. 80 (11), Art. 81 (12)).
    """
    return calendar.add_working_days(return_date, REHABILITATION_PLAN_WORKING_DAYS)


def validate_extension(kind: PlacementKind, current_end: date, new_end: date,
                       ground: str) -> None:
    """An extension is decided by the court on one of the kind's grounds and ends
    later than the current term (Art. 80 (5), Art. 81 (7)). The law names the
    grounds but sets no total limit, so none is imposed here."""
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


# The one ground of a transfer (Art. 80 (6)): an act with the features of a crime
# committed before the age of criminal responsibility.
TRANSFER_GROUND = "criminal_act_before_responsibility_age"


def validate_transfer(from_kind: PlacementKind, to_kind: PlacementKind, ground: str) -> None:
    """Only a move from special education to special regime is lawful, and only on the
    ground of Art. 80 (6)."""
    if (from_kind, to_kind) != (PlacementKind.SPECIAL_EDUCATION, PlacementKind.SPECIAL_REGIME):
        raise RuleViolation(
            "placement.transfer_refused", article="Art. 80 (6)", source=from_kind, target=to_kind
        )
    if ground != TRANSFER_GROUND:
        raise RuleViolation("placement.transfer_ground_required", article="Art. 80 (6)")


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


def check_start_before_adulthood(birth_date: date, start_date: date) -> None:
    """The stay starts while the minor is under 18: the organisations take minors
    "from eleven to eighteen years" (Art. 80 (1), Art. 81 (2)) and registration
    ends at 18 (Art. 59 (8) item 4). A start on the 18th birthday is refused."""
    adult_on = eighteenth_birthday(birth_date)
    if start_date >= adult_on:
        raise RuleViolation("placement.start_at_adulthood",
                            article="Art. 80 (1), Art. 81 (2), Art. 59 (8) 4", adult_on=adult_on)


def end_of_stay_at_adulthood(birth_date: date) -> date:
    """The last day the stay can last: the 18th birthday (Art. 80 (1), Art. 81 (2),
    Art. 59 (8) item 4)."""
    return eighteenth_birthday(birth_date)


def term_passes_adulthood(birth_date: date, end: date) -> bool:
    """The planned end falls after the 18th birthday: a warning, not a refusal (the
    court set the term; the stay ends at 18 anyway)."""
    return end > end_of_stay_at_adulthood(birth_date)


def check_not_in_future(day: date, today: date) -> None:
    """A decision, a return, a receipt is recorded once it happened: today at the latest
    (Kazakhstan's day, ``juvenile.clock``)."""
    if day > today:
        raise RuleViolation("placement.date_in_future", day=day)


def check_return_not_early(in_force: bool, return_date: date, end: date) -> None:
    """Only a court ends a stay before its term (Art. 80 (4), Art. 81 (6)): a return
    before the planned end of a placement still in force needs the early termination
    recorded first. A return on the planned end day is an ordinary one."""
    if in_force and return_date < end:
        raise RuleViolation("placement.early_return_needs_court",
                            article="Art. 80 (4), Art. 81 (6)", end=end)


def check_court_decision(number: str) -> str:
    """An extension, an early termination and a transfer are decided by the court
    (Art. 80 (4)-(6), Art. 81 (6), (7)): its decision's number is recorded."""
    number = number.strip()
    if not number:
        raise RuleViolation("placement.court_decision_required",
                            article="Art. 80 (4)-(6), Art. 81 (6), (7)")
    if len(number) > DECISION_NUMBER_MAX_LENGTH or not number.isprintable():
        raise RuleViolation("placement.decision_number_invalid",
                            limit=DECISION_NUMBER_MAX_LENGTH)
    return number


class TerminationSubmitter(StrEnum):
    """Who submits an early termination to the court."""

    ADMINISTRATION = "administration"  # the organisation's, Art. 80 (4), Art. 81 (6)
    COMMISSION = "commission"  # the territorial commission, Art. 80 (4) only
    INTERNAL_AFFAIRS = "internal_affairs"  # Art. 81 (6) only


TERMINATION_SUBMITTERS: dict[PlacementKind, frozenset[TerminationSubmitter]] = {
    PlacementKind.SPECIAL_EDUCATION: frozenset(
        {TerminationSubmitter.ADMINISTRATION, TerminationSubmitter.COMMISSION}),
    PlacementKind.SPECIAL_REGIME: frozenset(
        {TerminationSubmitter.ADMINISTRATION, TerminationSubmitter.INTERNAL_AFFAIRS}),
}


def check_termination_submitter(kind: PlacementKind, submitter: str) -> None:
    """The submission for an early end comes from whom the kind's article names:
    Art. 80 (4) the administration or the commission, Art. 81 (6) the
    administration or internal affairs."""
    allowed = {s.value for s in TERMINATION_SUBMITTERS[kind]}
    if submitter not in allowed:
        raise RuleViolation("placement.termination_submitter_refused",
                            article="Art. 80 (4), Art. 81 (6)", submitter=submitter)


def check_prosecutor(body: DecidingBody, participated: bool) -> None:
    """The prosecutor takes part when the court considers a placement (Art. 80 (7),
    Art. 81 (8)): a court decision without it is refused."""
    if body is DecidingBody.COURT and not participated:
        raise RuleViolation("placement.prosecutor_required", article="Art. 80 (7), Art. 81 (8)")


GUARDIANSHIP_APPLICANT_MAX_LENGTH = 200


def check_guardianship_application(kind: PlacementKind, applicant: str,
                                   applied_on: date | None, decision_date: date) -> None:
    """A special-education placement is decided on the application of the guardianship
    body (Art. 80 (2)): its name and date are recorded, the date on or before the
    decision. A special-regime one is on the internal affairs body's submission."""
    if kind is not PlacementKind.SPECIAL_EDUCATION:
        return
    applicant = applicant.strip()
    if not applicant or applied_on is None:
        raise RuleViolation("placement.guardianship_application_required", article="Art. 80 (2)")
    if len(applicant) > GUARDIANSHIP_APPLICANT_MAX_LENGTH or not applicant.isprintable():
        raise RuleViolation("placement.guardianship_applicant_invalid",
                            limit=GUARDIANSHIP_APPLICANT_MAX_LENGTH)
    if applied_on > decision_date:
        raise RuleViolation("placement.application_after_decision", article="Art. 80 (2)",
                            decision_date=decision_date)


def check_internal_affairs_notice(kind: PlacementKind) -> None:
    """The special-regime organisation notifies the internal affairs body as well as
    the commission (Art. 81 (11) item 4); Art. 80 (10) item 4 names the commission only."""
    if kind is not PlacementKind.SPECIAL_REGIME:
        raise RuleViolation("placement.internal_affairs_notice_special_regime_only",
                            article="Art. 81 (11) 4")


def return_meets_criterion_11(kind: PlacementKind) -> bool:
    """Item 11 of Art. 78 (2) names graduates of special education organisations: a
    return from a special-regime one (Art. 81) sets no criterion by itself (the school
    flags on the criteria that apply; the rehabilitation plan stays, Art. 81 (12))."""
    return kind is PlacementKind.SPECIAL_EDUCATION


def return_overdue(in_force: bool, end: date, on: date) -> bool:
    """The term ended and no return is recorded: shown as "term ended, return not
    recorded", not as a stay in force (a return on the end day is on time)."""
    return in_force and on > end
