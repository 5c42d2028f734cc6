"""Names in the reader's alphabet: Kazakh order for kk, Russian for ru.

By code point, Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ and І land after Я. PostgreSQL sorts with its
ICU collations (``kk-x-icu``, ``ru-x-icu``); SQLite with a collation registered on
each connection from these keys, which put the letters where those ICU collations
do: in Kazakh each in its place in the Kazakh alphabet; in Russian each right after
the Russian letter it is built on (Ә after А, І after И, Ұ and Ү after У).
"""

KAZAKH_ORDER = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
RUSSIAN_ORDER = "аәбвгғдеёжзиійкқлмнңоөпрстуұүфхһцчшщъыьэюя"
ORDERS = {"kk": KAZAKH_ORDER, "ru": RUSSIAN_ORDER}
_LATE = 1000  # letters of no Cyrillic alphabet come after it, by code point


def sort_key(text: str, language: str) -> tuple:
    """The key that orders ``text`` as the ``language``'s alphabet does (case-blind,
    then by the text itself, so equal names keep one order)."""
    rank = {letter: n for n, letter in enumerate(ORDERS.get(language, RUSSIAN_ORDER))}
    folded = text.casefold()
    return tuple(rank.get(c, _LATE + ord(c)) for c in folded), text


def compare(language: str):
    """A SQLite collation function for ``language``: -1, 0 or 1."""
    def collate(left: str, right: str) -> int:
        a, b = sort_key(left, language), sort_key(right, language)
        return (a > b) - (a < b)
    return collate
