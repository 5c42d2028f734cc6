"""What every state of the working areas (school, commission, analysis) shares.

Pages show texts in the visitor's language; what the server translates (names
of criteria, case states, dates) is rendered again from backend data when the
language changes (``relabel``), without asking the database twice. Ids come
from the address bar or the browser: they are parsed here and the services
check them again.
"""

from datetime import date

import reflex as rx

from juvenile.errors import Refusal
from juvenile.i18n import translate
from juvenile.imports.table import ImportRejected
from juvenile.state.i18n import I18nState

ID_MAX_DIGITS = 18


def parse_id(text: object) -> int | None:
    """A record id typed or linked by the browser; None unless a plain number."""
    text = str(text).strip()
    return int(text) if text.isdigit() and len(text) <= ID_MAX_DIGITS else None


def parse_day(text: object) -> date | None:
    """A date from an <input type=date> (YYYY-MM-DD); None when empty or malformed."""
    try:
        return date.fromisoformat(str(text).strip()[:10])
    except ValueError:
        return None


def rule_message(error: Refusal, language: str) -> str:
    """A refusal in the user's language, with the law's article where it names one."""
    return error.message(language)


def row_errors(rejected: ImportRejected, language: str, limit: int = 200) -> list[dict]:
    """The rejected file's errors as rows for a table: row, field, message."""
    return [
        {"row": str(error.row), "column": error.column,
         "message": translate(error.key, language, **error.params)}
        for error in rejected.errors[:limit]
    ]


def presence(present: bool | None, reason: str, language: str) -> str:
    """Whether the minor or the representatives took part in the council (Art. 78 (3))."""
    if present is None:
        return translate("ui.school.council.not_recorded", language)
    return (translate("ui.school.council.took_part", language) if present
            else translate("ui.school.council.absent_because", language, reason=reason))


class WorkspaceState(rx.State, mixin=True):
    """What the states of the workspaces' pages mix in (before ``AuthState``, their parent): the
    neutral refusal and the language of the page. A mixin, so that ``relabel``
    runs on each page's own state."""

    denied: bool = False  # not found, or not this user's: one neutral message
    _shown_language: str = ""

    async def _language(self) -> str:
        return (await self.get_state(I18nState)).language

    def _render(self, language: str) -> None:
        """Fill the display vars from backend data in ``language`` (pages override)."""

    async def _show(self) -> None:
        self._shown_language = await self._language()
        self._render(self._shown_language)

    @rx.event
    async def relabel(self):
        """The visitor switched the language: translate what the server rendered."""
        if self._shown_language and await self._language() != self._shown_language:
            await self._show()


class PagedList(rx.State, mixin=True):
    """Previous / next of a list paged on the server. The state has ``page`` and
    ``pages`` and reloads the current page with ``_refresh``."""

    @rx.event
    async def previous_page(self):
        self.page = max(1, self.page - 1)
        return await self._refresh()

    @rx.event
    async def next_page(self):
        self.page = min(self.pages, self.page + 1)
        return await self._refresh()
