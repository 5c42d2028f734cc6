"""Accessibility of every page of every workspace, in Kazakh and Russian (issue 14,
item 6): axe-core, from the committed toolchain/package.json, runs in Chromium on
each page, and no violation of impact serious or critical is allowed.

The count of pages checked and of the violations of every impact is written to
test-artifacts/accessibility.json, so that a run can be reported.
"""

import json
from collections import Counter
from datetime import date

import portal_pages
import pytest
from playwright.sync_api import Page, expect
from referrals import refer
from sqlmodel import select

from juvenile import db
from juvenile.models import (
    Commission,
    CommissionMeeting,
    CouncilMeeting,
    School,
    Student,
    SupportCase,
)
from juvenile.settings import PROJECT_ROOT

pytestmark = pytest.mark.browser

AXE = PROJECT_ROOT / "toolchain" / "node_modules" / "axe-core" / "axe.min.js"
REPORT = PROJECT_ROOT / "test-artifacts" / "accessibility.json"
BLOCKING = {"serious", "critical"}
LANGUAGES = ("kk", "ru")
SCHOOL, COMMISSION = "AST-SCH-012", "KDN-AST-ALM"


@pytest.fixture(scope="module")
def record_ids(portal: str, portal_database: str) -> dict[str, int]:
    """One record of each kind that has a page of its own, from the demo data (and one
    referral, which the demo does not have)."""
    db.configure(portal_database)
    referral = refer(SCHOOL, ("Байжанов", "Әділет", "Ерланұлы"), date(2012, 6, 9), 7480)
    with db.transaction() as session:
        school = session.exec(select(School).where(School.code == SCHOOL)).one()
        commission = session.exec(select(Commission).where(Commission.code == COMMISSION)).one()
        student = session.exec(select(Student).where(Student.school_id == school.id)
                               .order_by(Student.id)).first()
        case = session.exec(select(SupportCase).join(Student).where(
            Student.school_id == school.id).order_by(SupportCase.id)).first()
        council = session.exec(select(CouncilMeeting).where(
            CouncilMeeting.school_id == school.id)).first()
        meeting = session.exec(select(CommissionMeeting).where(
            CommissionMeeting.commission_id == commission.id)).first()
    assert student and case and council and meeting, "the demo data lacks a page's record"
    return {"school": school.id, "student": student.id, "case": case.id,
            "council": council.id, "meeting": meeting.id, "referral": referral.id}


def workspace_pages(ids: dict[str, int]) -> dict[str, list[str]]:
    """Every page each demo user works on, by sign-in."""
    return {
        "psychologist12": [
            "/school", "/school/students", f"/school/students/{ids['student']}",
            f"/school/students/{ids['student']}/flag", f"/school/cases/{ids['case']}",
            "/school/absences", "/school/council", f"/school/council/{ids['council']}",
            "/school/import", "/account/password",
        ],
        "secretary.alm": [
            "/commission", "/commission/meetings", f"/commission/meetings/{ids['meeting']}",
            "/commission/placements", "/commission/deadlines", "/commission/members",
            f"/commission/referrals/{ids['referral']}",
        ],
        "analyst.alm": ["/analysis", f"/analysis/schools/{ids['school']}"],
        "admin": ["/admin", "/admin/users", "/admin/audit", "/admin/calendar",
                  "/admin/decision-types", "/admin/organisations"],
    }


def switch_language(page: Page, language: str) -> None:
    page.locator("#language-switcher").click()
    page.get_by_role("option", name=portal_pages.LANGUAGE_LABELS[language]).click()
    expect(page.locator(f"[lang={language}]").first).to_be_attached()


def axe_violations(page: Page) -> list[dict]:
    """axe-core's violations on the page as it stands, once its data has arrived."""
    page.wait_for_load_state("networkidle")
    expect(page.locator("#footer-time-zone")).to_be_visible()
    page.wait_for_timeout(300)  # the on-load event's rows and badges
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate("async () => (await axe.run(document)).violations.map(v => ("
                         "{id: v.id, impact: v.impact, help: v.help,"
                         " nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(' '),"
                         " why: n.failureSummary}))}))")


def test_every_page_in_kazakh_and_russian_has_no_serious_or_critical_violation(
        portal: str, page: Page, record_ids: dict[str, int]):
    assert AXE.exists(), "axe-core is not installed: run `make setup`"
    checked: list[dict] = []
    for login, paths in {None: ["/", "/sign-in"], **workspace_pages(record_ids)}.items():
        if login:
            portal_pages.sign_in(page, portal, login)
            expect(page).not_to_have_url(portal_pages.at(portal, "/sign-in"))
        else:
            page.goto(portal + "/")
        for language in LANGUAGES:
            switch_language(page, language)
            for path in paths:
                page.goto(portal + path)
                expect(page).to_have_url(portal_pages.at(portal, path))
                checked.append({"user": login, "language": language, "page": path,
                                "violations": axe_violations(page)})
        if login:
            page.context.clear_cookies()
            page.evaluate("localStorage.clear()")
    impacts = Counter(v["impact"] for entry in checked for v in entry["violations"])
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps({"pages_checked": len(checked), "by_impact": impacts,
                                  "pages": checked}, ensure_ascii=False, indent=1))
    blocking = [(entry["language"], entry["page"], v["id"], v["help"], v["nodes"])
                for entry in checked for v in entry["violations"] if v["impact"] in BLOCKING]
    assert not blocking, "\n".join(map(str, blocking))
