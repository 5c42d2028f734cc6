"""The referral inbox (Art. 78 (4)): the commission's referrals by status, paged on the server."""

import reflex as rx

from juvenile.errors import Refusal
from juvenile.i18n import translate
from juvenile.models import ReferralStatus
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission.inbox import ReferralPage, list_referrals, referral_counts
from juvenile.state.auth import AuthState
from juvenile.state.commission.common import WorkspaceState, local_day
from juvenile.state.workspace import PagedList

STATUSES = [status.value for status in ReferralStatus]


class InboxState(PagedList, WorkspaceState, AuthState):
    loaded: bool = False
    status: str = ReferralStatus.NEW.value
    page: int = 1
    pages: int = 1
    total: int = 0
    rows: list[dict[str, str]] = []
    tab_labels: dict[str, str] = {}
    _page: ReferralPage | None = None
    _counts: dict[str, int] = {}

    async def _refresh(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            self._counts = {s.value: n for s, n in referral_counts(actor).items()}
            self._page = list_referrals(actor, status=self.status, page=self.page)
        except (AccessDenied, NotFound, Refusal):
            self.denied, self._page, self.rows = True, None, []
            return None
        self.denied, self.loaded = False, True
        self.page, self.pages, self.total = self._page.page, self._page.pages, self._page.total
        await self._show_page()
        return None

    def _render(self, language: str) -> None:
        self.tab_labels = {
            status: translate(f"ui.commission.inbox.tab.{status}", language,
                              count=self._counts.get(status, 0))
            for status in STATUSES
        }
        if self._page is None:
            return
        self.rows = [
            {"id": str(r.id), "name": r.student_name, "school": r.school_name(language),
             "school_code": r.school_code,
             "referred": local_day(r.referred_at, language),
             "status": r.status.value,
             "status_label": translate(f"ui.commission.referral.status.{r.status.value}",
                                       language)}
            for r in self._page.items
        ]

    @rx.event
    async def load(self):
        wanted = str(self.router.url.query_parameters.get("status", ""))
        self.status = wanted if wanted in STATUSES else ReferralStatus.NEW.value
        self.page = 1
        return await self._refresh()

    @rx.event
    async def set_status(self, value: str):
        value = str(value)
        if value in STATUSES:
            self.status, self.page = value, 1
        return await self._refresh()
