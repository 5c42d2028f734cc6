"""``juvenile import KIND FILE``: load CSV or XLSX files, all or nothing per file."""

from dataclasses import asdict
from importlib import import_module
from pathlib import Path

from juvenile.cli.arguments import system_actor
from juvenile.cli.output import CliError
from juvenile.i18n import Counted, translate

# kind -> (columns shown in --help, the service as "module:function", loaded when the
# command runs, and the message naming what was imported)
IMPORTS = {
    "organisations": ("columns kind,code,name_kk,name_ru,parent_code[,special_kind]",
                      "juvenile.services.administration.organisations:import_organisations",
                      "cli.import.done"),
    "students": ("columns iin,last_name,first_name,middle_name,school_code,grade[,class_letter,"
                 "language,representative_name,representative_relation,representative_phone,"
                 "representative_iin]",
                 "juvenile.services.school.student_import:import_students",
                 "students.cli.imported"),
    "attendance": ("columns iin,date,status[,school_code]; a re-imported day replaces the mark",
                   "juvenile.services.school.attendance_import:import_attendance",
                   "attendance.cli.imported"),
    "placements": ("columns iin,kind,organisation_code,decision_date,start_date,term_months"
                   "[,return_date,deciding_body]",
                   "juvenile.services.commission.placement_import:import_placements",
                   "cli.import.done"),
}


def register(commands) -> None:
    imports = commands.add_parser("import", help="import a CSV or XLSX file")
    kinds = imports.add_subparsers(dest="import_kind", required=True, metavar="KIND")
    for kind, (columns, _, _) in IMPORTS.items():
        parser = kinds.add_parser(kind, help=columns)
        parser.add_argument("file", type=Path)
        parser.set_defaults(handler=_import)


def existing_file(path: Path, language: str) -> Path:
    if not path.is_file():
        raise CliError(translate("cli.error.no_file", language, path=path))
    return path


def _import(args) -> int:
    _, service_path, message = IMPORTS[args.import_kind]
    module, function = service_path.split(":")
    service = getattr(import_module(module), function)
    summary = service(system_actor(args.lang), existing_file(args.file, args.lang))
    params = asdict(summary)
    if args.import_kind == "attendance":  # counted by its marks, of so many students
        params = {"count": summary.marks,
                  "students": Counted("attendance.of_students", summary.students)}
    print(translate(message, args.lang, **params))
    return 0
