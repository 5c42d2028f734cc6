"""The commission demo loads once (idempotent), and every label of the commission's
records is in the catalogs."""

from datetime import date

import pytest
from commission_world import count, fresh_iin
from sqlmodel import select

from juvenile import db
from juvenile.demo import ORGANISATIONS_FILE
from juvenile.demo.commission import MEMBERS, load_commission_demo
from juvenile.i18n import LANGUAGES, catalog
from juvenile.models import (
    AgendaItem,
    AgendaItemKind,
    AgendaItemStatus,
    CalendarDayKind,
    CommissionMeeting,
    CommissionMeetingStatus,
    CommissionMember,
    MemberPosition,
    Placement,
    PlacementChangeKind,
    PlacementStatus,
    School,
    Student,
)
from juvenile.rules.iin import Sex
from juvenile.security.actor import Actor
from juvenile.services.administration.organisations import import_organisations
from juvenile.services.deadlines import DeadlineKind

TODAY = date(2026, 11, 25)


def _demo_students() -> None:
    with db.transaction() as session:
        for code, birth in (("ALA-SCH-025", date(2012, 3, 1)), ("AST-SCH-012", date(2011, 9, 9))):
            school = session.exec(select(School).where(School.code == code)).one()
            session.add(Student(iin=fresh_iin(birth), last_name="Демо", first_name="Оқушы",
                                birth_date=birth, sex=Sex.MALE, school_id=school.id, grade=8))


def test_demo_without_students_skips_placements(database):
    import_organisations(Actor.system(), ORGANISATIONS_FILE)
    load_commission_demo(TODAY)
    assert count(CommissionMember) == 7 * len(MEMBERS)
    assert count(Placement) == 0


def test_demo_twice_makes_no_duplicates(database):
    import_organisations(Actor.system(), ORGANISATIONS_FILE)
    _demo_students()
    assert load_commission_demo(TODAY) == 7 * 4 + 4 + 2
    assert load_commission_demo(TODAY) == 0
    assert count(CommissionMember) == 28 and count(CommissionMeeting) == 4
    with db.transaction() as session:
        positions = session.exec(select(CommissionMember.position)).all()
        placements = session.exec(select(Placement).order_by(Placement.id)).all()
        reviews = session.exec(select(AgendaItem)).all()
    assert positions.count(MemberPosition.CHAIR) == positions.count(MemberPosition.SECRETARY) == 4
    assert [p.status for p in placements] == [PlacementStatus.RETURNED, PlacementStatus.ACTIVE]
    assert [(r.kind, r.placement_id) for r in reviews] == [
        (AgendaItemKind.REHABILITATION_REVIEW, placements[0].id)]


LABELS = (
    [f"composition.position.{p}" for p in MemberPosition]
    + [f"meeting.status.{s}" for s in CommissionMeetingStatus]
    + [f"agenda.kind.{k}" for k in AgendaItemKind]
    + [f"agenda.status.{s}" for s in AgendaItemStatus]
    + [f"placement.status.{s}" for s in PlacementStatus]
    + [f"placement.change.{k}" for k in PlacementChangeKind]
    + [f"calendar.kind.{k}" for k in CalendarDayKind]
    + [f"deadline.kind.{k}" for k in DeadlineKind]
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_label_is_translated(language):
    missing = [key for key in LABELS if key not in catalog(language)]
    assert not missing
