"""``juvenile import KIND FILE``: load CSV or XLSX files, all or nothing per file."""

from pathlib import Path

from juvenile.cli.output import CliError
from juvenile.i18n import translate
from juvenile.services.organisations import import_organisations


def register(commands) -> None:
    imports = commands.add_parser("import", help="import a CSV or XLSX file")
    kinds = imports.add_subparsers(dest="import_kind", required=True, metavar="KIND")
    organisations = kinds.add_parser(
        "organisations",
        help="columns kind,code,name_kk,name_ru,parent_code[,special_kind]",
    )
    organisations.add_argument("file", type=Path)
    organisations.set_defaults(handler=_organisations)


def existing_file(path: Path, language: str) -> Path:
    if not path.is_file():
        raise CliError(translate("cli.error.no_file", language, path=path))
    return path


def _organisations(args) -> int:
    summary = import_organisations(existing_file(args.file, args.lang))
    print(translate("cli.import.done", args.lang, created=summary.created,
                    updated=summary.updated))
    return 0
