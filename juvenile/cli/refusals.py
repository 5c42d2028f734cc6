"""Legal refusals and missing records as the one line the command line prints."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from juvenile.cli.output import CliError
from juvenile.i18n import translate
from juvenile.rules.errors import RuleViolation
from juvenile.security.gate import NotFound


@contextmanager
def refusals_as_cli_errors(language: str) -> Iterator[None]:
    """Turn a RuleViolation or NotFound raised by a service into a CliError."""
    try:
        yield
    except RuleViolation as refusal:
        raise CliError(translate(refusal.key, language, **refusal.params)) from refusal
    except NotFound as missing:
        raise CliError(translate("refusal.not_found", language, kind=missing.kind,
                                 id=missing.record_id)) from missing


def parse_day(text: str, language: str) -> date:
    """A YYYY-MM-DD argument, or a CliError saying how to write it."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(translate("calendar.cli.bad_date", language, value=text)) from None


def parse_whole_number(text: str, language: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise CliError(translate("calendar.cli.bad_number", language, value=text)) from None
