"""``juvenile db upgrade``."""

from juvenile.i18n import translate


def register(commands) -> None:
    db = commands.add_parser("db", help="database schema")
    actions = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = actions.add_parser("upgrade", help="apply all migrations (safe to repeat)")
    upgrade.set_defaults(handler=_upgrade)


def _upgrade(args) -> int:
    from juvenile.services.common import upgrade_database

    upgrade_database()
    print(translate("cli.db.upgraded", args.lang))
    return 0
