"""Downloads of the school's documents, in the user's language.

The PDF is made on the server, in a worker thread (off the event loop), and
sent once as the download's data; the service audits the export (Art. 83 (2)).
"""

import asyncio

import reflex as rx

from juvenile.errors import Refusal
from juvenile.reports import council_protocol, prevention_plan
from juvenile.security.actor import Actor
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.school.documents import plan_data, protocol_data
from juvenile.state.workspace import WorkspaceState

_PDF = "application/pdf"


async def _refused(state: WorkspaceState) -> rx.event.EventSpec:
    return rx.toast.error(await state._text("ui.common.not_found_or_no_access"))


async def protocol_download(state: WorkspaceState, actor: Actor, meeting_id: int):
    language = await state._language()
    try:
        data = await asyncio.to_thread(protocol_data, actor, meeting_id)
    except (AccessDenied, NotFound, Refusal):
        return await _refused(state)
    pdf = await asyncio.to_thread(council_protocol.render, data, language)
    return rx.download(data=pdf, mime_type=_PDF,
                       filename=council_protocol.filename(data, language))


async def plan_download(state: WorkspaceState, actor: Actor, case_id: int):
    language = await state._language()
    try:
        data = await asyncio.to_thread(plan_data, actor, case_id)
    except (AccessDenied, NotFound, Refusal):
        return await _refused(state)
    pdf = await asyncio.to_thread(prevention_plan.render, data, language)
    return rx.download(data=pdf, mime_type=_PDF,
                       filename=prevention_plan.filename(data, language))
