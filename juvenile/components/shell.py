"""The page frame: header with the areas' navigation, the signed-in user and the
language switcher. Mounting it checks the session (AuthState.check_access)."""

import reflex as rx

from juvenile import clock
from juvenile.components.text import t
from juvenile.i18n import LANGUAGES
from juvenile.state.auth import PASSWORD_ROUTE, SIGN_IN_ROUTE, SIGN_OUT_ROUTE, AuthState
from juvenile.state.commission.badge import DeadlineBadgeState
from juvenile.state.i18n import LANGUAGE_STORAGE_KEY, I18nState

# Kazakhstan keeps one offset all year (UTC+5 since March 2024), so it is fixed at build.
ZONE_OFFSET = clock.offset_label()

# (route, catalog key) of each working area, in navigation order.
AREAS = [
    ("/school", "ui.nav.school"),
    ("/commission", "ui.nav.commission"),
    ("/analysis", "ui.nav.analysis"),
    ("/admin", "ui.nav.admin"),
]
# Pages of an area that have their own entry in the navigation of their role.
AREA_PAGES = [
    ("/admin/users", "ui.nav.users"),
    ("/admin/audit", "ui.nav.audit"),
]

LANGUAGE_LABELS = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def _remember_at_once(language: rx.Var):
    """Store the choice in the browser as it is made. Reflex stores it when the
    server's answer arrives, and a client's events run one after another: right
    after sign-in the answer waits behind the page's on-load, and a reload before
    it came showed the old language (issue 14, item 4). The value is one of the
    switcher's own codes."""
    return rx.call_script(f"window.localStorage.setItem('{LANGUAGE_STORAGE_KEY}', '"
                          + language.to(str) + "')")


def language_switcher() -> rx.Component:
    return rx.select.root(
        rx.select.trigger(aria_label="language", id="language-switcher"),
        rx.select.content(
            *[rx.select.item(LANGUAGE_LABELS[code], value=code) for code in LANGUAGES]
        ),
        value=I18nState.language,
        on_change=lambda language: [_remember_at_once(language),
                                    I18nState.set_language(language)],
        size="2",
    )


def deadline_badge() -> rx.Component:
    """The commission's open deadlines (red when one is overdue), counted on the server
    at every page; nothing shows for other roles."""
    return rx.box(
        rx.cond(DeadlineBadgeState.deadline_count > 0,
                rx.badge(DeadlineBadgeState.deadline_count, radius="full", variant="solid",
                         color_scheme=rx.cond(DeadlineBadgeState.deadline_overdue, "red",
                                              "gray"),
                         id="nav-deadline-badge")),
        on_mount=DeadlineBadgeState.refresh,
    )


def _area_link(route: str, key: str) -> rx.Component:
    link = rx.link(t(key), href=route, weight="medium", underline="hover", high_contrast=True)
    if route == "/commission":
        return rx.hstack(link, deadline_badge(), spacing="1", align="center")
    return link


def navigation() -> rx.Component:
    """The areas of the user's role (all of them before signing in)."""
    return rx.hstack(
        *[
            rx.cond(AuthState.user_areas.contains(route), _area_link(route, key))
            for route, key in AREAS + AREA_PAGES
        ],
        spacing="5",
        display=["none", "none", "flex"],
    )


def user_menu() -> rx.Component:
    """Who is signed in, with the password and sign-out links; or the sign-in link."""
    return rx.cond(
        AuthState.signed_in,
        rx.hstack(
            rx.vstack(
                rx.text(AuthState.user_name, size="2", weight="medium", id="signed-in-user"),
                rx.text(I18nState.messages[AuthState.user_role_key], size="1",
                        color_scheme="gray"),
                spacing="0",
                align="end",
            ),
            rx.link(rx.icon("key-round", size=18), href=PASSWORD_ROUTE,
                    title=t("ui.auth.change_password"), color_scheme="gray",
                    aria_label="password"),
            rx.link(t("ui.auth.sign_out"), href=SIGN_OUT_ROUTE, id="sign-out-link",
                    size="2", weight="medium"),
            align="center",
            spacing="3",
        ),
        rx.link(t("ui.auth.sign_in"), href=SIGN_IN_ROUTE, id="sign-in-link", size="2",
                weight="medium"),
    )


def header() -> rx.Component:
    """The banner landmark, sticky at the top."""
    return rx.el.header(
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
            user_menu(),
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
        on_mount=AuthState.check_access,
    )


def page_shell(*children: rx.Component) -> rx.Component:
    """Wrap a page's content in the portal frame."""
    return rx.box(
        # the banner, main and contentinfo landmarks, by which a screen reader moves
        header(),
        rx.el.main(rx.box(
            *children,
            width="100%",
            max_width="1280px",
            margin_x="auto",
            padding="1.5rem",
        )),
        rx.el.footer(rx.box(
            rx.text(t("ui.footer.confidential"), size="1", color_scheme="gray"),
            rx.text(t("ui.footer.time_zone").replace("{offset}", ZONE_OFFSET), size="1",
                    color_scheme="gray", id="footer-time-zone"),
            max_width="1280px",
            margin_x="auto",
            padding="1.5rem",
        )),
        min_height="100vh",
        background_color=rx.color("gray", 2),
        lang=I18nState.language,
    )
