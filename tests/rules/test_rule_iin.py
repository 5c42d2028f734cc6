"""IIN: 12 digits, birth date, century-and-sex digit, check digit (README "Reference data")."""

from datetime import date

import pytest

from juvenile.rules.errors import RuleViolation
from juvenile.rules.iin import IinInfo, Sex, iin_check_digit, make_iin, parse_iin


def test_check_digit_first_round():
    # 9·1 + 5·2 + 0·3 + 1·4 + 0·5 + 1·6 + 3·7 + 0·8 + 0·9 + 0·10 + 1·11 = 61; 61 mod 11 = 6
    assert iin_check_digit("95010130001") == 6


def test_check_digit_second_round_when_first_gives_10():
    # weights 1..11 give 131 ≡ 10; weights 3,4,…,11,1,2 give 111 ≡ 1
    assert iin_check_digit("08013050051") == 1
    assert parse_iin("080130500511") == IinInfo("080130500511", date(2008, 1, 30), Sex.MALE)


def test_check_digit_none_when_both_rounds_give_10():
    # 120 ≡ 10 and 109 ≡ 10
    assert iin_check_digit("08013050050") is None


@pytest.mark.parametrize("bad", ["", "1234567890", "123456789012", "0801305005a"])
def test_check_digit_needs_11_digits(bad):
    with pytest.raises(RuleViolation) as caught:
        iin_check_digit(bad)
    assert caught.value.key == "iin.not_12_digits"


@pytest.mark.parametrize(
    ("birth", "sex", "digit7"),
    [
        (date(1899, 12, 31), Sex.MALE, "1"),
        (date(1899, 12, 31), Sex.FEMALE, "2"),
        (date(1900, 1, 1), Sex.MALE, "3"),
        (date(1999, 6, 30), Sex.FEMALE, "4"),
        (date(2000, 2, 29), Sex.MALE, "5"),
        (date(2012, 2, 29), Sex.FEMALE, "6"),
    ],
)
def test_make_and_parse_round_trip(birth, sex, digit7):
    iin = make_iin(birth, sex, 123)
    assert iin[6] == digit7
    assert iin[7:11] == "0123"
    assert parse_iin(iin) == IinInfo(iin, birth, sex)
    assert parse_iin(iin).sex == sex.value  # StrEnum: equal to "male" / "female"


def test_parse_strips_surrounding_spaces():
    assert parse_iin(" 080130500511\n").iin == "080130500511"


def test_make_iin_skips_a_serial_without_check_digit():
    # serial 0050 for 30 Jan 2008, male, has no check digit: 0051 is used
    assert make_iin(date(2008, 1, 30), "male", 50) == "080130500511"


def test_make_iin_wraps_from_serial_9999_to_0000():
    assert make_iin(date(2002, 1, 28), Sex.FEMALE, 9999) == "020128600009"


@pytest.mark.parametrize("birth", [date(1799, 12, 31), date(2100, 1, 1)])
def test_make_iin_refuses_years_an_iin_cannot_encode(birth):
    with pytest.raises(RuleViolation) as caught:
        make_iin(birth, Sex.MALE, 1)
    assert caught.value.key == "iin.year_out_of_range"


@pytest.mark.parametrize("serial", [-1, 10_000])
def test_make_iin_refuses_serial_out_of_range(serial):
    with pytest.raises(RuleViolation) as caught:
        make_iin(date(2010, 1, 1), Sex.MALE, serial)
    assert caught.value.key == "iin.serial_out_of_range"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "08013050051",
        "0801305005110",
        "08013050051a",
        "0801 3050051",
        "０８０１３０５００５１１",
    ],
)
def test_not_12_digits(text):
    with pytest.raises(RuleViolation) as caught:
        parse_iin(text)
    assert caught.value.key == "iin.not_12_digits"


@pytest.mark.parametrize("digit", ["0", "7", "8", "9"])
def test_century_digit_must_be_1_to_6(digit):
    with pytest.raises(RuleViolation) as caught:
        parse_iin(f"080130{digit}00511")
    assert caught.value.key == "iin.bad_century_digit"
    assert caught.value.params == {"digit": int(digit)}


@pytest.mark.parametrize(
    "yymmdd_c",
    [
        "0802305",  # 30 February
        "0813015",  # month 13
        "0801005",  # day 0
        "0004313",  # 31 April
        "0002293",  # 29 Feb 1900: not a leap year
    ],
)
def test_impossible_birth_date(yymmdd_c):
    with pytest.raises(RuleViolation) as caught:
        parse_iin(f"{yymmdd_c}00011")
    assert caught.value.key == "iin.bad_birth_date"


def test_29_february_2000_is_a_real_date():
    iin = make_iin(date(2000, 2, 29), Sex.FEMALE, 7)
    assert parse_iin(iin).birth_date == date(2000, 2, 29)


def test_every_wrong_check_digit_is_refused():
    valid = make_iin(date(2011, 9, 1), Sex.FEMALE, 42)
    for digit in "0123456789":
        if digit == valid[-1]:
            continue
        with pytest.raises(RuleViolation) as caught:
            parse_iin(valid[:-1] + digit)
        assert caught.value.key == "iin.bad_check_digit"


def test_number_without_possible_check_digit_is_refused():
    with pytest.raises(RuleViolation) as caught:
        parse_iin("080130500500")
    assert caught.value.key == "iin.check_digit_impossible"


def test_a_birth_date_in_the_future_is_refused_given_today():
    """Issue 15 item 5: born today is possible, born tomorrow is not (ages of the
    minors of Art. 78 (2) are computed from the IIN's birth date)."""
    today = date(2026, 11, 25)
    born_today = make_iin(today, Sex.FEMALE, 1)
    assert parse_iin(born_today, today=today).birth_date == today
    born_tomorrow = make_iin(date(2026, 11, 26), Sex.FEMALE, 1)
    with pytest.raises(RuleViolation) as refused:
        parse_iin(born_tomorrow, today=today)
    assert (refused.value.key, refused.value.params) == (
        "iin.birth_date_in_future", {"day": date(2026, 11, 26)})
    assert parse_iin(born_tomorrow).birth_date == date(2026, 11, 26)  # the format alone
