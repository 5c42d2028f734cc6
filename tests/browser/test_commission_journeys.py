"""The commission workspace in the built portal (issue 6): a referral goes through a
meeting to approved, locked minutes; placement terms and the rehabilitation plan's
working-day deadline; and another commission that finds none of it (Art. 83 (2)).

The journeys keep screenshots of the commission pages in Kazakh and Russian at
1366×768 in docs/screenshots/ (small palette PNGs), and the downloaded minutes in
test-artifacts/ (docs/screenshots/commission-minutes-*.png are their first pages,
rendered once with `pdftoppm -png -r 80 -f 1 -l 1`).
"""

import contextlib
import io
import re
from datetime import date, timedelta

import portal_pages
import pytest
from playwright.sync_api import Page, expect
from portal_pages import LANGUAGE_LABELS, choose, save_screenshot
from pypdf import PdfReader
from referrals import refer
from sqlmodel import select
from student_records import register_student

from juvenile import clock, db
from juvenile.i18n import Counted, format_date, translate
from juvenile.models import (
    AgendaItem,
    AuditAction,
    AuditEntry,
    Commission,
    CommissionMeeting,
    Referral,
    Role,
    School,
    SpecialOrganisation,
)
from juvenile.rules.errors import RuleViolation
from juvenile.rules.iin import Sex, make_iin
from juvenile.security.actor import Actor
from juvenile.services.commission.agenda import record_hearing_notes
from juvenile.services.commission.board import meeting_page
from juvenile.services.commission.meetings import plan_meeting, record_attendance
from juvenile.services.commission.minutes import approve_minutes
from juvenile.services.identity.accounts import AccountForm, create_user
from juvenile.settings import PROJECT_ROOT

pytestmark = pytest.mark.browser

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
SYSTEM = Actor.system()
SCHOOL = "AST-SCH-012"  # in district AST-ALM: its referrals reach KDN-AST-ALM
OTHER_COMMISSION = "KDN-ALA-ALM"
OTHER_SECRETARY = "secretary.ala"
OTHER_PASSWORD = "other-commission-secret"  # noqa: S105 (a test account)
NAME = ("Сәрсенов", "Нұрасыл", "Бекұлы")
FULL_NAME = " ".join(NAME)
EXECUTOR = "Алматы ауданы ІІБ ювеналдық полиция бөлімі"
DECISION_TEXT = "Ата-аналарға баланың сабаққа үзбей қатысуын қамтамасыз ету міндеті жүктелсін"


def sign_in(page: Page, portal: str, login: str, password: str | None = None) -> None:
    portal_pages.sign_in(page, portal, login, password, lands_on="/commission")


def switch_language(page: Page, language: str) -> None:
    page.locator("#language-switcher").click()
    page.get_by_role("option", name=LANGUAGE_LABELS[language]).click()
    expect(page.locator("#commission-tabs")).to_contain_text(
        translate("ui.commission.nav.meetings", language))


def screenshot(page: Page, name: str) -> None:
    page.evaluate("window.scrollTo(0, 0)")
    save_screenshot(page, f"commission-{name}")


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
                    .split())


def other_secretary() -> None:
    """A secretary of another demo commission (KDN-ALA-ALM), created once."""
    form = AccountForm("Ермекова Сәуле Ғаниқызы", Role.COMMISSION_SECRETARY, OTHER_COMMISSION,
                       "ru")
    with contextlib.suppress(RuleViolation):  # created by an earlier test of this session
        create_user(SYSTEM, OTHER_SECRETARY, form, password=OTHER_PASSWORD)


@pytest.fixture(scope="module")
def referral(portal: str, portal_database: str) -> Referral:
    db.configure(portal_database)
    return refer(SCHOOL, NAME, date(2012, 3, 14), 7400)


@pytest.fixture(scope="module")
def meeting_day() -> date:
    """A weekday soon, in this year (the meeting is held on it)."""
    day = clock.today() + timedelta(days=3)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _tick(page: Page, members: range) -> None:
    """Tick the members at these places of the attendance list, one after another."""
    boxes = page.locator(".attendance-member button[role=checkbox]")
    for index in members:
        boxes.nth(index).click()
        expect(boxes.nth(index)).to_have_attribute("data-state", "checked")


def test_a_referral_goes_through_a_meeting_to_approved_locked_minutes(
        portal: str, page: Page, referral: Referral):
    kk = "kk"
    sign_in(page, portal, "secretary.alm")  # works in Kazakh

    # 1. the inbox has the new referral; its packet shows every criterion, the
    #    sensitive one too, to the commission it was referred to (Art. 78 (4))
    expect(page.locator("#inbox-table")).to_contain_text(FULL_NAME)
    screenshot(page, "inbox-kk")
    page.locator(".referral-link", has_text=FULL_NAME).click()
    expect(page.locator("#packet-student")).to_have_text(FULL_NAME)
    expect(page.locator("#packet-criteria")).to_contain_text("қорқыту")
    expect(page.locator("#packet-criteria .sensitive")).to_have_count(1)
    screenshot(page, "packet-kk")

    # 2. a meeting is planned and the referral put on its agenda
    page.goto(f"{portal}/commission/meetings")
    today = clock.today()
    page.locator("#meeting-date").fill(today.isoformat())
    page.locator("#meeting-place").fill("Әкімдік ғимараты, 305-кабинет")
    page.locator("#meeting-plan").click()
    expect(page).to_have_url(re.compile(re.escape(portal) + r"/commission/meetings/\d+/?$"))
    meeting_url = page.url
    page.locator("#agenda-add-choice").click()
    page.get_by_role("option", name=re.compile(re.escape(FULL_NAME))).click()
    page.locator("#agenda-add").click()
    item = page.locator(".agenda-item", has_text=FULL_NAME)
    expect(item).to_be_visible()
    stale = page.context.new_page()  # a second tab, left open from before the approval
    stale.goto(meeting_url)
    expect(stale.locator("#attendance-save")).to_be_visible()

    # 3. attendance below the quorum: decisions are disabled and the page says why
    _tick(page, range(3))
    expect(page.locator("#quorum-live")).to_have_text(translate(
        "ui.commission.quorum.live_not_reached", kk, present=3, members=7, share="1/2"))
    page.locator(".absence-reason input").last.fill("Іссапарда")
    page.locator("#attendance-save").click()
    expect(page.locator("#quorum-state")).to_have_text(translate(
        "ui.commission.quorum.not_reached", kk, count=3,
        members=Counted("meeting.of_members", 7), share="1/2"))
    item.locator(".item-record").click()
    expect(page.locator("#decisions-blocked")).to_have_text(translate(
        "meeting.no_quorum", kk, count=3, members=Counted("meeting.of_members", 7)))
    expect(page.locator("#decisions-blocked")).to_contain_text("79")
    expect(page.locator("#item-save-decision")).to_be_disabled()

    # ... then with the quorum
    _tick(page, range(3, 5))
    expect(page.locator("#quorum-live")).to_have_text(translate(
        "ui.commission.quorum.live_reached", kk, present=5, members=7, share="1/2"))
    page.locator("#attendance-save").click()
    expect(page.locator("#quorum-state")).to_have_text(translate(
        "ui.commission.quorum.reached", kk, count=5,
        members=Counted("meeting.of_members", 7), share="1/2"))
    expect(page.locator("#decisions-blocked")).to_have_count(0)

    # 4. the hearing and the decision, with its executor and due date
    decision = "Заңды өкілдерге міндеттер жүктеу"
    due = today + timedelta(days=30)
    page.locator("#item-notes").fill("Сынып жетекшісі баяндады; анасы түсініктеме берді.")
    choose(page, "#item-decision-type", decision)
    page.locator("#item-executor").fill(EXECUTOR)
    page.locator("#item-due").fill(due.isoformat())
    page.locator("#item-text").fill(DECISION_TEXT)
    page.locator("#item-save-decision").click()
    expect(item.locator(".item-decision")).to_contain_text(decision)
    expect(item.locator(".item-follow-up")).to_contain_text(EXECUTOR)
    expect(item.locator(".item-follow-up")).to_contain_text(format_date(due, kk))
    screenshot(page, "meeting-kk")

    # 5. the secretary approves the minutes: stored, hashed, locked
    page.locator("#minutes-approve").click()
    expect(page.locator("#minutes-versions")).to_contain_text("SHA-256")
    expect(page.locator("#attendance-save")).to_have_count(0)
    expect(page.locator(".item-record")).to_have_count(0)
    expect(page.locator("#minutes-amend")).to_be_visible()

    # 6. the minutes PDF: the decision, its executor, Kazakh letters, page X / Y
    with page.expect_download() as download:
        page.locator(".minutes-version-download").first.click()
    minutes = download.value.path().read_bytes()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "commission-minutes-kk.pdf").write_bytes(minutes)
    text = pdf_text(minutes)
    for part in (decision, EXECUTOR, DECISION_TEXT, FULL_NAME, "Іссапарда",
                 translate("commission_doc.minutes.heard", kk), "бет 1 / "):
        assert part in text, part
    assert set("әғқөұүі") <= set(text.lower())  # the shipped font carries Kazakh letters

    # 7. editing the approved minutes is refused: the stale tab tries to change the
    #    attendance, and the service refuses any change (Art. 79)
    stale.locator("#attendance-save").click()
    expect(stale.locator("[role=alert]", has_text=translate(
        "minutes.locked", kk, version=1))).to_be_visible()
    stale.close()
    item_id = _meeting_item(referral)
    with pytest.raises(RuleViolation) as refused:
        record_hearing_notes(SYSTEM, item_id, "Түзетілген мәтін")
    assert refused.value.key == "minutes.locked"
    with db.transaction() as session:
        exported = session.exec(select(AuditEntry).where(
            AuditEntry.login == "secretary.alm", AuditEntry.action == AuditAction.EXPORT,
            AuditEntry.record_type == "minutes")).all()
    assert exported

    # the pages again in Russian, and the Russian minutes
    switch_language(page, "ru")
    expect(page.locator("#meeting-title")).to_contain_text("Заседание")
    screenshot(page, "meeting-ru")
    with page.expect_download() as download:
        page.locator(".minutes-version-download").first.click()
    minutes_ru = download.value.path().read_bytes()
    (ARTIFACTS / "commission-minutes-ru.pdf").write_bytes(minutes_ru)
    text_ru = pdf_text(minutes_ru)
    assert "Возложить обязанности на законных представителей" in text_ru
    assert "стр. 1 / " in text_ru and EXECUTOR in text_ru
    for name, path, ready in (("inbox", "/commission?status=decided", "#inbox-table"),
                              ("meetings", "/commission/meetings", "#meetings-calendar")):
        page.goto(portal + path)
        expect(page.locator(ready)).to_be_visible()
        screenshot(page, f"{name}-ru")

    # 8. a member reads the agenda, the packet and the approved minutes, and changes nothing
    page.locator("#sign-out-link").click()
    sign_in(page, portal, "member.alm")  # works in Russian
    page.goto(meeting_url)
    expect(page.locator("#meeting-agenda")).to_contain_text(FULL_NAME)
    expect(page.locator("#attendance-list")).to_be_visible()
    for control in ("#attendance-save", "#agenda-add", ".item-record", "#minutes-approve",
                    "#minutes-amend", ".item-up", ".item-remove"):
        expect(page.locator(control)).to_have_count(0)
    with page.expect_download() as download:
        page.locator(".minutes-version-download").first.click()
    assert "Возложить обязанности" in pdf_text(download.value.path().read_bytes())
    screenshot(page, "meeting-member-ru")
    page.locator(".agenda-item a", has_text=FULL_NAME).click()
    expect(page.locator("#packet-student")).to_have_text(FULL_NAME)


def _meeting_item(referral: Referral) -> int:
    with db.transaction() as session:
        return session.exec(select(AgendaItem.id).where(
            AgendaItem.referral_id == referral.id)).first()


def test_placement_terms_and_the_rehabilitation_plan_deadline(
        portal: str, portal_database: str, page: Page):
    db.configure(portal_database)
    with db.transaction() as session:
        school = session.exec(select(School).where(School.code == SCHOOL)).one()
    student = register_student(school.id, make_iin(date(2013, 4, 20), Sex.MALE, 7450),
                               "Жақыпов", "Ерасыл", "Талғатұлы", class_letter="")
    ru = "ru"
    sign_in(page, portal, "secretary.alm")
    switch_language(page, ru)
    page.goto(f"{portal}/commission/placements")
    page.locator("#register-open").click()
    page.locator("#reg-iin").fill(student.iin)
    choose(page, "#reg-kind", translate("placement.kind.special_education", ru))
    page.locator("#reg-organisation").click()
    page.get_by_role("option", name=re.compile("SPO-ALA-01")).click()
    page.locator("#reg-decision-date").fill("2026-10-20")
    page.locator("#reg-start-date").fill("2026-10-23")

    # no decision number: refused at that field (Art. 80 (2), Art. 81 (3); issue 16 item 1)
    page.locator("#reg-term").fill("13")
    page.locator("#reg-save").click()
    expect(page.locator("#register-form [role=alert]")).to_have_text(
        translate("placement.decision_number_required", ru))
    page.locator("#reg-decision-number").fill("2-310/2026")

    # 13 months: refused, and the message names the article (Art. 80 (3))
    page.locator("#reg-save").click()
    refusal = translate("placement.special_education.term_out_of_range", ru, count=13)
    expect(page.locator("#register-form [role=alert]")).to_have_text(refusal)
    assert "пункт 3 статьи 80" in refusal
    screenshot(page, "placement-refused-ru")
    # a language switch writes the refusal again in the new language (issue 20, item 1)
    switch_language(page, "kk")
    expect(page.locator("#register-form [role=alert]")).to_have_text(
        translate("placement.special_education.term_out_of_range", "kk", count=13))
    switch_language(page, ru)

    # 12 months, without the prosecutor: refused at that field (Art. 80 (7); issue 15)
    page.locator("#reg-term").fill("12")
    page.locator("#reg-applicant").fill("Отдел образования (орган опеки)")
    page.locator("#reg-applied-on").fill("2026-10-12")
    page.locator("#reg-save").click()
    expect(page.locator("#register-form [role=alert]")).to_have_text(
        translate("placement.prosecutor_required", ru))
    # with the prosecutor: accepted
    page.locator("#reg-prosecutor").click()
    page.locator("#reg-save").click()
    expect(page.locator("#placement-student")).to_have_text(student.full_name)
    expect(page.locator("#placements-table")).to_contain_text(student.full_name)

    # a return before the planned end needs the court's early termination first
    # (Art. 80 (4); issue 15 item 2): the court ends the stay on Friday 27 November 2026
    page.locator("#open-action-return").click()
    page.locator("#action-date").fill("2026-11-27")
    page.locator("#action-save").click()
    expect(page.locator("#placement-detail [role=alert]")).to_contain_text("статьи 80")
    page.locator("#action-cancel").click()
    page.locator("#open-action-terminate").click()
    page.locator("#action-date").fill("2026-11-27")
    choose(page, "#action-submitted-by", translate("placement.submitter.administration", ru))
    page.locator("#action-decision-number").fill("2-341/2026")
    page.locator("#action-save").click()
    # the return that day: the plan is due Wednesday 2 December, three working days later
    page.locator("#open-action-return").click()
    page.locator("#action-date").fill("2026-11-27")
    page.locator("#action-save").click()
    expect(page.locator("#placement-plan-due")).to_have_text(format_date(date(2026, 12, 2),
                                                                         ru))
    expect(page.locator("#placement-returned")).to_have_text(format_date(date(2026, 11, 27),
                                                                         ru))
    row = page.locator(".placement-row", has_text=student.full_name)
    expect(row.locator(".plan-due")).to_have_text(format_date(date(2026, 12, 2), ru))
    screenshot(page, "placements-ru")
    page.goto(f"{portal}/commission/deadlines")
    expect(page.locator("#deadlines-table")).to_contain_text(student.full_name)
    screenshot(page, "deadlines-ru")
    switch_language(page, "kk")
    expect(page.locator("#deadlines-table")).to_contain_text(
        translate("deadline.kind.rehabilitation_plan", "kk"))
    screenshot(page, "deadlines-kk")
    page.goto(f"{portal}/commission/placements")
    expect(page.locator("#placements-table")).to_contain_text(student.full_name)
    screenshot(page, "placements-kk")


def test_another_commission_sees_none_of_it(
        portal: str, page: Page, referral: Referral):
    other_secretary()
    with db.transaction() as session:
        meeting = session.exec(select(CommissionMeeting).where(
            CommissionMeeting.commission_id == referral.commission_id)).first()
    sign_in(page, portal, OTHER_SECRETARY, OTHER_PASSWORD)
    neutral = translate("ui.common.not_found_or_no_access", "ru")
    for status in ("new", "on_agenda", "decided", "closed"):
        page.goto(f"{portal}/commission?status={status}")
        expect(page.locator(f"#inbox-tab-{status}")).to_be_visible()
        assert FULL_NAME not in page.content()
    for path in (f"/commission/referrals/{referral.id}", f"/commission/meetings/{meeting.id}"):
        page.goto(portal + path)
        expect(page.get_by_text(neutral)).to_be_visible()
        content = page.content()
        assert FULL_NAME not in content and "Сәрсенова Гүлжан" not in content
    for path in ("/commission/placements", "/commission/deadlines", "/commission/meetings"):
        page.goto(portal + path)
        page.wait_for_timeout(500)
        content = page.content()
        for secret in (FULL_NAME, "Жақыпов Ерасыл"):
            assert secret not in content
    with db.transaction() as session:
        denied = session.exec(select(AuditEntry).where(
            AuditEntry.login == OTHER_SECRETARY, AuditEntry.action == AuditAction.DENIED)).all()
    assert {e.record_type for e in denied} >= {"referral", "commission_meeting"}


def test_the_secretary_keeps_the_composition_and_a_member_only_reads_it(
        portal: str, page: Page):
    """Art. 79 (4): the secretary adds a person and takes them out again; a refused
    name is shown under its field, nothing is added; a member reads the list only."""
    newcomer = "Жұмабаева Гүлнар Серікқызы"
    sign_in(page, portal, "secretary.alm")
    page.goto(f"{portal}/commission/members")
    page.locator("#member-add").click()  # no name
    expect(page.locator("#members-table")).to_be_visible()
    expect(page.get_by_text(translate("composition.bad_name", "kk", limit=200))).to_be_visible()
    rows_before = page.locator(".member-row").count()
    page.locator("#member-name").fill(newcomer)
    page.locator("#member-add").click()
    row = page.locator(".member-row", has_text=newcomer)
    expect(row).to_contain_text(translate("ui.commission.members.current", "kk"))
    assert page.locator(".member-row").count() == rows_before + 1
    save_screenshot(page, "commission-members-kk")
    row.get_by_role("button").click()  # take out of the composition
    expect(row).to_contain_text(translate("ui.commission.members.former", "kk"))
    page.locator("#language-switcher").click()
    page.get_by_role("option", name=LANGUAGE_LABELS["ru"]).click()
    expect(row).to_contain_text(translate("ui.commission.members.former", "ru"))
    save_screenshot(page, "commission-members-ru")

    page.context.clear_cookies()
    sign_in(page, portal, "member.alm")
    page.goto(f"{portal}/commission/members")
    expect(page.locator(".member-row", has_text=newcomer)).to_be_visible()
    for control in ("#member-add", "[id^=member-out-]", "[id^=member-in-]"):
        expect(page.locator(control)).to_have_count(0)


def test_the_term_bars_show_how_much_of_each_term_has_run(portal: str, page: Page):
    """Issue 20, item 2: the term's progress reached the bar as text, so every bar was
    indeterminate and the browser logged "Invalid prop 'value'"."""
    warnings = []
    page.on("console", lambda message: warnings.append(message.text))
    sign_in(page, portal, "secretary.alm")
    page.goto(f"{portal}/commission/placements")
    bars = page.locator("#placements-table [role=progressbar]")
    expect(bars.first).to_be_visible()
    assert page.locator("#placements-table [role=progressbar][data-state=indeterminate]"
                        ).count() == 0
    values = [int(bars.nth(n).get_attribute("aria-valuenow")) for n in range(bars.count())]
    assert all(0 <= value <= 100 for value in values) and any(value > 0 for value in values)
    assert not [text for text in warnings if "Invalid prop" in text]


def test_the_inbox_and_the_deadline_board_name_the_organisations(
        portal: str, page: Page, portal_database: str):
    """Issue 20, item 5: the school and who must act are named in the reader's language,
    the code beside them as secondary text."""
    db.configure(portal_database)
    refer(SCHOOL, ("Нұрланов", "Бекзат", "Асқарұлы"), date(2012, 5, 2), 7460)  # a new one
    sign_in(page, portal, "secretary.alm")  # works in Kazakh
    school = page.locator(".referral-school").first
    expect(school).to_be_visible()
    name, code = [line.strip() for line in school.inner_text().splitlines() if line.strip()]
    assert name == _organisation_name(code, "kk")  # the name, and the code under it
    page.goto(f"{portal}/commission/deadlines")
    who = page.locator(".deadline-who").first
    expect(who).to_be_visible()
    code = who.locator("code").inner_text().strip()
    assert _organisation_name(code, "kk") in who.inner_text()


def _organisation_name(code: str, language: str) -> str:
    with db.transaction() as session:
        for table in (School, Commission, SpecialOrganisation):
            found = session.exec(select(table).where(table.code == code)).first()
            if found is not None:
                return found.name(language)
    raise AssertionError(f"no organisation has the code {code!r}")


def test_a_stale_tab_shows_the_meeting_as_it_is_after_a_refused_change(
        portal: str, page: Page, portal_database: str):
    """Issue 20, item 3: the minutes approved in another tab, a save in the old one is
    refused (Art. 79: approved minutes are locked) and the old tab reloads the meeting:
    no "approve" button any more, and the reason above the page."""
    db.configure(portal_database)
    with db.transaction() as session:
        commission = session.exec(select(Commission).where(Commission.code == "KDN-AST-ALM")
                                  ).one()
    meeting = plan_meeting(SYSTEM, commission.id, clock.today() + timedelta(days=3), "2-зал")
    everyone = [line.member_id for line in meeting_page(SYSTEM, meeting.id).record.attendance]
    record_attendance(SYSTEM, meeting.id, everyone)
    sign_in(page, portal, "secretary.alm")
    page.goto(f"{portal}/commission/meetings/{meeting.id}")
    expect(page.locator("#minutes-approve")).to_be_visible()

    approve_minutes(SYSTEM, meeting.id)  # the other tab
    page.locator("#attendance-save").click()
    expect(page.locator("#meeting-changed")).to_contain_text(
        translate("minutes.locked", "kk", version=1).split(":")[0])
    expect(page.locator("#minutes-approve")).to_have_count(0)


def test_the_new_meetings_number_starts_at_the_next_of_the_year(portal: str, page: Page,
                                                                 portal_database: str):
    """Issue 14: the README promises the next number of the year in the planning form."""
    db.configure(portal_database)
    with db.transaction() as session:
        commission = session.exec(select(Commission).where(Commission.code == "KDN-AST-ALM")
                                  ).one()
        numbers = [m.number for m in session.exec(select(CommissionMeeting).where(
            CommissionMeeting.commission_id == commission.id))
            if m.meeting_date.year == clock.today().year]
    sign_in(page, portal, "secretary.alm")
    page.goto(f"{portal}/commission/meetings")
    expect(page.locator("#meeting-number")).to_have_value(str(max(numbers, default=0) + 1))
