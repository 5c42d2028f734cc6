"""The count of open deadlines on the commission's navigation link.

Only two numbers reach the browser; they are counted on the server for the
signed-in user at every page (services.deadlines.deadline_counts writes no
audit entry, it reads no names).
"""

import reflex as rx

from juvenile import clock
from juvenile.security.policy import COMMISSION_ROLES
from juvenile.services.deadlines import deadline_counts
from juvenile.state.auth import actor_of


class DeadlineBadgeState(rx.State):
    deadline_count: int = 0
    deadline_overdue: bool = False

    @rx.event
    async def refresh(self):
        actor = await actor_of(self)
        if actor is None or actor.role not in COMMISSION_ROLES:
            self.deadline_count, self.deadline_overdue = 0, False
            return
        counts = deadline_counts(actor, clock.today())
        self.deadline_count, self.deadline_overdue = counts.open, counts.overdue > 0
