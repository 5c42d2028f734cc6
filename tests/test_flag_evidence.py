"""The portal's own evidence on a flag (criterion 4 from attendance, Art. 78 (2) item 4;
criterion 11 on a return, Art. 80 (11), Art. 81 (12)) is data, written in the
reader's language; the stored English and single-language texts are migrated
(issue 14, item 2)."""

import importlib.util
import json
from datetime import date

import pytest

from juvenile.reports.evidence import evidence_text
from juvenile.rules.evidence import RETURN_EVIDENCE_KEY, absence_evidence, evidence_params
from juvenile.settings import PROJECT_ROOT


def _migration():
    path = PROJECT_ROOT / "alembic" / "versions" / "0005_flag_evidence_as_data.py"
    spec = importlib.util.spec_from_file_location("evidence_migration", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_typed_evidence_is_shown_as_typed():
    assert evidence_text("Сабақта төбелескен.", "", "", "ru") == "Сабақта төбелескен."


def test_a_return_names_the_organisation_in_the_readers_language():
    params = evidence_params(organisation_kk="№ 1 арнаулы ұйым",
                             organisation_ru="Спецорганизация № 1", date=date(2026, 12, 11))
    kk = evidence_text("", RETURN_EVIDENCE_KEY, params, "kk")
    ru = evidence_text("", RETURN_EVIDENCE_KEY, params, "ru")
    assert "№ 1 арнаулы ұйым" in kk and "2026-12-11" not in kk
    assert ru.startswith("Возвращение из организации «Спецорганизация № 1» 11 дек. 2026")


@pytest.mark.parametrize(("stored", "expected"), [
    ("6 unexcused days in 2026-11", absence_evidence(6, "2026-11")),
    ("Returned from Спецорганизация № 1 on 2026-12-11 (Art. 80 (11), Art. 81 (12)).",
     (RETURN_EVIDENCE_KEY, json.dumps({"date": "2026-12-11", "organisation_kk": "№ 1 ұйым",
                                       "organisation_ru": "Спецорганизация № 1"},
                                      ensure_ascii=False, sort_keys=True))),
    ("«№ 1 ұйым» ұйымынан 2026-12-11 оралды (80-баптың 11-тармағы).",
     (RETURN_EVIDENCE_KEY, json.dumps({"date": "2026-12-11", "organisation_kk": "№ 1 ұйым",
                                       "organisation_ru": "Спецорганизация № 1"},
                                      ensure_ascii=False, sort_keys=True))),
    ("7 unexcused days in October", None),  # not the portal's own: left as typed
    ("Сабақтан 5 күн қалды.", None),
])
def test_the_migration_turns_the_stored_texts_into_data(stored, expected):
    names = {"№ 1 ұйым": ("№ 1 ұйым", "Спецорганизация № 1"),
             "Спецорганизация № 1": ("№ 1 ұйым", "Спецорганизация № 1")}
    assert _migration()._as_data(stored, names) == expected
