"""``juvenile scan absences --month YYYY-MM [--school CODE]``: criterion 4 from attendance."""

import csv
import sys

from juvenile.cli.output import CliError
from juvenile.i18n import Counted, translate
from juvenile.spreadsheet import text_cell

CSV_HEADER = ("iin", "school_code", "month", "unexcused_days")


def register(commands) -> None:
    scan = commands.add_parser("scan", help="find students who meet a criterion")
    kinds = scan.add_subparsers(dest="scan_kind", required=True, metavar="KIND")
    absences = kinds.add_parser(
        "absences",
        help="students with 4 or more unexcused days in a month (Art. 78 (2) item 4); "
             "prints CSV iin,school_code,month,unexcused_days and proposes criterion 4",
    )
    absences.add_argument("--month", required=True, help="calendar month, YYYY-MM")
    absences.add_argument("--school", metavar="CODE", help="only this school")
    absences.set_defaults(handler=_absences)


def _absences(args) -> int:
    from juvenile.security.actor import Actor
    from juvenile.security.gate import NotFound
    from juvenile.services.school.absence_scan import scan_absences
    from juvenile.services.school.students import school_by_code

    actor = Actor.system(language=args.lang)
    try:
        school_id = school_by_code(args.school).id if args.school else None
        findings = scan_absences(actor, args.month, school_id)
    except NotFound as missing:
        raise CliError(translate("attendance.error.unknown_school", args.lang,
                                 value=missing.record_id)) from missing
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for finding in findings:
        writer.writerow((finding.iin, text_cell(finding.school_code), finding.month,
                         finding.unexcused_days))
    new = sum(finding.newly_proposed for finding in findings)
    print(translate("attendance.cli.scanned", args.lang, count=len(findings),
                    proposed=Counted("attendance.new_proposals", new)),
          file=sys.stderr)
    return 0
