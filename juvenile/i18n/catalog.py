"""Message catalogs: one JSON file per area and language, merged per language.

``locales/<lang>/<area>.json`` maps dotted keys to text with ``{name}``
placeholders. Areas keep catalogs small and let features add their own file.
"""

import json
from functools import cache
from pathlib import Path

LANGUAGES = ("kk", "ru", "en")
DEFAULT_LANGUAGE = "kk"
LOCALES_DIR = Path(__file__).parent / "locales"


def normalise_language(language: str | None) -> str:
    """Return a supported language code, falling back to the default."""
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


@cache
def catalog(language: str) -> dict[str, str]:
    """All messages of one language, merged from its area files."""
    messages: dict[str, str] = {}
    for path in sorted((LOCALES_DIR / language).glob("*.json")):
        area = json.loads(path.read_text(encoding="utf-8"))
        clashes = messages.keys() & area.keys()
        if clashes:
            raise ValueError(f"{path}: keys defined twice: {sorted(clashes)}")
        messages.update(area)
    return messages


def translate(key: str, language: str | None = None, **params: object) -> str:
    """The message ``key`` in ``language``, with its placeholders filled.

    A missing key shows as the key itself, so a gap is visible on screen; the
    catalog test fails on any such gap before it ships.
    """
    text = catalog(normalise_language(language)).get(key, key)
    return text.format(**params) if params else text
