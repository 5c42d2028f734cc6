"""Translated text for components: ``t(key)`` follows the chosen language."""

import reflex as rx

from juvenile.i18n import DEFAULT_LANGUAGE, catalog, is_counted
from juvenile.state.i18n import I18nState


def t(key: str) -> rx.Var:
    """The catalog text for ``key`` in the visitor's language (a reactive Var).

    A counted message (plural forms) is not sent to the browser: its state must
    render it with ``translate(key, language, count=n)`` into a text var.
    """
    if is_counted(catalog(DEFAULT_LANGUAGE).get(key, "")):
        raise ValueError(f"{key} is a counted message: render it in the state with count=")
    return I18nState.messages[key]
