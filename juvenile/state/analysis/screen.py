"""The education department's quarterly analysis (Art. 21 item 10): /analysis.

The service computes the chosen district or region once per period; the
result stays in the server's session cache (``KeptAnalysisState``; the state
keeps only its reference) and the browser receives the cards, the short
chart series and one page of the schools. Re-ranking, paging and switching the
language reuse it without asking the database again. Every handler resolves the
signed-in user first, and a result computed for someone else is never shown.
"""

import asyncio

import reflex as rx

from juvenile.analysis.result import QuarterlyAnalysis
from juvenile.analysis.scope import ScopeKind
from juvenile.errors import Refusal
from juvenile.security.actor import Actor
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.analysis.quarterly import (
    EXPORT_FORMATS,
    ScopeChoice,
    analysis_scopes,
    export_quarterly,
    quarterly_analysis,
)
from juvenile.state.analysis import figures as fig
from juvenile.state.analysis.common import (
    FiguresState,
    KeptAnalysisState,
    PeriodState,
    WorkspaceState,
)
from juvenile.state.auth import AuthState

EXPORT_LANGUAGES = ("kk", "ru")  # the documents are official: Kazakh or Russian


def _owner(actor: Actor) -> tuple:
    """Who a computed result was authorised for."""
    return (actor.user_id, actor.role, actor.district_id, actor.region_id)


class AnalysisState(PeriodState, FiguresState, KeptAnalysisState, WorkspaceState, AuthState):
    loaded: bool = False
    no_schools: bool = False
    scope: str = ""
    scopes: list[dict[str, str]] = []
    scope_name: str = ""
    rank_by: str = fig.DEFAULT_RANK
    ascending: bool = False
    rank_options: list[dict[str, str]] = []
    schools_chart: list[dict[str, str | int | float | None]] = []
    schools_chart_shown: bool = False
    schools_chart_title: str = ""
    columns: list[fig.Column] = []
    rows: list[fig.SchoolRow] = []
    page: int = 1
    pages: int = 1
    total: int = 0
    _choices: list[ScopeChoice] = []
    _order: list[str] = []
    _owner: tuple = ()

    # --- computing ----------------------------------------------------------------

    def _scope(self) -> ScopeChoice | None:
        return fig.pick_scope(self._choices, self.scope)

    def _deny(self) -> None:
        self.denied, self.loaded, self.computing = True, False, False
        self._order, self.rows = [], []
        self._keep_analysis(None)

    async def _refresh(self):
        """Compute the analysis of the chosen scope and period (the service checks the
        actor's right to it again), then show it."""
        actor = self._actor()
        if actor is None:
            self._deny()
            return self._to_sign_in()
        choice = self._scope()
        if choice is None:
            self._deny()
            return None
        self.scope = fig.scope_value(choice.kind, choice.id)
        period = self._period()
        district_id = choice.id if choice.kind == ScopeKind.DISTRICT else None
        region_id = choice.id if choice.kind == ScopeKind.REGION else None
        try:
            # seconds for a region: in a worker thread, off the event loop
            analysis = await asyncio.to_thread(
                quarterly_analysis, actor, period.year, period.number,
                district_id=district_id, region_id=region_id)
        except (AccessDenied, NotFound, Refusal):
            self._deny()
            return None
        self._keep_analysis(analysis)
        self._owner = _owner(actor)
        if fig.known_indicator(analysis, self.rank_by) is None:
            self.rank_by, self.ascending = fig.DEFAULT_RANK, False
        self._order = fig.rank(analysis, self.rank_by, self.ascending)
        self.denied, self.loaded, self.computing = False, True, False
        self.no_schools = not self._order
        await self._show_page()
        return None

    def _period_changed(self) -> None:
        self.page = 1

    def _current(self) -> QuarterlyAnalysis | None:
        """The kept result, if it is still this signed-in user's."""
        actor = self._actor()
        if actor is None or not self._analysis_ref or _owner(actor) != self._owner:
            return None
        return self._kept_analysis()

    async def _again(self):
        """Show the kept result anew (ranking or page changed), or recompute it when it
        is no longer valid for whoever is signed in now."""
        if self._current() is None:
            return await self._refresh()
        await self._show_page()
        return None

    # --- rendering ----------------------------------------------------------------

    def _render(self, language: str) -> None:
        self.scopes = [{"value": fig.scope_value(c.kind, c.id),
                        "label": fig.scope_label(c, language)} for c in self._choices]
        choice = self._scope()
        self.scope_name = fig.scope_label(choice, language) if choice else ""
        self._render_period(language)
        analysis = self._kept_analysis()
        if analysis is None:
            return
        self._render_figures(analysis, language)
        self.rank_options = fig.indicator_options(analysis, language)
        self.schools_chart = fig.school_series(analysis, self._order, self.rank_by, language)
        self.schools_chart_shown = fig.has_values(self.schools_chart, ["value"])
        self.schools_chart_title = analysis.label(self.rank_by, language)
        columns = fig.table_columns(self.rank_by)
        self.columns = fig.column_heads(analysis, columns, self.rank_by, language)
        shown = fig.table_page(analysis, self._order, columns, self.page, language)
        self.rows, self.page, self.pages, self.total = (shown.rows, shown.page, shown.pages,
                                                       shown.total)

    # --- events -------------------------------------------------------------------

    @rx.event
    async def load(self):
        """On opening /analysis: the scopes the user may analyse, and the period and
        scope from the address (?year=&quarter=&scope=, as the drill-down links back),
        else those chosen before, else the analyst's own area and the current quarter."""
        actor = self._actor()
        if actor is None:
            self._deny()
            yield self._to_sign_in()
            return
        self._choices = analysis_scopes(actor)
        if not self._choices:
            self._deny()
            return
        asked = self.router.url.query_parameters
        self._set_period(asked.get("year", self.year), asked.get("quarter", self.quarter))
        self.scope = str(asked.get("scope", self.scope))
        self.page, self.computing = 1, True
        yield
        yield await self._refresh()

    @rx.event
    async def set_scope(self, value: str):
        self.scope = str(value)
        self.page, self.computing = 1, True
        yield self._keep_in_address()
        yield await self._refresh()

    @rx.event
    async def rank_schools(self, code: str):
        """Rank by an indicator; the same one again turns the order round."""
        analysis = self._current()
        known = fig.known_indicator(analysis, code) if analysis is not None else None
        if analysis is None or known is None:
            return await self._again()
        self.ascending = not self.ascending if known == self.rank_by else False
        self.rank_by = known
        return await self._rerank(analysis)

    @rx.event
    async def set_rank_by(self, code: str):
        analysis = self._current()
        known = fig.known_indicator(analysis, code) if analysis is not None else None
        if analysis is None or known is None:
            return await self._again()
        self.rank_by = known
        return await self._rerank(analysis)

    @rx.event
    async def set_order(self, value: str | list[str]):
        analysis = self._current()
        if analysis is None:
            return await self._again()
        self.ascending = str(value) == "ascending"
        return await self._rerank(analysis)

    async def _rerank(self, analysis: QuarterlyAnalysis):
        self._order = fig.rank(analysis, self.rank_by, self.ascending)
        self.page = 1
        await self._show_page()

    @rx.event
    async def previous_page(self):
        self.page = max(1, self.page - 1)
        return await self._again()

    @rx.event
    async def next_page(self):
        self.page = min(self.pages, self.page + 1)
        return await self._again()

    @rx.event
    async def download(self, fmt: str):
        """The analysis as XLSX, PDF or CSV, in Kazakh or Russian, ranked as on screen.
        The service audits the export."""
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        choice, fmt = self._scope(), str(fmt)
        if choice is None or fmt not in EXPORT_FORMATS:
            return rx.toast.error(await self._text("ui.common.not_found_or_no_access"))
        language = await self._language()
        period = self._period()
        try:
            report = await asyncio.to_thread(
                export_quarterly, actor, period.year, period.number, fmt,
                district_id=choice.id if choice.kind == ScopeKind.DISTRICT else None,
                region_id=choice.id if choice.kind == ScopeKind.REGION else None,
                language=language if language in EXPORT_LANGUAGES else EXPORT_LANGUAGES[0],
                rank_by=[self.rank_by], ascending=self.ascending)
        except (AccessDenied, NotFound, Refusal):
            return rx.toast.error(await self._text("ui.common.not_found_or_no_access"))
        return rx.download(data=report.content, filename=report.filename,
                           mime_type=report.media_type)
