"""The administrator's reference data in the built portal: the working-day calendar
(Kurban ait is data, not code), the decision catalogue (Art. 79), and the
organisations import (all or nothing per file)."""

from datetime import date

import pytest
from playwright.sync_api import Page, expect
from portal_pages import choose, sign_in
from sqlmodel import select

from juvenile import db
from juvenile.i18n import translate
from juvenile.models import CalendarDay, CalendarDayKind, DecisionType, School

pytestmark = pytest.mark.browser


def test_admin_adds_kurban_ait_and_a_decision_type(portal: str, page: Page,
                                                    portal_database: str):
    sign_in(page, portal, "admin", lands_on="/admin")
    page.goto(f"{portal}/admin/calendar")
    page.locator("input[name=day]").fill("2027-05-16")
    choose(page, "form button[role=combobox]", translate("ui.calendar.kind.kurban_ait", "ru"))
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
        entered = session.get(CalendarDay, date(2027, 5, 16))
        assert (entered.kind, entered.note) == (CalendarDayKind.KURBAN_AIT, "Құрбан айт")
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


def test_admin_confirms_the_estimated_kurban_ait(portal: str, page: Page,
                                                 portal_database: str):
    """Issue 14 item 1: each day says where it comes from; the package's Kurban ait is
    "estimated" with a Confirm button until the administrator confirms it. The demo
    administrator reads Russian: the catalogs' names (in Kazakh, the package's)."""
    sign_in(page, portal, "admin", lands_on="/admin")
    page.goto(f"{portal}/admin/calendar")
    expect(page.locator("#calendar-year")).to_have_text("2026")
    transfer = page.locator("#calendar-table tr[data-day='2026-03-24']")
    expect(transfer.locator(".calendar-source")).to_have_text(
        translate("ui.calendar.source.transfer", "ru"))
    expect(transfer).to_contain_text(translate("holiday.transferred", "ru"))
    kurban = page.locator("#calendar-table tr[data-day='2026-05-27']")
    expect(kurban).to_contain_text(translate("holiday.kurban_ait", "ru"))
    expect(kurban.locator(".calendar-estimated")).to_have_text(
        translate("ui.calendar.estimated", "ru"))
    expect(kurban.locator(".calendar-source")).to_have_text(
        translate("ui.calendar.source.law", "ru"))
    kurban.locator(".calendar-confirm").click()

    expect(kurban.locator(".calendar-source")).to_have_text(
        translate("ui.calendar.source.administrator", "ru"))
    expect(kurban.locator(".calendar-estimated")).to_have_count(0)
    expect(kurban.locator(".calendar-confirm")).to_have_count(0)
    page.screenshot(path="test-artifacts/admin-calendar-kurban-ait.png")
    db.configure(portal_database)
    with db.transaction() as session:
        assert session.get(CalendarDay, date(2026, 5, 27)).kind == CalendarDayKind.KURBAN_AIT
