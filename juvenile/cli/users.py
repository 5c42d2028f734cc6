"""``juvenile user add|disable|reset-password``: accounts from the command line."""

from juvenile.cli.arguments import system_actor
from juvenile.cli.output import CliError
from juvenile.i18n import LANGUAGES, translate
from juvenile.rules.roles import Role


def register(commands) -> None:
    user = commands.add_parser("user", help="user accounts")
    actions = user.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="create an account (prints a generated password)")
    add.add_argument("--login", required=True)
    add.add_argument("--name", required=True, help="full name")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--org", default="",
                     help="code of the school, commission, district or region the role needs "
                          "(none for admin)")
    add.add_argument("--language", default="kk", choices=LANGUAGES,
                     help="the user's preferred language")
    add.add_argument("--password", default=None,
                     help="initial password (default: generate one and print it)")
    add.set_defaults(handler=_add)
    disable = actions.add_parser("disable", help="disable an account and end its sessions")
    disable.add_argument("login")
    disable.set_defaults(handler=_disable)
    reset = actions.add_parser("reset-password", help="set and print a temporary password")
    reset.add_argument("login")
    reset.set_defaults(handler=_reset)


def _unknown_login(missing, args) -> CliError:
    return CliError(translate("cli.user.not_found", args.lang, login=missing.record_id))


def _add(args) -> int:
    from juvenile.services.identity.accounts import AccountForm, create_user

    form = AccountForm(args.name, args.role, args.org, args.language)
    created = create_user(system_actor(args.lang), args.login, form, password=args.password)
    print(translate("cli.user.added", args.lang, login=created.account.login))
    if created.temporary_password:
        print(translate("cli.user.temporary_password", args.lang,
                        password=created.temporary_password))
    return 0


def _disable(args) -> int:
    from juvenile.security.gate import NotFound
    from juvenile.services.identity.accounts import find_user, set_active

    try:
        account = find_user(system_actor(args.lang), args.login)
        set_active(system_actor(args.lang), account.id, False)
    except NotFound as missing:
        raise _unknown_login(missing, args) from missing
    print(translate("cli.user.disabled", args.lang, login=account.login))
    return 0


def _reset(args) -> int:
    from juvenile.security.gate import NotFound
    from juvenile.services.identity.accounts import find_user, reset_password

    try:
        account = find_user(system_actor(args.lang), args.login)
        password = reset_password(system_actor(args.lang), account.id)
    except NotFound as missing:
        raise _unknown_login(missing, args) from missing
    print(translate("cli.user.password_reset", args.lang, login=account.login))
    print(translate("cli.user.temporary_password", args.lang, password=password))
    return 0
