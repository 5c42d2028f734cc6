"""What every state of the commission workspace shares.

The page frame of the school workspace serves here too (``WorkspaceState``: the
neutral refusal, the page's language and re-rendering when it changes), so the
two workspaces behave as one product. Ids from the address bar or the browser
are parsed here and checked again by the services; every refusal of the gate
reads the same neutral message.
"""

from datetime import date, datetime

from juvenile import clock
from juvenile.errors import Refusal
from juvenile.i18n import format_date, format_datetime, translate
from juvenile.state.workspace import WorkspaceState, parse_day, parse_id, rule_message

WorkspaceState = WorkspaceState  # a mixin: put it before AuthState in the bases

__all__ = ["WorkspaceState", "blank", "field_errors", "iso_day", "local_day", "local_moment",
           "neutral", "parse_day", "parse_id", "refusal_field", "rule_message"]


# A day or a time shown is a day or a time in Kazakhstan: ``juvenile.clock`` keeps the zone.


def local_day(moment: datetime | None, language: str) -> str:
    """The date of a stored UTC moment, as the day it was in Kazakhstan."""
    return format_date(clock.day_of(moment), language) if moment else ""


def local_moment(moment: datetime | None, language: str) -> str:
    """A stored UTC moment as the date and time it was in Kazakhstan."""
    if moment is None:
        return ""
    return format_datetime(clock.local(moment), language)


def iso_day(text: object, language: str) -> str:
    """A date stored as YYYY-MM-DD text (the frozen case packet), or "" if none."""
    try:
        return format_date(date.fromisoformat(str(text)), language)
    except ValueError:
        return ""


def neutral(language: str) -> str:
    """The one message for "no such record" and "not yours" (neither leaks)."""
    return translate("ui.common.not_found_or_no_access", language)


def field_errors(refused: Refusal, language: str, fields: dict[str, str],
                 field_of: dict[str, str]) -> dict[str, str]:
    """The form's errors with the refusal next to its field (``field_of`` maps a
    message key to a field; anything else shows under the form as "general")."""
    return {**dict.fromkeys(fields, ""),
            refusal_field(refused, fields, field_of): rule_message(refused, language)}


def refusal_field(refused: Refusal, fields: dict[str, str], field_of: dict[str, str]) -> str:
    """The form field a refusal concerns; "general" (under the form) for the rest."""
    field = field_of.get(refused.key, "general")
    return field if field in fields else "general"


def blank(*fields: str) -> dict[str, str]:
    """Every field of a form without an error, and the form's general line."""
    return dict.fromkeys((*fields, "general"), "")
