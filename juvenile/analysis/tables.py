"""The analysis as titled tables in one language: what the XLSX and the PDF show.

Both exports lay out the same tables, so the figures are chosen and labelled
once, here; each export only formats them.
"""

from dataclasses import dataclass, field

import pandas as pd

from juvenile.analysis import indicators as ind
from juvenile.analysis.result import QuarterlyAnalysis
from juvenile.i18n import translate


class CellKind:
    """How a column's numbers are written."""

    TEXT = "text"
    COUNT = ind.Kind.COUNT.value
    RATE = ind.Kind.RATE.value
    PERCENT = ind.Kind.PERCENT.value
    CHANGE_PCT = "change_pct"
    BY_ROW = "by_row"  # the row's indicator decides (summary, trend)


@dataclass(frozen=True)
class Column:
    header: str
    kind: str
    # The indicator a per-school column shows (None for labels and changes).
    indicator: str | None = None


@dataclass(frozen=True)
class Table:
    """``rows`` hold numbers as float/int or None; ``row_kinds`` give the kind of
    BY_ROW cells of each row; ``total`` is the scope's own row, when there is one."""

    key: str
    title: str
    columns: list[Column]
    rows: list[list]
    row_kinds: list[str] = field(default_factory=list)
    total: list | None = None
    frozen_columns: int = 1


def quarter_label(analysis_quarter, language: str, short: bool = False) -> str:
    key = "analysis.quarter.short" if short else "analysis.quarter.long"
    return translate(key, language, year=analysis_quarter.year, roman=analysis_quarter.roman,
                     number=analysis_quarter.number)


def _change_kind(kind: ind.Kind) -> str:
    # A change of a rate is a rate, of a percentage percentage points, of a count a count.
    return kind.value


def summary(analysis: QuarterlyAnalysis, language: str) -> Table:
    """Every indicator of the scope: the quarter, the previous one, the change."""
    columns = [
        Column(translate("analysis.column.group", language), CellKind.TEXT),
        Column(translate("analysis.column.indicator", language), CellKind.TEXT),
        Column(quarter_label(analysis.quarter, language, short=True), CellKind.BY_ROW),
        Column(quarter_label(analysis.previous, language, short=True), CellKind.BY_ROW),
        Column(translate("analysis.column.change", language), CellKind.BY_ROW),
        Column(translate("analysis.column.change_pct", language), CellKind.CHANGE_PCT),
    ]
    rows, kinds = [], []
    for indicator in analysis.indicators:
        figure = analysis.figure(indicator.code)
        rows.append([translate(f"analysis.group.{indicator.group.value}", language),
                     indicator.label(language), figure.value, figure.previous, figure.change,
                     figure.change_pct])
        kinds.append(indicator.kind.value)
    return Table("summary", translate("analysis.table.summary", language), columns, rows,
                 kinds, frozen_columns=2)


def by_school(analysis: QuarterlyAnalysis, group: ind.Group, language: str,
              with_changes: bool = True, with_names: bool = True) -> Table:
    """One group's indicators per school, then (optionally) their changes, and the total."""
    chosen = [i for i in analysis.indicators if i.group is group]
    columns = [Column(translate("analysis.column.school_code", language), CellKind.TEXT)]
    if with_names:
        columns.append(Column(translate("analysis.column.school_name", language),
                              CellKind.TEXT))
    columns += [Column(i.label(language), i.kind.value, i.code) for i in chosen]
    if with_changes:
        columns += [Column(translate("analysis.column.change_of", language,
                                     indicator=i.label(language)), _change_kind(i.kind))
                    for i in chosen]
    codes = [i.code for i in chosen]
    names = analysis.schools["name_kk" if language == "kk" else "name_ru"]
    blocks = [analysis.by_school[codes]] + ([analysis.change_by_school[codes]]
                                            if with_changes else [])
    figures = pd.concat(blocks, axis=1).to_numpy(dtype="float64")
    rows = []
    for code, name, values in zip(analysis.by_school.index, names, figures, strict=True):
        rows.append([code, name] if with_names else [code])
        rows[-1] += [ind.as_optional(v) for v in values]
    total = [translate("analysis.column.total", language)] + ([""] if with_names else [])
    total += [ind.as_optional(analysis.totals.at[c, "value"]) for c in codes]
    if with_changes:
        total += [ind.as_optional(analysis.totals.at[c, "change"]) for c in codes]
    return Table(group.value, translate(f"analysis.group.{group.value}", language), columns,
                 rows, total=total, frozen_columns=2 if with_names else 1)


def trend(analysis: QuarterlyAnalysis, language: str) -> Table:
    """The scope's totals over the last four quarters."""
    columns = [Column(translate("analysis.column.indicator", language), CellKind.TEXT)]
    columns += [Column(quarter_label(q, language, short=True), CellKind.BY_ROW)
                for q in analysis.quarters]
    rows = [[i.label(language), *(ind.as_optional(v) for v in analysis.trend.loc[i.code])]
            for i in analysis.indicators]
    kinds = [i.kind.value for i in analysis.indicators]
    return Table("trend", translate("analysis.table.trend", language), columns, rows, kinds)


def ranking(analysis: QuarterlyAnalysis, language: str) -> Table:
    """The schools in the order of the chosen indicators, with their changes."""
    chosen = [analysis.indicator(code) for code in analysis.rank_by]
    columns = [
        Column(translate("analysis.column.rank", language), CellKind.COUNT),
        Column(translate("analysis.column.school_code", language), CellKind.TEXT),
        Column(translate("analysis.column.school_name", language), CellKind.TEXT),
        *(Column(i.label(language), i.kind.value, i.code) for i in chosen),
        *(Column(translate("analysis.column.change_of", language, indicator=i.label(language)),
                 _change_kind(i.kind)) for i in chosen),
    ]
    codes = [i.code for i in chosen]
    order = analysis.ranking.index
    names = analysis.schools["name_kk" if language == "kk" else "name_ru"].loc[order]
    figures = pd.concat([analysis.ranking[codes], analysis.change_by_school.loc[order, codes]],
                        axis=1).to_numpy(dtype="float64")
    rows = [[int(rank), code, name, *(ind.as_optional(v) for v in values)]
            for rank, code, name, values in zip(analysis.ranking["rank"], order, names,
                                                figures, strict=True)]
    return Table("ranking", translate("analysis.table.ranking", language), columns, rows,
                 frozen_columns=3)


def all_tables(analysis: QuarterlyAnalysis, language: str) -> list[Table]:
    """Summary, one table per group of indicators, the trend and the ranking."""
    return [summary(analysis, language),
            *(by_school(analysis, group, language) for group in ind.Group),
            trend(analysis, language), ranking(analysis, language)]
