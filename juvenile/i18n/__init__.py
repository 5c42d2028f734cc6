"""Translation layer: every string a user sees goes through ``translate``."""

from juvenile.i18n.catalog import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    catalog,
    normalise_language,
    translate,
)
from juvenile.i18n.formatting import format_date, format_datetime, format_number

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "catalog",
    "format_date",
    "format_datetime",
    "format_number",
    "normalise_language",
    "translate",
]
