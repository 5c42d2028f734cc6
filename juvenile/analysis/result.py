"""The result of a quarterly analysis: pandas tables a page or an export reads.

Missing figures (a percentage of nothing, a change against an undefined
figure) are NaN in the frames; ``Figure`` and ``long()`` give them as None.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from juvenile.analysis import indicators as ind
from juvenile.analysis.periods import Quarter
from juvenile.analysis.scope import Scope
from juvenile.rules.criteria import CRITERIA
from juvenile.rules.errors import RuleViolation

FIGURE_COLUMNS = ["value", "previous", "change", "change_pct"]
LONG_COLUMNS = ["scope", "school_code", "indicator", "year", "quarter", *FIGURE_COLUMNS]
# The school_code of the scope's own total in the long format.
TOTAL_CODE = ""
UNATTRIBUTED = 0  # school_id of figures that belong to the scope's total only


@dataclass(frozen=True)
class Figure:
    """One indicator of one quarter, against the previous quarter."""

    value: float | int | None
    previous: float | int | None
    change: float | int | None
    change_pct: float | None


@dataclass(frozen=True)
class QuarterlyAnalysis:
    """The figures of one scope and quarter.

    ``schools``: index school code; columns school_id, district_code, name_kk,
    name_ru (organisation names are public; no child is ever named).
    ``by_school`` / ``previous_by_school``: index school code, one column per
    indicator code (``indicators``), the quarter and the one before.
    ``totals``: index indicator code; columns value, previous, change, change_pct.
    ``trend``: index indicator code; one column per quarter of ``quarters``
    (the last four, oldest first), the scope's totals.
    ``ranking``: the schools ordered by ``rank_by`` (see ``rank_schools``).
    """

    scope: Scope
    quarter: Quarter
    quarters: tuple[Quarter, ...]
    indicators: tuple[ind.Indicator, ...]
    schools: pd.DataFrame
    by_school: pd.DataFrame
    previous_by_school: pd.DataFrame
    totals: pd.DataFrame
    trend: pd.DataFrame
    rank_by: tuple[str, ...]
    ranking: pd.DataFrame

    @property
    def previous(self) -> Quarter:
        return self.quarter.previous()

    def indicator(self, code: str) -> ind.Indicator:
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        raise RuleViolation("analysis.error.unknown_indicator", value=code)

    def label(self, code: str, language: str | None) -> str:
        return self.indicator(code).label(language)

    def figure(self, code: str) -> Figure:
        """The scope's total of one indicator, for a summary card."""
        row = self.totals.loc[code]
        return Figure(*(ind.as_optional(row[column]) for column in FIGURE_COLUMNS))

    @cached_property
    def change_by_school(self) -> pd.DataFrame:
        """Per school and indicator: value minus the previous quarter's value."""
        return ind.change(self.by_school, self.previous_by_school)[0]

    @cached_property
    def change_pct_by_school(self) -> pd.DataFrame:
        """Per school and indicator: the change in percent of the previous value (NaN
        where that is 0 or undefined)."""
        return ind.change(self.by_school, self.previous_by_school)[1]

    def school(self, school_code: str) -> pd.DataFrame:
        """One school's figures (the drill-down): index indicator code, FIGURE_COLUMNS."""
        if school_code not in self.by_school.index:
            raise RuleViolation("analysis.error.unknown_school", value=school_code)
        return pd.DataFrame({
            "value": self.by_school.loc[school_code].astype("float64"),
            "previous": self.previous_by_school.loc[school_code].astype("float64"),
            "change": self.change_by_school.loc[school_code],
            "change_pct": self.change_pct_by_school.loc[school_code],
        })

    def flags_by_criterion(self) -> pd.DataFrame:
        """Totals of new flags per criterion of Art. 78 (2): index 1..12, FIGURE_COLUMNS."""
        frame = self.totals.loc[[ind.flag_code(c.number) for c in CRITERIA]]
        return frame.set_axis([c.number for c in CRITERIA], axis=0)

    def long(self) -> pd.DataFrame:
        """Every figure as one row: scope, school_code ('' for the scope's total),
        indicator, year, quarter, value, previous, change, change_pct."""
        parts = [self.totals.assign(school_code=TOTAL_CODE).rename_axis("indicator")
                 .reset_index()]
        if len(self.by_school):
            stacked = {
                "value": self.by_school.astype("float64"),
                "previous": self.previous_by_school.astype("float64"),
                "change": self.change_by_school,
                "change_pct": self.change_pct_by_school,
            }
            columns = {name: frame.stack() for name, frame in stacked.items()}
            per_school = pd.DataFrame(columns).rename_axis(["school_code", "indicator"])
            parts.append(per_school.reset_index())
        frame = pd.concat(parts, ignore_index=True)
        frame["scope"] = self.scope.code
        frame["year"] = self.quarter.year
        frame["quarter"] = self.quarter.number
        return frame[LONG_COLUMNS]


def rank_schools(by_school: pd.DataFrame, keys: Sequence[str],
                 ascending: bool | Sequence[bool] = False) -> pd.DataFrame:
    """The schools ordered by the indicators ``keys`` (first key first), highest
    first unless ``ascending``; ties keep the order of school codes, missing
    figures go last. Columns: rank (1, 2, ...) then the keys; index school code."""
    keys = list(keys)
    unknown = [key for key in keys if key not in by_school.columns]
    if not keys or unknown:
        raise RuleViolation("analysis.error.unknown_indicator", value=", ".join(unknown))
    order = [ascending] * len(keys) if isinstance(ascending, bool) else list(ascending)
    if len(order) != len(keys):
        raise RuleViolation("analysis.error.unknown_indicator", value=", ".join(keys))
    frame = by_school[keys].rename_axis("school_code").reset_index()
    frame = frame.sort_values([*keys, "school_code"], ascending=[*order, True],
                              na_position="last", kind="mergesort")
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame.set_index("school_code")


def build(
    scope: Scope,
    quarter: Quarter,
    quarters: Sequence[Quarter],
    indicators: Sequence[ind.Indicator],
    schools: pd.DataFrame,
    counts: pd.DataFrame,
    enrolled: dict[int, int],
    rank_by: Sequence[str],
    ascending: bool | Sequence[bool] = False,
) -> QuarterlyAnalysis:
    """Assemble the tables from the aggregated ``counts`` (see ``queries.event_counts``).

    Every school of the scope appears, with zeros where nothing happened;
    figures of no school (``school_id`` None) enter the totals only.
    """
    periods = range(len(quarters))
    counted = ind.counted_codes(indicators)
    ids = [int(i) for i in schools["school_id"]]
    counts = counts.assign(school_id=counts["school_id"].fillna(UNATTRIBUTED).astype("int64"))
    full_index = pd.MultiIndex.from_product([periods, [*ids, UNATTRIBUTED]],
                                            names=["period", "school_id"])
    wide = (counts.pivot_table(index=["period", "school_id"], columns="indicator",
                               values="value", aggfunc="sum", fill_value=0)
            .reindex(index=full_index, columns=counted, fill_value=0)
            .fillna(0).astype("int64"))
    wide["enrolled"] = [enrolled.get(school, 0) for _period, school in wide.index]

    def per_school(period: int) -> pd.DataFrame:
        frame = ind.derive(wide.loc[period].loc[ids], indicators)
        return frame.set_axis(schools.index, axis=0)

    def total(period: int) -> pd.Series:
        summed = wide.loc[period].sum().to_frame().T
        return ind.derive(summed, indicators).iloc[0].astype("float64")

    totals_by_period = {quarters[p].key: total(p) for p in periods}
    trend = pd.DataFrame(totals_by_period)
    current, previous = trend.iloc[:, -1], trend.iloc[:, -2]
    difference, percent = ind.change(current, previous)
    totals = pd.DataFrame({"value": current, "previous": previous, "change": difference,
                           "change_pct": percent})
    by_school = per_school(len(quarters) - 1)
    return QuarterlyAnalysis(
        scope=scope,
        quarter=quarter,
        quarters=tuple(quarters),
        indicators=tuple(indicators),
        schools=schools,
        by_school=by_school,
        previous_by_school=per_school(len(quarters) - 2),
        totals=totals,
        trend=trend,
        rank_by=tuple(rank_by),
        ranking=rank_schools(by_school, rank_by, ascending),
    )
