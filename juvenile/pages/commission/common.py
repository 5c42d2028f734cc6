"""Parts shared by the commission pages: the workspace's tabs, the page frame and badges.

The frame is the school workspace's (same header, tabs, language watcher and
cards), so the two workspaces look and behave alike.
"""

import reflex as rx

from juvenile.components.workspace import section, tab_bar, tab_link, workspace_page
from juvenile.state.auth import AuthState
from juvenile.state.commission.badge import DeadlineBadgeState

__all__ = ["commission_page", "section", "status_badge"]

INBOX, MEETINGS, PLACEMENTS, DEADLINES, MEMBERS = (
    "/commission", "/commission/meetings", "/commission/placements", "/commission/deadlines",
    "/commission/members")
TABS = [
    (INBOX, "ui.commission.nav.inbox", "inbox"),
    (MEETINGS, "ui.commission.nav.meetings", "calendar-days"),
    (PLACEMENTS, "ui.commission.nav.placements", "building-2"),
    (DEADLINES, "ui.commission.nav.deadlines", "alarm-clock"),
    (MEMBERS, "ui.commission.nav.members", "users"),
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
    "return_overdue": "red",  # the term ended, no return recorded
    # the rehabilitation plan's traffic light
    "green": "green", "amber": "amber", "red": "red",
}


def _deadline_badge() -> rx.Component:
    return rx.cond(DeadlineBadgeState.deadline_count > 0, rx.badge(
        DeadlineBadgeState.deadline_count, size="1", variant="solid", radius="full",
        color_scheme=rx.cond(DeadlineBadgeState.deadline_overdue, "red", "gray")))


def tabs(active: str) -> rx.Component:
    links = []
    for route, key, icon in TABS:
        link = tab_link(route, key, icon, active,
                        *([_deadline_badge()] if route == DEADLINES else []))
        if route == PLACEMENTS:  # hidden from members, who may not read placements
            link = rx.cond(AuthState.user_role_key == MEMBER_ROLE_KEY, rx.fragment(), link)
        links.append(link)
    return tab_bar(*links, id="commission-tabs")


def commission_page(active: str, state, *children: rx.Component) -> rx.Component:
    """A commission page in the portal frame, its tabs on top."""
    return workspace_page(tabs(active), state, *children)


def status_badge(code: rx.Var, label: rx.Var, **props) -> rx.Component:
    """A coloured badge for a status code (referral, meeting, item, placement, plan)."""
    return rx.match(
        code,
        *[(c, rx.badge(label, color_scheme=color, variant="soft", **props))
          for c, color in COLORS.items()],
        rx.badge(label, color_scheme="gray", variant="soft", **props),
    )
