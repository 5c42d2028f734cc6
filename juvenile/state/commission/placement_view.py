"""One placement as the register and its detail card show it: typed, in one language.

The term's progress is a number (a bar of 0–100), the warnings are booleans, and
the kind, status and plan light are the engine's enum values.
"""

import dataclasses
from datetime import date

from juvenile.i18n import format_date, translate
from juvenile.models import PlacementStatus
from juvenile.services.commission.placement_register import PlacementRow


@dataclasses.dataclass
class PlacementView:
    id: str = ""
    name: str = ""
    school: str = ""
    kind: str = ""
    kind_label: str = ""
    organisation: str = ""
    status: str = ""
    status_label: str = ""
    start: str = ""
    end: str = ""
    term: str = ""
    progress: int = 0  # per cent of the term gone by
    extensions: int = 0
    notice_due: str = ""
    notice: str = ""
    notice_late: bool = False  # active, no notice, and its due day has passed
    returned: str = ""
    ended: str = ""
    plan_due: str = ""
    plan_made: str = ""
    plan_status: str = ""
    plan_label: str = ""
    decided: str = ""  # the detail card's "decided by … on …"
    adult_on: str = ""  # the end of stay at 18 (Art. 80 (1), Art. 81 (2), Art. 59 (8) 4)
    past_adulthood: bool = False  # the planned end passes it: a warning
    prosecutor: str = ""  # detail card: the prosecutor took part (Art. 80 (7), Art. 81 (8))
    applicant: str = ""  # the guardianship body's application (Art. 80 (2))
    internal_affairs_notice: str = ""  # special regime: its receipt (Art. 81 (11) 4)


# Shown instead of the status when the term ended and no return is recorded.
RETURN_OVERDUE = "return_overdue"


def placement_view(row: PlacementRow, language: str, today: date) -> PlacementView:
    p = row.placement
    status = RETURN_OVERDUE if row.return_overdue else p.status.value
    return PlacementView(
        id=str(p.id), name=row.student_name, school=row.school_code,
        kind=p.kind.value, kind_label=translate(f"placement.kind.{p.kind.value}", language),
        organisation=row.organisation_kk if language == "kk" else row.organisation_ru,
        status=status, status_label=translate(f"placement.status.{status}", language),
        start=format_date(p.start_date, language), end=format_date(p.planned_end, language),
        term=translate("ui.commission.placements.months", language, count=p.term_months),
        progress=int(row.progress), extensions=row.extensions,
        notice_due=format_date(p.notice_due, language),
        notice=format_date(p.notice_received_on, language),
        notice_late=(p.status == PlacementStatus.ACTIVE and p.notice_received_on is None
                     and p.notice_due < today),
        returned=format_date(p.return_date, language), ended=format_date(p.ended_on, language),
        plan_due=format_date(p.rehabilitation_plan_due, language),
        plan_made=format_date(p.rehabilitation_plan_made_on, language),
        plan_status=row.plan_status,
        plan_label=translate(f"ui.commission.placements.plan.{row.plan_status}", language)
        if row.plan_status else "",
        adult_on=format_date(row.adult_on, language), past_adulthood=row.past_adulthood,
        prosecutor=translate("ui.commission.placements.prosecutor_took_part"
                             if p.prosecutor_participated else
                             "ui.commission.placements.prosecutor_not_recorded", language),
        applicant=translate("ui.commission.placements.applicant_line", language,
                            applicant=p.guardianship_applicant,
                            date=format_date(p.guardianship_applied_on, language))
        if p.guardianship_applicant else "",
        internal_affairs_notice=format_date(p.internal_affairs_notice_on, language),
    )
