"""The ``juvenile`` command line: administration on top of the same services as the portal.

Each command module registers its sub-commands; a handler returns an exit code.
Expected failures print one clear line (or one line per bad row) and exit
non-zero, never a traceback.

Building the parser loads no service, database or document library: each
handler imports what it needs when it runs, so ``juvenile --help`` and every
command start at once (``bench/cli_startup_benchmark.py``).
"""

import argparse
import sys

from juvenile.cli import (
    attendance,
    audit,
    calendar,
    database,
    deadlines,
    decision_types,
    demo,
    housekeeping,
    imports,
    report,
    serve,
    users,
)
from juvenile.cli.output import CliError, print_rejection
from juvenile.errors import Refusal
from juvenile.i18n import LANGUAGES, translate
from juvenile.settings import cli_language

COMMAND_MODULES = [database, demo, imports, serve, users, audit, attendance, housekeeping,
                   calendar, deadlines, decision_types, report]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="juvenile",
        description="Offence-prevention casework portal (Law No. 245-VIII): administration.",
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=cli_language(),
        help="language of messages (default: JUVENILE_LANG or kk)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args) or 0
    except Exception as error:  # sorted into expected failures below, or re-raised
        return _failed(error, args.lang)


def _failed(error: Exception, language: str) -> int:
    """The exit code of an expected failure, after printing it; anything else is raised.

    The exception classes are imported here: a handler that raised one has
    loaded its module already, so this costs nothing at start-up.
    """
    from sqlalchemy.exc import OperationalError

    from juvenile.imports.table import ImportRejected
    from juvenile.security.gate import AccessDenied, NotFound

    if isinstance(error, ImportRejected):
        print_rejection(error, language)
        return 1
    if isinstance(error, CliError | Refusal | NotFound | AccessDenied | OperationalError):
        print(f"juvenile: {_one_line(error, language)}", file=sys.stderr)
        return 2
    raise error


def _one_line(error: Exception, language: str) -> str:
    """What the user reads about an expected failure, in their language."""
    from sqlalchemy.exc import OperationalError

    from juvenile.security.gate import AccessDenied, NotFound

    if isinstance(error, Refusal):  # a legal rule, a bad form, an unusable JUVENILE_DB_URL
        return error.message(language)
    if isinstance(error, NotFound):
        return translate("refusal.not_found", language, kind=error.kind, id=error.record_id)
    if isinstance(error, AccessDenied):
        return translate("cli.error.denied", language)
    if isinstance(error, OperationalError):
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        return translate("cli.error.database", language, reason=reason)
    return str(error)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
