"""The commission's register of placements in special organisations (Art. 80, Art. 81):
one page of rows with their terms and deadlines, and registering a decision
for a minor named by IIN.

Changes go through services.placements, which checks every legal limit; this
module reads behind the gate and computes what the register shows: how much
of the term has passed, and whether the rehabilitation plan (3 working days
after the return, Art. 80 (11), Art. 81 (12)) was made in time.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, func, select

from juvenile import clock
from juvenile.db import transaction
from juvenile.models import (
    Placement,
    PlacementChange,
    PlacementChangeKind,
    PlacementStatus,
    School,
    SpecialOrganisation,
    Student,
)
from juvenile.rules.errors import RuleViolation
from juvenile.rules.iin import parse_iin
from juvenile.rules.placements import (
    PlacementKind,
    end_of_stay_at_adulthood,
    return_overdue,
    term_passes_adulthood,
)
from juvenile.security.actor import Actor
from juvenile.security.gate import AccessDenied, authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope
from juvenile.services.commission.placements import (
    PlacementTerms,
    placement_history,
    register_placement,
)
from juvenile.services.common import Paged

PAGE_SIZE = 20


class PlanStatus:
    """The rehabilitation plan's traffic light."""

    NONE = ""  # not returned: no plan due
    GREEN = "green"  # made on or before the due day
    AMBER = "amber"  # not made yet, still in time
    RED = "red"  # not made and overdue, or made late


def plan_status(placement: Placement, on: date) -> str:
    due, made = placement.rehabilitation_plan_due, placement.rehabilitation_plan_made_on
    if placement.status != PlacementStatus.RETURNED or due is None:
        return PlanStatus.NONE
    if made is not None:
        return PlanStatus.GREEN if made <= due else PlanStatus.RED
    return PlanStatus.AMBER if on <= due else PlanStatus.RED


def term_progress(placement: Placement, on: date) -> int:
    """Per cent of the term passed on ``on`` (up to the early end or return)."""
    end = min(d for d in (on, placement.ended_on, placement.return_date) if d is not None)
    length = (placement.planned_end - placement.start_date).days
    if length <= 0:
        return 100
    return max(0, min(100, round(100 * (end - placement.start_date).days / length)))


@dataclass(frozen=True)
class PlacementRow:
    placement: Placement
    student_name: str
    school_code: str
    organisation_kk: str
    organisation_ru: str
    extensions: int
    progress: int
    plan_status: str
    # The stay ends at 18 (Art. 80 (1), Art. 81 (2), Art. 59 (8) 4): that day, and
    # whether the planned end passes it.
    adult_on: date | None = None
    past_adulthood: bool = False
    # In force, its term ended, and no return recorded.
    return_overdue: bool = False


@dataclass(frozen=True)
class PlacementsPage(Paged):
    rows: list[PlacementRow]
    total: int
    page: int
    page_size: int


def placements_page(actor: Actor, kind: str | None = None, status: str | None = None,
                    page: int = 1, on: date | None = None,
                    page_size: int = PAGE_SIZE) -> PlacementsPage:
    """One page of the placements of the actor's commission, latest decision first."""
    on = on or clock.today()
    page = max(1, page)
    commission_id = actor.commission_id or 0
    with transaction() as session:
        authorize(session, actor, Permission.VIEW,
                  RecordScope(kind=RecordKind.PLACEMENT, commission_ids=frozenset({commission_id})))
        conditions = [Placement.commission_id == commission_id]
        if kind:
            conditions.append(Placement.kind == PlacementKind(kind))
        if status:
            conditions.append(Placement.status == PlacementStatus(status))
        total = session.exec(select(func.count()).select_from(Placement)
                             .where(*conditions)).one()
        rows = session.exec(
            select(Placement, Student, School.code, SpecialOrganisation)
            .join(Student, col(Student.id) == Placement.student_id)
            .join(School, col(School.id) == Student.school_id)
            .join(SpecialOrganisation, col(SpecialOrganisation.id) == Placement.organisation_id)
            .where(*conditions)
            .order_by(col(Placement.decision_date).desc(), col(Placement.id).desc())
            .offset((page - 1) * page_size).limit(page_size)
        ).all()
        return PlacementsPage(rows=_rows(session, rows, on), total=total, page=page,
                              page_size=page_size)


@dataclass(frozen=True)
class PlacementDetail:
    row: PlacementRow
    changes: list[PlacementChange]  # oldest first


def placement_detail(actor: Actor, placement_id: int, on: date | None = None) -> PlacementDetail:
    """One placement with its history of changes (the reading is audited)."""
    placement, changes = placement_history(actor, placement_id)
    with transaction() as session:
        rows = session.exec(
            select(Placement, Student, School.code, SpecialOrganisation)
            .join(Student, col(Student.id) == Placement.student_id)
            .join(School, col(School.id) == Student.school_id)
            .join(SpecialOrganisation, col(SpecialOrganisation.id) == Placement.organisation_id)
            .where(Placement.id == placement.id)
        ).all()
        return PlacementDetail(_rows(session, rows, on or clock.today())[0], changes)


def _rows(session: Session, rows: Sequence, on: date) -> list[PlacementRow]:
    """(placement, student, school code, organisation) rows as the register shows them."""
    extensions = dict(session.exec(
        select(PlacementChange.placement_id, func.count())
        .where(PlacementChange.kind == PlacementChangeKind.EXTENSION,
               col(PlacementChange.placement_id).in_([row[0].id for row in rows]))
        .group_by(col(PlacementChange.placement_id))).all())
    return [PlacementRow(placement, student.full_name, school_code, organisation.name_kk,
                         organisation.name_ru, extensions.get(placement.id, 0),
                         term_progress(placement, on), plan_status(placement, on),
                         adult_on=end_of_stay_at_adulthood(student.birth_date),
                         past_adulthood=term_passes_adulthood(student.birth_date,
                                                              placement.planned_end),
                         return_overdue=return_overdue(
                             placement.status == PlacementStatus.ACTIVE, placement.planned_end,
                             on))
            for placement, student, school_code, organisation in rows]


def special_organisations() -> list[SpecialOrganisation]:
    """Every special organisation (their names are public), by code."""
    with transaction() as session:
        return list(session.exec(select(SpecialOrganisation).order_by(SpecialOrganisation.code)))


def register_placement_by_iin(actor: Actor, iin: str, terms: PlacementTerms) -> Placement:
    """Register the decision for the minor with this IIN.

    An unknown IIN and a minor whose placement is another commission's concern
    read the same (``placement.register.unknown_iin``), so the form tells
    nothing about children elsewhere; the refusal is in the audit log.
    """
    iin = parse_iin(iin, clock.today()).iin  # a malformed IIN is refused with the reason
    with transaction() as session:  # one transaction: register_placement joins it
        student_id = session.exec(select(Student.id).where(Student.iin == iin)).first()
        if student_id is None:
            raise RuleViolation("placement.register.unknown_iin")
        try:
            return register_placement(actor, student_id, terms)
        except AccessDenied:  # its audit entry is written all the same (db.transaction)
            raise RuleViolation("placement.register.unknown_iin") from None
