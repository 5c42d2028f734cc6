"""Message catalogs: one JSON file per area and language, merged per language.

``locales/<lang>/<area>.json`` maps dotted keys to text with ``{name}``
placeholders. Areas keep catalogs small and let features add their own file.

A counted message is an object of plural forms instead of a text, one form per
CLDR plural category of its language (Babel's rules)::

    "minutes.open_items": {"one": "{count} вопрос ...", "few": "{count} вопроса ...",
                           "many": "{count} вопросов ...", "other": "{count} вопроса ..."}

``translate(key, language, count=n)`` picks the form for ``n`` and fills
``{count}`` with it. Russian needs one, few, many and other; Kazakh and English
one and other (a Kazakh noun after a numeral stays singular, so its two forms
are usually the same text, but the entry is still counted: the key is).

A sentence with two numbers is counted by one and takes the other as a
``Counted`` parameter, a counted fragment translated in the same language::

    translate("meeting.no_quorum", "ru", count=3, members=Counted("meeting.of_members", 7))
    # "... (присутствуют 3 из 7 членов) ..."
"""

import json
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import NamedTuple

from babel import Locale

LANGUAGES = ("kk", "ru", "en")
DEFAULT_LANGUAGE = "kk"
LOCALES_DIR = Path(__file__).parent / "locales"
# The CLDR locale whose dates, numbers and plural rules each language follows.
BABEL_LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_GB"}

Count = int | float | Decimal
Message = str | Mapping[str, str]  # a text, or the plural forms of a counted message


class Counted(NamedTuple):
    """A parameter that is itself a counted message: ``key`` shown for ``count``.

    Language-free, so a refusal can carry it and be shown in any language.
    """

    key: str
    count: Count


def normalise_language(language: str | None) -> str:
    """Return a supported language code, falling back to the default."""
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


@cache
def _plural_rule(language: str):
    return Locale.parse(BABEL_LOCALES[normalise_language(language)]).plural_form


def plural_forms(language: str | None) -> frozenset[str]:
    """The plural categories a counted message needs in ``language``.

    ru: one, few, many, other; kk and en: one, other ("other" is always there:
    Russian uses it for fractions, 1,5 вопроса).
    """
    return frozenset(_plural_rule(language).tags | {"other"})


def plural_form(count: Count, language: str | None) -> str:
    """The CLDR plural category of ``count`` in ``language``: 21 → "one" in ru."""
    return _plural_rule(language)(count)


def is_counted(message: Message) -> bool:
    """True for an entry of plural forms, which only ``translate(..., count=)`` can show."""
    return not isinstance(message, str)


def _checked(path: Path, language: str, area: dict) -> dict[str, Message]:
    forms = plural_forms(language)
    for key, message in area.items():
        if isinstance(message, str):
            continue
        if not isinstance(message, dict) or not all(
                isinstance(text, str) for text in message.values()):
            raise ValueError(f"{path}: {key} is neither a text nor an object of plural forms")
        if set(message) != forms:
            raise ValueError(f"{path}: {key} has the plural forms {sorted(message)}; "
                             f"{language} needs exactly {sorted(forms)}")
    return area


@cache
def catalog(language: str) -> dict[str, Message]:
    """All messages of one language, merged from its area files."""
    messages: dict[str, Message] = {}
    for path in sorted((LOCALES_DIR / language).glob("*.json")):
        area = _checked(path, language, json.loads(path.read_text(encoding="utf-8")))
        clashes = messages.keys() & area.keys()
        if clashes:
            raise ValueError(f"{path}: keys defined twice: {sorted(clashes)}")
        messages.update(area)
    return messages


def _parameter(value: object, language: str) -> object:
    """A placeholder's text in ``language``: a counted fragment in its plural form, a
    day in the reader's date format ("16 окт. 2027 г.", never "2027-10-16")."""
    if isinstance(value, Counted):
        return translate(value.key, language, count=value.count)
    if isinstance(value, date) and not isinstance(value, datetime):
        from juvenile.i18n.formatting import format_date  # it imports this module

        return format_date(value, language)
    return value


def translate(key: str, language: str | None = None, count: Count | None = None,
              **params: object) -> str:
    """The message ``key`` in ``language``, with its placeholders filled.

    ``count`` chooses the plural form of a counted message and fills its
    ``{count}``; for a plain text it is one more placeholder. A ``Counted``
    parameter is filled with its own counted message in ``language``. A counted
    message without a count is a programming error (TypeError).

    A missing key shows as the key itself, so a gap is visible on screen; the
    catalog test fails on any such gap before it ships.
    """
    language = normalise_language(language)
    message = catalog(language).get(key, key)
    params = {name: _parameter(value, language) for name, value in params.items()}
    if count is not None:
        params["count"] = count
    if is_counted(message):
        if count is None:
            raise TypeError(f"{key} is a counted message: translate it with count=")
        message = message[plural_form(count, language)]
    return message.format(**params) if params else message
