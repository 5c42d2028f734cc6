"""What every state of the working areas (school, commission, analysis) shares.

Pages show texts in the visitor's language; what the server translates (names
of criteria, case states, dates) is rendered again from backend data when the
language changes (``relabel``), without asking the database twice. Ids come
from the address bar or the browser: they are parsed here and the services
check them again.
"""

from datetime import date
from typing import TYPE_CHECKING, Any

import reflex as rx

from juvenile.errors import Refusal
from juvenile.i18n import translate
from juvenile.imports.table import ImportRejected
from juvenile.state.auth import AuthState
from juvenile.state.i18n import I18nState
from juvenile.state.messages import Said

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


class WorkspaceState(AuthState, mixin=True):
    """The base of every workspace page's state, on top of the sign-in state.

    A Reflex mixin, so each page gets its own copy of ``denied`` and of the
    language it was shown in: a subclass of a real state is its substate, and a
    parent's vars are one instance shared by all its children. Reflex makes a
    class whose state bases are all mixins a mixin too, so a page names its parent
    as well: ``class CasePageState(WorkspaceState, AuthState)``.

    The hooks a page fills in: ``load`` (its on-load event), ``_refresh`` (ask the
    services again and show the result) and ``_render`` (the display vars in one
    language). The sign-in state's own hook has another name (``_show_user``).
    """

    denied: bool = False  # not found, or not this user's: one neutral message
    _shown_language: str = ""
    # What ``_say`` wrote: the var (or "var[field]" of a dict var), the message and the
    # text shown, so ``_show_page`` writes it again in a new language.
    _said: dict[str, tuple[Said, str]] = {}

    async def _language(self) -> str:
        return (await self.get_state(I18nState)).language

    async def _refresh(self):
        """Ask the services for the page's records and show them; return the handler's
        reply (the sign-in page when the session has ended). ``PagedList`` and the
        analysis cache call it."""
        raise NotImplementedError(f"{type(self).__name__} does not reload its records")

    def _render(self, language: str) -> None:
        """Fill the display vars from backend data in ``language`` (pages override;
        a page with nothing translated on the server keeps this)."""

    async def _show_page(self) -> None:
        """Render the page in the visitor's language, and remember which it was."""
        self._shown_language = await self._language()
        self._render(self._shown_language)
        self._say_again(self._shown_language)

    def _say(self, target: str, message: Said, language: str) -> None:
        """Show ``message`` in ``target`` (a var, or "var[field]" of a dict var), and keep
        it to write again after a language switch."""
        text = message.text(language)
        self._write(target, text)
        self._said = {**self._said, target: (message, text)}
        self._shown_language = self._shown_language or language

    def _say_again(self, language: str) -> None:
        """Write every kept message in ``language``; one the page has since replaced or
        cleared is forgotten."""
        kept = {}
        for target, (message, shown) in self._said.items():
            if self._read(target) == shown:
                text = message.text(language)
                self._write(target, text)
                kept[target] = (message, text)
        self._said = kept

    def _read(self, target: str) -> object:
        var, _, field = target.partition("[")
        value = getattr(self, var)
        return value.get(field.rstrip("]")) if field else value

    def _write(self, target: str, text: str) -> None:
        var, _, field = target.partition("[")
        if field:
            setattr(self, var, {**getattr(self, var), field.rstrip("]"): text})
        else:
            setattr(self, var, text)

    @rx.event
    async def relabel(self):
        """The visitor switched the language: translate what the server rendered."""
        if self._shown_language and await self._language() != self._shown_language:
            await self._show_page()


class PagedList(rx.State, mixin=True):
    """Previous / next of a list paged on the server. The state has ``page`` and
    ``pages`` and reloads the current page with ``_refresh``."""

    if TYPE_CHECKING:  # the list state's
        page: int
        pages: int
        async def _refresh(self) -> Any: ...

    @rx.event
    async def previous_page(self):
        self.page = max(1, self.page - 1)
        return await self._refresh()

    @rx.event
    async def next_page(self):
        self.page = min(self.pages, self.page + 1)
        return await self._refresh()
