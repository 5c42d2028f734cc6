"""Date and month inputs that say, in the page's language, which day they hold.

A native date input writes its day in the browser's own locale ("12/04/2026" in an
English Chromium), whatever language the page is in, so a Kazakh or Russian reader
may take the month for the day. Under each input the day is spelled out in the
page's language ("2026 ж. 4 желтоқсан", "4 декабря 2026 г.") as the value changes,
in the browser. The patterns and month names come from Babel's CLDR data (the
browser's own ``Intl`` may lack Kazakh), the same data the server formats with.
"""

import json
import re

import reflex as rx
from babel import Locale
from reflex.vars.function import FunctionStringVar

from juvenile.i18n import LANGUAGES
from juvenile.i18n.catalog import BABEL_LOCALES
from juvenile.state.i18n import I18nState

_TOKENS = {"y": "{y}", "d": "{d}", "MMMM": "{M}", "LLLL": "{L}"}


def _template(pattern: str) -> str:
    """A CLDR pattern ("d MMMM y 'г'.") as a template ("{d} {M} {y} г.")."""
    parts = re.findall(r"'[^']*'|y+|d+|M{4}|L{4}|[^'ydML]+", pattern)
    return "".join(_TOKENS.get(p, p.strip("'") if p.startswith("'") else p) for p in parts)


def _spelling(language: str) -> dict:
    locale = Locale.parse(BABEL_LOCALES[language])
    return {
        "day": _template(locale.date_formats["long"].pattern),
        "month": _template(locale.datetime_skeletons["yMMMM"].pattern),
        "M": [locale.months["format"]["wide"][n] for n in range(1, 13)],
        "L": [locale.months["stand-alone"]["wide"][n] for n in range(1, 13)],
    }


_SPELLED = FunctionStringVar.create(
    "(value, language) => {"
    f" const table = {json.dumps({lang: _spelling(lang) for lang in LANGUAGES})};"
    " const spell = table[language] || table.en;"
    " const [y, m, d] = String(value || '').split('-').map(Number);"
    " if (!y || !m || m > 12) return '';"
    " return (d ? spell.day : spell.month).replace('{y}', y).replace('{d}', d || '')"
    " .replace('{M}', spell.M[m - 1]).replace('{L}', spell.L[m - 1]);"
    " }")


def spelled_day(value: rx.Var) -> rx.Var:
    """``value`` (YYYY-MM-DD or YYYY-MM) written out in the page's language."""
    return _SPELLED.call(value, I18nState.language).to(str)


def date_input(value: rx.Var, kind: str = "date", **props) -> rx.Component:
    """A controlled date (or month) input with its day spelled out under it."""
    return rx.vstack(
        rx.input(type=kind, value=value, **props),
        rx.text(spelled_day(value), size="1", color_scheme="gray", class_name="date-spelled",
                min_height="1em"),
        spacing="1",
        align="start",
        width=props.get("width", "auto"),
    )
