"""What every state of the commission workspace shares.

The page frame of the school workspace serves here too (``WorkspaceState``: the
neutral refusal, the page's language and re-rendering when it changes), so the
two workspaces behave as one product. Ids from the address bar or the browser
are parsed here and checked again by the services; every refusal of the gate
reads the same neutral message.
"""

import enum
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Protocol, TypeVar

from juvenile import clock
from juvenile.errors import Refusal
from juvenile.i18n import format_date, format_datetime, translate
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.state.messages import Said, said_refusal
from juvenile.state.workspace import WorkspaceState, parse_day, parse_id, rule_message

T = TypeVar("T")

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


def refusal_field(refused: Refusal, fields: dict[str, str], field_of: Mapping[str, str]) -> str:
    """The form field a refusal concerns; "general" (under the form) for the rest."""
    field = field_of.get(refused.key, "general")
    return field if field in fields else "general"


class Refused(enum.Enum):
    """What ``form_call`` returns when the service refused: the form says why."""

    REFUSED = "refused"


class FormState(Protocol):
    """What ``form_call`` uses of a workspace state (``WorkspaceState`` has both)."""

    async def _language(self) -> str: ...

    def _say(self, target: str, message: Said, language: str) -> None: ...


async def form_call(state: FormState, errors_var: str, errors: dict[str, str] | None,
                    field_of: Mapping[str, str], call: Callable[[], T]) -> T | Refused:
    """Ask a service on behalf of a form. A refusal goes next to its field of
    ``errors_var`` (a dict var), kept as data so that a language switch rewrites it;
    a record not found, or not the user's, reads as one neutral line under the form.
    Without ``errors``, ``errors_var`` is the text var of a form's one line."""
    language = await state._language()
    try:
        return call()
    except (AccessDenied, NotFound):
        setattr(state, errors_var, neutral(language) if errors is None
                else {**errors, "general": neutral(language)})
    except Refusal as refused:
        target = errors_var
        if errors is not None:
            setattr(state, errors_var, errors)
            target = f"{errors_var}[{refusal_field(refused, errors, field_of)}]"
        state._say(target, said_refusal(refused), language)
    return Refused.REFUSED


async def line_call(state: FormState, error_var: str, call: Callable[[], T]) -> T | Refused:
    """``form_call`` for a small form with one error line (a text var)."""
    return await form_call(state, error_var, None, {}, call)


# The refusals of a minor's IIN (rules.iin, and none registered in the district), shown
# next to the IIN field of every form that asks for one.
IIN_REFUSALS = dict.fromkeys((
    "iin.not_12_digits", "iin.bad_century_digit", "iin.bad_birth_date",
    "iin.check_digit_impossible", "iin.bad_check_digit", "iin.birth_date_in_future",
    "placement.register.unknown_iin"), "iin")


def blank(*fields: str) -> dict[str, str]:
    """Every field of a form without an error, and the form's general line."""
    return dict.fromkeys((*fields, "general"), "")
