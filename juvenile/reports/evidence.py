"""A flag's evidence in the reader's language: the text a school typed as it is, or
the portal's own evidence (``rules.evidence``) written from its key and parameters."""

import json
from datetime import date

from juvenile.i18n import format_date, translate
from juvenile.rules.attendance import parse_month


def evidence_text(evidence: str, key: str, params: str | dict, language: str) -> str:
    if not key:
        return evidence
    values = json.loads(params) if isinstance(params, str) and params else dict(params or {})
    shown: dict[str, object] = {}
    for name, value in values.items():
        if name.endswith(("_kk", "_ru")):  # a name in both languages: the reader's
            if name.endswith(f"_{'kk' if language == 'kk' else 'ru'}"):
                shown[name[:-3]] = value
        elif name == "month":
            shown[name] = format_date(parse_month(value)[0], language, "LLLL yyyy")
        elif name == "date":
            shown[name] = date.fromisoformat(value)
        else:
            shown[name] = value
    count = shown.pop("days", None)
    return translate(key, language, count=count, **shown) if count is not None \
        else translate(key, language, **shown)
