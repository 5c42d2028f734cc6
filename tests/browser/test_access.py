"""Access in the built portal: signing in, the neutral refusal, and a psychologist
who types the address of another school's student (Art. 83 (2): nothing about
a child is disclosed to someone without a need to know)."""

from datetime import date

import pytest
from playwright.sync_api import Page, expect
from portal_pages import PASSWORDS, at, sign_in
from sqlmodel import select

from juvenile import db
from juvenile.i18n import translate
from juvenile.models import AuditAction, AuditEntry, LegalRepresentative, School, Student
from juvenile.rules.iin import Sex, make_iin

pytestmark = pytest.mark.browser

# psychologist12 works at AST-SCH-012 (language kk); psychologist47 at AST-SCH-047 (ru).
OWN_SCHOOL, OTHER_SCHOOL = "AST-SCH-012", "AST-SCH-047"


@pytest.fixture(scope="module")
def students(portal: str, portal_database: str) -> dict[str, Student]:
    """A student in each of the two schools, written straight into the portal's database."""
    db.configure(portal_database)
    seeded = {}
    with db.transaction() as session:
        for serial, (code, last, first, parent) in enumerate([
            (OWN_SCHOOL, "Жұмабаева", "Айгерім", "Гүлмира Жұмабаева"),
            (OTHER_SCHOOL, "Тлеубердиев", "Даурен", "Марат Тлеубердиев"),
        ]):
            school = session.exec(select(School).where(School.code == code)).one()
            born = date(2012, 9, 14)
            student = Student(iin=make_iin(born, Sex.MALE, 7100 + serial), last_name=last,
                              first_name=first, birth_date=born, sex=Sex.MALE,
                              school_id=school.id, grade=7, class_letter="А")
            session.add(student)
            session.flush()
            session.add(LegalRepresentative(student_id=student.id, full_name=parent,
                                            relation="mother"))
            seeded[code] = student
    return seeded


def test_a_psychologist_opens_an_own_student_but_not_another_schools(
        portal: str, page: Page, students):
    sign_in(page, portal, "psychologist12", PASSWORDS["psychologist12"])
    expect(page).to_have_url(at(portal, "/school"))

    own = students[OWN_SCHOOL]
    page.goto(f"{portal}/school/students/{own.id}")
    expect(page.locator("#student-name")).to_have_text(own.full_name)
    expect(page.locator("#student-iin")).to_have_text(own.iin)
    page.screenshot(path="test-artifacts/student-card.png")

    other = students[OTHER_SCHOOL]
    page.goto(f"{portal}/school/students/{other.id}")
    unavailable = page.locator("#student-unavailable")
    expect(unavailable).to_have_text(translate("ui.common.not_found_or_no_access", "kk"))
    content = page.content()
    for secret in (other.last_name, other.first_name, other.iin, "Марат Тлеубердиев"):
        assert secret not in content
    page.screenshot(path="test-artifacts/access-other-school.png")

    # a student who does not exist reads exactly the same
    page.goto(f"{portal}/school/students/99999999")
    expect(unavailable).to_have_text(translate("ui.common.not_found_or_no_access", "kk"))

    with db.transaction() as session:
        denied = session.exec(select(AuditEntry).where(
            AuditEntry.login == "psychologist12", AuditEntry.action == AuditAction.DENIED,
            AuditEntry.record_id == other.id)).all()
    assert len(denied) == 1 and denied[0].record_type == "student"


def test_a_wrong_password_and_an_unknown_login_read_the_same(portal: str, page: Page):
    neutral = translate("auth.error.sign_in_refused", "kk")
    sign_in(page, portal, "member.alm", "not the password")
    expect(page.locator("#sign-in-error")).to_have_text(neutral)
    sign_in(page, portal, "no.such.user", "not the password")
    expect(page.locator("#sign-in-error")).to_have_text(neutral)
    expect(page).to_have_url(at(portal, "/sign-in"))


def test_sign_in_journey_and_sign_out(portal: str, page: Page):
    frames: list[str] = []  # what the server sends over the websocket
    page.on("websocket", lambda ws: ws.on(
        "framereceived", lambda frame: frames.append(str(frame))))
    page.goto(f"{portal}/school")
    expect(page).to_have_url(at(portal, "/sign-in?next=/school"))
    expect(page.locator("#demo-sign-ins")).to_contain_text("secretary.alm")
    page.screenshot(path="test-artifacts/sign-in.png")

    page.locator("#sign-in-login").fill("secretary.alm")
    page.locator("#sign-in-password").fill(PASSWORDS["secretary.alm"])
    page.locator("#sign-in-submit").click()
    expect(page).to_have_url(at(portal, "/school"))  # back where the visitor was sent from
    expect(page.locator("#signed-in-user")).to_have_text("Гүлнар Ерланқызы Әбдірахманова")
    # the commission's navigation only
    nav = page.get_by_role("link", name=translate("ui.nav.commission", "kk"), exact=True)
    expect(nav).to_be_visible()
    expect(page.get_by_role("link", name=translate("ui.nav.analysis", "kk"),
                            exact=True)).to_have_count(0)

    # issue 16 item 3: the token is in the cookie, in no state var the page receives;
    # it crosses the websocket once, in the script that writes the cookie
    [cookie] = [c for c in page.context.cookies() if c["name"] == "juvenile_session"]
    assert cookie["sameSite"] == "Strict" and len(cookie["value"]) > 30
    carrying = [frame for frame in frames if cookie["value"] in frame]
    assert carrying and all("document.cookie" in frame for frame in carrying)
    assert not any("session_token" in frame for frame in frames)
    # another tab has none of this tab's state: the cookie alone signs it in
    other = page.context.new_page()
    other.goto(f"{portal}/commission")
    expect(other.locator("#signed-in-user")).to_have_text("Гүлнар Ерланқызы Әбдірахманова")
    other.close()

    page.locator("#sign-out-link").click()
    expect(page.locator("#signed-out-title")).to_have_text(translate("ui.auth.signed_out",
                                                                     "kk"))
    expect(page.locator("#sign-in-link")).to_be_visible()  # the header knows it too
    page.goto(f"{portal}/commission")
    expect(page).to_have_url(at(portal, "/sign-in?next=/commission"))
    assert not [c for c in page.context.cookies() if c["name"] == "juvenile_session"]


def test_the_administrator_creates_a_user_and_reads_the_audit_log(portal: str, page: Page):
    sign_in(page, portal, "admin", PASSWORDS["admin"])  # prefers Russian
    expect(page).to_have_url(at(portal, "/admin"))
    page.goto(f"{portal}/admin/users")
    expect(page.locator("#users-table")).to_contain_text("psychologist47")

    page.locator("#new-user").click()
    page.locator("#user-login").fill("psychologist90")
    page.locator("#user-name").fill("Асель Нурлановна Беккер")
    page.locator("#user-organisation").fill("AST-SCH-090")
    page.locator("#user-save").click()
    notice = page.locator("[data-sonner-toast]").filter(has_text="psychologist90")
    expect(notice).to_be_visible()
    expect(page.locator("#users-table")).to_contain_text("AST-SCH-090")
    page.screenshot(path="test-artifacts/admin-users.png")

    page.goto(f"{portal}/admin/audit")
    page.locator("input[name=login]").fill("admin")
    page.locator("#audit-search").click()
    table = page.locator("#audit-table")
    expect(table).to_contain_text(translate("ui.audit.action.create", "ru"))
    expect(table).to_contain_text(translate("ui.audit.action.sign_in", "ru"))
    expect(table).not_to_contain_text("psychologist12")
    page.screenshot(path="test-artifacts/admin-audit.png")
