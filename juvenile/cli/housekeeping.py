"""``juvenile housekeeping``: the daily run that closes the cases of students now 18."""

from datetime import date

from juvenile.cli.arguments import system_actor
from juvenile.i18n import translate


def register(commands) -> None:
    housekeeping = commands.add_parser(
        "housekeeping",
        help="close the open cases of students who have turned 18 (safe to run daily)",
    )
    housekeeping.add_argument("--on", type=date.fromisoformat, default=None,
                              metavar="YYYY-MM-DD", help="run as of this day (default: today)")
    housekeeping.set_defaults(handler=_housekeeping)


def _housekeeping(args) -> int:
    from juvenile.services.school.housekeeping import close_cases_of_adults

    closed = close_cases_of_adults(system_actor(args.lang), args.on)
    print(translate("case.cli.housekeeping_done", args.lang, count=closed))
    return 0
