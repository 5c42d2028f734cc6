"""The landing page: what the portal does and where each user starts."""

from collections.abc import Collection

import reflex as rx

from juvenile.components.shell import AREAS, page_shell
from juvenile.components.text import t

_AREA_ICONS = {"/school": "school", "/commission": "landmark", "/analysis": "chart-column",
               "/admin": "settings"}


def _area_card(route: str, key: str) -> rx.Component:
    return rx.link(
        rx.card(
            rx.vstack(
                rx.icon(_AREA_ICONS[route], size=28, color=rx.color("teal", 10)),
                rx.heading(t(key), size="4"),
                rx.text(t(key + ".about"), size="2", color_scheme="gray"),
                spacing="2",
            ),
            size="3",
            height="100%",
        ),
        href=route,
        underline="none",
        color_scheme="gray",
        high_contrast=True,
    )


def landing() -> rx.Component:
    return page_shell(
        rx.vstack(
            rx.heading(t("ui.landing.title"), size="8", id="landing-title"),
            rx.text(t("ui.landing.lead"), size="4", color_scheme="gray", max_width="48rem"),
            rx.grid(
                *[_area_card(route, key) for route, key in AREAS],
                columns=rx.breakpoints(initial="1", sm="2", lg="4"),
                spacing="4",
                width="100%",
            ),
            spacing="5",
            padding_y="2rem",
        )
    )


def area_placeholder(key: str):
    """A working area's front page until its screens arrive."""

    def page() -> rx.Component:
        return page_shell(
            rx.vstack(
                rx.heading(t(key), size="7"),
                rx.text(t(key + ".about"), size="3", color_scheme="gray"),
                spacing="3",
            )
        )

    page.__name__ = key.replace(".", "_")
    return page


def register(app: rx.App, replaced: Collection[str] = ()) -> None:
    """The landing page, and a placeholder for each area whose front page is not
    among ``replaced`` (routes an area registers itself)."""
    app.add_page(landing, route="/", title="Juvenile")
    for route, key in AREAS:
        if route not in replaced:
            app.add_page(area_placeholder(key), route=route, title="Juvenile")
