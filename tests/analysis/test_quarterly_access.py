"""Who may see the quarterly analysis: the analysts of the district or of its region
(Art. 21 item 10); nobody else, and no analyst of another district or region."""

import pytest
from analysis_world import analyst
from sqlmodel import select

from juvenile.db import transaction
from juvenile.models import AuditAction, AuditEntry, Region, Role
from juvenile.security.actor import Actor
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.analysis.quarterly import (
    analysis_scopes,
    export_quarterly,
    quarterly_analysis,
    school_figures,
)


def _denials(login: str) -> list[tuple[str, str]]:
    with transaction() as session:
        return [(e.record_type, e.detail) for e in session.exec(
            select(AuditEntry).where(AuditEntry.login == login,
                                     AuditEntry.action == AuditAction.DENIED))]


def _other_region_id() -> int:
    with transaction() as session:
        return session.exec(select(Region.id).where(Region.code == "KZ-75")).one()


def test_an_analyst_of_another_district_is_denied_and_the_attempt_audited(world):
    stranger = analyst(district_id=world.districts["TST-D2"])
    d1 = world.districts["TST-D1"]
    with pytest.raises(AccessDenied):
        quarterly_analysis(stranger, 2026, 2, district_id=d1)
    with pytest.raises(AccessDenied):
        school_figures(stranger, 2026, 2, world.schools["TST-A"])
    with pytest.raises(AccessDenied):
        export_quarterly(stranger, 2026, 2, "csv", district_id=d1)
    # A district analyst does not see the region their district is in either.
    with pytest.raises(AccessDenied):
        quarterly_analysis(stranger, 2026, 2, region_id=world.region_id)
    assert _denials("analyst") == [("analysis", "view")] * 2 + [("analysis", "export")] + [
        ("analysis", "view")]


def test_an_analyst_of_another_region_is_denied(world):
    stranger = analyst(region_id=_other_region_id())
    with pytest.raises(AccessDenied):
        quarterly_analysis(stranger, 2026, 2, region_id=world.region_id)
    with pytest.raises(AccessDenied):
        quarterly_analysis(stranger, 2026, 2, district_id=world.districts["TST-D1"])


def test_the_regions_analyst_sees_the_region_its_districts_and_schools(world):
    regional = analyst(region_id=world.region_id)
    assert quarterly_analysis(regional, 2026, 2).scope.code == "KZ-10"  # their own
    district = quarterly_analysis(regional, 2026, 2, district_id=world.districts["TST-D2"])
    assert list(district.by_school.index) == ["TST-C"]
    assert school_figures(regional, 2026, 2, world.schools["TST-A"]).scope.code == "TST-A"
    choices = analysis_scopes(regional)
    assert [c.code for c in choices] == ["KZ-10", "TST-D1", "TST-D2"]


def test_the_district_analyst_picks_only_their_district_and_its_schools(world):
    own = analyst(district_id=world.districts["TST-D1"])
    assert [c.code for c in analysis_scopes(own)] == ["TST-D1"]
    schools = quarterly_analysis(own, 2026, 2).schools  # the screen's list of schools
    assert [(code, row.name_kk) for code, row in schools.iterrows()] == [
        ("TST-A", "TST-A мектебі"), ("TST-B", "TST-B мектебі")]
    assert school_figures(own, 2026, 2, world.schools["TST-B"]).figure("enrolled").value == 5


@pytest.mark.parametrize("role", [Role.SCHOOL_PSYCHOLOGIST, Role.SCHOOL_ADMIN,
                                  Role.COMMISSION_SECRETARY, Role.COMMISSION_MEMBER])
def test_school_and_commission_staff_have_no_analysis(world, role):
    staff = Actor(user_id=None, login="staff", role=role, school_id=world.schools["TST-A"],
                  district_id=world.districts["TST-D1"], organisation_code="x")
    with pytest.raises(AccessDenied):
        quarterly_analysis(staff, 2026, 2, district_id=world.districts["TST-D1"])
    assert analysis_scopes(staff) == []


def test_an_unknown_district_is_not_found(world):
    with pytest.raises(NotFound):
        quarterly_analysis(Actor.system(), 2026, 2, district_id=999_999)
    with pytest.raises(NotFound):
        school_figures(Actor.system(), 2026, 2, 999_999)


def test_an_export_is_audited_with_what_was_exported(world):
    own = analyst(district_id=world.districts["TST-D1"])
    report = export_quarterly(own, 2026, 2, "csv")
    assert report.filename == "quarterly-analysis-TST-D1-2026-Q2.csv"
    with transaction() as session:
        entries = session.exec(select(AuditEntry).where(
            AuditEntry.action == AuditAction.EXPORT)).all()
    assert [(e.login, e.record_type, e.outcome, e.detail) for e in entries] == [
        ("analyst", "analysis", "allowed", "quarterly analysis csv 2026-Q2 TST-D1")]
