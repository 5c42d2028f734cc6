"""What the analysis pages' states share: the chosen period, the computed analysis
kept on the server, and the figures shown the same way for a district, a region
or one school (cards, charts, every indicator).

Mixins, placed before ``AuthState`` in the bases like the school workspace's
``WorkspaceState`` (the neutral refusal, the page's language, ``relabel``).
"""

import json
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import reflex as rx

from juvenile import clock
from juvenile.analysis.periods import Quarter
from juvenile.analysis.result import QuarterlyAnalysis
from juvenile.cache import SessionKey, session_cache
from juvenile.state.analysis import figures as fig
from juvenile.state.workspace import WorkspaceState

WorkspaceState = WorkspaceState

ANALYSIS_PURPOSE = "analysis"
ANALYSIS_TTL_SECONDS = 60 * 60  # then computed again on the next use


class PeriodState(rx.State, mixin=True):
    """The year and quarter picked; ``_refresh`` (the page's) recomputes for them and
    clears ``computing``."""

    computing: bool = False
    year: str = ""
    quarter: str = ""
    years: list[str] = []
    quarters: list[dict[str, str]] = []

    def _today(self) -> date:
        return clock.today()

    def _period(self) -> Quarter:
        return fig.parse_period(self.year, self.quarter, self._today())

    def _set_period(self, year: object, quarter: object) -> Quarter:
        """Keep a valid, begun quarter (a malformed or future one becomes the current)."""
        period = fig.parse_period(year, quarter, self._today())
        self.year, self.quarter = str(period.year), str(period.number)
        return period

    def _render_period(self, language: str) -> None:
        today = self._today()
        self.years = fig.year_options(today)
        if self.year and self.year not in self.years:
            self.years.append(self.year)
        self.quarters = fig.quarter_options(self._period().year, today, language)

    async def _refresh(self):
        """Compute the page's figures for the period (pages override)."""

    def _period_changed(self) -> None:
        """Reset what belongs to the previous period's figures (pages override)."""

    @rx.event
    async def set_year(self, value: str):
        # A year whose quarter has not begun yet falls back to the current quarter.
        self._set_period(value, self.quarter)
        self._period_changed()
        self.computing = True
        yield self._keep_in_address()
        yield await self._refresh()

    @rx.event
    async def set_quarter(self, value: str):
        self._set_period(self.year, value)
        self._period_changed()
        self.computing = True
        yield self._keep_in_address()
        yield await self._refresh()

    def _keep_in_address(self) -> rx.event.EventSpec:
        """The chosen period (and area) in the address, so a reload or a shared link
        opens the same analysis (issue 14); the page is not reloaded."""
        asked = {"year": self.year, "quarter": self.quarter}
        if scope := getattr(self, "scope", ""):  # the analysis screen's; a school's has none
            asked["scope"] = scope
        query = json.dumps("?" + urlencode(asked))
        return rx.call_script(
            f"window.history.replaceState(null, '', window.location.pathname + {query})")


class KeptAnalysisState(rx.State, mixin=True):
    """The computed analysis, kept in the server's session cache (juvenile.cache)
    rather than in the state: with Redis the state is written at every event, and
    a region's frames weigh megabytes. The state holds only the cache key's random
    reference; a result the cache has let go is computed again (``_refresh``).

    Placed before ``WorkspaceState`` in the bases: its ``_show_page`` comes first."""

    if TYPE_CHECKING:  # the page state's
        async def _refresh(self) -> Any: ...

    _analysis_ref: str = ""

    def _analysis_key(self) -> SessionKey | None:
        if not self._analysis_ref:
            return None
        return SessionKey(ANALYSIS_PURPOSE, self.router.session.client_token,
                          self._analysis_ref)

    def _keep_analysis(self, analysis: QuarterlyAnalysis | None) -> None:
        """Keep ``analysis`` in place of the one kept before (None: keep none)."""
        previous, cache = self._analysis_key(), session_cache()
        self._analysis_ref = ""
        if previous is not None:
            cache.discard(previous)
        if analysis is not None:
            key = SessionKey.new(ANALYSIS_PURPOSE, self.router.session.client_token)
            cache.put(key, analysis, ANALYSIS_TTL_SECONDS)
            self._analysis_ref = key.ref

    def _kept_analysis(self) -> QuarterlyAnalysis | None:
        """The kept analysis; None when there is none or the cache let it go."""
        key = self._analysis_key()
        return session_cache().get(key) if key is not None else None

    async def _show_page(self) -> None:
        """Render the kept analysis; one the cache let go (the page was left open for
        long, then the language switched) is computed again, which shows it."""
        if self._analysis_ref and self._kept_analysis() is None:
            self._analysis_ref = ""
            await self._refresh()
            return
        # WorkspaceState's, after this mixin in the page state's bases
        await super()._show_page()  # pyright: ignore[reportAttributeAccessIssue]


class FiguresState(rx.State, mixin=True):
    """The summary cards, the criterion and trend charts and the full figure table."""

    cards: list[fig.Card] = []
    flags: list[dict[str, str | int | float | None]] = []
    flags_shown: bool = False
    trend: list[dict[str, str | int | float | None]] = []
    trend_shown: bool = False
    trend_names: dict[str, str] = {}
    groups: list[fig.FigureGroup] = []
    period_title: str = ""
    quiet: bool = False  # nothing was recorded in the quarter

    def _render_figures(self, analysis: QuarterlyAnalysis, language: str) -> None:
        self.cards = fig.summary_cards(analysis, language)
        self.flags = fig.criterion_series(analysis, language)
        self.flags_shown = fig.has_values(self.flags, ["flags"])
        self.trend = fig.trend_series(analysis, language)
        self.trend_shown = fig.has_values(self.trend, fig.TREND_LINES)
        self.trend_names = fig.trend_names(language)
        self.groups = fig.figure_groups(analysis, language)
        self.period_title = fig.period_title(analysis.quarter, language)
        self.quiet = fig.quiet(analysis)
