"""``juvenile demo``: load the demo data (safe to repeat)."""

from juvenile.demo import load_demo
from juvenile.i18n import translate
from juvenile.services.migrations import upgrade_database


def register(commands) -> None:
    demo = commands.add_parser("demo", help="load demo data in Kazakh and Russian")
    demo.set_defaults(handler=_demo)


def _demo(args) -> int:
    upgrade_database()
    summary = load_demo()
    print(translate("cli.demo.loaded", args.lang, created=summary.created,
                    updated=summary.updated))
    return 0
