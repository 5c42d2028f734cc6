"""Parts shared by the commission pages: the workspace's tabs, the page frame and badges.

The frame is the school workspace's (same header, tabs, language watcher and
cards), so the two workspaces look and behave alike.
"""

import reflex as rx

from juvenile.components.shell import page_shell
from juvenile.components.text import t
from juvenile.pages.school.common import LanguageWatcher, section
from juvenile.state.auth import AuthState
from juvenile.state.commission.badge import DeadlineBadgeState
from juvenile.state.i18n import I18nState

__all__ = ["commission_page", "section", "status_badge"]

INBOX, MEETINGS, PLACEMENTS, DEADLINES = ("/commission", "/commission/meetings",
                                          "/commission/placements", "/commission/deadlines")
TABS = [
    (INBOX, "ui.commission.nav.inbox", "inbox"),
    (MEETINGS, "ui.commission.nav.meetings", "calendar-days"),
    (PLACEMENTS, "ui.commission.nav.placements", "building-2"),
    (DEADLINES, "ui.commission.nav.deadlines", "alarm-clock"),
]
# Members read meetings and referrals, not placements (policy.ROLE_PERMISSIONS): display only.
MEMBER_ROLE_KEY = "ui.role.commission_member"
COLORS = {
    # referrals
    "new": "blue", "on_agenda": "amber", "decided": "green", "closed": "gray",
    # meetings and agenda items
    "planned": "blue", "held": "green", "open": "amber", "postponed": "orange",
    # placements
    "active": "teal", "terminated": "gray", "transferred": "purple", "returned": "green",
    # the rehabilitation plan's traffic light
    "green": "green", "amber": "amber", "red": "red",
}


def _tab(route: str, key: str, icon: str, active: str) -> rx.Component:
    here = route == active
    label = [rx.icon(icon, size=16), rx.text(t(key), size="2")]
    if route == DEADLINES:
        label.append(rx.cond(DeadlineBadgeState.deadline_count > 0, rx.badge(
            DeadlineBadgeState.deadline_count, size="1", variant="solid", radius="full",
            color_scheme=rx.cond(DeadlineBadgeState.deadline_overdue, "red", "gray"))))
    return rx.link(
        rx.hstack(*label, spacing="2", align="center"),
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


def tabs(active: str) -> rx.Component:
    return rx.hstack(
        *[
            rx.cond(AuthState.user_role_key == MEMBER_ROLE_KEY, rx.fragment(),
                    _tab(route, key, icon, active))
            if route == PLACEMENTS else _tab(route, key, icon, active)
            for route, key, icon in TABS
        ],
        spacing="1",
        wrap="wrap",
        padding_bottom="1rem",
        id="commission-tabs",
    )


def commission_page(active: str, state, *children: rx.Component) -> rx.Component:
    """A commission page in the portal frame, its tabs on top; ``state.relabel`` runs
    again whenever the visitor switches the language."""
    return page_shell(
        tabs(active),
        LanguageWatcher.create(data_language=I18nState.language, on_mount=state.relabel,
                               display="none"),
        *children,
    )


def status_badge(code: rx.Var, label: rx.Var, **props) -> rx.Component:
    """A coloured badge for a status code (referral, meeting, item, placement, plan)."""
    return rx.match(
        code,
        *[(c, rx.badge(label, color_scheme=color, variant="soft", **props))
          for c, color in COLORS.items()],
        rx.badge(label, color_scheme="gray", variant="soft", **props),
    )
