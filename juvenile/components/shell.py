"""The page frame: header with the areas' navigation and the language switcher."""

import reflex as rx

from juvenile.components.text import t
from juvenile.i18n import LANGUAGES
from juvenile.state.i18n import I18nState

# (route, catalog key) of each working area, in navigation order.
AREAS = [
    ("/school", "ui.nav.school"),
    ("/commission", "ui.nav.commission"),
    ("/analysis", "ui.nav.analysis"),
    ("/admin", "ui.nav.admin"),
]

LANGUAGE_LABELS = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def language_switcher() -> rx.Component:
    return rx.select.root(
        rx.select.trigger(aria_label="language", id="language-switcher"),
        rx.select.content(
            *[rx.select.item(LANGUAGE_LABELS[code], value=code) for code in LANGUAGES]
        ),
        value=I18nState.language,
        on_change=I18nState.set_language,
        size="2",
    )


def navigation() -> rx.Component:
    return rx.hstack(
        *[
            rx.link(t(key), href=route, weight="medium", underline="hover", high_contrast=True)
            for route, key in AREAS
        ],
        spacing="5",
        display=["none", "none", "flex"],
    )


def header() -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.link(
                rx.hstack(
                    rx.icon("shield-check", size=24, color=rx.color("teal", 10)),
                    rx.text(t("ui.app.name"), weight="bold", size="4"),
                    align="center",
                    spacing="2",
                ),
                href="/",
                underline="none",
                color_scheme="gray",
                high_contrast=True,
            ),
            navigation(),
            rx.spacer(),
            language_switcher(),
            align="center",
            spacing="6",
            width="100%",
            max_width="1280px",
            margin_x="auto",
            padding_x="1.5rem",
            padding_y="0.75rem",
        ),
        border_bottom=f"1px solid {rx.color('gray', 5)}",
        background_color=rx.color("gray", 1),
        position="sticky",
        top="0",
        z_index="10",
    )


def page_shell(*children: rx.Component) -> rx.Component:
    """Wrap a page's content in the portal frame."""
    return rx.box(
        header(),
        rx.box(
            *children,
            width="100%",
            max_width="1280px",
            margin_x="auto",
            padding="1.5rem",
        ),
        rx.box(
            rx.text(t("ui.footer.confidential"), size="1", color_scheme="gray"),
            max_width="1280px",
            margin_x="auto",
            padding="1.5rem",
        ),
        min_height="100vh",
        background_color=rx.color("gray", 2),
        lang=I18nState.language,
    )
