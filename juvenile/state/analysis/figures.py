"""The quarterly analysis shaped for the screen (pure functions: no Reflex, no database).

The service computes the whole scope once (``services.quarterly_analysis``);
these functions turn its tables into what the browser receives: a few summary
cards, short chart series and ONE page of the per-school table. A region's
thousand schools stay on the server. Only counts leave it: no child is named at
any level (Art. 21 item 10 asks for an analysis of the schools' work, not of
children).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from juvenile.analysis import indicators as ind
from juvenile.analysis.periods import QUARTERS_PER_YEAR, ROMAN, Quarter, quarter_of
from juvenile.analysis.result import QuarterlyAnalysis, rank_schools
from juvenile.analysis.scope import ScopeKind
from juvenile.analysis.tables import quarter_label
from juvenile.errors import Refusal
from juvenile.i18n import format_number, translate
from juvenile.rules.criteria import CRITERIA
from juvenile.rules.criteria import name as criterion_name

# The summary cards, in the order of the issue: support, flags, cases, council,
# commission, placements, absence.
HEADLINE = (
    "support_start", "support_end", "flags_total", "cases_opened", "cases_closed",
    "council_meetings", "refusals", "referrals", "decisions_total", "placements_started",
    "placements_returned", "rehab_on_time_pct", "unexcused_per_100", "students_4day",
)
# The per-school table's standing columns; the ranking indicator joins them in front.
TABLE_COLUMNS = ("support_end", "flags_total", "cases_opened", "referrals",
                 "unexcused_per_100", "students_4day")
# The lines of the trend chart (all counts: one axis serves them).
TREND_LINES = ("support_end", "flags_total", "cases_opened", "referrals", "students_4day")
DEFAULT_RANK = "support_end"
PAGE_SIZE = 20
TOP_SCHOOLS = 10
YEARS_SHOWN = 3
NO_FIGURE = "—"
MINUS = "\u2212"
# What a chart's category shows on its axis: the part before this separator
# (the criterion's number, the school's name); the tooltip shows all of it.
LABEL_SEPARATOR = " · "


# --- numbers -----------------------------------------------------------------------

def _decimals(kind: ind.Kind) -> int:
    return 0 if kind is ind.Kind.COUNT else 1


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def figure_text(value: float | int | None, kind: ind.Kind, language: str) -> str:
    """A figure as the language writes it; "—" when it is undefined (a percentage of nothing)."""
    if value is None or _missing(value):
        return NO_FIGURE
    return format_number(round(float(value), _decimals(kind)), language, _decimals(kind))


def _signed(value: float, decimals: int, language: str) -> str:
    shown = round(value, decimals)
    if shown == 0:
        return format_number(0, language, decimals)
    sign = "+" if shown > 0 else MINUS
    return sign + format_number(abs(shown), language, decimals)


def direction(change: float | int | None, kind: ind.Kind) -> str:
    """``up``, ``down``, ``same`` (no change as shown), or ``none`` (no previous figure)."""
    if change is None or _missing(change):
        return "none"
    shown = round(float(change), _decimals(kind))
    return "up" if shown > 0 else "down" if shown < 0 else "same"


def change_text(change: float | int | None, kind: ind.Kind, language: str) -> str:
    """The absolute change, signed ("+3", "−1,5"); "—" when there is no previous figure."""
    if change is None or _missing(change):
        return NO_FIGURE
    return _signed(float(change), _decimals(kind), language)


def percent_text(change_pct: float | None, language: str) -> str:
    """The change in percent of the previous figure; "—" when that was 0 or undefined."""
    if change_pct is None or _missing(change_pct):
        return NO_FIGURE
    return _signed(float(change_pct), 0, language) + "\u00a0%"


# --- summary cards and the grouped table of every indicator -------------------------

@dataclass
class Card:
    """One headline figure with its change against the previous quarter."""

    code: str = ""
    label: str = ""
    hint: str = ""  # the indicator's full name (the card shows a short one)
    value: str = ""
    previous: str = ""
    change: str = ""
    percent: str = ""
    direction: str = "none"


def summary_cards(analysis: QuarterlyAnalysis, language: str) -> list[Card]:
    cards = []
    for code in HEADLINE:
        kind, figure = analysis.indicator(code).kind, analysis.figure(code)
        cards.append(Card(
            code=code,
            label=translate(f"ui.analysis.card.{code}", language),
            hint=analysis.label(code, language),
            value=figure_text(figure.value, kind, language),
            previous=translate("ui.analysis.card.previous", language,
                               value=figure_text(figure.previous, kind, language)),
            change=change_text(figure.change, kind, language),
            percent=percent_text(figure.change_pct, language),
            direction=direction(figure.change, kind),
        ))
    return cards


@dataclass
class FigureRow:
    label: str = ""
    value: str = ""
    previous: str = ""
    change: str = ""
    percent: str = ""
    direction: str = "none"


@dataclass
class FigureGroup:
    title: str = ""
    rows: list[FigureRow] = field(default_factory=list)


def figure_groups(analysis: QuarterlyAnalysis, language: str) -> list[FigureGroup]:
    """Every indicator of the scope (or of the one school drilled into), by section:
    the quarter, the previous one, the change and the change in percent."""
    totals = analysis.totals.to_dict("index")
    groups: dict[ind.Group, FigureGroup] = {}
    for indicator in analysis.indicators:
        group = groups.setdefault(indicator.group, FigureGroup(
            translate(f"analysis.group.{indicator.group.value}", language)))
        figure, kind = totals[indicator.code], indicator.kind
        group.rows.append(FigureRow(
            label=indicator.label(language),
            value=figure_text(figure["value"], kind, language),
            previous=figure_text(figure["previous"], kind, language),
            change=change_text(figure["change"], kind, language),
            percent=percent_text(figure["change_pct"], language),
            direction=direction(figure["change"], kind),
        ))
    return list(groups.values())


def quiet(analysis: QuarterlyAnalysis) -> bool:
    """Nothing was recorded in the quarter (the roll aside): no flag, case, meeting,
    decision, placement or absence."""
    values = analysis.totals["value"].drop("enrolled", errors="ignore").fillna(0)
    return bool((values == 0).all())


# --- charts ---------------------------------------------------------------------------

def _number(value: object) -> float | int | None:
    """A figure for a chart: an int for a whole count, None (a gap) when undefined."""
    value = ind.as_optional(value)
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 1)


def criterion_series(analysis: QuarterlyAnalysis, language: str) -> list[dict]:
    """New flags per criterion of Art. 78 (2): twelve bars, the criterion's name in the
    tooltip (``label``: "4 · name"; the axis shows the number)."""
    flags = analysis.flags_by_criterion()["value"]
    return [{"label": f"{c.number}{LABEL_SEPARATOR}{criterion_name(c.number, language)}",
             "flags": _number(flags.loc[c.number]) or 0}
            for c in CRITERIA]


def trend_series(analysis: QuarterlyAnalysis, language: str) -> list[dict]:
    """One point per quarter of the last four (oldest first) with the TREND_LINES."""
    points = []
    for quarter in analysis.quarters:
        column = analysis.trend[quarter.key]
        point: dict[str, str | float | int | None] = {
            "quarter": translate("analysis.quarter.axis", language, roman=quarter.roman,
                                 year=quarter.year)}
        point.update({code: _number(column.loc[code]) for code in TREND_LINES})
        points.append(point)
    return points


def trend_names(language: str) -> dict[str, str]:
    """The legend of the trend chart: each line's short name."""
    return {code: translate(f"ui.analysis.card.{code}", language) for code in TREND_LINES}


def school_name(analysis: QuarterlyAnalysis, code: str, language: str) -> str:
    return str(analysis.schools.at[code, "name_kk" if language == "kk" else "name_ru"])


def school_series(analysis: QuarterlyAnalysis, order: Sequence[str], indicator: str,
                  language: str, top: int = TOP_SCHOOLS) -> list[dict]:
    """The first ``top`` schools of the ranking with their figure (those without one,
    such as a rate of a school with no roll, left out)."""
    points = []
    for code in order:
        value = _number(analysis.by_school.at[code, indicator])
        if value is None:
            continue
        # The reader knows a school by its name; the code follows, for the tooltip.
        points.append({"label": f"{school_name(analysis, code, language)}{LABEL_SEPARATOR}{code}",
                       "value": value})
        if len(points) == top:
            break
    return points


def has_values(series: Sequence[dict], keys: Sequence[str]) -> bool:
    """Whether a chart would show anything but zeros."""
    return any(point.get(key) for point in series for key in keys)


# --- ranking and the per-school table --------------------------------------------------

def known_indicator(analysis: QuarterlyAnalysis, code: object) -> str | None:
    """``code`` if it names an indicator of this analysis (a value from the browser)."""
    code = str(code)
    return code if code in analysis.by_school.columns else None


def rank(analysis: QuarterlyAnalysis, indicator: str, ascending: bool) -> list[str]:
    """The school codes ordered by one indicator (the service's ranking: highest first
    unless ``ascending``, ties by code, schools without a figure last)."""
    try:
        return list(rank_schools(analysis.by_school, [indicator], ascending).index)
    except Refusal:
        return list(rank_schools(analysis.by_school, [DEFAULT_RANK], ascending).index)


def table_columns(indicator: str) -> tuple[str, ...]:
    """The indicators the table shows: its standing columns, the ranking one first when
    it is not among them."""
    return TABLE_COLUMNS if indicator in TABLE_COLUMNS else (indicator, *TABLE_COLUMNS)


@dataclass
class Column:
    code: str = ""
    label: str = ""
    hint: str = ""
    active: bool = False


def column_heads(analysis: QuarterlyAnalysis, columns: Sequence[str], indicator: str,
                 language: str) -> list[Column]:
    """Short headers for the standing columns, the full name for any other."""
    heads = []
    for code in columns:
        full = analysis.label(code, language)
        short = translate(f"ui.analysis.card.{code}", language) if code in TABLE_COLUMNS \
            else full
        heads.append(Column(code, short, full, code == indicator))
    return heads


@dataclass
class Cell:
    value: str = ""
    change: str = ""
    direction: str = "none"


@dataclass
class SchoolRow:
    id: str = ""
    rank: str = ""
    code: str = ""
    name: str = ""
    district: str = ""
    cells: list[Cell] = field(default_factory=list)


@dataclass
class TablePage:
    rows: list[SchoolRow]
    page: int
    pages: int
    total: int


def table_page(analysis: QuarterlyAnalysis, order: Sequence[str], columns: Sequence[str],
               page: int, language: str, size: int = PAGE_SIZE) -> TablePage:
    """One page of the schools in ranking order: only these rows are formatted and sent."""
    total = len(order)
    pages = max(1, math.ceil(total / size))
    page = min(max(1, page), pages)
    first = (page - 1) * size
    codes = list(order[first:first + size])
    kinds = [analysis.indicator(code).kind for code in columns]
    # Plain arrays: a page is formatted cell by cell, and pandas' scalar access is slow.
    values = analysis.by_school.loc[codes, list(columns)].to_numpy(dtype="float64")
    changes = analysis.change_by_school.loc[codes, list(columns)].to_numpy(dtype="float64")
    schools = analysis.schools.loc[codes]
    names = schools["name_kk" if language == "kk" else "name_ru"]
    rows = []
    for n, code in enumerate(codes):
        cells = [Cell(figure_text(values[n, c], kind, language),
                      change_text(changes[n, c], kind, language),
                      direction(changes[n, c], kind))
                 for c, kind in enumerate(kinds)]
        rows.append(SchoolRow(
            id=str(int(schools["school_id"].iat[n])), rank=str(first + n + 1), code=code,
            name=str(names.iat[n]), district=str(schools["district_code"].iat[n]),
            cells=cells))
    return TablePage(rows, page, pages, total)


def indicator_options(analysis: QuarterlyAnalysis, language: str) -> list[dict[str, str]]:
    """Every indicator the schools can be ranked by, in the catalogue's order."""
    return [{"value": i.code, "label": i.label(language)} for i in analysis.indicators]


# --- period and scope -----------------------------------------------------------------

def parse_period(year: object, quarter: object, today: date) -> Quarter:
    """The quarter asked for by the browser; the current quarter when the request is
    malformed or in the future (nothing can be analysed there yet)."""
    current = quarter_of(today)
    try:
        asked = Quarter(int(str(year).strip()), int(str(quarter).strip()))
    except (ValueError, Refusal):
        return current
    return asked if asked <= current else current


def year_options(today: date) -> list[str]:
    return [str(year) for year in range(today.year, today.year - YEARS_SHOWN, -1)]


def quarter_options(year: int, today: date, language: str) -> list[dict[str, str]]:
    """The four quarters of ``year``; those not begun yet cannot be chosen."""
    current = quarter_of(today)
    return [{"value": str(number),
             "label": translate("ui.analysis.quarter", language, roman=ROMAN[number - 1]),
             "disabled": "1" if Quarter(year, number) > current else ""}
            for number in range(1, QUARTERS_PER_YEAR + 1)]


def period_title(quarter: Quarter, language: str) -> str:
    """"Quarter IV of 2026 (compared with quarter III of 2026)"."""
    return translate("analysis.subtitle", language, quarter=quarter_label(quarter, language),
                     previous=quarter_label(quarter.previous(), language))


def scope_value(kind: ScopeKind | str, scope_id: int) -> str:
    """A scope as a select's value, e.g. ``district-4``."""
    return f"{ScopeKind(kind).value}-{scope_id}"


def pick_scope(choices: Sequence, value: object):
    """The choice a select's value names, among those the actor may analyse; the first
    (the analyst's own region or district) when it names none of them."""
    for choice in choices:
        if scope_value(choice.kind, choice.id) == str(value):
            return choice
    return choices[0] if choices else None


def scope_label(choice, language: str) -> str:
    key = ("ui.analysis.scope.region" if choice.kind == ScopeKind.REGION
           else "ui.analysis.scope.district")
    return translate(key, language, name=choice.name(language), code=choice.code)
