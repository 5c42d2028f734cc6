"""The deadline board's form registering the decision that ends a minor's criminal case
(Art. 81 (3)): its fields, which field a refusal concerns, and the check of the typed
values before the engine is asked."""

from datetime import date

from juvenile.i18n import translate
from juvenile.state.commission.common import IIN_REFUSALS, blank, parse_day

SUBMISSION_FORM = ("iin", "decision_number", "decision_date")
FIELD_OF = {
    **IIN_REFUSALS,
    "submission.case_decision_required": "decision_number",
    "placement.decision_number_invalid": "decision_number",
    "submission.date_in_future": "decision_date",
}


def checked(form: dict[str, str], language: str) -> tuple[dict[str, str], date | None]:
    """The form's errors of form (a missing IIN, a date that is no date) and the
    decision's date; the number is the engine's to judge."""
    errors = blank(*SUBMISSION_FORM)
    if not form.get("iin", "").strip():
        errors["iin"] = translate("ui.commission.placements.iin_required", language)
    day = parse_day(form.get("decision_date", ""))
    if day is None:
        errors["decision_date"] = translate("ui.commission.form.bad_date", language)
    return errors, day
