"""Every catalog carries every key, with the same placeholders, in kk, ru and en.

The plural forms of counted messages are checked in test_plurals.py.
"""

import re
import string
from datetime import date
from pathlib import Path

import pytest

from juvenile.i18n import LANGUAGES, catalog, format_date, format_number, translate

SOURCE = Path(__file__).resolve().parent.parent / "juvenile"
# A quoted literal that starts with a catalog namespace is a message key.
_NAMESPACES = sorted({key.split(".")[0] for key in catalog("en")})
_KEY_LITERAL = re.compile(
    r"""["']((?:{})\.[a-z0-9_.]*[a-z0-9_])["']""".format("|".join(_NAMESPACES))
)


def _placeholders(message) -> set[str]:
    """The placeholders of a text, or of every plural form of a counted message."""
    texts = [message] if isinstance(message, str) else list(message.values())
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_the_same_keys():
    keys = {language: set(catalog(language)) for language in LANGUAGES}
    for language in LANGUAGES:
        missing = set().union(*keys.values()) - keys[language]
        assert not missing, f"{language} catalog lacks {sorted(missing)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_agree_with_english(language):
    for key, text in catalog("en").items():
        assert _placeholders(catalog(language)[key]) == _placeholders(text), key


def test_every_key_used_in_the_code_exists():
    used = set()
    for path in SOURCE.rglob("*.py"):
        used |= set(_KEY_LITERAL.findall(path.read_text(encoding="utf-8")))
    assert used, "the scan found no keys: the pattern is broken"
    missing = sorted(key for key in used if key not in catalog("en"))
    assert not missing, f"keys used in code but absent from the catalogs: {missing}"


def test_translate_fills_placeholders_and_shows_unknown_keys():
    assert translate("import.row_error", "ru", row=3, column="code", message="x") == (
        "Строка 3, поле «code»: x"
    )
    assert translate("no.such.key", "kk") == "no.such.key"
    assert translate("ui.nav.school", "xx") == translate("ui.nav.school", "kk")


def test_dates_and_numbers_follow_the_language():
    day = date(2026, 12, 17)
    assert format_date(day, "ru") == "17 дек. 2026\u202fг."
    assert format_date(day, "en") == "17 Dec 2026"
    assert "2026" in format_date(day, "kk") and "17" in format_date(day, "kk")
    assert format_number(12345.5, "en", 1) == "12,345.5"
    assert format_number(12345.5, "ru", 1) == "12\xa0345,5"


def test_a_day_in_a_sentence_is_written_as_the_reader_writes_dates():
    """Issue 20, item 8: "…до 2027-10-16" read as a code; a date parameter is formatted."""
    from datetime import date, datetime

    from juvenile.i18n import format_date, translate

    day = date(2027, 10, 16)
    for language in ("kk", "ru", "en"):
        text = translate("flag.error.date_in_future", language, day=day)
        assert "2027-10-16" not in text and format_date(day, language) in text
    moment = datetime(2027, 10, 16, 9, 30)  # a moment is left to its caller's format
    assert "2027-10-16 09:30:00" in translate("flag.error.date_in_future", "en", day=moment)


def test_not_found_and_no_access_read_the_same_on_every_page():
    """Issue 14: one neutral wording (Art. 83 (2): a stranger cannot tell which)."""
    from juvenile.i18n import catalog

    for language in ("kk", "ru", "en"):
        texts = catalog(language)
        neutral = texts["ui.common.not_found_or_no_access"]
        others = [key for key, text in texts.items() if isinstance(text, str)
                  and key != "ui.common.not_found_or_no_access"
                  and text.rstrip(".").lower() in {"не найдено или нет доступа",
                                                   "not found or no access",
                                                   "табылмады немесе қолжетімді емес"}]
        assert neutral and others == [], (language, others)
