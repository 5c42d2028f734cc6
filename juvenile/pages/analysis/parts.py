"""Parts of the analysis pages shown alike for an area and for one school: the frame,
the period picker, the summary cards, the charts and the table of every indicator.

Each takes the page's state class: both states mix in the same vars
(``juvenile.state.analysis.common``).
"""

import reflex as rx
from reflex.vars.function import FunctionStringVar

from juvenile.components.text import t
from juvenile.components.workspace import section, workspace_page
from juvenile.state.analysis.figures import LABEL_SEPARATOR, TREND_LINES

__all__ = ["SCHOOL_TICK", "analysis_page", "cards", "change", "charts_row", "figure_table",
           "flags_chart", "period_picker", "section", "trend_chart"]

CHART_HEIGHT = 260
TREND_COLORS = ("teal", "orange", "blue", "crimson", "grass")
# The axis shows a category's number or code; the tooltip shows the whole label.
AXIS_TICK = FunctionStringVar.create(
    f"(value) => String(value).split({LABEL_SEPARATOR!r})[0]")
# The schools compared are named on their axis (issue 20, item 5): a long name is cut
# with an ellipsis, and the tooltip gives it whole with the code.
SCHOOL_NAME_SHOWN = 32  # two lines of the axis
SCHOOL_TICK = FunctionStringVar.create(
    f"(value) => {{ const name = String(value).split({LABEL_SEPARATOR!r})[0]; "
    f"return name.length > {SCHOOL_NAME_SHOWN} "
    f"? name.slice(0, {SCHOOL_NAME_SHOWN - 1}) + '…' : name; }}")
TICK = {"fontSize": 12}
TOOLTIP_STYLE = {"maxWidth": "20rem", "whiteSpace": "normal", "fontSize": "13px",
                 "borderRadius": "6px"}


def analysis_page(state, *children: rx.Component) -> rx.Component:
    """An analysis page in the portal frame; ``state.relabel`` translates what the
    server rendered when the visitor switches the language."""
    return workspace_page(None, state, *children)


def period_picker(state) -> rx.Component:
    """Year and quarter (quarters not begun yet greyed out), and a spinner while the
    figures are computed."""
    return rx.hstack(
        rx.text(t("ui.analysis.period"), size="2", weight="medium"),
        rx.select.root(
            rx.select.trigger(id="analysis-year", aria_label="year", width="6.5rem"),
            rx.select.content(rx.foreach(state.years, lambda y: rx.select.item(y, value=y))),
            value=state.year,
            on_change=state.set_year,
        ),
        rx.select.root(
            rx.select.trigger(id="analysis-quarter", aria_label="quarter", width="9rem"),
            rx.select.content(rx.foreach(state.quarters, lambda q: rx.select.item(
                q["label"], value=q["value"], disabled=q["disabled"] != ""))),
            value=state.quarter,
            on_change=state.set_quarter,
        ),
        rx.cond(state.computing, rx.hstack(rx.spinner(size="2"), rx.text(
            t("ui.analysis.computing"), size="2", color_scheme="gray"), align="center")),
        spacing="2",
        align="center",
    )


def change(direction: rx.Var, text: rx.Var, size: str = "1") -> rx.Component:
    """An arrow up or down (or none) and the signed change."""
    arrow = rx.match(
        direction,
        ("up", rx.icon("arrow-up", size=13, color=rx.color("teal", 11))),
        ("down", rx.icon("arrow-down", size=13, color=rx.color("orange", 11))),
        rx.fragment(),
    )
    return rx.hstack(arrow, rx.text(text, size=size, color_scheme="gray"), spacing="1",
                     align="center", white_space="nowrap")


def _card(card: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(card.label, size="1", color_scheme="gray", title=card.hint,
                    line_height="1.3", min_height="2.6em"),
            rx.hstack(
                rx.text(card.value, size="6", weight="bold", class_name="card-value"),
                rx.vstack(change(card.direction, card.change),
                          rx.text(card.percent, size="1", color_scheme="gray"),
                          spacing="0", align="end"),
                justify="between",
                align="center",
                width="100%",
            ),
            rx.text(card.previous, size="1", color_scheme="gray"),
            spacing="1",
            height="100%",
            justify="between",
        ),
        size="1",
        id="card-" + card.code,
        class_name="analysis-card",
    )


def cards(state) -> rx.Component:
    return rx.grid(rx.foreach(state.cards, _card), columns="7", spacing="3", width="100%",
                   id="analysis-cards")


def _chart_box(title_key: str, shown: rx.Var, empty_key: str, chart: rx.Component,
               box_id: str, title: rx.Var | None = None) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(title if title is not None else t(title_key), size="2", weight="bold",
                    line_height="1.3"),
            rx.cond(shown, chart, rx.center(
                rx.text(t(empty_key), size="2", color_scheme="gray", align="center"),
                height=f"{CHART_HEIGHT}px", width="100%")),
            spacing="2",
            width="100%",
        ),
        width="100%",
        min_width="0",
        id=box_id,
    )


def flags_chart(state) -> rx.Component:
    chart = rx.recharts.bar_chart(
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False),
        rx.recharts.x_axis(data_key="label", tick_formatter=AXIS_TICK, interval=0, tick=TICK),
        rx.recharts.y_axis(allow_decimals=False, width=32, tick=TICK),
        rx.recharts.graphing_tooltip(wrapper_style=TOOLTIP_STYLE),
        rx.recharts.bar(data_key="flags", name=t("ui.analysis.chart.flags_series"),
                        fill=rx.color("teal", 9), radius=[3, 3, 0, 0], max_bar_size=40,
                        is_animation_active=False),
        data=state.flags,
        width="100%",
        height=CHART_HEIGHT,
    )
    return _chart_box("ui.analysis.chart.flags", state.flags_shown, "ui.analysis.chart.no_flags",
                      chart, "chart-flags")


def trend_chart(state) -> rx.Component:
    lines = [
        rx.recharts.line(data_key=code, name=state.trend_names[code], stroke=rx.color(color, 9),
                         stroke_width=2, type_="linear", connect_nulls=False,
                         dot={"r": 3}, active_dot={"r": 5}, is_animation_active=False)
        for code, color in zip(TREND_LINES, TREND_COLORS, strict=True)
    ]
    chart = rx.recharts.line_chart(
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False),
        rx.recharts.x_axis(data_key="quarter", tick=TICK),
        rx.recharts.y_axis(allow_decimals=False, width=32, tick=TICK),
        rx.recharts.graphing_tooltip(wrapper_style=TOOLTIP_STYLE),
        rx.recharts.legend(icon_size=10, font_size="12px", line_height="1.4"),
        *lines,
        data=state.trend,
        width="100%",
        height=CHART_HEIGHT,
    )
    return _chart_box("ui.analysis.chart.trend", state.trend_shown, "ui.analysis.chart.no_trend",
                      chart, "chart-trend")


def charts_row(state, *more: rx.Component) -> rx.Component:
    return rx.grid(flags_chart(state), trend_chart(state), *more, columns=str(2 + len(more)),
                   spacing="3", width="100%")


def _figure_row(row: rx.Var) -> rx.Component:
    cell = {"text_align": "right", "white_space": "nowrap"}
    return rx.table.row(
        rx.table.cell(row.label),
        rx.table.cell(rx.text(row.value, weight="bold"), **cell),
        rx.table.cell(row.previous, **cell),
        rx.table.cell(rx.hstack(change(row.direction, row.change, "2"), justify="end"),
                      **cell),
        rx.table.cell(row.percent, **cell),
    )


def _figure_group(group: rx.Var) -> rx.Component:
    return rx.fragment(
        rx.table.row(rx.table.cell(rx.text(group.title, weight="bold", size="2"),
                                   col_span=5, background_color=rx.color("gray", 3))),
        rx.foreach(group.rows, _figure_row),
    )


def figure_table(state, title_key: str) -> rx.Component:
    """Every indicator, by section: the quarter, the previous one and the change."""
    right = {"text_align": "right", "white_space": "nowrap"}
    return section(
        title_key,
        rx.table.root(
            rx.table.header(rx.table.row(
                rx.table.column_header_cell(t("ui.analysis.figures.indicator")),
                rx.table.column_header_cell(t("ui.analysis.figures.value"), **right),
                rx.table.column_header_cell(t("ui.analysis.figures.previous"), **right),
                rx.table.column_header_cell(t("ui.analysis.figures.change"), **right),
                rx.table.column_header_cell(t("ui.analysis.figures.percent"), **right),
            )),
            rx.table.body(rx.foreach(state.groups, _figure_group)),
            size="1",
            width="100%",
            id="analysis-figures",
        ),
    )
