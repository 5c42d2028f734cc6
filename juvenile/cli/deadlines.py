"""``juvenile deadlines``: every open deadline, overdue first, as CSV or JSON."""

import csv
import json
import sys
from dataclasses import fields

from juvenile import clock
from juvenile.cli.arguments import parse_day, system_actor
from juvenile.cli.output import CliError
from juvenile.i18n import translate
from juvenile.spreadsheet import text_cell


def register(commands) -> None:
    deadlines = commands.add_parser(
        "deadlines",
        help="open deadlines: rehabilitation plans, term-end notices, decisions, plan measures",
    )
    deadlines.add_argument("--on", default=None, metavar="DATE",
                           help="count days left from DATE (YYYY-MM-DD; default today)")
    deadlines.add_argument("--org", default=None, metavar="CODE",
                           help="only this school or commission")
    deadlines.add_argument("--format", choices=("csv", "json"), default="csv")
    deadlines.set_defaults(handler=_deadlines)


def _deadlines(args) -> int:
    from juvenile.security.gate import NotFound
    from juvenile.services.deadlines import Deadline, list_deadlines

    on = parse_day(args.on, args.lang) if args.on else clock.today()
    try:
        found = list_deadlines(system_actor(args.lang), on, args.org)
    except NotFound:
        raise CliError(translate("deadline.cli.unknown_org", args.lang, code=args.org)) from None
    columns = tuple(field.name for field in fields(Deadline))
    rows = [_plain(deadline, columns) for deadline in found]
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({column: text_cell(value) for column, value in row.items()}
                         for row in rows)
    return 0


def _plain(deadline, columns: tuple[str, ...]) -> dict:
    """One deadline (services.deadlines.Deadline) as the row printed."""
    row = {column: getattr(deadline, column) for column in columns}  # asdict is slow
    row["kind"] = deadline.kind.value
    row["due_on"] = deadline.due_on.isoformat()
    row["adult_on"] = deadline.adult_on.isoformat() if deadline.adult_on else ""
    return row
