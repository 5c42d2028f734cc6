"""``juvenile import placements``: all or nothing, every bad row and field named,
the same rules as a placement entered by hand (Art. 80, Art. 81)."""

from datetime import date, timedelta

import pytest
from commission_world import SYSTEM, count, csv_file
from openpyxl import Workbook
from sqlmodel import select

from juvenile import db
from juvenile.cli import main
from juvenile.imports.table import ImportRejected
from juvenile.models import AgendaItem, CriterionFlag, Placement, PlacementStatus
from juvenile.rules.iin import Sex, make_iin
from juvenile.services.commission.placement_import import import_placements
from juvenile.services.commission.placements import placement_history

HEADER = "iin,kind,organisation_code,decision_date,start_date,term_months,return_date\n"


NUMBER = "2-15/2026"  # the court decision's number (Art. 80 (2), Art. 81 (3))


# The prosecutor took part (Art. 80 (7), Art. 81 (8)); the guardianship body applied
# (Art. 80 (2), read for special education only).
DECISION_FACTS = ",yes,Қорғаншылық органы,2026-05-01"


def _numbered(text: str, number: str = NUMBER) -> str:
    """The file with last columns ``decision_number`` (``number`` in every row) and the
    decision's lawful facts (DECISION_FACTS)."""
    header, *rows = text.split("\n")
    return "\n".join([header + ",decision_number,prosecutor_participated,"
                       "guardianship_applicant,guardianship_applied_on"]
                     + [f"{row},{number}{DECISION_FACTS}" if row else row for row in rows])


def _import(text: str, number: str = NUMBER):
    return import_placements(SYSTEM, csv_file(_numbered(text, number)),
                             filename="placements.csv")


def _placement_of(student) -> int:
    """The id of the student's placement (ids differ from run to run)."""
    with db.transaction() as session:
        return session.exec(select(Placement.id).where(Placement.student_id == student.id)).one()


def _rejected(text: str, number: str = NUMBER) -> list[tuple[int, str, str]]:
    with pytest.raises(ImportRejected) as rejected:
        _import(text, number)
    return [(e.row, e.column, e.key) for e in rejected.value.errors]


def test_a_good_file_registers_and_returns(world):
    a, b = world.student(), world.student(school="S3")
    summary = _import(HEADER
                      + f"{a.iin},special_education,SE,2026-05-04,2026-06-10,6,2026-12-11\n"
                      + f"{b.iin},special_regime,SR,04.05.2026,10.06.2026,18,\n")
    assert (summary.created, summary.updated) == (2, 0)
    assert count(Placement) == 2
    assert count(CriterionFlag) == 1  # the returned one meets criterion 11
    with_return = placement_history(SYSTEM, _placement_of(a))[0]
    assert with_return.status == PlacementStatus.RETURNED
    assert with_return.rehabilitation_plan_due == date(2026, 12, 17)
    placed = placement_history(SYSTEM, _placement_of(b))[0]
    assert placed.planned_end == date(2027, 12, 10)
    assert placed.commission_id == world.commissions["C2"]


def test_reimport_only_adds_a_missing_return(world):
    a = world.student()
    row = f"{a.iin},special_education,SE,2026-05-04,2026-06-10,6,"
    assert _import(HEADER + row + "\n").created == 1
    summary = _import(HEADER + row + "2026-12-11\n")
    assert (summary.created, summary.updated) == (0, 1)
    summary = _import(HEADER + row + "2026-12-11\n")
    assert (summary.created, summary.updated) == (0, 0)
    assert count(Placement) == 1 and count(CriterionFlag) == 1


def test_every_bad_row_and_field_is_reported_and_nothing_written(world):
    good = world.student()
    young = world.student(birth=date(2015, 6, 1))  # 10 on the decision date
    old = world.student(birth=date(2008, 1, 1))  # 18 on the decision date
    rows = [
        f"{good.iin},special_education,SE,2026-05-04,2026-06-10,6,",  # row 2: fine
        "120517500000,special_education,SE,2026-05-04,2026-06-10,6,",  # 3: bad IIN
        f"{world.student().iin},special_education,NOPE,2026-05-04,2026-06-10,6,",  # 4
        f"{world.student().iin},special_education,SR,2026-05-04,2026-06-10,6,",  # 5: kind
        f"{world.student().iin},special_education,SE,2026-13-04,4 June,6,",  # 6: dates
        f"{world.student().iin},special_education,SE,2026-05-04,2026-06-10,13,",  # 7: term
        f"{world.student().iin},special_regime,SR,2026-05-04,2026-06-10,25,",  # 8: term
        f"{young.iin},special_education,SE,2026-05-04,2026-06-10,6,",  # 9: age 10
        f"{old.iin},special_regime,SR,2026-05-04,2026-06-10,6,",  # 10: age 18
        f"{world.student().iin},prison,SE,2026-05-04,2026-06-10,six,",  # 11: kind, term
        f"{good.iin},special_education,SE,2026-07-04,2026-07-10,6,",  # 12: already placed
        f"{world.student().iin},special_education,SE,2026-05-04,2026-06-10,6,2026-06-01",  # 13
        f"{world.student(school='S4').iin},special_education,SE,2026-05-04,2026-06-10,6,",  # 14
    ]
    assert _rejected(HEADER + "\n".join(rows) + "\n") == [
        (3, "iin", "iin.bad_check_digit"),
        (4, "organisation_code", "placement.import.unknown_organisation"),
        (5, "organisation_code", "placement.organisation_wrong_kind"),
        (6, "decision_date", "placement.import.bad_date"),
        (6, "start_date", "placement.import.bad_date"),
        (7, "term_months", "placement.special_education.term_out_of_range"),
        (8, "term_months", "placement.special_regime.term_out_of_range"),
        (9, "decision_date", "placement.too_young"),
        (10, "decision_date", "placement.too_old"),
        (10, "start_date", "placement.start_at_adulthood"),
        (11, "kind", "placement.import.unknown_kind"),
        (11, "term_months", "placement.import.bad_number"),
        (12, "iin", "placement.already_placed"),
        (13, "return_date", "placement.return_before_start"),
        (13, "return_date", "placement.early_return_needs_court"),
        (14, "iin", "placement.no_commission"),
    ]
    assert count(Placement) == 0 and count(CriterionFlag) == 0 and count(AgendaItem) == 0


def test_unknown_iin_and_missing_values(world):
    unknown = make_iin(date(2012, 1, 1), Sex.FEMALE, 42)
    assert _rejected(HEADER + f"{unknown},special_education,SE,2026-05-04,,6,\n") == [
        (2, "iin", "placement.import.unknown_iin"),
        (2, "start_date", "import.error.required"),
    ]


def test_deciding_body_column(world):
    header = HEADER.strip() + ",deciding_body\n"
    a, b = world.student(), world.student()
    assert _rejected(header
                     + f"{a.iin},special_regime,SR,2026-05-04,2026-06-10,6,,internal_affairs\n"
                     + f"{b.iin},special_education,SE,2026-05-04,2026-06-10,6,,police\n") == [
        (2, "deciding_body", "placement.special_regime.court_only"),
        (3, "deciding_body", "placement.import.unknown_body"),
    ]
    _import(header + f"{b.iin},special_education,SE,2026-05-04,2026-06-10,6,,internal_affairs\n")
    assert placement_history(SYSTEM, _placement_of(b))[0].deciding_body == "internal_affairs"


def test_xlsx_dates_are_read(world, tmp_path):
    student = world.student()
    book = Workbook()
    sheet = book.active
    sheet.append([*HEADER.strip().split(","), "decision_number", "prosecutor_participated",
                  "guardianship_applicant", "guardianship_applied_on"])
    sheet.append([student.iin, "special_education", "SE", date(2026, 5, 4), date(2026, 6, 10),
                  6, None, NUMBER, 1, "Қорғаншылық органы", date(2026, 5, 1)])
    path = tmp_path / "placements.xlsx"
    book.save(path)
    assert import_placements(SYSTEM, path).created == 1


def test_cli_names_rows_and_articles(world, tmp_path, capsys):
    student = world.student()
    path = tmp_path / "placements.csv"
    path.write_text(_numbered(HEADER + f"{student.iin},special_education,SE,2026-05-04,"
                              "2026-06-10,13,\n"),
                    encoding="utf-8")
    assert main(["--lang", "ru", "import", "placements", str(path)]) == 1
    error = capsys.readouterr().err
    assert "Строка 2, поле «term_months»" in error and "80" in error
    assert "ничего не записано" in error
    path.write_text(_numbered(HEADER + f"{student.iin},special_education,SE,2026-05-04,"
                              "2026-06-10,12,\n"),
                    encoding="utf-8")
    assert main(["--lang", "en", "import", "placements", str(path)]) == 0
    assert "1 created" in capsys.readouterr().out


def test_the_decision_number_is_required_and_named(world):
    """A placement is registered from the deciding body's decision, its number and
    date (Art. 80 (2), Art. 81 (3)): a row without the number is refused by field."""
    a = world.student()
    row = f"{a.iin},special_education,SE,2026-05-04,2026-06-10,6,"
    assert _rejected(HEADER + row + "\n", number="") == [
        (2, "decision_number", "import.error.required")]
    assert _rejected(HEADER + row + "\n", number="x" * 65) == [
        (2, "decision_number", "placement.decision_number_invalid")]
    assert count(Placement) == 0
    _import(HEADER + row + "\n")
    assert placement_history(SYSTEM, _placement_of(a))[0].decision_number == NUMBER


def test_a_row_breaking_the_rules_of_issue_15_is_named(world, engine_clock):
    """The prosecutor (Art. 80 (7), Art. 81 (8)), the guardianship application
    (Art. 80 (2)), a return before the planned end (Art. 80 (4), Art. 81 (6)) or after
    today: each is refused with its row and field, and nothing is written."""
    header = ("iin,kind,organisation_code,decision_date,start_date,term_months,return_date,"
              "decision_number,prosecutor_participated,guardianship_applicant,"
              "guardianship_applied_on\n")
    tomorrow = (engine_clock.date() + timedelta(days=1)).isoformat()
    rows = [
        f"{world.student().iin},special_regime,SR,2026-05-04,2026-06-10,6,,{NUMBER},no,,",
        f"{world.student().iin},special_regime,SR,2026-05-04,2026-06-10,6,,{NUMBER},maybe,,",
        f"{world.student().iin},special_education,SE,2026-05-04,2026-06-10,6,,{NUMBER},yes,,",
        f"{world.student().iin},special_education,SE,2026-05-04,2026-06-10,6,2026-12-09,"
        f"{NUMBER}{DECISION_FACTS}",  # a day before the planned end, 10 December
        f"{world.student().iin},special_education,SE,2026-05-04,2026-06-10,6,{tomorrow},"
        f"{NUMBER}{DECISION_FACTS}",
        f"{world.student().iin},special_education,SE,2026-05-04,2026-06-10,6,2026-12-10,"
        f"{NUMBER}{DECISION_FACTS}",  # on the planned end: fine
    ]
    with pytest.raises(ImportRejected) as rejected:
        import_placements(SYSTEM, csv_file(header + "\n".join(rows) + "\n"),
                          filename="placements.csv")
    assert [(e.row, e.column, e.key) for e in rejected.value.errors] == [
        (2, "prosecutor_participated", "placement.prosecutor_required"),
        (3, "prosecutor_participated", "placement.import.bad_yes_no"),
        (4, "guardianship_applicant", "placement.guardianship_application_required"),
        (5, "return_date", "placement.early_return_needs_court"),
        (6, "return_date", "placement.date_in_future"),
    ]
    assert count(Placement) == 0 and count(CriterionFlag) == 0
