"""The administration's reference data: working-day calendar, decision catalogue,
organisations. Every handler resolves the Actor on the server and calls a
service, whose gate decides (administrators only)."""

import asyncio
import io
from datetime import date
from typing import Any

import reflex as rx

from juvenile import clock
from juvenile.errors import Refusal
from juvenile.i18n import format_date, translate
from juvenile.imports.table import ImportRejected
from juvenile.rules.calendar import PUBLIC_HOLIDAY, CalendarEntry, DaySource
from juvenile.security.gate import AccessDenied
from juvenile.services.administration import calendar as working_calendar
from juvenile.services.administration import decision_catalogue
from juvenile.services.administration.organisations import import_organisations
from juvenile.state.auth import AuthState
from juvenile.state.workspace import WorkspaceState

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
_FIRST_YEAR, _LAST_YEAR = 2000, 2100


class AdminConfigState(WorkspaceState, mixin=True):
    """What every reference-data page shares: the refusal shown and the done message.
    A mixin, so that each page has its own (a parent state's vars are shared)."""

    form_error: str = ""
    done_message: str = ""

    async def _run(self, action, *args) -> tuple[bool, Any]:
        """Call a service: (True, its result), or (False, the reply: the sign-in page
        when the session has ended, else None). A refusal becomes the page's
        message, a denial its no-access view."""
        actor = self._actor()
        if actor is None:
            return False, self._to_sign_in()
        self.form_error = self.done_message = ""
        try:
            # a service call (an import of organisations among them): off the event loop
            return True, await asyncio.to_thread(action, actor, *args)
        except AccessDenied:
            self.denied = True
        except Refusal as refusal:
            self.form_error = refusal.message(await self._language())
        return False, None


def day_name(entry: CalendarEntry, language: str) -> str:
    """What a day is: in Kazakh the ``holidays`` package's own name where it has one,
    else (and in Russian and English) the catalog's."""
    if language == "kk" and entry.name:
        return entry.name
    text = translate(entry.key, language)
    return f"{text} ({entry.name})" if entry.key == PUBLIC_HOLIDAY and entry.name else text


class CalendarAdminState(AdminConfigState, AuthState):
    """The statutory calendar (the ``holidays`` package) with its source on each day,
    and the administrator's days on top: the confirmed Kurban ait, days off moved by
    government resolution, extra working days."""

    year: int = clock.today().year
    rows: list[dict[str, str]] = []
    typed_day: str = ""  # the form's day as typed, spelled out under the input

    @rx.event
    def set_typed_day(self, value: str):
        self.typed_day = str(value)[:10]

    @rx.event
    async def load(self):
        ok, result = await self._run(working_calendar.calendar_year, self.year)
        if not ok:
            return result
        self.denied = False
        language = await self._language()
        rows = []
        for day, entry in result.days.items():
            entered = result.entered.get(day)
            source = DaySource.ADMINISTRATOR if entered is not None else entry.source
            rows.append({
                "day": day.isoformat(), "shown": format_date(day, language, "full"),
                "name": day_name(entry, language),
                "working": "yes" if entry.working else "",
                "source": source.value,
                "source_key": f"ui.calendar.source.{source.value}",
                "estimated": "yes" if entry.estimated and entered is None else "",
                "note": entered.note if entered is not None else "",
                "for": format_date(entry.related, language) if entry.related else "",
                "removable": "yes" if entered is not None else "",
            })
        self.rows = rows
        return None

    @rx.event
    async def change_year(self, step: int):
        self.year = min(max(self.year + int(step), _FIRST_YEAR), _LAST_YEAR)
        return await self.load()

    @rx.event
    async def add_day(self, form: dict):
        try:
            day = date.fromisoformat(str(form.get("day", "")))
        except ValueError:
            self.form_error = translate("ui.calendar.bad_day", await self._language())
            return None
        add = {"working_day": working_calendar.add_working_day,
               "kurban_ait": working_calendar.add_kurban_ait}.get(
            str(form.get("kind", "")), working_calendar.add_day_off)
        ok, reply = await self._run(add, day, str(form.get("note", ""))[:300])
        if not ok:
            return reply
        self.year = day.year
        await self.load()
        self.done_message = translate("ui.calendar.saved", await self._language())
        return None

    @rx.event
    async def confirm_kurban_ait(self, day: str):
        """The package's estimate of Kurban ait is the government's date: confirm it."""
        try:
            when = date.fromisoformat(day)
        except ValueError:
            return None
        ok, reply = await self._run(working_calendar.add_kurban_ait, when, "")
        if not ok:
            return reply
        await self.load()
        language = await self._language()
        self.done_message = translate("ui.calendar.kurban_ait_confirmed", language,
                                      day=format_date(when, language))
        return None

    @rx.event
    async def remove_day(self, day: str):
        try:
            when = date.fromisoformat(day)
        except ValueError:
            return None
        ok, reply = await self._run(working_calendar.remove_calendar_day, when)
        return await self.load() if ok else reply


class DecisionCatalogueState(AdminConfigState, AuthState):
    """The commission's decision catalogue, which administrators extend (Art. 79)."""

    rows: list[dict[str, str]] = []

    @rx.event
    async def load(self):
        ok, types = await self._run(decision_catalogue.list_decision_types, True)
        if not ok:
            return types
        self.denied = False
        language = await self._language()
        self.rows = [
            {"code": item.code, "name": item.name(language),
             "follow_up": "yes" if item.follow_up else "", "active": "yes" if item.active else ""}
            for item in types
        ]
        return None

    @rx.event
    async def add_type(self, form: dict):
        ok, added = await self._run(
            decision_catalogue.add_decision_type,
            str(form.get("code", ""))[:40], str(form.get("name_kk", ""))[:300],
            str(form.get("name_ru", ""))[:300], form.get("follow_up") == "on",
        )
        if not ok:
            return added
        await self.load()
        self.done_message = translate("ui.decision_catalogue.added",
                                      await self._language(), code=added.code)
        return None

    @rx.event
    async def set_active(self, code: str, active: bool):
        ok, reply = await self._run(decision_catalogue.set_decision_type_active,
                                    str(code)[:40], bool(active))
        return await self.load() if ok else reply


class OrganisationImportState(AdminConfigState, AuthState):
    """Districts, schools, commissions and special organisations from a file,
    all or nothing; the upload is read in memory and never stored."""

    errors: list[dict[str, str]] = []

    @rx.event
    def load(self):
        self.errors, self.form_error, self.done_message = [], "", ""
        if self._actor() is None:
            return self._to_sign_in()
        return None

    @rx.event
    async def upload(self, files: list[rx.UploadFile]):
        if self._actor() is None:
            return self._to_sign_in()
        if not files:
            return None
        language = await self._language()
        self.errors = []
        data = await files[0].read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:
            self.form_error = translate("ui.organisations.too_large", language,
                                        limit=MAX_UPLOAD_BYTES // (1024 * 1024))
            return None
        name = (files[0].name or "file.csv")[:200]
        try:
            ok, summary = await self._run(import_organisations, io.BytesIO(data), name)
        except ImportRejected as rejected:
            self.form_error = translate("import.rejected", language, count=len(rejected.errors))
            self.errors = [
                {"row": str(error.row), "column": error.column,
                 "message": translate(error.key, language, **error.params)}
                for error in rejected.errors
            ]
            return None
        if ok:
            self.done_message = translate("cli.import.done", language, created=summary.created,
                                          updated=summary.updated)
        return None
