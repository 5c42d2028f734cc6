"""Loading a placement by id with the gate's check, the scope the gate judges it by,
and the commission responsible for it: the one of the district of the student's
school, the minor's place of residence (Art. 80 (10), Art. 81 (11))."""

from dataclasses import replace

from sqlmodel import Session, col, select

from juvenile.models import (
    Commission,
    District,
    Placement,
    PlacementStatus,
    School,
    SpecialOrganisation,
    Student,
)
from juvenile.rules.errors import RuleViolation
from juvenile.rules.placements import require_responsible_commission
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope
from juvenile.security.scopes import student_scope
from juvenile.services.administration.organisation_tree import district_commission

# Statuses in which the minor is (or may still be) in the organisation.
NOT_YET_HOME = (PlacementStatus.ACTIVE, PlacementStatus.TERMINATED)


def current_placement(session: Session, student_id: int) -> Placement | None:
    """The placement the minor has not come home from yet."""
    return session.exec(select(Placement).where(Placement.student_id == student_id,
                                                col(Placement.status).in_(NOT_YET_HOME))).first()


def responsible_commission(session: Session, student: Student) -> Commission:
    """The commission of the district of the student's school (place of residence).

    Remembered per school for the rest of the transaction (an import asks often).
    """
    known = session.info.setdefault("district_commission_of_school", {})
    if student.school_id in known:
        return known[student.school_id]
    school = session.get(School, student.school_id)
    assert school is not None  # the student's school
    try:
        commission = district_commission(session, school)
    except RuleViolation:  # no commission serves the district
        district = session.get(District, school.district_id)
        assert district is not None  # the school's district
        commission = None
    if commission is None:
        require_responsible_commission(False, district.code, school.code)
    assert commission is not None  # refused above otherwise
    known[student.school_id] = commission
    return commission


def placement_scope(
    session: Session, student: Student, commission_id: int, placement_id: int | None = None
) -> RecordScope:
    """The student's scope plus the placement's commission (also before it exists)."""
    scope = student_scope(session, student, kind=RecordKind.PLACEMENT, record_id=placement_id)
    return replace(scope,
                   placement_commission_ids=scope.placement_commission_ids | {commission_id})


def load_placement(
    session: Session, actor: Actor, placement_id: int, permission: Permission
) -> tuple[Placement, Student]:
    placement = session.get(Placement, placement_id)
    if placement is None:
        raise NotFound(RecordKind.PLACEMENT, placement_id)
    student = load_student(session, placement.student_id)
    authorize(session, actor, permission,
              placement_scope(session, student, placement.commission_id, placement.id))
    return placement, student


def load_student(session: Session, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(RecordKind.STUDENT, student_id)
    return student


def load_organisation(session: Session, organisation_id: int) -> SpecialOrganisation:
    organisation = session.get(SpecialOrganisation, organisation_id)
    if organisation is None:
        raise NotFound(RecordKind.ORGANISATION, organisation_id)
    return organisation


def require_status(placement: Placement, status: PlacementStatus) -> None:
    if placement.status == status:
        return
    if status == PlacementStatus.RETURNED:
        raise RuleViolation("placement.not_returned")
    raise RuleViolation("placement.not_active")

