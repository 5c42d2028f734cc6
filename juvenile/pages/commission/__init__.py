"""The commission workspace: the secretary's and the members' screens (Art. 78 (4), 79–81)."""

import reflex as rx

from juvenile.pages.commission import (
    deadlines,
    inbox,
    meeting,
    meetings,
    members,
    placements,
    referral,
)

ROUTES = (inbox.ROUTE,)  # the area's front page, which replaces the landing placeholder


def register(app: rx.App) -> None:
    for module in (inbox, referral, meetings, meeting, placements, deadlines, members):
        module.register(app)
