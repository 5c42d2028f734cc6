"""``juvenile decision-type``: the catalogue of commission decisions (administrators)."""

from juvenile.cli.arguments import system_actor
from juvenile.i18n import translate


def register(commands) -> None:
    catalogue = commands.add_parser("decision-type", help="the catalogue of commission decisions")
    actions = catalogue.add_subparsers(dest="decision_type_action", required=True,
                                       metavar="ACTION")
    add = actions.add_parser("add", help="add a decision type")
    add.add_argument("--code", required=True, help="a-z, 0-9 and _, e.g. refer_to_psychologist")
    add.add_argument("--name-kk", required=True, help="name in Kazakh")
    add.add_argument("--name-ru", required=True, help="name in Russian")
    add.add_argument("--no-follow-up", action="store_true",
                     help="the decision needs no executor and due date")
    add.set_defaults(handler=_add)
    listing = actions.add_parser("list", help="print the catalogue as code<TAB>name")
    listing.set_defaults(handler=_list)


def _add(args) -> int:
    from juvenile.services.administration.decision_catalogue import add_decision_type

    added = add_decision_type(system_actor(args.lang), args.code, args.name_kk,
                              args.name_ru, follow_up=not args.no_follow_up)
    print(translate("decision.cli.type_added", args.lang, code=added.code))
    return 0


def _list(args) -> int:
    from juvenile.services.administration.decision_catalogue import list_decision_types

    for decision_type in list_decision_types(system_actor(args.lang)):
        print(f"{decision_type.code}\t{decision_type.name(args.lang)}")
    return 0
