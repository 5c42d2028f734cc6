"""The student register: search, filters, sorting and server paging of one school only
(Art. 83 (2): another school's children are never listed)."""

# The ``world`` fixture is imported from school_world (no conftest here: the engine's
# tests import helpers from theirs by the module name ``conftest``).
# ruff: noqa: F811

import pytest
from school_world import world  # noqa: F401 (fixture)
from sqlmodel import select

from juvenile import db
from juvenile.models import AuditAction, AuditEntry, Role
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.security.gate import AccessDenied
from juvenile.services.school.register import (
    NO_CASE,
    RegisterQuery,
    RegisterSort,
    list_register,
    register_classes,
)


def names(page) -> list[str]:
    return [row.full_name for row in page.rows]


@pytest.fixture
def school(world):
    ids = {
        "aliev": world.student("Әлиев", "Ғалым", "Құрманұлы", grade=7, letter="Б"),
        "kovalev": world.student("Ковалёв", "Артём", "Сергеевич", grade=10, letter="В"),
        "nurlanova": world.student("Нұрланова", "Әйгерім", "Бақытқызы", grade=7, letter="А"),
        "ivanova": world.student("Иванова", "Дарья", "Алексеевна", grade=9, letter="А"),
        "other": world.student("Әлиев", "Марат", "Серікұлы", school="SB"),
    }
    world.case(ids["aliev"], 3, 12)
    world.flag(ids["nurlanova"], 9)
    world.flag(ids["kovalev"], 4)
    return ids


def test_search_matches_any_case_of_kazakh_and_russian_names_and_iin_prefixes(world, school):
    staff = world.staff("SA")
    assert names(list_register(staff, RegisterQuery(search="әлиев"))) == [
        "Әлиев Ғалым Құрманұлы"]  # the other school's Әлиев is not listed
    assert names(list_register(staff, RegisterQuery(search="ДАРЬЯ"))) == [
        "Иванова Дарья Алексеевна"]
    assert names(list_register(staff, RegisterQuery(search="нұр бақыт"))) == [
        "Нұрланова Әйгерім Бақытқызы"]
    aliev = list_register(staff, RegisterQuery(search="Әлиев")).rows[0]
    assert names(list_register(staff, RegisterQuery(search=aliev.iin))) == [
        "Әлиев Ғалым Құрманұлы"]
    assert list_register(staff, RegisterQuery(search=aliev.iin[:6])).total == 4  # same birthday
    assert list_register(staff, RegisterQuery(search="100%_")).total == 0  # no wildcards


def test_filters_by_class_criterion_and_case_state(world, school):
    staff = world.staff("SA")
    assert names(list_register(staff, RegisterQuery(grade=7, class_letter="а"))) == [
        "Нұрланова Әйгерім Бақытқызы"]
    assert names(list_register(staff, RegisterQuery(criterion=12))) == ["Әлиев Ғалым Құрманұлы"]
    assert names(list_register(staff, RegisterQuery(criterion=9))) == [
        "Нұрланова Әйгерім Бақытқызы"]  # the school itself sees its sensitive flags
    assert names(list_register(staff, RegisterQuery(case_state="flagged"))) == [
        "Әлиев Ғалым Құрманұлы"]
    assert len(list_register(staff, RegisterQuery(case_state=NO_CASE)).rows) == 3
    row = list_register(staff, RegisterQuery(search="Әлиев")).rows[0]
    assert row.criteria == (3, 12) and row.case_state == "flagged" and row.case_id
    assert register_classes(staff) == [(7, "А"), (7, "Б"), (9, "А"), (10, "В")]
    with pytest.raises(RuleViolation):
        list_register(staff, RegisterQuery(criterion=13))


def test_sorting_and_paging_on_the_server(world, school):
    staff = world.staff("SA")
    by_class = list_register(staff, RegisterQuery(sort=RegisterSort.CLASS))
    assert [(r.grade, r.class_letter) for r in by_class.rows] == [
        (7, "А"), (7, "Б"), (9, "А"), (10, "В")]
    descending = list_register(staff, RegisterQuery(sort=RegisterSort.CLASS, descending=True))
    assert names(descending) == names(by_class)[::-1]
    first = list_register(staff, RegisterQuery(sort=RegisterSort.CLASS, page_size=3))
    second = list_register(staff, RegisterQuery(sort=RegisterSort.CLASS, page_size=3, page=2))
    assert (first.total, first.pages, len(first.rows), len(second.rows)) == (4, 2, 3, 1)
    assert names(first) + names(second) == names(by_class)
    beyond = list_register(staff, RegisterQuery(page=99, page_size=3))
    assert beyond.page == 2 and len(beyond.rows) == 1  # a page past the end shows the last


def test_the_register_is_the_own_schools_and_reading_it_is_audited(world, school):
    other = world.staff("SB")
    assert names(list_register(other, RegisterQuery())) == ["Әлиев Марат Серікұлы"]
    assert list_register(other, RegisterQuery(search="Ғалым")).total == 0
    with db.transaction() as session:
        entries = session.exec(select(AuditEntry).where(AuditEntry.login == other.login,
                                                        AuditEntry.action == AuditAction.VIEW))
        assert {e.record_type for e in entries} == {"student"}
    director = world.staff("SA", Role.SCHOOL_ADMIN)
    assert list_register(director).total == 4
    analyst = Actor(user_id=None, login="analyst", role=Role.EDUCATION_ANALYST, district_id=1)
    with pytest.raises(AccessDenied):
        list_register(analyst)


# Kazakh and Russian surnames at the letters code-point order gets wrong (issue 14).
ALPHABET_NAMES = ["Яковлев", "Іскаков", "Ыбыраев", "Ұлықбек", "Ғалымов", "Абаев", "Өмірзақ"]


@pytest.mark.parametrize(("language", "expected"), [
    ("kk", ["Абаев", "Ғалымов", "Өмірзақ", "Ұлықбек", "Ыбыраев", "Іскаков", "Яковлев"]),
    ("ru", ["Абаев", "Ғалымов", "Іскаков", "Өмірзақ", "Ұлықбек", "Ыбыраев", "Яковлев"]),
])
def test_names_sort_in_the_readers_alphabet_page_after_page(world, language, expected):
    """Kazakh order for kk (Ұ after У, І after Ы), Russian for ru (each Kazakh letter
    right after the letter it is built on), on SQLite and PostgreSQL alike, and the
    server's paging follows it."""
    for surname in ALPHABET_NAMES:
        world.student(surname, "Тест", "", grade=5, letter="Д")
    staff = world.staff("SA")
    shown = []
    for page in (1, 2, 3):
        found = list_register(staff, RegisterQuery(grade=5, class_letter="Д", page=page,
                                                   page_size=3, language=language))
        shown += [row.full_name.split()[0] for row in found.rows]
    assert shown == expected
    backwards = list_register(staff, RegisterQuery(grade=5, class_letter="Д", page_size=10,
                                                   descending=True, language=language))
    assert [row.full_name.split()[0] for row in backwards.rows] == expected[::-1]
