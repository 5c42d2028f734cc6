"""The twelve criteria of Art. 78 (2) as data."""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from juvenile.rules import criteria
from juvenile.rules.errors import RuleViolation

LAW_KK = Path("/work/shared/domain/law-245-VIII-kk.txt")

EXPECTED_CODES = [
    "failing_subjects",
    "neglected_homeless",
    "charter_breach",
    "unexcused_absence",
    "offence",
    "substance_use",
    "gambling",
    "pregnancy",
    "violence_victim",
    "violence_perpetrator",
    "special_school_graduate",
    "antisocial",
]


def test_art_78_2_has_twelve_criteria_in_order():
    assert [c.number for c in criteria.CRITERIA] == list(range(1, 13))
    assert [c.code for c in criteria.CRITERIA] == EXPECTED_CODES


def test_article_reference_and_key():
    c = criteria.criterion(4)
    assert c.code == "unexcused_absence"
    assert c.article == "Art. 78 (2) item 4"
    assert c.message_key == "criterion.4"


def test_named_criteria_constants():
    assert {8, 9} == criteria.SENSITIVE_CRITERIA
    assert criteria.criterion(criteria.ABSENCE_CRITERION).code == "unexcused_absence"
    assert criteria.criterion(criteria.RETURN_CRITERION).code == "special_school_graduate"


def test_lookup_by_code():
    assert criteria.criterion_by_code("pregnancy").number == 8


@pytest.mark.parametrize("number", [0, 13, -1, "4", None])
def test_unknown_number_is_refused(number):
    with pytest.raises(RuleViolation) as caught:
        criteria.criterion(number)
    assert caught.value.key == "criterion.unknown"


def test_unknown_code_is_refused():
    with pytest.raises(RuleViolation):
        criteria.criterion_by_code("truancy")


def test_names_per_language():
    assert criteria.name(8, "kk") == "Жүктілер"
    assert criteria.name(8, "ru") == "Беременные"
    assert criteria.name(8, "en") == "Pregnant"
    assert criteria.name(8, "xx") == "Жүктілер"  # unknown language: the state language


@pytest.mark.parametrize("number", range(1, 13))
def test_every_criterion_has_a_distinct_name_in_each_language(number):
    for lang in ("kk", "ru", "en"):
        text = criteria.name(number, lang)
        assert text and text != f"criterion.{number}"
    assert len({criteria.name(number, lang) for lang in ("ru", "en")}) == 2


def _squash(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    return re.sub(r" ([,;.)])", r"\1", text).lower()


@pytest.mark.skipif(not LAW_KK.exists(), reason="law text not available")
@pytest.mark.parametrize("number", range(1, 13))
def test_kazakh_names_are_the_law_wording(number):
    law = _squash(LAW_KK.read_text(encoding="utf-8"))
    assert f"{number}) {_squash(criteria.name(number, 'kk'))};" in law or (
        number == 12 and f"{number}) {_squash(criteria.name(number, 'kk'))}." in law
    )


def test_a_flagging_names_each_criterion_once():
    """Art. 78 (2): one flag per criterion at a time."""
    criteria.check_criteria_once([3, 9, 12])
    with pytest.raises(RuleViolation) as caught:
        criteria.check_criteria_once([3, 9, 3, 9])
    assert (caught.value.key, caught.value.params) == ("flag.error.criterion_repeated",
                                                       {"criterion": 3})


def test_a_flag_is_noticed_today_at_the_latest():
    """Art. 78 (2): a circumstance that was noticed; Kazakhstan's today is allowed."""
    today = date(2026, 11, 25)
    criteria.check_noticed_on(today, today)
    with pytest.raises(RuleViolation) as caught:
        criteria.check_noticed_on(today + timedelta(days=1), today)
    assert caught.value.key == "flag.error.date_in_future"


def test_a_criterion_is_resolved_from_the_day_noticed_to_today():
    """Art. 78 (2): between the day noticed and today, both included."""
    noticed, today, day = date(2026, 10, 5), date(2026, 11, 25), timedelta(days=1)
    criteria.check_resolved_on(noticed, noticed, today)
    criteria.check_resolved_on(today, noticed, today)
    for resolved, key in [(noticed - day, "flag.error.resolved_before_noticed"),
                          (today + day, "flag.error.date_in_future")]:
        with pytest.raises(RuleViolation) as caught:
            criteria.check_resolved_on(resolved, noticed, today)
        assert caught.value.key == key
