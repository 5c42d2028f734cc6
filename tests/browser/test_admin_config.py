"""The administrator's reference data in the built portal: the working-day calendar
(Kurban ait is data, not code), the decision catalogue (Art. 79), and the
organisations import (all or nothing per file)."""

from datetime import date

import pytest
from playwright.sync_api import Page, expect
from portal_pages import sign_in
from sqlmodel import select

from juvenile import db
from juvenile.i18n import translate
from juvenile.models import CalendarDay, DecisionType, School

pytestmark = pytest.mark.browser


def test_admin_adds_kurban_ait_and_a_decision_type(portal: str, page: Page,
                                                    portal_database: str):
    sign_in(page, portal, "admin", lands_on="/admin")
    page.goto(f"{portal}/admin/calendar")
    page.locator("input[name=day]").fill("2027-05-16")
    page.locator("input[name=note]").fill("Құрбан айт")
    page.locator("form button[type=submit]").click()
    expect(page.locator("#calendar-table")).to_contain_text("Құрбан айт")
    expect(page.locator("#calendar-year")).to_have_text("2027")

    page.goto(f"{portal}/admin/decision-types")
    page.locator("input[name=code]").fill("school_mediation")
    page.locator("input[name=name_kk]").fill("Мектептегі медиация")
    page.locator("input[name=name_ru]").fill("Школьная медиация")
    page.locator("form button[type=submit]").click()
    expect(page.locator("#decision-types-table")).to_contain_text("school_mediation")
    page.screenshot(path="test-artifacts/admin-decision-types.png")

    db.configure(portal_database)
    with db.transaction() as session:
        assert session.get(CalendarDay, date(2027, 5, 16)).note == "Құрбан айт"
        added = session.exec(select(DecisionType).where(
            DecisionType.code == "school_mediation")).one()
    assert added.name_ru == "Школьная медиация"


def test_a_bad_organisations_file_is_refused_whole(portal: str, page: Page,
                                                   portal_database: str, tmp_path):
    bad = tmp_path / "orgs.csv"
    bad.write_text(
        "kind,code,name_kk,name_ru,parent_code\n"
        "school,NEW-SCH-1,Жаңа мектеп,Новая школа,AST-ALM\n"
        "school,NEW-SCH-2,,Школа без имени,NO-SUCH-DISTRICT\n",
        encoding="utf-8",
    )
    sign_in(page, portal, "admin", lands_on="/admin")
    page.goto(f"{portal}/admin/organisations")
    page.locator("#organisations-upload input[type=file]").set_input_files(str(bad))

    errors = page.locator("#organisation-errors")
    expect(errors).to_contain_text("name_kk")
    expect(errors).to_contain_text("parent_code")
    expect(errors).to_contain_text("3")
    db.configure(portal_database)
    with db.transaction() as session:
        assert session.exec(select(School).where(School.code == "NEW-SCH-1")).first() is None


def test_a_psychologist_cannot_change_the_calendar(portal: str, page: Page):
    sign_in(page, portal, "psychologist12", lands_on="/school")
    page.goto(f"{portal}/admin/calendar")
    page.locator("input[name=day]").fill("2027-05-17")
    page.locator("form button[type=submit]").click()
    expect(page.get_by_text(translate("ui.common.not_found_or_no_access", "kk"))).to_be_visible()
