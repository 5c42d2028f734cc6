"""The drill-down: one school's figures (/analysis/schools/[school_id]?year=&quarter=).

Counts only, like every level of the analysis; the service lets the analysts
of the school's district and region see them (Art. 21 item 10), and no one else.
"""

import asyncio
from typing import TYPE_CHECKING

import reflex as rx

from juvenile.analysis.scope import ScopeKind
from juvenile.errors import Refusal
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.analysis.quarterly import school_figures
from juvenile.state.analysis.common import (
    FiguresState,
    KeptAnalysisState,
    PeriodState,
    WorkspaceState,
)
from juvenile.state.auth import AuthState
from juvenile.state.workspace import parse_id


class SchoolFiguresState(PeriodState, FiguresState, KeptAnalysisState, WorkspaceState,
                         AuthState):
    if TYPE_CHECKING:  # the route's argument, a var Reflex adds
        school_id: str

    loaded: bool = False
    school_code: str = ""
    school_name: str = ""
    district_code: str = ""
    back: str = "/analysis"

    async def _refresh(self):
        self.computing = False
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        period = self._period()
        try:
            # the id comes from the address bar (the route's [school_id])
            analysis = await asyncio.to_thread(school_figures, actor, period.year,
                                               period.number, parse_id(self.school_id) or 0)
        except (AccessDenied, NotFound, Refusal):
            self._keep_analysis(None)
            self.denied, self.loaded = True, False
            return None
        self._keep_analysis(analysis)
        self.denied, self.loaded = False, True
        await self._show_page()
        return None

    def _render(self, language: str) -> None:
        self._render_period(language)
        analysis = self._kept_analysis()
        if analysis is None or analysis.scope.kind != ScopeKind.SCHOOL:
            return
        self.school_code = analysis.scope.code
        self.school_name = analysis.scope.name(language)
        self.district_code = (str(analysis.schools["district_code"].iloc[0])
                              if len(analysis.schools) else "")
        self.back = f"/analysis?year={self.year}&quarter={self.quarter}"
        self._render_figures(analysis, language)

    @rx.event
    async def load(self):
        asked = self.router.url.query_parameters
        self._set_period(asked.get("year", ""), asked.get("quarter", ""))
        return await self._refresh()
