"""``juvenile report quarterly``: the quarterly analysis of schools' prevention work
(Art. 21 item 10) as an XLSX, PDF or CSV file."""

from pathlib import Path

from juvenile.analysis.choices import DEFAULT_RANK_BY, EXPORT_FORMATS
from juvenile.cli.output import CliError
from juvenile.i18n import translate

DOCUMENT_LANGUAGES = ("kk", "ru")


def register(commands) -> None:
    report = commands.add_parser("report", help="reports for education departments")
    kinds = report.add_subparsers(dest="report_kind", required=True, metavar="KIND")
    quarterly = kinds.add_parser(
        "quarterly",
        help="quarterly analysis of schools' prevention work (Art. 21 item 10)",
    )
    quarterly.add_argument("--year", type=int, required=True)
    quarterly.add_argument("--quarter", type=int, required=True, help="1, 2, 3 or 4")
    scope = quarterly.add_mutually_exclusive_group()
    scope.add_argument("--district", metavar="CODE", help="a district's code")
    scope.add_argument("--region", metavar="CODE", help="a region's code, e.g. KZ-61")
    quarterly.add_argument("--format", choices=EXPORT_FORMATS, required=True, dest="fmt")
    quarterly.add_argument("--output", type=Path, required=True, metavar="FILE")
    quarterly.add_argument("--lang", choices=DOCUMENT_LANGUAGES, dest="document_lang",
                           help="language of the document (default: the message language, "
                                "or kk)")
    quarterly.add_argument("--rank-by", nargs="+", default=list(DEFAULT_RANK_BY),
                           metavar="INDICATOR",
                           help="indicator codes to rank the schools by, highest first")
    quarterly.set_defaults(handler=_quarterly)


def _quarterly(args) -> int:
    from juvenile.security.actor import Actor
    from juvenile.security.gate import NotFound
    from juvenile.services.analysis.quarterly import export_quarterly, scope_ids_by_code

    language = args.document_lang or (args.lang if args.lang in DOCUMENT_LANGUAGES else "kk")
    actor = Actor.system(language=args.lang)
    try:
        district_id, region_id = scope_ids_by_code(args.district, args.region)
    except NotFound as missing:
        raise CliError(translate("analysis.cli.not_found", args.lang,
                                 code=missing.record_id)) from missing
    # A refused period or indicator is a Refusal: main() prints it in one line.
    report = export_quarterly(actor, args.year, args.quarter, args.fmt, district_id,
                              region_id, language=language, rank_by=args.rank_by)
    try:
        args.output.write_bytes(report.content)
    except OSError as error:
        raise CliError(translate("analysis.cli.cannot_write", args.lang, path=args.output,
                                 reason=error.strerror or error)) from error
    print(translate("analysis.cli.written", args.lang, path=args.output,
                    count=len(report.content)))
    return 0
