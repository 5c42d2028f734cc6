"""The frame every working area (school, commission, analysis) shares: tab links,
the language watcher that re-renders server texts, and titled cards."""

import reflex as rx
from reflex.constants import EventTriggers
from reflex.vars import LiteralVar, VarData

from juvenile.components.shell import page_shell
from juvenile.components.text import t
from juvenile.state.i18n import I18nState


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


def tab_link(route: str, key: str, icon: str, active: str, *extra: rx.Component) -> rx.Component:
    """One tab of a workspace; ``extra`` follows the label (e.g. a count badge)."""
    here = route == active
    return rx.link(
        rx.hstack(rx.icon(icon, size=16), rx.text(t(key), size="2"), *extra, spacing="2",
                  align="center"),
        href=route,
        underline="none",
        color_scheme="teal" if here else "gray",
        high_contrast=not here,
        weight="bold" if here else "medium",
        padding_x="0.75rem",
        padding_y="0.4rem",
        border_radius="6px",
        background_color=rx.color("teal", 3) if here else "transparent",
    )


def tab_bar(*links: rx.Component, id: str) -> rx.Component:  # noqa: A002 (the HTML id)
    return rx.hstack(*links, spacing="1", wrap="wrap", padding_bottom="1rem", id=id)


def workspace_page(tabs: rx.Component | None, state, *children: rx.Component) -> rx.Component:
    """A working area's page in the portal frame, its tabs on top; ``state.relabel``
    runs again whenever the visitor switches the language."""
    return page_shell(
        *([tabs] if tabs is not None else []),
        LanguageWatcher.create(data_language=I18nState.language, on_mount=state.relabel,
                               display="none"),
        *children,
    )


def section(title_key: str, *children: rx.Component, **props) -> rx.Component:
    return rx.card(
        rx.vstack(rx.heading(t(title_key), size="4"), *children, spacing="3", width="100%"),
        **{"width": "100%", **props},
    )
