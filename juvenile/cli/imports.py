"""``juvenile import KIND FILE``: load CSV or XLSX files, all or nothing per file."""

from pathlib import Path

from juvenile.cli.output import CliError
from juvenile.i18n import translate
from juvenile.security.actor import Actor
from juvenile.services.attendance_import import import_attendance
from juvenile.services.organisations import import_organisations
from juvenile.services.placement_import import import_placements
from juvenile.services.student_import import import_students


def register(commands) -> None:
    imports = commands.add_parser("import", help="import a CSV or XLSX file")
    kinds = imports.add_subparsers(dest="import_kind", required=True, metavar="KIND")
    organisations = kinds.add_parser(
        "organisations",
        help="columns kind,code,name_kk,name_ru,parent_code[,special_kind]",
    )
    organisations.add_argument("file", type=Path)
    organisations.set_defaults(handler=_organisations)
    students = kinds.add_parser(
        "students",
        help="columns iin,last_name,first_name,middle_name,school_code,grade[,class_letter,"
             "language,representative_name,representative_relation,representative_phone]",
    )
    students.add_argument("file", type=Path)
    students.set_defaults(handler=_students)
    attendance = kinds.add_parser(
        "attendance",
        help="columns iin,date,status[,school_code]; a re-imported day replaces the mark",
    )
    attendance.add_argument("file", type=Path)
    attendance.set_defaults(handler=_attendance)
    placements = kinds.add_parser(
        "placements",
        help="columns iin,kind,organisation_code,decision_date,start_date,term_months"
             "[,return_date,deciding_body]",
    )
    placements.add_argument("file", type=Path)
    placements.set_defaults(handler=_placements)


def existing_file(path: Path, language: str) -> Path:
    if not path.is_file():
        raise CliError(translate("cli.error.no_file", language, path=path))
    return path


def _organisations(args) -> int:
    summary = import_organisations(Actor.system(), existing_file(args.file, args.lang))
    print(translate("cli.import.done", args.lang, created=summary.created,
                    updated=summary.updated))
    return 0


def _students(args) -> int:
    summary = import_students(Actor.system(language=args.lang),
                              existing_file(args.file, args.lang))
    print(translate("students.cli.imported", args.lang, created=summary.created,
                    updated=summary.updated, transferred=summary.transferred))
    return 0


def _attendance(args) -> int:
    summary = import_attendance(Actor.system(language=args.lang),
                                existing_file(args.file, args.lang))
    print(translate("attendance.cli.imported", args.lang, marks=summary.marks,
                    students=summary.students))
    return 0


def _placements(args) -> int:
    summary = import_placements(Actor.system(language=args.lang),
                                existing_file(args.file, args.lang))
    print(translate("cli.import.done", args.lang, created=summary.created,
                    updated=summary.updated))
    return 0
