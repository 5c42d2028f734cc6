"""Parts shared by the school pages: the workspace's tabs and the language watcher."""

import reflex as rx
from reflex.constants import EventTriggers
from reflex.vars import LiteralVar, VarData

from juvenile.components.shell import page_shell
from juvenile.components.text import t
from juvenile.state.i18n import I18nState

TABS = [
    ("/school", "ui.school.nav.dashboard", "layout-dashboard"),
    ("/school/students", "ui.school.nav.students", "users"),
    ("/school/import", "ui.school.nav.import", "upload"),
    ("/school/absences", "ui.school.nav.absences", "calendar-x"),
    ("/school/council", "ui.school.nav.council", "gavel"),
]
CASE_STATE_COLORS = {
    "flagged": "amber",
    "council_review": "blue",
    "under_support": "green",
    "referred_to_commission": "red",
    "closed": "gray",
}


class LanguageWatcher(rx.el.Div):
    """Runs its ``on_mount`` handler at mount and again whenever the visitor switches
    the language, so texts the server rendered are translated anew."""

    def _get_mount_lifecycle_hook(self) -> str | None:
        return None  # replaced by the hook below, which also watches the language

    def add_hooks(self) -> list[str | rx.Var]:
        handler = self.event_triggers.get(EventTriggers.ON_MOUNT)
        if handler is None:
            return []
        call, language = LiteralVar.create(handler), I18nState.language
        return [rx.Var(
            _js_expr=f"useEffect(() => {{ {call!s}(); }}, [{language!s}])",
            _var_data=VarData.merge(call._get_all_var_data(), language._get_all_var_data()),
        )]


def tabs(active: str) -> rx.Component:
    return rx.hstack(
        *[
            rx.link(
                rx.hstack(rx.icon(icon, size=16), rx.text(t(key), size="2"), spacing="2",
                          align="center"),
                href=route,
                underline="none",
                color_scheme="teal" if route == active else "gray",
                high_contrast=route != active,
                weight="bold" if route == active else "medium",
                padding_x="0.75rem",
                padding_y="0.4rem",
                border_radius="6px",
                background_color=rx.color("teal", 3) if route == active else "transparent",
            )
            for route, key, icon in TABS
        ],
        spacing="1",
        wrap="wrap",
        padding_bottom="1rem",
        id="school-tabs",
    )


def school_page(active: str, state, *children: rx.Component) -> rx.Component:
    """A school page in the portal frame, its tabs on top; ``state.relabel`` runs
    again whenever the visitor switches the language (the key remounts the box)."""
    return page_shell(
        tabs(active),
        LanguageWatcher.create(data_language=I18nState.language, on_mount=state.relabel,
                               display="none"),
        *children,
    )


def case_state_badge(state_code: rx.Var, label: rx.Var) -> rx.Component:
    return rx.match(
        state_code,
        *[(code, rx.badge(label, color_scheme=color, variant="soft", size="1",
                          white_space="normal", height="auto", line_height="1.4",
                          max_width="100%"))
          for code, color in CASE_STATE_COLORS.items()],
        rx.fragment(),
    )


def section(title_key: str, *children: rx.Component, **props) -> rx.Component:
    return rx.card(
        rx.vstack(rx.heading(t(title_key), size="4"), *children, spacing="3", width="100%"),
        **{"width": "100%", **props},
    )
