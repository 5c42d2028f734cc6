"""The audit log page: filter by user, record and period, one page at a time."""

from datetime import date

import reflex as rx

from juvenile.security.gate import AccessDenied
from juvenile.security.policy import RecordKind
from juvenile.services.identity.audit import (
    TIME_FORMAT,
    AuditFilter,
    AuditQueryRefused,
    search_audit,
)
from juvenile.state.auth import AuthState
from juvenile.state.workspace import WorkspaceState

ANY_RECORD = "any"
RECORD_TYPES = [ANY_RECORD, *[kind.value for kind in RecordKind]]


def _day(text: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise AuditQueryRefused("audit.error.bad_date") from error


def _record_id(text: str) -> int | None:
    if not text:
        return None
    if not (text.isdigit() and len(text) <= 18):
        raise AuditQueryRefused("audit.error.bad_record_id")
    return int(text)


class AuditLogState(WorkspaceState, AuthState):
    rows: list[dict[str, str]] = []
    page: int = 1
    pages: int = 1
    total: int = 0
    query_error: str = ""
    # The filter as typed; checked again on the server at every search.
    login: str = ""
    record_type: str = ANY_RECORD
    record_id: str = ""
    date_from: str = ""
    date_to: str = ""

    @rx.event
    def set_typed_day(self, field: str, value: str):
        """The filter's day as typed, spelled out under its input before the search."""
        if field in ("date_from", "date_to"):
            setattr(self, field, str(value)[:10])

    def _filter(self) -> AuditFilter:
        return AuditFilter(
            login=self.login,
            record_type="" if self.record_type == ANY_RECORD else self.record_type,
            record_id=_record_id(self.record_id.strip()),
            date_from=_day(self.date_from),
            date_to=_day(self.date_to),
        )

    async def _refresh(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            result = search_audit(actor, self._filter(), self.page)
        except AccessDenied:
            self.denied, self.rows = True, []
            return None
        except AuditQueryRefused as invalid:
            self.query_error, self.rows, self.total = await self._text(invalid.key), [], 0
            return None
        self.denied, self.query_error = False, ""
        self.page, self.pages, self.total = result.page, result.pages, result.total
        self.rows = [
            {
                "at": entry.at.strftime(TIME_FORMAT),
                "login": entry.login,
                "action_key": f"ui.audit.action.{entry.action.value}",
                "record": entry.record_type + (f" #{entry.record_id}"
                                               if entry.record_id is not None else ""),
                "organisation": entry.organisation,
                "outcome_key": f"ui.audit.outcome.{entry.outcome}",
                "detail": entry.detail,
            }
            for entry in result.entries
        ]
        return None

    @rx.event
    async def load(self):
        return await self._refresh()

    @rx.event
    async def search(self, form: dict):
        self.login = str(form.get("login", ""))[:64]
        record_type = str(form.get("record_type", ANY_RECORD))
        self.record_type = record_type if record_type in RECORD_TYPES else ANY_RECORD
        self.record_id = str(form.get("record_id", ""))[:18]
        self.date_from = str(form.get("date_from", ""))[:10]
        self.date_to = str(form.get("date_to", ""))[:10]
        self.page = 1
        return await self._refresh()

    @rx.event
    async def go_to_page(self, page: int):
        self.page = max(1, min(int(page), self.pages))
        return await self._refresh()
