"""Dates and numbers as each language writes them (Babel's CLDR data)."""

from datetime import date, datetime

from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.numbers import format_decimal

from juvenile import clock
from juvenile.i18n.catalog import BABEL_LOCALES, normalise_language


def _locale(language: str | None) -> str:
    return BABEL_LOCALES[normalise_language(language)]


def format_date(value: date | None, language: str | None, style: str = "medium") -> str:
    """A date in the language's own form, e.g. 17 дек. 2026 г."""
    if value is None:
        return ""
    return babel_format_date(value, format=style, locale=_locale(language))


def format_datetime(value: datetime | None, language: str | None, style: str = "short") -> str:
    """A moment in the language's own form, as the time it was in Kazakhstan.

    Every moment the portal keeps is UTC, aware or (as SQLite returns it) naive; it
    is shown in the clock's zone, which the page's footer and every document name."""
    if value is None:
        return ""
    value = clock.local(value).replace(tzinfo=None)
    return babel_format_datetime(value, format=style, locale=_locale(language))


def format_number(value: float | int, language: str | None, decimals: int = 0) -> str:
    """A number with the language's grouping and decimal separator."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_locale(language))
