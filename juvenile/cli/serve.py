"""``juvenile serve``: migrate, optionally load the demo, then run the portal in production mode."""

import os
import shutil
import socket
import sys

from juvenile import settings
from juvenile.cli.output import CliError
from juvenile.i18n import translate
from juvenile.toolchain import reflex_environment


def register(commands) -> None:
    serve = commands.add_parser("serve", help="run the portal (production build, one port)")
    serve.add_argument("--port", type=int, default=None,
                       help="port to serve on (default: JUVENILE_PORT or 3000)")
    serve.add_argument("--demo", action="store_true",
                       help="load demo data into an empty database and list the demo sign-ins")
    serve.set_defaults(handler=_serve)


def ensure_port_free(host: str, port: int, language: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as error:
            raise CliError(translate("cli.error.port_in_use", language, port=port)) from error


def _serve(args) -> int:
    from juvenile.demo import database_is_empty, demo_sign_ins, load_demo
    from juvenile.services.common import upgrade_database

    port, host = args.port or settings.port(), settings.host()
    ensure_port_free(host, port, args.lang)
    upgrade_database()
    if args.demo and database_is_empty():
        load_demo()
    url = f"http://{'localhost' if host == '127.0.0.1' else host}:{port}"
    print(translate("cli.serve.ready", args.lang, url=url))
    if args.demo:
        print(translate("cli.serve.demo_sign_ins", args.lang))
        for login, password, role in demo_sign_ins():
            print(f"  {login} / {password} / {role}")
    print(translate("cli.serve.building", args.lang))
    sys.stdout.flush()
    reflex = shutil.which("reflex", path=os.path.dirname(sys.executable)) or "reflex"
    environment = reflex_environment(
        JUVENILE_PORT=str(port), JUVENILE_DEMO="1" if args.demo else "0"
    )
    os.chdir(settings.PROJECT_ROOT)
    command = [reflex, "run", "--env", "prod", "--backend-host", host,
               "--backend-port", str(port)]
    os.execve(reflex, command, environment)  # noqa: S606 (replaces this process)
