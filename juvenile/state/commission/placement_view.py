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


def placement_view(row: PlacementRow, language: str, today: date) -> PlacementView:
    p = row.placement
    return PlacementView(
        id=str(p.id), name=row.student_name, school=row.school_code,
        kind=p.kind.value, kind_label=translate(f"placement.kind.{p.kind.value}", language),
        organisation=row.organisation_kk if language == "kk" else row.organisation_ru,
        status=p.status.value,
        status_label=translate(f"placement.status.{p.status.value}", language),
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
    )
