"""/analysis/schools/[school_id]: one school's figures (the drill-down), counts only."""

import reflex as rx

from juvenile.components.text import t
from juvenile.components.ui import no_access, page_header
from juvenile.pages.analysis.parts import (
    analysis_page,
    cards,
    charts_row,
    figure_table,
    period_picker,
)
from juvenile.state.analysis.school import SchoolFiguresState as S

ROUTE = "/analysis/schools/[school_id]"


def school_figures_page() -> rx.Component:
    return analysis_page(
        S,
        rx.cond(
            S.denied,
            no_access(),
            rx.cond(
                S.loaded,
                rx.vstack(
                    rx.link(rx.hstack(rx.icon("arrow-left", size=16),
                                      t("ui.analysis.school.back"), align="center",
                                      spacing="1"),
                            href=S.back, size="2", id="analysis-back"),
                    page_header("ui.analysis.school.title", subtitle=S.period_title),
                    rx.hstack(
                        rx.vstack(
                            rx.heading(S.school_name, size="5", id="school-name"),
                            rx.text(S.school_code, " · ", S.district_code, size="2",
                                    color_scheme="gray"),
                            spacing="1",
                        ),
                        rx.spacer(),
                        period_picker(S),
                        width="100%",
                        align="end",
                        padding_bottom="1rem",
                    ),
                    rx.vstack(
                        rx.cond(S.quiet, rx.callout(t("ui.analysis.empty.quiet_school"),
                                                    icon="info", color_scheme="blue",
                                                    size="1", width="100%")),
                        cards(S),
                        charts_row(S),
                        figure_table(S, "ui.analysis.figures.school_title"),
                        rx.text(t("ui.analysis.counts_only"), size="1", color_scheme="gray"),
                        spacing="4",
                        width="100%",
                    ),
                    width="100%",
                    spacing="0",
                ),
                rx.center(rx.spinner(size="3"), padding="3rem"),
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(school_figures_page, route=ROUTE, title="Juvenile", on_load=S.load)
