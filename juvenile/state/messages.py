"""Messages the server writes into a page, kept as their catalog key and parameters.

A language switch re-renders the page in place (``WorkspaceState.relabel``); a
message translated once and kept as text would stay in the old language (an
import's refusal, the scan's result, a refused placement term). So a handler
says such a message as a ``Said``: the page shows its text, and the state keeps
the key and the parameters to write it again in the new language.
"""

from dataclasses import dataclass
from typing import Any

from juvenile.errors import Refusal
from juvenile.i18n import translate


@dataclass(frozen=True)
class Said:
    key: str
    params: tuple[tuple[str, object], ...] = ()
    count: int | float | None = None

    def text(self, language: str) -> str:
        params: dict[str, Any] = dict(self.params)
        count = params.pop("count", self.count)  # a refusal carries its count as a param
        return translate(self.key, language, count=count, **params)


def said(key: str, count: int | float | None = None, **params: object) -> Said:
    """The message ``key`` with its parameters, to be written in any language."""
    return Said(key, tuple(params.items()), count)


def said_refusal(refusal: Refusal) -> Said:
    """A refusal as a message to write in any language."""
    return Said(refusal.key, tuple(refusal.params.items()))
