"""The twelve criteria of Art. 78 (2): which minors are subject to pedagogical support.

Names live in the catalogs (``criterion.1`` … ``criterion.12`` in rules.json) so
that every visible word is translated in one place.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from juvenile.i18n.catalog import translate
from juvenile.rules.errors import RuleViolation


@dataclass(frozen=True)
class Criterion:
    """One item of Art. 78 (2)."""

    number: int
    code: str

    @property
    def article(self) -> str:
        return f"Art. 78 (2) item {self.number}"

    @property
    def message_key(self) -> str:
        return f"criterion.{self.number}"


CRITERIA: tuple[Criterion, ...] = tuple(
    Criterion(number, code)
    for number, code in enumerate(
        (
            "failing_subjects",
            "neglected_homeless",
            "charter_breach",
            "unexcused_absence",
            "offence",
            "substance_use",
            "gambling",
            "pregnancy",
            "violence_victim",
            "violence_perpetrator",
            "special_school_graduate",
            "antisocial",
        ),
        start=1,
    )
)

_BY_NUMBER = {c.number: c for c in CRITERIA}
_BY_CODE = {c.code: c for c in CRITERIA}

# Pregnancy and victims of violence: the most private facts the portal holds
# (confidentiality, Art. 3 (2) item 4, Art. 83 (2)); screens must narrow access.
SENSITIVE_CRITERIA = frozenset({8, 9})
# Computable from attendance marks (see juvenile.rules.attendance).
ABSENCE_CRITERION = 4
# Met on return from a special education organisation (Art. 80 (11)).
RETURN_CRITERION = 11


def criterion(number: int) -> Criterion:
    """The criterion with this number (1..12)."""
    try:
        return _BY_NUMBER[number]
    except (KeyError, TypeError):
        raise RuleViolation("criterion.unknown", article="Art. 78 (2)", value=number) from None


def criterion_by_code(code: str) -> Criterion:
    """The criterion with this code, e.g. ``"unexcused_absence"``."""
    try:
        return _BY_CODE[code]
    except (KeyError, TypeError):
        raise RuleViolation("criterion.unknown", article="Art. 78 (2)", value=code) from None


def name(number: int, lang: str | None) -> str:
    """The criterion's wording in ``lang`` (kk follows the law's text)."""
    return translate(criterion(number).message_key, lang)


def check_criteria_once(numbers: Sequence[int]) -> None:
    """One flagging names each criterion of Art. 78 (2) once."""
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    if repeated:
        raise RuleViolation("flag.error.criterion_repeated", criterion=repeated[0])


def check_noticed_on(day: date, today: date) -> None:
    """A flag records a circumstance of Art. 78 (2) that was noticed: today at the
    latest, never ahead (today is Kazakhstan's, ``juvenile.clock``)."""
    if day > today:
        raise RuleViolation("flag.error.date_in_future", day=day)


def check_resolved_on(resolved_on: date, noticed_on: date, today: date) -> None:
    """A criterion of Art. 78 (2) stops applying between the day it was noticed and
    today, both included."""
    check_noticed_on(resolved_on, today)
    if resolved_on < noticed_on:
        raise RuleViolation("flag.error.resolved_before_noticed", noticed_on=noticed_on)
