"""Counted messages take the plural form their language needs (Babel's CLDR rules).

Russian says 1 вопрос, 2 вопроса, 5 вопросов, 21 вопрос; Kazakh keeps the noun
singular after a numeral (3 мәселе); English has one and other.
"""

import ast
import json
import string
from importlib import import_module
from pathlib import Path

import pytest

from juvenile.errors import Refusal
from juvenile.i18n import (
    LANGUAGES,
    Counted,
    catalog,
    is_counted,
    plural_form,
    plural_forms,
    translate,
)
from juvenile.rules.errors import RuleViolation
from juvenile.rules.quorum import has_quorum

SOURCE = Path(__file__).resolve().parent.parent / "juvenile"
COUNTS = (1, 2, 5, 11, 21, 22)
CATALOG_MODULE = import_module("juvenile.i18n.catalog")  # the package's name is the function


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _counted_keys() -> set[str]:
    return {key for key, message in catalog("en").items() if is_counted(message)}


# --- the plural rules ---------------------------------------------------------------


def test_each_language_needs_its_own_forms():
    assert plural_forms("ru") == {"one", "few", "many", "other"}
    assert plural_forms("kk") == {"one", "other"}
    assert plural_forms("en") == {"one", "other"}
    assert [plural_form(n, "ru") for n in COUNTS] == ["one", "few", "many", "many", "one", "few"]
    assert [plural_form(n, "en") for n in COUNTS] == ["one", "other", "other", "other", "other",
                                                     "other"]


# --- rendering ------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "words"), [
    (1, "1 вопрос повестки остаётся"),
    (2, "2 вопроса повестки остаются"),
    (5, "5 вопросов повестки остаются"),
    (11, "11 вопросов повестки остаются"),
    (21, "21 вопрос повестки остаётся"),
    (22, "22 вопроса повестки остаются"),
])
def test_russian_counts_questions(count, words):
    assert translate("minutes.open_items", "ru", count=count).startswith(words + " без решения")


@pytest.mark.parametrize(("count", "words"), [
    (1, "остался 1 день"), (2, "осталось 2 дня"), (5, "осталось 5 дней"),
    (11, "осталось 11 дней"), (21, "остался 21 день"), (22, "осталось 22 дня"),
])
def test_russian_counts_days_with_the_verb(count, words):
    assert translate("ui.school.dashboard.days_left", "ru", count=count) == words
    assert translate("ui.commission.deadlines.days_left", "ru", count=count) == words


@pytest.mark.parametrize(("count", "words"), [
    (1, "Файл отклонён (1 ошибка)"), (2, "Файл отклонён (2 ошибки)"),
    (5, "Файл отклонён (5 ошибок)"), (11, "Файл отклонён (11 ошибок)"),
    (21, "Файл отклонён (21 ошибка)"), (22, "Файл отклонён (22 ошибки)"),
])
def test_russian_counts_problems_in_a_file(count, words):
    assert translate("import.rejected", "ru", count=count) == f"{words}; ничего не записано."


@pytest.mark.parametrize("count", COUNTS)
def test_kazakh_keeps_the_noun_singular(count):
    assert translate("minutes.open_items", "kk", count=count).startswith(
        f"Күн тәртібіндегі {count} мәселе бойынша")
    assert translate("ui.school.dashboard.days_left", "kk", count=count) == f"{count} күн қалды"


def test_english_has_one_and_other():
    assert translate("minutes.open_items", "en", count=1).startswith(
        "1 question on the agenda is neither decided nor postponed: decide it,")
    for count in (2, 5, 11, 21, 22):
        assert translate("minutes.open_items", "en", count=count).startswith(
            f"{count} questions on the agenda are neither decided nor postponed: decide them,")
    assert translate("import.rejected", "en", count=1) == (
        "File rejected (1 problem); nothing was written.")
    assert translate("import.rejected", "en", count=2) == (
        "File rejected (2 problems); nothing was written.")


def test_a_second_number_is_a_counted_parameter():
    def no_quorum(language, present, members):
        return translate("meeting.no_quorum", language, count=present,
                         members=Counted("meeting.of_members", members))

    assert "(присутствует 1 из 7 членов)" in no_quorum("ru", 1, 7)
    assert "(присутствуют 3 из 21 члена)" in no_quorum("ru", 3, 21)
    assert "(присутствуют 5 из 22 членов)" in no_quorum("ru", 5, 22)
    assert "(21 мүшенің 3 қатысуда)" in no_quorum("kk", 3, 21)
    assert "(1 of 1 member present)" in no_quorum("en", 1, 1)
    assert "(3 of 7 members present)" in no_quorum("en", 3, 7)


def test_a_refusal_keeps_its_counts_language_free():
    with pytest.raises(RuleViolation) as caught:
        has_quorum(22, 21)
    refused = caught.value
    assert refused.params == {"count": 22, "members": Counted("quorum.of_commission_members", 21)}
    assert refused.message("ru") == (
        "Неверные данные о явке: указано 22 присутствующих из 21 члена комиссии.")
    assert refused.message("en") == (
        "Inconsistent attendance figures: 22 present of 21 members of the commission.")
    assert "комиссияның 21 мүшесінің 22 мүшесі" in refused.message("kk")
    assert Refusal("age.adult_cannot_be_flagged", count=21).message("ru").endswith(
        "возраст — 21 год.")


def test_count_is_an_ordinary_placeholder_of_a_plain_text():
    assert translate("ui.commission.inbox.tab.new", "ru", count=3) == "Новые (3)"


def test_a_counted_message_without_a_count_is_a_programming_error():
    with pytest.raises(TypeError, match="minutes.open_items"):
        translate("minutes.open_items", "ru")


# --- the catalogs ---------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_counted_messages_have_the_forms_their_language_needs(language):
    for key, message in catalog(language).items():
        if is_counted(message):
            assert set(message) == plural_forms(language), (language, key)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_key_is_counted_in_every_language_or_in_none(language):
    counted = {key for key, message in catalog(language).items() if is_counted(message)}
    assert counted == _counted_keys(), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_form_shows_the_count_and_the_placeholders_of_english(language):
    for key in _counted_keys():
        expected = _placeholders(catalog("en")[key]["other"])
        assert "count" in expected, key
        for form, text in catalog(language)[key].items():
            assert _placeholders(text) == expected, (language, key, form)


def test_the_conversion_left_no_dodges():
    """No "вопрос(ам)", "problem(s)" or "дн." left where a count could choose the form."""
    for language in LANGUAGES:
        for key, message in catalog(language).items():
            for text in [message] if isinstance(message, str) else message.values():
                assert "(s)" not in text and "(ам)" not in text and "(ов)" not in text, key
                assert " дн." not in text and " мес." not in text, key


@pytest.mark.parametrize(("entry", "problem"), [
    ({"one": "{count} вопрос", "other": "{count} вопроса"}, "needs exactly"),
    ({"one": "{count} вопрос", "few": "{count} вопроса", "many": "{count} вопросов",
      "other": "{count} вопроса", "two": "{count} вопроса"}, "needs exactly"),
    (["{count} вопрос"], "neither a text nor"),
    ({"one": 1, "few": 2, "many": 5, "other": 2}, "neither a text nor"),
])
def test_the_loader_refuses_a_malformed_counted_message(tmp_path, monkeypatch, entry, problem):
    (tmp_path / "ru").mkdir()
    (tmp_path / "ru" / "area.json").write_text(json.dumps({"x.questions": entry}),
                                               encoding="utf-8")
    monkeypatch.setattr(CATALOG_MODULE, "LOCALES_DIR", tmp_path)
    with pytest.raises(ValueError, match=problem):
        CATALOG_MODULE.catalog.__wrapped__("ru")  # past the cache of the real catalogs


# --- the code -------------------------------------------------------------------------


def _calls_with_a_literal_counted_key():
    counted = _counted_keys()
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and node.args[0].value in counted):
                yield path, node


def test_every_counted_message_is_given_its_count():
    """``translate``, a refusal or ``Counted``: a literal counted key comes with a count."""
    calls = list(_calls_with_a_literal_counted_key())
    assert calls, "the scan found no counted calls: it is broken"
    missing = []
    for path, call in calls:
        name = getattr(call.func, "id", getattr(call.func, "attr", ""))
        given = (len(call.args) == 2 if name == "Counted"
                 else any(keyword.arg == "count" for keyword in call.keywords))
        if not given:
            missing.append(f"{path.relative_to(SOURCE.parent)}:{call.lineno} {call.args[0].value}")
    assert not missing, missing


def test_pages_never_ask_the_browser_for_a_counted_message():
    """The browser's ``messages`` hold plain texts; a state renders counted ones."""
    from juvenile.components.text import t
    from juvenile.state.i18n import screen_texts

    counted = _counted_keys()
    for folder in ("pages", "components"):
        for path in (SOURCE / folder).rglob("*.py"):
            literals = {node.value for node in ast.walk(ast.parse(path.read_text("utf-8")))
                        if isinstance(node, ast.Constant) and isinstance(node.value, str)}
            assert not literals & counted, (path.name, sorted(literals & counted))
    with pytest.raises(ValueError, match="counted"):
        t("ui.school.dashboard.meeting_cases")
    for language in LANGUAGES:
        texts = screen_texts(language)
        assert "ui.school.nav.students" in texts
        assert not texts.keys() & counted
        assert all(isinstance(text, str) for text in texts.values())
