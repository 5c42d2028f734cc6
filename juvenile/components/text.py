"""Translated text for components: ``t(key)`` follows the chosen language."""

import reflex as rx

from juvenile.state.i18n import I18nState


def t(key: str) -> rx.Var:
    """The catalog text for ``key`` in the visitor's language (a reactive Var)."""
    return I18nState.messages[key]
