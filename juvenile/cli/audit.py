"""``juvenile audit export``: the audit log of a period as CSV."""

import sys
from datetime import date

from juvenile.cli.arguments import system_actor
from juvenile.cli.output import CliError
from juvenile.i18n import translate


def register(commands) -> None:
    audit = commands.add_parser("audit", help="the audit log")
    actions = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="write the entries of a period (UTC days)")
    export.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    export.add_argument("--format", choices=["csv"], default="csv")
    export.add_argument("--output", default=None, metavar="FILE",
                        help="file to write (default: standard output)")
    export.set_defaults(handler=_export)


def _day(text: str, option: str, language: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CliError(translate("cli.audit.bad_date", language, option=option,
                                 value=text)) from error


def _export(args) -> int:
    from juvenile.services.identity.audit import AuditQueryRefused, check_period, export_audit_csv

    start = _day(args.date_from, "--from", args.lang)
    end = _day(args.date_to, "--to", args.lang)
    operator = system_actor(args.lang)
    try:
        check_period(start, end)  # before an output file is created
        if args.output is None:
            count = export_audit_csv(operator, start, end, sys.stdout)
        else:
            with open(args.output, "w", newline="", encoding="utf-8") as output:
                count = export_audit_csv(operator, start, end, output)
    except AuditQueryRefused as error:
        raise CliError(translate(error.key, args.lang)) from error
    except OSError as error:
        raise CliError(translate("cli.audit.cannot_write", args.lang, path=args.output,
                                 reason=error.strerror)) from error
    print(translate("cli.audit.exported", args.lang, count=count), file=sys.stderr)
    return 0
