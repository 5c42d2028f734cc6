"""Every message a rule can show exists in kk, ru and en with the same placeholders.

Keys are read from the sources: each ``RuleViolation("key", ...)`` call and each
counted fragment ``Counted("key", n)`` it carries, plus the label keys the rule
data points to (criteria of Art. 78 (2), holidays, enums). A counted message's
placeholders are those of its every plural form.
"""

import ast
import json
import re
import string
from pathlib import Path

import pytest

from juvenile.i18n import translate
from juvenile.rules import attendance, calendar, cases, criteria, placements

ROOT = Path(__file__).resolve().parents[2]
RULES_DIR = ROOT / "juvenile" / "rules"
LOCALES_DIR = ROOT / "juvenile" / "i18n" / "locales"
LANGS = ("kk", "ru", "en")
CATALOGS = {
    lang: json.loads((LOCALES_DIR / lang / "rules.json").read_text(encoding="utf-8"))
    for lang in LANGS
}


def _calls(name: str) -> list[tuple[str, ast.Call]]:
    calls = []
    for path in sorted(RULES_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name:
                calls.append((f"{path.name}:{node.lineno}", node))
    return calls


CALLS = _calls("RuleViolation")
FRAGMENTS = _calls("Counted")


def _key(call: ast.Call) -> str | None:
    first = call.args[0] if call.args else None
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


def _params(call: ast.Call) -> set[str]:
    return {kw.arg for kw in call.keywords if kw.arg not in (None, "article")}


def _article(call: ast.Call) -> str | None:
    for kw in call.keywords:
        if kw.arg == "article" and isinstance(kw.value, ast.Constant):
            return kw.value.value
    return None


def _texts(message) -> list[str]:
    """A text, or the plural forms of a counted message."""
    return [message] if isinstance(message, str) else list(message.values())


def _placeholders(message) -> set[str]:
    return {field for text in _texts(message)
            for _, field, _, _ in string.Formatter().parse(text) if field is not None}


RAISED_KEYS = {_key(call) for _, call in CALLS + FRAGMENTS} - {None}

LABEL_KEYS = (
    {c.message_key for c in criteria.CRITERIA}
    | set(calendar.DAY_KEYS)
    | {g.message_key for grounds in placements.EXTENSION_GROUNDS.values() for g in grounds}
    | {f"attendance.status.{s}" for s in attendance.AttendanceStatus}
    | {f"placement.kind.{k}" for k in placements.PlacementKind}
    | {f"placement.body.{b}" for b in placements.DecidingBody}
    | {f"case.state.{s}" for s in cases.CaseState}
    | {f"case.decision.{d}" for d in cases.CouncilDecision}
    | {f"case.outcome.{o}" for o in cases.CloseOutcome}
)


def test_sources_were_read():
    assert len(CALLS) >= 30
    assert len(RAISED_KEYS) >= 30


@pytest.mark.parametrize(("where", "call"), CALLS, ids=[w for w, _ in CALLS])
def test_violation_key_is_a_literal_and_params_are_named(where, call):
    assert _key(call) is not None, f"{where}: the key must be a string literal"
    assert all(kw.arg is not None for kw in call.keywords), f"{where}: no **params"


@pytest.mark.parametrize(("where", "call"), CALLS, ids=[w for w, _ in CALLS])
def test_violation_message_exists_and_fits_its_params(where, call):
    key = _key(call)
    for lang in LANGS:
        assert key in CATALOGS[lang], f"{where}: {key} missing in {lang}/rules.json"
        assert _placeholders(CATALOGS[lang][key]) == _params(call), f"{where}: {key} ({lang})"
    article = _article(call)
    if article:
        for text in _texts(CATALOGS["en"][key]):
            assert article in text, f"{where}: {key} should cite {article}"


@pytest.mark.parametrize("key", sorted(LABEL_KEYS))
def test_label_exists_without_placeholders(key):
    for lang in LANGS:
        assert key in CATALOGS[lang], f"{key} missing in {lang}/rules.json"
        assert not _placeholders(CATALOGS[lang][key])


def test_catalogs_have_the_same_keys():
    assert CATALOGS["kk"].keys() == CATALOGS["ru"].keys() == CATALOGS["en"].keys()


def test_placeholders_match_across_languages():
    for key, text in CATALOGS["en"].items():
        expected = _placeholders(text)
        for lang in ("kk", "ru"):
            assert _placeholders(CATALOGS[lang][key]) == expected, f"{key} ({lang})"


def test_no_unused_keys():
    assert set(CATALOGS["en"]) - RAISED_KEYS - LABEL_KEYS == set()


def test_kazakh_and_russian_are_translated():
    cyrillic = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
    for lang in ("kk", "ru"):
        for key, message in CATALOGS[lang].items():
            for text in _texts(message):
                assert cyrillic.search(text), f"{key} ({lang}) is not translated"
                assert text == text.strip() and text


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_renders_through_translate(lang):
    for key, message in CATALOGS[lang].items():
        params = dict.fromkeys(_placeholders(message) - {"count"}, "X")
        for count in (1, 2, 5) if "count" in _placeholders(message) else (None,):
            rendered = translate(key, lang, count=count, **params)
            assert rendered != key and "{" not in rendered
