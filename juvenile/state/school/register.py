"""The student register page: filters and one page of rows, asked of the server."""

import reflex as rx

from juvenile.errors import Refusal
from juvenile.i18n import format_date, translate
from juvenile.rules.cases import CaseState
from juvenile.rules.criteria import CRITERIA
from juvenile.rules.criteria import name as criterion_name
from juvenile.security.gate import AccessDenied
from juvenile.services.school.register import (
    NO_CASE,
    RegisterPage,
    RegisterQuery,
    RegisterSort,
    list_register,
    register_classes,
)
from juvenile.state.auth import AuthState
from juvenile.state.workspace import PagedList, WorkspaceState

ANY = "all"  # a select's "no filter" (Radix selects take no empty value)
SORTS = [sort.value for sort in RegisterSort]
CASE_FILTERS = [NO_CASE, *[state.value for state in CaseState]]


def _choice(value: str, allowed: list[str]) -> str:
    value = str(value)
    return value if value in allowed else ANY


class RegisterState(PagedList, WorkspaceState, AuthState):
    search: str = ""
    class_filter: str = ANY
    criterion_filter: str = ANY
    case_filter: str = ANY
    sort: str = RegisterSort.NAME.value
    descending: bool = False
    page: int = 1
    pages: int = 1
    total: int = 0
    loaded: bool = False
    filtered: bool = False  # a search or filter is on: an empty list means "no match"
    rows: list[dict[str, str]] = []
    classes: list[str] = []
    criterion_options: list[dict[str, str]] = []
    case_options: list[dict[str, str]] = []
    _page: RegisterPage | None = None

    def _query(self, language: str) -> RegisterQuery:
        grade, letter = None, ""
        if self.class_filter != ANY:
            digits = "".join(c for c in self.class_filter if c.isdigit())
            grade, letter = (int(digits) if digits else None), self.class_filter[len(digits):]
        return RegisterQuery(
            search=self.search, grade=grade, class_letter=letter,
            criterion=None if self.criterion_filter == ANY else int(self.criterion_filter),
            case_state="" if self.case_filter == ANY else self.case_filter,
            sort=RegisterSort(self.sort), descending=self.descending, page=self.page,
            language=language,  # names in the reader's alphabet
        )

    async def _refresh(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            self._page = list_register(actor, self._query(await self._language()))
        except (AccessDenied, Refusal):
            self.denied, self.rows, self._page = True, [], None
            return None
        self.denied, self.loaded = False, True
        self.filtered = bool(self.search.strip()) or any(
            value != ANY for value in (self.class_filter, self.criterion_filter,
                                       self.case_filter))
        self.page, self.pages, self.total = self._page.page, self._page.pages, self._page.total
        await self._show_page()
        return None

    def _render(self, language: str) -> None:
        self.criterion_options = [
            {"value": str(c.number), "label": f"{c.number}. {criterion_name(c.number, language)}"}
            for c in CRITERIA
        ]
        self.case_options = [
            {"value": code, "label": translate(
                "ui.school.register.no_case" if code == NO_CASE else f"case.state.{code}",
                language)}
            for code in CASE_FILTERS
        ]
        if self._page is None:
            self.rows = []
            return
        self.rows = [
            {
                "id": str(row.student_id),
                "name": row.full_name,
                "iin": row.iin,
                "class": f"{row.grade}{row.class_letter}",
                "born": format_date(row.birth_date, language),
                "criteria": ", ".join(str(n) for n in row.criteria),
                "criteria_names": "; ".join(f"{n}. {criterion_name(n, language)}"
                                            for n in row.criteria),
                "case_id": str(row.case_id or ""),
                "state": row.case_state.value if row.case_state else "",
                "state_label": translate(f"case.state.{row.case_state.value}", language)
                if row.case_state else "",
            }
            for row in self._page.rows
        ]

    @rx.event
    async def load(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            self.classes = [f"{grade}{letter}" for grade, letter in register_classes(actor)]
        except AccessDenied:
            self.denied, self.rows, self._page = True, [], None
            return None
        return await self._refresh()

    @rx.event
    async def find(self, form: dict):
        self.search = str(form.get("search", ""))[:100]
        self.page = 1
        return await self._refresh()

    @rx.event
    async def set_class_filter(self, value: str):
        self.class_filter = _choice(value, self.classes)
        self.page = 1
        return await self._refresh()

    @rx.event
    async def set_criterion_filter(self, value: str):
        self.criterion_filter = _choice(value, [str(c.number) for c in CRITERIA])
        self.page = 1
        return await self._refresh()

    @rx.event
    async def set_case_filter(self, value: str):
        self.case_filter = _choice(value, CASE_FILTERS)
        self.page = 1
        return await self._refresh()

    @rx.event
    async def sort_by(self, value: str):
        """A column header: sort by it, or turn the order round when it is the sort."""
        value = str(value)
        if value not in SORTS:
            return None
        self.descending = not self.descending if value == self.sort else False
        self.sort, self.page = value, 1
        return await self._refresh()

    @rx.event
    async def clear_filters(self):
        self.search, self.page = "", 1
        self.class_filter = self.criterion_filter = self.case_filter = ANY
        return await self._refresh()
