"""The minutes of a commission meeting in the page (Art. 79): draft, approved and
locked, or amended; approving them and opening a numbered amendment."""


import reflex as rx

from juvenile.errors import Refusal
from juvenile.i18n import translate
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission.minutes import approve_minutes, open_amendment
from juvenile.state.commission.common import local_moment, neutral, rule_message
from juvenile.state.commission.meeting.part import MeetingPart


class MeetingMinutes(MeetingPart, mixin=True):
    """The minutes' state and versions; part of ``MeetingState``."""


    minutes_state: str = ""  # draft | approved | amendment
    minutes_label: str = ""
    minutes_badge: str = ""
    versions: list[dict[str, str]] = []
    amendment_reason: str = ""
    minutes_error: str = ""

    def _render_minutes(self, language: str) -> None:
        minutes = self._page.minutes
        latest_approved = minutes.approved[-1] if minutes.approved else None
        if minutes.locked:
            assert latest_approved is not None  # locked by an approval
            self.minutes_state = "approved"
            self.minutes_label = translate(
                "ui.commission.minutes.locked", language, version=latest_approved.number,
                date=local_moment(latest_approved.approved_at, language))
        elif minutes.open_amendment is not None:
            self.minutes_state = "amendment"
            self.minutes_label = translate(
                "ui.commission.minutes.amendment_open", language,
                number=minutes.open_amendment.number - 1, reason=minutes.open_amendment.reason)
        else:
            self.minutes_state = "draft"
            self.minutes_label = translate("ui.commission.minutes.draft", language)
        self.minutes_badge = translate(
            "ui.commission.minutes.approved_short" if minutes.locked
            else "ui.commission.minutes.amendment_open_short" if minutes.open_amendment
            else "ui.commission.minutes.draft_short", language,
            version=latest_approved.number if latest_approved else 0)
        self.versions = [
            {"number": str(v.number),
             "label": translate("ui.commission.minutes.version", language, version=v.number,
                                date=local_moment(v.approved_at, language)),
             "reason": translate("ui.commission.minutes.amendment_reason", language,
                                 number=v.number - 1, reason=v.reason) if v.number > 1 else "",
             "sha256": v.sha256.get("kk", "")[:16] + "…",
             "sha256_full": " · ".join(f"{lang}: {digest}"
                                       for lang, digest in sorted(v.sha256.items()))}
            for v in minutes.approved
        ]

    @rx.event
    def set_amendment_reason(self, value: str):
        self.amendment_reason, self.minutes_error = str(value)[:1000], ""

    async def _minutes_action(self, action) -> None:
        actor = self._actor()
        language = await self._language()
        try:
            action(actor)
        except (AccessDenied, NotFound):
            self.minutes_error = neutral(language)
            return
        except Refusal as refused:
            self.minutes_error = rule_message(refused, language)
            await self._reload_if_changed(refused, language)
            return
        self.minutes_error, self.amendment_reason, self.active_item = "", "", ""
        await self._refresh()

    @rx.event
    async def approve(self):
        if self._actor() is None:
            return self._to_sign_in()
        await self._minutes_action(lambda actor: approve_minutes(actor, self._meeting_id()))
        return None

    @rx.event
    async def amend(self):
        if self._actor() is None:
            return self._to_sign_in()
        await self._minutes_action(
            lambda actor: open_amendment(actor, self._meeting_id(), self.amendment_reason))
        return None
