"""Translation layer: every string a user sees goes through ``translate``."""

from juvenile.i18n.catalog import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Counted,
    catalog,
    is_counted,
    normalise_language,
    plural_form,
    plural_forms,
    translate,
)
from juvenile.i18n.formatting import format_date, format_datetime, format_number

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Counted",
    "catalog",
    "format_date",
    "format_datetime",
    "format_number",
    "is_counted",
    "normalise_language",
    "plural_form",
    "plural_forms",
    "translate",
]
