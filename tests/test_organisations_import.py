"""Importing the organisation tree: all or nothing, every bad row named."""

import io

import pytest
from openpyxl import Workbook
from sqlmodel import func, select

from juvenile import db
from juvenile.imports.table import ImportRejected
from juvenile.models import Commission, CommissionLevel, District, School, SpecialOrganisation
from juvenile.security.actor import Actor
from juvenile.services.administration.organisations import import_organisations

HEADER = "kind,code,name_kk,name_ru,parent_code,special_kind\n"
GOOD = HEADER + (
    "district,D1,Бірінші аудан,Первый район,KZ-75,\n"
    "school,S1,№ 1 мектеп,Школа № 1,D1,\n"
    "commission,C1,Комиссия kk,Комиссия ru,D1,\n"
    "commission,C-CITY,Қала комиссиясы,Городская комиссия,KZ-75,\n"
    "special_organisation,SO1,Арнаулы ұйым,Спецорганизация,KZ-75,special_education\n"
)


def _count(table) -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(table)).one()


def _import(text: str):
    return import_organisations(Actor.system(), io.BytesIO(text.encode()), filename="orgs.csv")


def test_a_good_file_builds_the_tree(database):
    summary = _import(GOOD)
    assert (summary.created, summary.updated) == (5, 0)
    with db.transaction() as session:
        school = session.exec(select(School).where(School.code == "S1")).one()
        district = session.exec(select(District).where(District.code == "D1")).one()
        commissions = {c.code: c for c in session.exec(select(Commission))}
        special = session.exec(select(SpecialOrganisation)).one()
    assert school.district_id == district.id
    assert commissions["C1"].level == CommissionLevel.DISTRICT
    assert commissions["C1"].district_id == district.id
    assert commissions["C-CITY"].level == CommissionLevel.CITY  # Almaty is a city region
    assert commissions["C-CITY"].district_id is None
    assert special.kind == "special_education"


def test_reimport_updates_names_without_duplicates(database):
    _import(GOOD)
    summary = _import(GOOD.replace("Школа № 1", "Школа-лицей № 1"))
    assert (summary.created, summary.updated) == (0, 5)
    assert _count(School) == 1
    with db.transaction() as session:
        assert session.exec(select(School)).one().name_ru == "Школа-лицей № 1"


@pytest.mark.parametrize(
    ("row", "column", "key"),
    [
        ("school,S9,Мектеп,Школа,NO-SUCH,", "parent_code", "import.error.unknown_parent"),
        ("school,S9,,Школа,D1,", "name_kk", "import.error.required"),
        ("college,S9,Колледж,Колледж,D1,", "kind", "import.error.unknown_kind"),
        ("school,S1,Мектеп,Школа,D1,", "code", "import.error.duplicate_code"),
        ("special_organisation,SO9,Ұйым,Орг,KZ-75,prison", "special_kind",
         "import.error.special_kind"),
        ("school,S9,Мектеп,Школа,KZ-75,", "parent_code", "import.error.unknown_parent"),
    ],
)
def test_one_bad_row_rejects_the_whole_file(database, row, column, key):
    with pytest.raises(ImportRejected) as rejected:
        _import(GOOD + row + "\n")
    assert [(e.row, e.column, e.key) for e in rejected.value.errors] == [(7, column, key)]
    assert _count(District) == 0 and _count(School) == 0


def test_every_bad_row_is_reported(database):
    bad = HEADER + "school,S1,,Школа,NOPE,\nschool,S1,М,Ш,NOPE,\n"
    with pytest.raises(ImportRejected) as rejected:
        _import(bad)
    assert [(e.row, e.column) for e in rejected.value.errors] == [
        (2, "name_kk"), (2, "parent_code"), (3, "code"), (3, "parent_code"),
    ]


def test_missing_column_is_named(database):
    with pytest.raises(ImportRejected) as rejected:
        _import("kind,code,name_kk,name_ru\nschool,S1,a,b\n")
    assert [(e.row, e.column, e.key) for e in rejected.value.errors] == [
        (1, "parent_code", "import.error.missing_column")
    ]


def test_xlsx_and_semicolon_csv_are_read(database):
    workbook = Workbook()
    sheet = workbook.active
    for line in GOOD.splitlines():
        sheet.append(line.split(","))
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    assert import_organisations(Actor.system(), buffer, filename="orgs.xlsx").created == 5
    semicolons = GOOD.replace(",", ";").replace("D1;", "D2;").replace(";D1", ";D2")
    semicolons = semicolons.replace(";S1;", ";S2;").replace(";C1;", ";C2;").replace(
        "C-CITY", "C-CITY2").replace("SO1", "SO2")
    assert _import(semicolons).created == 5


def test_only_administrators_import_organisations(database):
    from juvenile.models import Role
    from juvenile.security.gate import AccessDenied

    psychologist = Actor(user_id=None, login="someone", role=Role.SCHOOL_PSYCHOLOGIST,
                         school_id=1)
    with pytest.raises(AccessDenied):
        _import_as(psychologist, GOOD)
    assert _count(District) == 0
    administrator = Actor(user_id=None, login="admin", role=Role.ADMIN)
    assert _import_as(administrator, GOOD).created == 5


def _import_as(actor: Actor, text: str):
    return import_organisations(actor, io.BytesIO(text.encode()), filename="orgs.csv")


@pytest.mark.parametrize(
    ("row", "column", "key"),
    [
        ("school,=HYPERLINK(1),Мектеп,Школа,D1,", "code", "import.error.code_characters"),
        ("school,-S9,Мектеп,Школа,D1,", "code", "import.error.code_characters"),
        ("school,S9-,Мектеп,Школа,D1,", "code", "import.error.code_characters"),
        ("school,S 9,Мектеп,Школа,D1,", "code", "import.error.code_characters"),
        ("school,S_9,Мектеп,Школа,D1,", "code", "import.error.code_characters"),
        ("school,S9,Мек\x07теп,Школа,D1,", "name_kk", "import.error.name_control"),
        ("school,S9,Мектеп,Шко\u202eла,D1,", "name_ru", "import.error.name_control"),
    ],
)
def test_codes_and_names_are_checked_character_by_character(database, row, column, key):
    """Issue 16 item 4: a code holds letters, digits and hyphens; a name no control
    or invisible character. The row and field are named, nothing is written."""
    with pytest.raises(ImportRejected) as rejected:
        _import(GOOD + row + "\n")
    assert [(e.row, e.column, e.key) for e in rejected.value.errors] == [(7, column, key)]
    assert _count(School) == 0


def test_codes_of_letters_of_any_script_digits_and_hyphens_are_taken(database):
    _import(GOOD + "school,AST-SCH-012,Мектеп,Школа,D1,\nschool,МЕКТЕП-7,Мектеп,Школа,D1,\n")
    assert _count(School) == 3
