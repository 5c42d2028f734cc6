"""Every refusal of a minor's IIN is shown next to the IIN field of the commission's
forms that ask for one: the placement register and the case decision of Art. 81 (3)."""

from datetime import date

import pytest

from juvenile.rules.errors import RuleViolation
from juvenile.rules.iin import Sex, make_iin, parse_iin
from juvenile.state.commission import placement_forms, submission_form
from juvenile.state.commission.common import blank, refusal_field

TODAY = date(2026, 12, 4)
BORN_TOMORROW = make_iin(date(2026, 12, 5), Sex.FEMALE, 1234)
VALID = make_iin(date(2012, 3, 14), Sex.MALE, 1234)
BAD_CHECK_DIGIT = VALID[:11] + str((int(VALID[11]) + 1) % 10)


@pytest.mark.parametrize("text", ["12345", "123456789012", BAD_CHECK_DIGIT, BORN_TOMORROW])
@pytest.mark.parametrize("form", [
    (placement_forms.REGISTER_FORM, placement_forms.FIELD_OF),
    (submission_form.SUBMISSION_FORM, submission_form.FIELD_OF),
], ids=["placement", "submission"])
def test_an_iin_refusal_stands_next_to_the_iin_field(text, form):
    fields, field_of = form
    with pytest.raises(RuleViolation) as refused:
        parse_iin(text, TODAY)
    assert refusal_field(refused.value, blank(*fields), field_of) == "iin", refused.value.key
