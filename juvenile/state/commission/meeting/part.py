"""The base of each part of the meeting page's state (attendance, agenda, question,
minutes, documents): what a part borrows from ``MeetingState``, which joins them,
declared once for the type checker (nothing of it exists at run time)."""

from typing import TYPE_CHECKING, Any

import reflex as rx

from juvenile.errors import Refusal

if TYPE_CHECKING:
    from juvenile.security.actor import Actor
    from juvenile.services.commission.board import MeetingPage


class MeetingPart(rx.State, mixin=True):
    if TYPE_CHECKING:  # MeetingState's, which joins the parts
        _page: MeetingPage  # set by the page's load before any part's event
        def _actor(self) -> Actor | None: ...
        def _to_sign_in(self) -> rx.event.EventSpec: ...
        async def _language(self) -> str: ...
        async def _text(self, key: str, **params: object) -> str: ...
        def _meeting_id(self) -> int: ...
        async def _refresh(self) -> Any: ...
        async def _reload_if_changed(self, refused: Refusal, language: str) -> None: ...
