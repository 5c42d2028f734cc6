"""The meetings calendar (Art. 79): a month with its meetings and days off, every meeting
paged, and the form that plans a new one (number, date, place)."""

from datetime import date

import reflex as rx

from juvenile import clock
from juvenile.errors import Refusal
from juvenile.i18n import format_date, translate
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.security.policy import Permission, RecordKind, is_allowed
from juvenile.services.commission.board import MeetingCalendar, MeetingLine, meeting_calendar
from juvenile.services.commission.meetings import plan_meeting
from juvenile.services.commission.records import commission_scope
from juvenile.state.auth import AuthState
from juvenile.state.commission.common import (
    WorkspaceState,
    blank,
    field_errors,
    neutral,
    parse_day,
    parse_id,
)
from juvenile.state.workspace import PagedList

FORM = ("number", "meeting_on", "place")
FIELD_OF = {"meeting.number_taken": "number", "meeting.place_too_long": "place"}


def meeting_lines(lines: list[MeetingLine], language: str) -> list[dict[str, str]]:
    """Meetings as table rows (also the meeting page's "postpone to" choices)."""
    return [
        {"id": str(m.id), "number": str(m.number), "date": format_date(m.meeting_date, language),
         "place": m.place, "status": m.status.value,
         "status_label": translate(f"meeting.status.{m.status.value}", language),
         "items": f"{m.decided} / {m.items}",
         "minutes": _minutes_label(m, language),
         "label": translate("ui.commission.meeting.title", language, number=m.number,
                            date=format_date(m.meeting_date, language))}
        for m in lines
    ]


def _minutes_label(line: MeetingLine, language: str) -> str:
    if line.amendment_open:
        return translate("ui.commission.minutes.amendment_open_short", language)
    if line.minutes_version:
        return translate("ui.commission.minutes.approved_short", language,
                         version=line.minutes_version)
    return translate("ui.commission.minutes.draft_short", language) if line.items else ""


class MeetingsState(PagedList, WorkspaceState, AuthState):
    loaded: bool = False
    may_plan: bool = False
    month_label: str = ""
    weekdays: list[str] = []
    weeks: list[list[dict[str, str]]] = []
    lines: list[dict[str, str]] = []
    page: int = 1
    pages: int = 1
    total: int = 0
    number: str = ""
    meeting_on: str = ""
    place: str = ""
    number_hint: str = ""
    _suggested: str = ""  # the number filled in for the secretary
    errors: dict[str, str] = blank(*FORM)
    _year: int = 0
    _month: int = 0
    _calendar: MeetingCalendar | None = None

    async def _refresh(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            self._calendar = meeting_calendar(actor, self._year, self._month, self.page)
        except (AccessDenied, NotFound):
            self.denied, self._calendar = True, None
            return None
        self.denied, self.loaded = False, True
        self.may_plan = is_allowed(actor, Permission.CREATE, commission_scope(
            RecordKind.COMMISSION_MEETING, actor.commission_id or 0))
        c = self._calendar
        self.page, self.pages, self.total = c.page, c.pages, c.total
        # The form's number starts at the next of the year, as the README promises
        # (issue 14): filled in unless the secretary typed one of their own.
        if self.number in ("", self._suggested):
            self.number = str(c.next_number)
        self._suggested = str(c.next_number)
        await self._show_page()
        return None

    def _render(self, language: str) -> None:
        c = self._calendar
        if c is None:
            return
        label = format_date(date(c.year, c.month, 1), language, "LLLL y")
        self.month_label = label[:1].upper() + label[1:]
        # 1 January 2024 was a Monday: the calendar's weeks start on Monday
        self.weekdays = [format_date(date(2024, 1, 1 + n), language, "EEEEEE")
                         for n in range(7)]
        by_day: dict[date | None, list[MeetingLine]] = {}
        for line in c.in_month:
            by_day.setdefault(line.meeting_date, []).append(line)
        today = clock.today()
        self.weeks = [[self._cell(day, by_day.get(day, []), c, today) for day in week]
                      for week in c.weeks]
        self.lines = meeting_lines(c.lines, language)
        self.number_hint = translate("ui.commission.meetings.number_hint", language,
                                     number=c.next_number)

    @staticmethod
    def _cell(day: date | None, lines: list[MeetingLine], c: MeetingCalendar,
              today: date) -> dict[str, str]:
        if day is None:
            return {"day": "", "off": "", "today": "", "meeting_id": "", "label": "",
                    "status": ""}
        return {"day": str(day.day), "off": "1" if day in c.days_off else "",
                "today": "1" if day == today else "",
                "meeting_id": str(lines[0].id) if lines else "",
                "label": " · ".join(f"№ {line.number}" for line in lines),
                "status": lines[0].status.value if lines else ""}

    @rx.event
    async def load(self):
        today = clock.today()
        self._year, self._month, self.page = today.year, today.month, 1
        self.number, self.meeting_on, self.place, self._suggested = "", "", "", ""
        self.errors = blank(*FORM)
        return await self._refresh()

    @rx.event
    async def previous_month(self):
        self._year, self._month = (self._year - 1, 12) if self._month == 1 else (
            self._year, self._month - 1)
        return await self._refresh()

    @rx.event
    async def next_month(self):
        self._year, self._month = (self._year + 1, 1) if self._month == 12 else (
            self._year, self._month + 1)
        return await self._refresh()

    @rx.event
    def set_field(self, name: str, value: str):
        if name in FORM:
            setattr(self, name, str(value)[:400])
            self.errors = {**self.errors, name: ""}

    @rx.event
    def pick_day(self, day: str):
        """A day of the calendar clicked: the new meeting's date."""
        c = self._calendar
        number = parse_id(day)
        if self.may_plan and c is not None and number and any(
                d is not None and d.day == number for week in c.weeks for d in week):
            self.meeting_on = date(c.year, c.month, number).isoformat()
            self.errors = {**self.errors, "meeting_on": ""}

    @rx.event
    async def plan(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        errors = blank(*FORM)
        day = parse_day(self.meeting_on)
        number = parse_id(self.number) if self.number.strip() else None
        if day is None:
            errors["meeting_on"] = translate("ui.commission.form.bad_date", language)
        if self.number.strip() and not number:
            errors["number"] = translate("ui.commission.meetings.bad_number", language)
        if any(errors.values()) or day is None:
            self.errors = errors
            return None
        if self.number == self._suggested:
            number = None  # the service numbers it within the meeting's own year
        try:
            meeting = plan_meeting(actor, actor.commission_id or 0, day, self.place, number)
        except (AccessDenied, NotFound):
            self.errors = {**errors, "general": neutral(language)}
            return None
        except Refusal as refused:
            self.errors = field_errors(refused, language, errors, FIELD_OF)
            return None
        return rx.redirect(f"/commission/meetings/{meeting.id}")
