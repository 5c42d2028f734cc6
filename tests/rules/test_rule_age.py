"""Age in full years; majority at 18 (Art. 59 (8) item 4; Art. 78 (2) minors only)."""

from datetime import date

import pytest

from juvenile.rules.age import (
    age_on,
    eighteenth_birthday,
    is_minor,
    require_minor_for_flag,
)
from juvenile.rules.errors import RuleViolation

BORN = date(2008, 9, 1)


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (date(2008, 9, 1), 0),
        (date(2009, 8, 31), 0),
        (date(2009, 9, 1), 1),
        (date(2026, 8, 31), 17),
        (date(2026, 9, 1), 18),
        (date(2026, 12, 31), 18),
    ],
)
def test_age_in_full_years(on, age):
    assert age_on(BORN, on) == age


def test_age_before_birth_is_refused():
    with pytest.raises(RuleViolation) as caught:
        age_on(BORN, date(2008, 8, 31))
    assert caught.value.key == "age.date_before_birth"


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (date(2026, 2, 28), 17),  # non-leap year: the birthday is 1 March
        (date(2026, 3, 1), 18),
        (date(2028, 2, 28), 19),  # leap year: the birthday is 29 February
        (date(2028, 2, 29), 20),
    ],
)
def test_born_29_february(on, age):
    assert age_on(date(2008, 2, 29), on) == age


@pytest.mark.parametrize(
    ("born", "eighteen"),
    [
        (date(2008, 9, 1), date(2026, 9, 1)),
        (date(2008, 2, 29), date(2026, 3, 1)),
        (date(2010, 2, 28), date(2028, 2, 28)),
        (date(1996, 2, 29), date(2014, 3, 1)),
    ],
)
def test_eighteenth_birthday(born, eighteen):
    assert eighteenth_birthday(born) == eighteen


def test_minor_until_the_day_before_the_eighteenth_birthday():
    assert is_minor(BORN, date(2026, 8, 31))
    assert not is_minor(BORN, date(2026, 9, 1))


def test_flag_allowed_for_a_minor():
    require_minor_for_flag(BORN, date(2026, 8, 31))  # does not raise


@pytest.mark.parametrize("on", [date(2026, 9, 1), date(2030, 1, 1)])
def test_flag_refused_from_the_eighteenth_birthday(on):
    with pytest.raises(RuleViolation) as caught:
        require_minor_for_flag(BORN, on)
    assert caught.value.key == "age.adult_cannot_be_flagged"
    assert caught.value.article == "Art. 78 (2)"
    assert caught.value.params == {"count": age_on(BORN, on)}
