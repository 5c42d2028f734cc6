"""Evidence the portal writes itself, kept as a catalog key and its parameters.

Criterion 4 (Art. 78 (2) item 4) is confirmed from attendance: "6 unexcused days in
2026-11". Criterion 11 is raised on the return from a special organisation
(Art. 80 (11), Art. 81 (12)). Written once as text, such evidence stayed in the
language of whoever confirmed it, for ever in the frozen commission packet; kept as
data, every reader gets it in their own (``reports.evidence.evidence_text``).
"""

import json
from datetime import date

ABSENCE_EVIDENCE_KEY = "flag.evidence.absences"
RETURN_EVIDENCE_KEY = "placement.return_evidence"


def evidence_params(**params: object) -> str:
    """The parameters as JSON; a day as YYYY-MM-DD."""
    return json.dumps({name: value.isoformat() if isinstance(value, date) else value
                       for name, value in params.items()}, ensure_ascii=False, sort_keys=True)


def absence_evidence(unexcused_days: int, month: str) -> tuple[str, str]:
    """The key and parameters of "``unexcused_days`` unexcused days in ``month``"."""
    return ABSENCE_EVIDENCE_KEY, evidence_params(days=unexcused_days, month=month)
