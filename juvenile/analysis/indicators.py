"""The indicators of the quarterly analysis, and the arithmetic on them (pure pandas).

Every indicator is a *count* that the database aggregates, or *derived* from
counts here (a sum, a rate per 100 students, a percentage). Counts of a scope
add up over its schools; derived figures are recomputed from the added
counts, never averaged. No indicator names a child: they are all counts.
"""

import enum
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from juvenile.i18n import translate
from juvenile.rules.cases import CloseOutcome
from juvenile.rules.criteria import CRITERIA


class Kind(enum.StrEnum):
    COUNT = "count"
    RATE = "rate"  # per 100 students
    PERCENT = "percent"


class Group(enum.StrEnum):
    SUPPORT = "support"
    FLAGS = "flags"
    CASES = "cases"
    COUNCIL = "council"
    COMMISSION = "commission"
    PLACEMENTS = "placements"
    ABSENCE = "absence"


@dataclass(frozen=True)
class DecisionTypeName:
    """An entry of the commission's decision catalogue, as the analysis names it."""

    code: str
    name_kk: str
    name_ru: str


@dataclass(frozen=True)
class Indicator:
    """One figure of the analysis. ``names`` (kk, ru) label catalogue entries
    that live in the database (commission decision types); the rest are catalog keys."""

    code: str
    group: Group
    kind: Kind = Kind.COUNT
    names: tuple[str, str] | None = None

    def label(self, language: str | None) -> str:
        if self.names is not None:
            return self.names[0] if language == "kk" else self.names[1]
        if self.code.startswith(FLAG_PREFIX):
            return translate("analysis.indicator.flag", language,
                             number=self.code.removeprefix(FLAG_PREFIX))
        if self.code.startswith(CLOSED_PREFIX):
            outcome = translate(f"case.outcome.{self.code.removeprefix(CLOSED_PREFIX)}", language)
            return translate("analysis.indicator.closed", language, outcome=outcome)
        return translate(f"analysis.indicator.{self.code}", language)


FLAG_PREFIX = "flag_"
CLOSED_PREFIX = "closed_"
DECISION_PREFIX = "decision_"

FLAG_CODES = tuple(f"{FLAG_PREFIX}{c.number}" for c in CRITERIA)
CLOSED_CODES = tuple(f"{CLOSED_PREFIX}{outcome.value}" for outcome in CloseOutcome)

# Sums kept as their own column: the parts are counted, the whole is added here.
FLAGS_TOTAL = "flags_total"
CASES_CLOSED = "cases_closed"
DECISIONS_TOTAL = "decisions_total"
UNEXCUSED_PER_100 = "unexcused_per_100"
REHAB_ON_TIME_PCT = "rehab_on_time_pct"


def flag_code(criterion: int) -> str:
    return f"{FLAG_PREFIX}{criterion}"


def closed_code(outcome: CloseOutcome | str) -> str:
    return f"{CLOSED_PREFIX}{CloseOutcome(outcome).value}"


def decision_code(type_code: str) -> str:
    return f"{DECISION_PREFIX}{type_code}"


def catalogue(decision_types: Sequence[DecisionTypeName]) -> tuple[Indicator, ...]:
    """Every indicator, in the order tables show them.

    The commission's decision types come from its catalogue (an administrator
    may add types), so they are columns only at run time.
    """
    count = Kind.COUNT
    return (
        Indicator("support_start", Group.SUPPORT),
        Indicator("support_end", Group.SUPPORT),
        *(Indicator(code, Group.FLAGS) for code in FLAG_CODES),
        Indicator(FLAGS_TOTAL, Group.FLAGS),
        Indicator("cases_opened", Group.CASES),
        Indicator(CASES_CLOSED, Group.CASES),
        *(Indicator(code, Group.CASES) for code in CLOSED_CODES),
        Indicator("council_meetings", Group.COUNCIL),
        Indicator("refusals", Group.COUNCIL),
        Indicator("referrals", Group.COUNCIL),
        Indicator(DECISIONS_TOTAL, Group.COMMISSION),
        *(Indicator(decision_code(t.code), Group.COMMISSION, count, (t.name_kk, t.name_ru))
          for t in decision_types),
        Indicator("placements_started", Group.PLACEMENTS),
        Indicator("placements_ended", Group.PLACEMENTS),
        Indicator("placements_returned", Group.PLACEMENTS),
        Indicator("rehab_plans_due", Group.PLACEMENTS),
        Indicator("rehab_plans_on_time", Group.PLACEMENTS),
        Indicator(REHAB_ON_TIME_PCT, Group.PLACEMENTS, Kind.PERCENT),
        Indicator("enrolled", Group.ABSENCE),
        Indicator("unexcused_days", Group.ABSENCE),
        Indicator(UNEXCUSED_PER_100, Group.ABSENCE, Kind.RATE),
        Indicator("students_4day", Group.ABSENCE),
    )


_SUMS = {
    FLAGS_TOTAL: FLAG_PREFIX,
    CASES_CLOSED: CLOSED_PREFIX,
    DECISIONS_TOTAL: DECISION_PREFIX,
}
# rate = numerator / denominator * 100; undefined (NaN) when the denominator is 0.
_RATIOS = {
    UNEXCUSED_PER_100: ("unexcused_days", "enrolled"),
    REHAB_ON_TIME_PCT: ("rehab_plans_on_time", "rehab_plans_due"),
}


def counted_codes(indicators: Sequence[Indicator]) -> list[str]:
    """The indicators the database counts (everything not derived here)."""
    return [i.code for i in indicators if i.code not in _SUMS and i.code not in _RATIOS]


def derive(counts: pd.DataFrame, indicators: Sequence[Indicator]) -> pd.DataFrame:
    """``counts`` (one column per counted indicator) with the derived columns added,
    in catalogue order. Counts stay integers; rates and percentages are floats,
    NaN where the denominator is zero."""
    frame = counts.copy()
    for total, prefix in _SUMS.items():
        parts = [c for c in frame.columns if c.startswith(prefix)]
        frame[total] = frame[parts].sum(axis=1).astype("int64") if parts else 0
    for code, (numerator, denominator) in _RATIOS.items():
        frame[code] = ratio(frame[numerator], frame[denominator])
    return frame[[i.code for i in indicators]]


def ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """numerator / denominator × 100, NaN (not infinity) where the denominator is 0."""
    denominator = denominator.astype("float64")
    result = numerator.astype("float64") * 100.0 / denominator.where(denominator != 0)
    return result.astype("float64")


def change(current: pd.Series | pd.DataFrame, previous: pd.Series | pd.DataFrame):
    """Absolute change and percent change against the previous quarter.

    The percent change is undefined (NaN) when the previous value is 0 or
    itself undefined: there is no percentage of nothing.
    """
    current = current.astype("float64")
    previous = previous.astype("float64")
    difference = current - previous
    base = previous.where(previous != 0)
    return difference, difference * 100.0 / base


def as_optional(value: object) -> float | int | None:
    """A table cell as Python: None for a missing figure, int for a whole count."""
    if value is None or (isinstance(value, float | np.floating) and np.isnan(value)):
        return None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return value  # type: ignore[return-value]
