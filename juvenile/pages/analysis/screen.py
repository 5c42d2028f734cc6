"""/analysis: the quarterly analysis of a district's or region's schools (Art. 21 item 10)."""

import reflex as rx

from juvenile.components.text import t
from juvenile.components.ui import empty_state, no_access, page_header, pager
from juvenile.pages.analysis.parts import (
    CHART_HEIGHT,
    SCHOOL_TICK,
    TICK,
    TOOLTIP_STYLE,
    analysis_page,
    cards,
    change,
    charts_row,
    figure_table,
    period_picker,
    section,
)
from juvenile.state.analysis.screen import EXPORT_FORMATS
from juvenile.state.analysis.screen import AnalysisState as S

ROUTE = "/analysis"


def _downloads() -> rx.Component:
    return rx.hstack(
        rx.text(t("ui.analysis.download"), size="2", color_scheme="gray"),
        *[rx.button(rx.icon("download", size=14), fmt.upper(), variant="soft", size="2",
                    on_click=S.download(fmt), id=f"download-{fmt}",
                    title=t(f"ui.analysis.download.{fmt}"), disabled=S.computing)
          for fmt in EXPORT_FORMATS],
        spacing="2",
        align="center",
    )


def _scope_picker() -> rx.Component:
    """A regional analyst picks the region or one of its districts; a district analyst
    sees their district named."""
    return rx.cond(
        S.scopes.length() > 1,
        rx.hstack(
            rx.text(t("ui.analysis.scope"), size="2", weight="medium"),
            rx.select.root(
                rx.select.trigger(id="analysis-scope", aria_label="scope", max_width="26rem"),
                rx.select.content(rx.foreach(S.scopes, lambda s: rx.select.item(
                    s["label"], value=s["value"]))),
                value=S.scope,
                on_change=S.set_scope,
            ),
            spacing="2",
            align="center",
        ),
        rx.hstack(rx.icon("map-pin", size=16, color=rx.color("gray", 10)),
                  rx.text(S.scope_name, size="2", weight="medium", id="analysis-scope-name"),
                  spacing="1", align="center"),
    )


def _controls() -> rx.Component:
    return rx.hstack(
        _scope_picker(),
        period_picker(S),
        rx.spacer(),
        _downloads(),
        spacing="5",
        align="center",
        width="100%",
        wrap="wrap",
        padding_bottom="1rem",
    )


def _schools_chart() -> rx.Component:
    chart = rx.recharts.bar_chart(
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", horizontal=False),
        rx.recharts.x_axis(type_="number", allow_decimals=False, tick=TICK),
        rx.recharts.y_axis(data_key="label", type_="category", tick_formatter=SCHOOL_TICK,
                           width=170, tick=TICK, interval=0),
        rx.recharts.graphing_tooltip(wrapper_style=TOOLTIP_STYLE),
        rx.recharts.bar(data_key="value", name=S.schools_chart_title,
                        fill=rx.color("blue", 9), radius=[0, 3, 3, 0], max_bar_size=22,
                        is_animation_active=False),
        data=S.schools_chart,
        layout="vertical",
        width="100%",
        height=CHART_HEIGHT,
    )
    return rx.card(
        rx.vstack(
            rx.text(t("ui.analysis.chart.schools"), size="2", weight="bold",
                    line_height="1.3"),
            rx.text(S.schools_chart_title, size="1", color_scheme="gray", line_height="1.3",
                    white_space="nowrap", overflow="hidden", text_overflow="ellipsis",
                    max_width="100%", title=S.schools_chart_title),
            rx.cond(S.schools_chart_shown, chart, rx.center(
                rx.text(t("ui.analysis.chart.no_schools"), size="2", color_scheme="gray",
                        align="center"), height=f"{CHART_HEIGHT}px", width="100%")),
            spacing="1",
            width="100%",
        ),
        width="100%",
        min_width="0",
        id="chart-schools",
    )


def _column_head(column: rx.Var) -> rx.Component:
    """A standing column's short name (its full name on hover); a click ranks by it."""
    icon_style = {"display": "inline-block", "vertical_align": "text-bottom",
                  "margin_left": "2px"}
    return rx.table.column_header_cell(
        rx.text(
            column.label,
            rx.cond(column.active,
                    rx.icon(rx.cond(S.ascending, "arrow-up", "arrow-down"), size=13,
                            **icon_style),
                    rx.icon("arrow-up-down", size=13, color=rx.color("gray", 8),
                            **icon_style)),
            size="1",
            line_height="1.3",
            cursor="pointer",
            on_click=S.rank_schools(column.code),
        ),
        title=column.hint,
        text_align="right",
        vertical_align="bottom",
        background_color=rx.cond(column.active, rx.color("teal", 3), "transparent"),
        min_width="7.5rem",
    )


def _cell(cell: rx.Var) -> rx.Component:
    return rx.table.cell(
        rx.vstack(rx.text(cell.value, weight="medium"),
                  change(cell.direction, cell.change), spacing="0", align="end"),
        text_align="right",
    )


def _school_row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row.rank, color_scheme="gray"), text_align="right"),
        rx.table.cell(
            rx.link(row.name, href="/analysis/schools/" + row.id + "?year=" + S.year
                    + "&quarter=" + S.quarter, weight="medium", class_name="school-link"),
            rx.text(row.code, " · ", row.district, size="1", color_scheme="gray"),
        ),
        rx.foreach(row.cells, _cell),
        class_name="school-row",
    )


def _ranking_controls() -> rx.Component:
    return rx.hstack(
        rx.text(t("ui.analysis.schools.rank_by"), size="2", weight="medium"),
        rx.select.root(
            rx.select.trigger(id="analysis-rank-by", max_width="30rem",
                              aria_label=t("ui.analysis.schools.rank_by")),
            rx.select.content(rx.foreach(S.rank_options, lambda o: rx.select.item(
                o["label"], value=o["value"]))),
            value=S.rank_by,
            on_change=S.set_rank_by,
        ),
        rx.segmented_control.root(
            rx.segmented_control.item(t("ui.analysis.schools.descending"),
                                      value="descending"),
            rx.segmented_control.item(t("ui.analysis.schools.ascending"), value="ascending"),
            value=rx.cond(S.ascending, "ascending", "descending"),
            on_change=S.set_order,
            size="1",
            id="analysis-order",
        ),
        spacing="3",
        align="center",
        wrap="wrap",
    )


def _schools_table() -> rx.Component:
    return section(
        "ui.analysis.schools.title",
        _ranking_controls(),
        rx.text(t("ui.analysis.schools.hint"), size="1", color_scheme="gray"),
        rx.table.root(
            rx.table.header(rx.table.row(
                rx.table.column_header_cell(t("ui.analysis.schools.rank"), width="3rem",
                                            text_align="right", vertical_align="bottom"),
                rx.table.column_header_cell(t("ui.analysis.schools.school"),
                                            vertical_align="bottom", min_width="15rem"),
                rx.foreach(S.columns, _column_head),
            )),
            rx.table.body(rx.foreach(S.rows, _school_row)),
            size="1",
            width="100%",
            id="analysis-schools",
        ),
        pager(S.page, S.pages, S.total, S.previous_page, S.next_page),
    )


def _figures() -> rx.Component:
    return rx.vstack(
        rx.cond(S.quiet, rx.callout(t("ui.analysis.empty.quiet"), icon="info",
                                    color_scheme="blue", size="1", width="100%",
                                    id="analysis-quiet")),
        cards(S),
        charts_row(S, _schools_chart()),
        _schools_table(),
        figure_table(S, "ui.analysis.figures.area_title"),
        rx.text(t("ui.analysis.counts_only"), size="1", color_scheme="gray"),
        spacing="4",
        width="100%",
    )


def analysis_screen() -> rx.Component:
    return analysis_page(
        S,
        rx.cond(
            S.denied,
            no_access(),
            rx.cond(
                S.loaded,
                rx.vstack(
                    page_header("ui.analysis.title", subtitle=S.period_title),
                    _controls(),
                    rx.cond(
                        S.no_schools,
                        empty_state("school", "ui.analysis.empty.no_schools"),
                        _figures(),
                    ),
                    width="100%",
                    spacing="0",
                ),
                rx.center(rx.spinner(size="3"), padding="3rem"),
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(analysis_screen, route=ROUTE, title="Juvenile", on_load=S.load)
