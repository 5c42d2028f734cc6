"""Command-line arguments that need the user's language to be refused clearly."""

from datetime import date

from juvenile.cli.output import CliError
from juvenile.i18n import translate


def parse_day(text: str, language: str) -> date:
    """A YYYY-MM-DD argument, or a CliError saying how to write it."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(translate("calendar.cli.bad_date", language, value=text)) from None


def system_actor(language: str):
    """The command line acts as the deployment's operator (``Actor.system``); the
    security module is loaded here, when a command runs, not when the parser is built."""
    from juvenile.security.actor import Actor

    return Actor.system(language=language)


def parse_whole_number(text: str, language: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise CliError(translate("calendar.cli.bad_number", language, value=text)) from None
