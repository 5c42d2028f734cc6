"""Age in full years and the line of majority at 18.

A minor is a person under eighteen; preventive registration of a minor ends on
the eighteenth birthday (Art. 59 (8) item 4), and pedagogical support under
Art. 78 is for minors only.

29 February: in a year without that day the birthday is taken as 1 March, so a
person born on 29 Feb 2008 turns 18 on 1 Mar 2026. This keeps the protection of
a minor until the last day that can be argued to fall before the birthday.
"""

from datetime import date

from juvenile.rules.errors import RuleViolation

AGE_OF_MAJORITY = 18


def birthday_in(birth_date: date, year: int) -> date:
    """The birthday in ``year``; 29 Feb becomes 1 Mar in a non-leap year."""
    try:
        return birth_date.replace(year=year)
    except ValueError:  # only 29 Feb in a non-leap year
        return date(year, 3, 1)


def age_on(birth_date: date, on: date) -> int:
    """Full years of age on the date ``on``."""
    if on < birth_date:
        raise RuleViolation("age.date_before_birth", birth_date=birth_date, on=on)
    years = on.year - birth_date.year
    return years - 1 if on < birthday_in(birth_date, on.year) else years


def eighteenth_birthday(birth_date: date) -> date:
    """The day the person comes of age (Art. 59 (8) item 4)."""
    return birthday_in(birth_date, birth_date.year + AGE_OF_MAJORITY)


def is_minor(birth_date: date, on: date) -> bool:
    """Under eighteen on ``on`` (Art. 59 (8) item 4)."""
    return age_on(birth_date, on) < AGE_OF_MAJORITY


def require_minor_for_flag(birth_date: date, on: date) -> None:
    """Refuse to flag an adult: Art. 78 (2) lists minors only."""
    age = age_on(birth_date, on)
    if age >= AGE_OF_MAJORITY:
        raise RuleViolation("age.adult_cannot_be_flagged", article="Art. 78 (2)", count=age)
