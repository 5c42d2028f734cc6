"""The placements register's forms: their fields, the forms each status offers, and
which field a refusal of the engine concerns (the rest show under the form)."""

from juvenile.models import PlacementStatus
from juvenile.state.commission.common import IIN_REFUSALS

REGISTER_FORM = ("iin", "kind", "organisation", "body", "decision_number", "decision_date",
                 "start_date", "term", "prosecutor", "applicant", "applied_on")
YES = "1"  # a ticked box ("prosecutor")
ACTION_FORMS = {
    "notice": ("date",),
    "notice_internal_affairs": ("date",),  # special regime, Art. 81 (11) item 4
    "extend": ("ground", "new_end", "decided_on", "decision_number", "note"),
    "terminate": ("date", "submitted_by", "decision_number", "note"),
    "transfer": ("organisation", "ground", "decision_number", "decision_date", "start_date",
                 "term", "prosecutor", "note"),
    "return": ("date",),
    "plan": ("date",),
}
# Which form field a refusal concerns (the rest show under the form).
FIELD_OF = {
    **IIN_REFUSALS, "placement.already_placed": "iin",
    "placement.decision_number_required": "decision_number",
    "placement.decision_number_invalid": "decision_number",
    "placement.too_young": "decision_date", "placement.too_old": "decision_date",
    "placement.special_education.term_out_of_range": "term",
    "placement.special_regime.term_out_of_range": "term",
    "placement.special_regime.court_only": "body",
    "placement.organisation_wrong_kind": "organisation",
    "placement.transfer_refused": "organisation",
    "placement.start_before_decision": "start_date",
    "placement.transfer_before_start": "start_date",
    "placement.extension_ground_refused": "ground",
    "placement.extension_not_later": "new_end",
    "placement.court_decision_required": "decision_number",
    "placement.termination_submitter_refused": "submitted_by",
    "placement.transfer_ground_required": "ground",
    "placement.start_at_adulthood": "start_date",
    "placement.prosecutor_required": "prosecutor",
    "placement.guardianship_application_required": "applicant",
    "placement.guardianship_applicant_invalid": "applicant",
    "placement.application_after_decision": "applied_on",
    "placement.early_return_needs_court": "date",
    "placement.termination_not_early": "date", "placement.return_before_start": "date",
    "placement.date_before_decision": "date", "placement.plan_before_return": "date",
}
# The forms each status offers (the engine refuses the others anyway).
ACTIONS_OF = {
    PlacementStatus.ACTIVE: ("notice", "notice_internal_affairs", "extend", "terminate",
                             "transfer", "return"),
    PlacementStatus.TERMINATED: ("return",),
    PlacementStatus.RETURNED: ("plan",),
    PlacementStatus.TRANSFERRED: (),
}
