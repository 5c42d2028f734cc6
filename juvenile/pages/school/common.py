"""Parts of the school pages: the workspace's tabs and the case-state badge."""

import reflex as rx

from juvenile.components.workspace import (
    tab_bar,
    tab_link,
    workspace_page,
)
from juvenile.state.auth import AuthState

SCHOOL_AREA = "/school"
TABS = [
    (SCHOOL_AREA, "ui.school.nav.dashboard", "layout-dashboard"),
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


def tabs(active: str) -> rx.Component:
    """The school's tabs, for those who work at a school: an administrator or a
    commission reading a child's card gets no controls of a school's work."""
    return rx.cond(
        AuthState.user_areas.contains(SCHOOL_AREA),
        tab_bar(*[tab_link(route, key, icon, active) for route, key, icon in TABS],
                id="school-tabs"),
    )


def school_page(active: str, state, *children: rx.Component) -> rx.Component:
    """A school page in the portal frame, its tabs on top."""
    return workspace_page(tabs(active), state, *children)


def case_state_badge(state_code: rx.Var, label: rx.Var) -> rx.Component:
    return rx.match(
        state_code,
        *[(code, rx.badge(label, color_scheme=color, variant="soft", size="1",
                          white_space="normal", height="auto", line_height="1.4",
                          max_width="100%"))
          for code, color in CASE_STATE_COLORS.items()],
        rx.fragment(),
    )
