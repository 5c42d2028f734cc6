"""How the analysis screen shapes the service's result (juvenile.state.analysis.figures).

A hand-built analysis of 25 schools (built with the service's own ``build`` from
known counts, no database): the cards and their changes, the chart series, the
ranking and one page of the table. Counts only: nothing here can name a child
(Art. 21 item 10 asks for the schools' work).
"""

from datetime import date

import pandas as pd
import pytest

from juvenile.analysis import indicators as ind
from juvenile.analysis.periods import Quarter
from juvenile.analysis.result import build
from juvenile.analysis.scope import Scope, ScopeKind
from juvenile.i18n import LANGUAGES, catalog, translate
from juvenile.rules.criteria import name as criterion_name
from juvenile.services.analysis.quarterly import EXPORT_FORMATS, ScopeChoice
from juvenile.state.analysis import figures as fig

QUARTER = Quarter(2026, 4)
NBSP = "\u00a0"
SCHOOLS = 25


def _analysis(counts: list[tuple[int, int | None, str, int]], enrolled: dict[int, int]):
    quarters = QUARTER.last_n(4)  # 2026 Q1 … Q4: periods 0 … 3
    schools = pd.DataFrame(
        [(f"S{n:02d}", n, "D1", f"№ {n} мектеп", f"Школа № {n}") for n in range(1, SCHOOLS + 1)],
        columns=["school_code", "school_id", "district_code", "name_kk", "name_ru"],
    ).set_index("school_code")
    frame = pd.DataFrame(counts, columns=["period", "school_id", "indicator", "value"])
    indicators = ind.catalogue([ind.DecisionTypeName("warning", "Ескерту", "Предупреждение")])
    scope = Scope(ScopeKind.DISTRICT, 1, "D1", "Аудан", "Район", 1, 1)
    return build(scope, QUARTER, quarters, indicators, schools, frame, enrolled,
                 rank_by=["support_end"])


@pytest.fixture
def analysis():
    counts = [
        (3, 1, "support_end", 5), (2, 1, "support_end", 4),
        (3, 1, "flag_4", 3), (3, 2, "flag_4", 1), (3, 1, "flag_9", 1),
        (3, 1, "unexcused_days", 12),
        (3, 2, "support_end", 2), (2, 2, "support_end", 2),
        (0, 1, "cases_opened", 2),
        (3, None, "decision_warning", 1),  # a commission decision of no school
        *[(3, n, "support_end", n % 3) for n in range(3, SCHOOLS + 1)],
    ]
    enrolled = {1: 40, **{n: 100 for n in range(3, SCHOOLS + 1)}}  # S02 has no roll
    return _analysis(counts, enrolled)


def test_numbers_and_changes_are_written_as_each_language_writes_them():
    assert fig.figure_text(1234, ind.Kind.COUNT, "ru") == f"1{NBSP}234"
    assert fig.figure_text(12.345, ind.Kind.RATE, "ru") == "12,3"
    assert fig.figure_text(float("nan"), ind.Kind.PERCENT, "kk") == "—"
    assert fig.change_text(3, ind.Kind.COUNT, "kk") == "+3"
    assert fig.change_text(-1.5, ind.Kind.RATE, "ru") == "\u22121,5"
    assert fig.change_text(0, ind.Kind.COUNT, "ru") == "0"
    assert fig.change_text(None, ind.Kind.COUNT, "ru") == "—"
    assert fig.percent_text(25.0, "en") == f"+25{NBSP}%"
    assert fig.percent_text(float("nan"), "ru") == "—"  # the previous figure was 0
    assert fig.direction(2, ind.Kind.COUNT) == "up"
    assert fig.direction(-0.2, ind.Kind.RATE) == "down"
    assert fig.direction(0.04, ind.Kind.RATE) == "same"  # shows as 0,0: no arrow
    assert fig.direction(float("nan"), ind.Kind.PERCENT) == "none"


def test_summary_cards_show_each_headline_figure_against_the_previous_quarter(analysis):
    cards = {card.code: card for card in fig.summary_cards(analysis, "ru")}
    assert list(cards) == list(fig.HEADLINE)
    support = cards["support_end"]
    # 5 + 2 + (3..25 mod 3) this quarter; 4 + 2 before
    expected = 5 + 2 + sum(n % 3 for n in range(3, SCHOOLS + 1))
    assert support.value == str(expected)
    assert support.change == f"+{expected - 6}"
    assert support.percent == f"+{round((expected - 6) * 100 / 6)}{NBSP}%"
    assert support.direction == "up"
    assert support.previous == translate("ui.analysis.card.previous", "ru", value="6")
    assert support.hint == translate("analysis.indicator.support_end", "ru")
    flags = cards["flags_total"]  # nothing the quarter before: no percentage of nothing
    assert (flags.value, flags.change, flags.percent) == ("5", "+5", "—")
    rehab = cards["rehab_on_time_pct"]  # no plan was due in either quarter
    assert (rehab.value, rehab.change, rehab.direction) == ("—", "—", "none")
    assert cards["decisions_total"].value == "1"  # a decision of no school counts in the total
    # 12 unexcused days over a roll of 40 + 23 × 100 students
    assert cards["unexcused_per_100"].value == "0,5"


def test_every_card_column_and_download_label_is_in_every_catalog():
    # keys built at run time, which the catalog test's scan of literals cannot see
    keys = [f"ui.analysis.card.{code}" for code in fig.HEADLINE]
    keys += [f"ui.analysis.download.{fmt}" for fmt in EXPORT_FORMATS]
    for language in LANGUAGES:
        assert [key for key in keys if key not in catalog(language)] == [], language


def test_flags_by_criterion_give_twelve_bars_named_by_the_law(analysis):
    series = fig.criterion_series(analysis, "kk")
    assert [point["label"].split(fig.LABEL_SEPARATOR)[0] for point in series] == [
        str(n) for n in range(1, 13)]
    assert series[3] == {"label": f"4{fig.LABEL_SEPARATOR}{criterion_name(4, 'kk')}",
                         "flags": 4}
    assert series[8]["flags"] == 1 and series[0]["flags"] == 0
    assert fig.has_values(series, ["flags"])


def test_trend_has_the_last_four_quarters_oldest_first(analysis):
    series = fig.trend_series(analysis, "ru")
    assert [point["quarter"] for point in series] == ["I 2026", "II 2026", "III 2026",
                                                      "IV 2026"]
    assert series[0]["cases_opened"] == 2 and series[3]["cases_opened"] == 0
    assert series[2]["support_end"] == 6
    assert set(series[0]) == {"quarter", *fig.TREND_LINES}
    assert set(fig.trend_names("kk")) == set(fig.TREND_LINES)


def test_ranking_orders_by_the_picked_indicator_ties_by_code(analysis):
    order = fig.rank(analysis, "support_end", ascending=False)
    assert order[:3] == ["S01", "S02", "S05"]  # 5, then the 2s by code
    assert fig.rank(analysis, "support_end", ascending=True)[0] == "S03"  # 3 mod 3 = 0
    # a school with no roll has no rate: it goes last whichever way round
    assert fig.rank(analysis, "unexcused_per_100", ascending=False)[-1] == "S02"
    assert fig.rank(analysis, "unexcused_per_100", ascending=True)[-1] == "S02"
    # an indicator the browser made up ranks by the default
    assert fig.known_indicator(analysis, "name_ru") is None
    assert fig.rank(analysis, "name_ru", ascending=False) == order


def test_the_table_sends_one_page_of_schools_with_changes(analysis):
    order = fig.rank(analysis, "flag_4", ascending=False)
    columns = fig.table_columns("flag_4")
    assert columns == ("flag_4", *fig.TABLE_COLUMNS)
    assert fig.table_columns("referrals") == fig.TABLE_COLUMNS  # already a standing column

    first = fig.table_page(analysis, order, columns, 1, "ru")
    assert (first.page, first.pages, first.total, len(first.rows)) == (1, 2, SCHOOLS, 20)
    top = first.rows[0]
    assert (top.rank, top.code, top.id, top.name, top.district) == (
        "1", "S01", "1", "Школа № 1", "D1")
    flag_4, support_end = top.cells[0], top.cells[1]
    assert (flag_4.value, flag_4.change, flag_4.direction) == ("3", "+3", "up")
    assert (support_end.value, support_end.change) == ("5", "+1")
    assert first.rows[1].code == "S02"
    no_roll = first.rows[1].cells[columns.index("unexcused_per_100")]
    assert (no_roll.value, no_roll.change, no_roll.direction) == ("—", "—", "none")

    last = fig.table_page(analysis, order, columns, 99, "kk")  # clamped to the last page
    assert (last.page, len(last.rows), last.rows[0].rank) == (2, 5, "21")
    assert last.rows[0].name.endswith("мектеп")
    assert fig.table_page(analysis, order, columns, 0, "ru").page == 1


def test_schools_compared_shows_the_first_ten_with_a_figure(analysis):
    order = fig.rank(analysis, "unexcused_per_100", ascending=True)
    series = fig.school_series(analysis, order, "unexcused_per_100", "ru")
    assert len(series) == fig.TOP_SCHOOLS
    assert all(not point["label"].endswith("S02") for point in series)
    top = fig.school_series(analysis, fig.rank(analysis, "support_end", False), "support_end",
                            "kk", top=2)
    # the name first, shown on the axis; the code after it, in the tooltip (issue 20, item 5)
    assert top == [{"label": f"№ 1 мектеп{fig.LABEL_SEPARATOR}S01", "value": 5},
                   {"label": f"№ 2 мектеп{fig.LABEL_SEPARATOR}S02", "value": 2}]


def test_every_indicator_is_listed_by_section(analysis):
    groups = fig.figure_groups(analysis, "kk")
    assert [g.title for g in groups] == [translate(f"analysis.group.{g.value}", "kk")
                                         for g in ind.Group]
    assert sum(len(g.rows) for g in groups) == len(analysis.indicators)
    commission = groups[[g.value for g in ind.Group].index("commission")]
    warning = next(row for row in commission.rows if row.label == "Ескерту")
    assert (warning.value, warning.previous, warning.change, warning.percent) == (
        "1", "0", "+1", "—")


def test_a_quarter_with_nothing_recorded_is_quiet(analysis):
    assert not fig.quiet(analysis)
    assert fig.quiet(_analysis([], {1: 30}))  # a roll, but no event
    empty = _analysis([], {})
    assert not fig.has_values(fig.criterion_series(empty, "ru"), ["flags"])
    assert not fig.has_values(fig.trend_series(empty, "ru"), fig.TREND_LINES)


def test_the_period_from_the_browser_is_a_begun_quarter():
    today = date(2026, 11, 25)
    assert fig.parse_period("2026", "2", today) == Quarter(2026, 2)
    assert fig.parse_period("2027", "1", today) == Quarter(2026, 4)  # not begun yet
    assert fig.parse_period("2026", "5", today) == Quarter(2026, 4)
    assert fig.parse_period("20x6", "", today) == Quarter(2026, 4)
    assert fig.year_options(today) == ["2026", "2025", "2024"]
    spring = fig.quarter_options(2026, date(2026, 5, 1), "ru")
    assert [q["disabled"] for q in spring] == ["", "", "1", "1"]
    assert spring[1]["label"] == "II квартал"
    assert fig.period_title(Quarter(2026, 1), "ru") == translate(
        "analysis.subtitle", "ru", quarter="I квартал 2026 года",
        previous="IV квартал 2025 года")


def test_a_scope_from_the_browser_must_be_one_the_user_may_analyse():
    region = ScopeChoice(ScopeKind.REGION, 7, "KZ-71", "Астана қаласы", "Город Астана")
    district = ScopeChoice(ScopeKind.DISTRICT, 3, "AST-ALM", "Алматы ауданы", "район Алматы")
    choices = [region, district]
    assert fig.pick_scope(choices, "district-3") is district
    assert fig.pick_scope(choices, "district-4") is region  # not offered: the user's own
    assert fig.pick_scope([], "district-3") is None
    assert fig.scope_label(region, "ru") == "Город Астана: все районы"
    assert fig.scope_label(district, "kk") == "Алматы ауданы"
