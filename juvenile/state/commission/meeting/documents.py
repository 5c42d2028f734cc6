"""The meeting's documents as downloads (Art. 79): the agenda, the draft minutes,
every approved version exactly as stored, and the extract about one question.
Each download is audited as an export by the service."""

import asyncio

import reflex as rx

from juvenile.errors import Refusal
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission.documents import (
    Download,
    agenda_pdf,
    approved_minutes_pdf,
    case_extract_pdf,
    draft_minutes_pdf,
)
from juvenile.state.commission.common import neutral, parse_id, rule_message
from juvenile.state.commission.meeting.part import MeetingPart

_PDF = "application/pdf"


def _download(document: Download) -> rx.event.EventSpec:
    return rx.download(data=document.data, filename=document.filename, mime_type=_PDF)


class MeetingDocuments(MeetingPart, mixin=True):
    """The download handlers; part of ``MeetingState``."""


    async def _document(self, make):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        try:
            # the PDF is made in a worker thread, off the event loop
            return _download(await asyncio.to_thread(make, actor, language))
        except (AccessDenied, NotFound):
            return rx.toast.error(neutral(language))
        except Refusal as refused:
            return rx.toast.error(rule_message(refused, language))

    @rx.event
    async def download_agenda(self):
        return await self._document(lambda actor, lang: agenda_pdf(actor, self._meeting_id(),
                                                                   lang))

    @rx.event
    async def download_draft(self):
        return await self._document(
            lambda actor, lang: draft_minutes_pdf(actor, self._meeting_id(), lang))

    @rx.event
    async def download_version(self, version: str):
        number = parse_id(version) or 0
        return await self._document(
            lambda actor, lang: approved_minutes_pdf(actor, self._meeting_id(), number, lang))

    @rx.event
    async def download_extract(self, item_id: str):
        item = parse_id(item_id) or 0
        return await self._document(lambda actor, lang: case_extract_pdf(actor, item, lang))
