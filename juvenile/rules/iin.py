"""Individual identification number (IIN): 12 digits that encode birth date and sex.

Layout: YYMMDD, one century-and-sex digit, a four-digit serial, one check digit.
The student register keys people by IIN, so a typo must be caught on entry.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from juvenile.rules.errors import RuleViolation

IIN_LENGTH = 12

# Check digit weights: the second round is used only when the first gives 10.
_WEIGHTS_FIRST = tuple(range(1, 12))
_WEIGHTS_SECOND = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)

# The 7th digit: century of birth and sex (odd = male, even = female).
_CENTURY_BY_DIGIT = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


@dataclass(frozen=True)
class IinInfo:
    """What a valid IIN tells about its holder."""

    iin: str
    birth_date: date
    sex: Sex


def iin_check_digit(first11: str) -> int | None:
    """The 12th digit for these 11 digits, or None when no check digit exists.

    None means both weighting rounds give 10: such a number is never issued.
    """
    if len(first11) != IIN_LENGTH - 1 or not (first11.isascii() and first11.isdigit()):
        raise RuleViolation("iin.not_12_digits", value=first11)
    digits = [int(c) for c in first11]
    for weights in (_WEIGHTS_FIRST, _WEIGHTS_SECOND):
        check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if check != 10:
            return check
    return None


def parse_iin(text: str, today: date | None = None) -> IinInfo:
    """Validate an IIN and read the birth date and sex out of it.

    Given ``today``, an IIN whose birth date has not come yet is refused: nobody
    is born in the future, and an age cannot be computed for them (a register
    of minors, Art. 78 (2), counts ages).
    """
    iin = text.strip()
    # isascii() first: str.isdigit() also accepts digits such as '²' or Arabic-Indic ones.
    if len(iin) != IIN_LENGTH or not (iin.isascii() and iin.isdigit()):
        raise RuleViolation("iin.not_12_digits", value=text)
    century_digit = int(iin[6])
    century = _CENTURY_BY_DIGIT.get(century_digit)
    if century is None:
        raise RuleViolation("iin.bad_century_digit", digit=century_digit)
    try:
        birth_date = date(century + int(iin[0:2]), int(iin[2:4]), int(iin[4:6]))
    except ValueError:
        raise RuleViolation("iin.bad_birth_date", value=iin[0:6]) from None
    check = iin_check_digit(iin[:11])
    if check is None:
        raise RuleViolation("iin.check_digit_impossible", value=iin)
    if check != int(iin[11]):
        raise RuleViolation("iin.bad_check_digit", value=iin)
    if today is not None and birth_date > today:
        raise RuleViolation("iin.birth_date_in_future", day=birth_date)
    sex = Sex.MALE if century_digit % 2 else Sex.FEMALE
    return IinInfo(iin=iin, birth_date=birth_date, sex=sex)


def sex_of(iin: str) -> Sex:
    """The holder's sex, from a valid IIN's seventh digit (odd: male), for the
    grammar of a sentence about them (Russian past tense and adjectives)."""
    return parse_iin(iin).sex


def make_iin(birth_date: date, sex: Sex | str, serial: int) -> str:
    """A valid IIN for demo data and tests.

    Serials whose check digit does not exist are skipped: the next serial is tried
    (wrapping from 9999 to 0000), so the result may carry a serial other than asked.
    """
    sex = Sex(sex)
    century = birth_date.year // 100 * 100
    if century not in (1800, 1900, 2000):
        raise RuleViolation("iin.year_out_of_range", year=birth_date.year)
    if not 0 <= serial <= 9999:
        raise RuleViolation("iin.serial_out_of_range", serial=serial)
    century_digit = (century - 1800) // 100 * 2 + (1 if sex is Sex.MALE else 2)
    prefix = f"{birth_date:%y%m%d}{century_digit}"
    for step in range(10_000):
        first11 = f"{prefix}{(serial + step) % 10_000:04d}"
        check = iin_check_digit(first11)
        if check is not None:
            return f"{first11}{check}"
    raise AssertionError("unreachable: some serial always has a check digit")
