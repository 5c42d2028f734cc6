"""``juvenile calendar``: the administrator's days off and working days, and working-day sums."""

from juvenile.cli.arguments import parse_day, parse_whole_number, system_actor
from juvenile.i18n import translate


def register(commands) -> None:
    calendar = commands.add_parser("calendar", help="the working-day calendar")
    actions = calendar.add_subparsers(dest="calendar_action", required=True, metavar="ACTION")
    kurban = actions.add_parser("add-kurban-ait",
                                help="DATE is the first day of Kurban ait (confirms or moves "
                                     "the estimated date of its year)")
    kurban.add_argument("day", metavar="DATE", help="YYYY-MM-DD")
    kurban.add_argument("--note", default="", help="why, e.g. the government resolution")
    kurban.set_defaults(handler=_add_kurban_ait)
    day_off = actions.add_parser("add-day-off",
                                 help="DATE is a day off (a day moved by government resolution)")
    day_off.add_argument("day", metavar="DATE", help="YYYY-MM-DD")
    day_off.add_argument("--note", default="", help="why, e.g. the government resolution")
    day_off.set_defaults(handler=_add_day_off)
    working = actions.add_parser("add-working-day", help="DATE is a working day")
    working.add_argument("day", metavar="DATE", help="YYYY-MM-DD")
    working.add_argument("--note", default="", help="why, e.g. the government resolution")
    working.set_defaults(handler=_add_working_day)
    remove = actions.add_parser("remove-day", help="DATE follows the statutory calendar again")
    remove.add_argument("day", metavar="DATE", help="YYYY-MM-DD")
    remove.set_defaults(handler=_remove_day)
    count = actions.add_parser("add-working-days",
                               help="print the N-th working day after DATE")
    count.add_argument("day", metavar="DATE", help="YYYY-MM-DD")
    count.add_argument("n", metavar="N", help="number of working days")
    count.set_defaults(handler=_add_working_days)


def _add_kurban_ait(args) -> int:
    from juvenile.services.administration.calendar import add_kurban_ait

    day = parse_day(args.day, args.lang)
    add_kurban_ait(system_actor(args.lang), day, args.note)
    print(translate("calendar.cli.kurban_ait_added", args.lang, day=day.isoformat()))
    return 0


def _add_day_off(args) -> int:
    from juvenile.services.administration.calendar import add_day_off

    day = parse_day(args.day, args.lang)
    add_day_off(system_actor(args.lang), day, args.note)
    print(translate("calendar.cli.day_off_added", args.lang, day=day.isoformat()))
    return 0


def _add_working_day(args) -> int:
    from juvenile.services.administration.calendar import add_working_day

    day = parse_day(args.day, args.lang)
    add_working_day(system_actor(args.lang), day, args.note)
    print(translate("calendar.cli.working_day_added", args.lang, day=day.isoformat()))
    return 0


def _remove_day(args) -> int:
    from juvenile.services.administration.calendar import remove_calendar_day

    day = parse_day(args.day, args.lang)
    remove_calendar_day(system_actor(args.lang), day)
    print(translate("calendar.cli.day_removed", args.lang, day=day.isoformat()))
    return 0


def _add_working_days(args) -> int:
    from juvenile.services.administration.calendar import add_working_days

    day = parse_day(args.day, args.lang)
    n = parse_whole_number(args.n, args.lang)
    result = add_working_days(system_actor(args.lang), day, n)
    print(result.isoformat())
    return 0
