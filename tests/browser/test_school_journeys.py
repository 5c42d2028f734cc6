"""The school workspace in the built portal (issue 5): the psychologist's whole
journey from an attendance file to the council protocol, a refused import, and
a psychologist of another school who finds none of it (Art. 83 (2)).

The journey also keeps a screenshot of every school page in Kazakh and Russian
at 1366×768 in docs/screenshots/ (small palette PNGs).
"""

import io
import re
from datetime import date, timedelta

import portal_pages
import pytest
from playwright.sync_api import Page, expect
from portal_pages import LANGUAGE_LABELS, at, save_screenshot
from pypdf import PdfReader
from sqlmodel import func, select
from student_records import Representative, register_student

from juvenile import clock, db
from juvenile.i18n import format_date, translate
from juvenile.models import (
    AttendanceMark,
    AuditAction,
    AuditEntry,
    Commission,
    CriterionFlag,
    School,
    Student,
    SupportCase,
)
from juvenile.rules.iin import Sex, make_iin
from juvenile.security.actor import Actor
from juvenile.services.administration.public_holidays import statutory_calendar
from juvenile.services.school.cases import open_case
from juvenile.services.school.flags import NewFlag, add_flags

pytestmark = pytest.mark.browser

OWN_SCHOOL = "AST-SCH-012"  # psychologist12 (kk); psychologist47 works at AST-SCH-047 (ru)
COMMISSION = "KDN-AST-ALM"  # the commission of the school's district
NAME = ("Құрманов", "Ғалымжан", "Әділұлы")
FULL_NAME = " ".join(NAME)


def sign_in(page: Page, portal: str, login: str) -> None:
    portal_pages.sign_in(page, portal, login, lands_on="/school")


def switch_language(page: Page, language: str) -> None:
    page.locator("#language-switcher").click()
    page.get_by_role("option", name=LANGUAGE_LABELS[language]).click()
    expect(page.locator("#school-tabs")).to_contain_text(
        translate("ui.school.nav.students", language))


def screenshot(page: Page, name: str) -> None:
    save_screenshot(page, f"school-{name}")


def absence_days(today: date, count: int) -> list[date]:
    """``count`` school days of this month before today (last month's early in a month)."""
    calendar = statutory_calendar(today.year - 1, today.year)
    first = today.replace(day=1)
    days = [first + timedelta(days=n) for n in range((today - first).days)]
    days = [day for day in days if calendar.is_working_day(day)]
    if len(days) < count:
        previous = (first - timedelta(days=1)).replace(day=1)
        days = [previous + timedelta(days=n) for n in range((first - previous).days)
                if calendar.is_working_day(previous + timedelta(days=n))]
    return days[:count]


def upload(page: Page, name: str, text: str) -> None:
    page.locator("#import-upload input[type=file]").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": text.encode("utf-8")})


@pytest.fixture(scope="module")
def student(portal: str, portal_database: str) -> Student:
    """A student of AST-SCH-012 with a Kazakh name and a legal representative."""
    db.configure(portal_database)
    with db.transaction() as session:
        school = session.exec(select(School).where(School.code == OWN_SCHOOL)).one()
    born = date(2012, 4, 9)
    return register_student(school.id, make_iin(born, Sex.MALE, 7300), *NAME, grade=8,
                            class_letter="Ә",
                            representative=Representative("Құрманова Сәуле Бекқызы", "mother",
                                                          "+7 701 444 55 66"))


def _commission_name(language: str) -> str:
    with db.transaction() as session:
        commission = session.exec(select(Commission).where(Commission.code == COMMISSION)).one()
    return commission.name(language)


def test_the_psychologists_journey_from_attendance_to_the_council_protocol(
        portal: str, page: Page, student: Student):
    sign_in(page, portal, "psychologist12")  # works in Kazakh
    kk = "kk"

    # 1. an attendance file: four unexcused days of one month (Art. 78 (2) item 4)
    days = absence_days(clock.today(), 6)
    rows = [f"{student.iin},{day.isoformat()},{'unexcused' if n < 4 else 'present'}"
            for n, day in enumerate(days)]
    page.goto(f"{portal}/school/import")
    upload(page, "attendance.csv", "iin,date,status\n" + "\n".join(rows) + "\n")
    expect(page.locator("#import-ready")).to_contain_text("6")
    expect(page.locator("#import-preview")).to_contain_text(student.iin)
    screenshot(page, "import-preview-kk")
    page.locator("#import-run").click()
    expect(page.locator("#import-summary")).to_be_visible()
    page.locator("#import-to-absences").click()
    month = days[0].strftime("%Y-%m")
    expect(page).to_have_url(at(portal, f"/school/absences?month={month}"))

    # 2. the month's scan proposes criterion 4; the psychologist confirms it
    page.locator("#absences-scan").click()
    row = page.locator("#proposals-table tr", has_text=FULL_NAME)
    expect(row).to_contain_text(translate("absence.status.proposed", kk))
    expect(row).to_contain_text("4")
    screenshot(page, "absences-kk")
    banner = page.locator("[role=status]", has_text=month)  # the scan's result
    expect(banner).to_contain_text("дәлелді себепсіз төрт")
    switch_language(page, "ru")  # the result is written again in Russian (issue 20, item 1)
    expect(banner).to_contain_text("с четырьмя и более днями пропусков")
    switch_language(page, kk)
    row.locator(".proposal-confirm").click()
    expect(row).to_contain_text(translate("absence.status.confirmed", kk))

    # 3. a case opens from the confirmed flag
    row.locator(".proposal-open-case").click()
    expect(page).to_have_url(re.compile(re.escape(portal) + r"/school/cases/\d+/?$"))
    case_id = int(page.url.rstrip("/").rsplit("/", 1)[1])
    expect(page.locator("#case-state")).to_have_text(translate("case.state.flagged", kk))
    expect(page.locator("#case-timeline")).to_contain_text(translate("case.event.opened", kk))

    # 4. a council meeting is planned with the case
    page.locator("#case-to-council").click()
    expect(page.locator(f"#plan-case-{case_id}")).to_be_checked()
    page.locator("#meeting-number").fill("12")
    page.locator("#meeting-plan").click()
    expect(page).to_have_url(re.compile(re.escape(portal) + r"/school/council/\d+/?$"))
    meeting_url = page.url
    screenshot(page, "council-meeting-kk")

    # 5. held; the minor and the representatives took part; the representatives refused
    page.locator("#meeting-members").fill("Омаров Бауыржан Қайратұлы (төраға)\n"
                                         "Нұрланова Әлия Серікқызы (хатшы)")
    page.locator("#meeting-hold").click()
    item = page.locator(".agenda-item", has_text=FULL_NAME)
    item.locator(".agenda-record").click()
    yes = translate("ui.school.council.yes", kk)
    item.locator("#minor-present").get_by_text(yes, exact=True).click()
    item.locator("#representatives-present").get_by_text(yes, exact=True).click()
    item.locator("#decision").get_by_text(
        translate("ui.school.council.decision.representatives_refused", kk)).click()
    screenshot(page, "council-decision-kk")
    page.locator("#decision-save").click()

    # 6. the case is referred to the district commission (Art. 78 (4)), named on screen
    commission = _commission_name(kk)
    expect(item.locator(".agenda-referred")).to_contain_text(commission)
    expect(item).to_contain_text(translate("case.decision.representatives_refused", kk))
    page.goto(f"{portal}/school/cases/{case_id}")
    expect(page.locator("#case-referred")).to_contain_text(commission)
    expect(page.locator("#case-state")).to_have_text(
        translate("case.state.referred_to_commission", kk))
    screenshot(page, "case-kk")

    # 7. the protocol, in Kazakh, names the minor with the Kazakh letters
    page.goto(meeting_url)
    with page.expect_download() as download:
        page.locator("#meeting-protocol").click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert FULL_NAME in text
    assert commission in " ".join(text.split())
    assert translate("school_doc.chair", kk) in text
    with db.transaction() as session:
        exported = session.exec(select(AuditEntry).where(
            AuditEntry.login == "psychologist12", AuditEntry.action == AuditAction.EXPORT,
            AuditEntry.record_type == "council_meeting")).all()
    assert exported

    # the other pages, and every page again in Russian (switched on the page itself)
    pages = [
        ("dashboard", "/school", "#dashboard-criteria"),
        ("register", "/school/students", "#register-table"),
        ("import", "/school/import", "#import-upload"),
        ("absences", f"/school/absences?month={month}", "#proposals-table"),
        ("flag", f"/school/students/{student.id}/flag", "#flag-save"),
        ("card", f"/school/students/{student.id}", "#student-attendance"),
        ("case", f"/school/cases/{case_id}", "#case-timeline"),
        ("council", "/school/council", "#meetings-table"),
        ("council-meeting", meeting_url.removeprefix(portal), "#meeting-agenda"),
    ]
    for name, path, ready in pages:
        if name in ("absences", "case", "council-meeting"):
            continue  # kept above, in the middle of the journey
        page.goto(portal + path)
        expect(page.locator(ready)).to_be_visible()
        screenshot(page, f"{name}-kk")
    page.goto(f"{portal}/school/cases/{case_id}")
    switch_language(page, "ru")  # the server's texts follow without a reload
    expect(page.locator("#case-state")).to_have_text(
        translate("case.state.referred_to_commission", "ru"))
    expect(page.locator("#case-referred")).to_contain_text(_commission_name("ru"))
    for name, path, ready in pages:
        page.goto(portal + path)
        expect(page.locator(ready)).to_be_visible()
        screenshot(page, f"{name}-ru")


def test_a_file_with_bad_rows_is_refused_with_row_numbers_and_nothing_is_written(
        portal: str, page: Page, student: Student):
    sign_in(page, portal, "psychologist12")
    switch_language(page, "ru")
    with db.transaction() as session:
        before = session.exec(select(func.count()).select_from(AttendanceMark)).one()
    yesterday = (clock.today() - timedelta(days=1)).isoformat()
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    page.goto(f"{portal}/school/import")
    upload(page, "bad.csv", "iin,date,status\n"
           f"{student.iin},{yesterday},present\n"        # row 2: good
           f"{student.iin},{tomorrow},unexcused\n"       # row 3: a future day
           f"123456789012,{yesterday},present\n"         # row 4: not an IIN
           f"{student.iin},31.02.2026,sick\n")           # row 5: no such date, no such status
    # the check runs as a background task: give a loaded machine time (one CI-like run
    # missed the default 5 s once)
    expect(page.locator("#import-rejected")).to_contain_text(
        translate("import.rejected", "ru", count=4), timeout=20_000)
    errors = page.locator("#import-errors")
    for row, column in ((3, "date"), (4, "iin"), (5, "date"), (5, "status")):
        expect(errors.locator("tr", has_text=re.compile(rf"^{row}{column}"))).to_have_count(1)
    expect(errors).to_contain_text(translate("attendance.error.bad_date", "ru",
                                             value="31.02.2026"))
    screenshot(page, "import-rejected-ru")
    # a language switch writes the refusal and every row's message again (issue 20, item 1)
    switch_language(page, "kk")
    expect(page.locator("#import-rejected")).to_contain_text(
        translate("import.rejected", "kk", count=4))
    expect(errors).to_contain_text(translate("attendance.error.bad_date", "kk",
                                             value="31.02.2026"))
    screenshot(page, "import-rejected-kk")
    with db.transaction() as session:
        after = session.exec(select(func.count()).select_from(AttendanceMark)).one()
    assert after == before


def test_a_psychologist_of_another_school_finds_none_of_it(
        portal: str, page: Page, student: Student):
    with db.transaction() as session:
        case = session.exec(select(SupportCase).where(
            SupportCase.student_id == student.id)).first()
    if case is None:  # run alone: give the student a case of their own school
        add_flags(Actor.system(), student.id, [NewFlag(3, clock.today(), "Тәртіп бұзды.")])
        with db.transaction() as session:
            flags = session.exec(select(CriterionFlag.id).where(
                CriterionFlag.student_id == student.id)).all()
        case = open_case(Actor.system(), student.id, flags)
    sign_in(page, portal, "psychologist47")
    page.goto(f"{portal}/school/students")
    page.locator("#register-search").fill(NAME[0])
    page.locator("#register-find").click()
    expect(page.get_by_text(translate("ui.school.register.no_match", "ru"))).to_be_visible()
    page.locator("#register-search").fill(student.iin)
    page.locator("#register-find").click()
    expect(page.get_by_text(translate("ui.school.register.no_match", "ru"))).to_be_visible()

    for path in (f"/school/cases/{case.id}", f"/school/students/{student.id}",
                 f"/school/students/{student.id}/flag"):
        page.goto(portal + path)
        expect(page.get_by_text(re.compile(
            translate("ui.common.not_found_or_no_access", "ru") + "|"
            + translate("ui.common.not_found_or_no_access", "ru")))).to_be_visible()
        content = page.content()
        for secret in (NAME[0], student.iin, "Құрманова Сәуле"):
            assert secret not in content


def test_the_flag_form_refuses_a_criterion_without_evidence_next_to_it(
        portal: str, page: Page, student: Student):
    sign_in(page, portal, "psychologist12")
    page.goto(f"{portal}/school/students/{student.id}/flag")
    page.locator("#criterion-12").click()
    page.locator("#criterion-3").click()
    page.locator("#evidence-3").fill("Сабақта үш рет төбелескен.")
    page.locator("#flag-save").click()
    refusal = translate("flag.error.evidence_required", "kk")
    expect(page.locator("#evidence-field-12")).to_contain_text(refusal)
    expect(page.locator("#evidence-field-3")).not_to_contain_text(refusal)
    assert not [f for f in _flags(student.id) if f.criterion in (3, 12)]  # nothing saved

    page.locator("#evidence-12").fill("Үзілісте сыныптастарын қорқытқан.")
    page.locator("#flag-save").click()
    expect(page).to_have_url(at(portal, f"/school/students/{student.id}"))
    expect(page.locator("#student-flags")).to_contain_text("Үзілісте сыныптастарын қорқытқан.")
    assert {3, 12} <= {f.criterion for f in _flags(student.id)}


def _flags(student_id: int) -> list[CriterionFlag]:
    with db.transaction() as session:
        return list(session.exec(select(CriterionFlag).where(
            CriterionFlag.student_id == student_id)))


def test_a_criterion_that_no_longer_applies_is_taken_back_with_a_day_and_a_reason(
        portal: str, page: Page, student: Student):
    """Art. 78 (2): a flag records a criterion while it applies; when it stops, the
    school records since when and why, and the history stays on the card."""
    add_flags(Actor.system(), student.id, [NewFlag(2, clock.today(), "Сабақтан қалды.")])
    flag = next(f for f in _flags(student.id) if f.criterion == 2 and f.resolved_on is None)
    sign_in(page, portal, "psychologist12")
    page.goto(f"{portal}/school/students/{student.id}")
    page.locator(f"#flag-resolve-{flag.id}").click()
    page.locator("#flag-resolve-save").click()  # no reason given
    expect(page.locator("#flag-resolution-form")).to_contain_text(
        translate("flag.error.reason_required", "kk"))
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    page.locator("#flag-resolved-on").fill(tomorrow)
    page.locator("#flag-resolution-reason").fill("Сабаққа қайта қатысады.")
    page.locator("#flag-resolve-save").click()
    expect(page.locator("#flag-resolution-form")).to_contain_text(
        translate("flag.error.date_in_future", "kk", day=date.fromisoformat(tomorrow)))
    assert _flag(flag.id).resolved_on is None  # nothing written by either refusal
    page.screenshot(path="test-artifacts/flag-resolution-kk.png")
    # the card's times are Kazakhstan time, and the page names the zone (issue 14, item 3)
    expect(page.locator("#footer-time-zone")).to_contain_text("UTC+5")
    opened = page.locator("#student-openers tr").first.locator("td").first.inner_text()
    assert opened.endswith(tuple(f"{moment:%H:%M}" for moment in (
        clock.local_now(), clock.local_now() - timedelta(minutes=1)))), opened
    switch_language(page, "ru")
    expect(page.locator("#flag-resolve-save")).to_have_text(translate("ui.school.card.resolve",
                                                                      "ru"))
    page.screenshot(path="test-artifacts/flag-resolution-ru.png")

    page.locator("#flag-resolved-on").fill(clock.today().isoformat())
    page.locator("#flag-resolve-save").click()
    expect(page.locator("#flag-resolution-form")).to_have_count(0)
    expect(page.locator("#student-flags")).to_contain_text("Сабаққа қайта қатысады.")
    expect(page.locator(f"#flag-resolve-{flag.id}")).to_have_count(0)
    assert _flag(flag.id).resolved_on == clock.today()
    assert _flag(flag.id).resolution_reason == "Сабаққа қайта қатысады."


def test_the_administrator_reads_the_card_without_the_schools_controls(
        portal: str, page: Page, student: Student):
    """The administrator may read a child's card and case (audited) but changes nothing
    there: neither page offers a school's control (issue 20, item 4), and the server
    refuses anyway (test_school_flags, test_school_casework)."""
    [flag] = add_flags(Actor.system(), student.id,
                       [NewFlag(5, clock.today(), "Үйден кетіп қалды.")])
    with db.transaction() as session:
        case = session.exec(select(SupportCase).where(
            SupportCase.student_id == student.id, SupportCase.closed_on.is_(None))).first()
    case = case or open_case(Actor.system(), student.id, [flag.id])
    portal_pages.sign_in(page, portal, "admin", lands_on="/admin")
    page.goto(f"{portal}/school/students/{student.id}")
    expect(page.locator("#student-flags")).to_contain_text("Үйден кетіп қалды.")
    for control in ("#school-tabs", "#student-add-flag", "#student-open-case",
                    "[id^=flag-resolve-]"):
        expect(page.locator(control)).to_have_count(0)
    page.goto(f"{portal}/school/cases/{case.id}")
    expect(page.locator("#case-student")).to_have_text(FULL_NAME)
    for control in ("#school-tabs", "#case-new-flag", "#case-to-council", ".measure-done"):
        expect(page.locator(control)).to_have_count(0)


def _flag(flag_id: int) -> CriterionFlag:
    with db.transaction() as session:
        return session.get(CriterionFlag, flag_id)


def test_a_date_input_spells_its_day_in_the_pages_language(
        portal: str, page: Page, student: Student):
    """Issue 20, item 9: Chromium writes a date input's day in its own locale
    (12/04/2026 here), so under the input the day is spelled out in kk or ru."""
    sign_in(page, portal, "psychologist12")  # works in Kazakh
    page.goto(f"{portal}/school/students/{student.id}/flag")
    page.locator("#noticed-on").fill("2026-03-08")
    spelled = page.locator("#noticed-on").locator("xpath=../..").locator(".date-spelled")
    day = date(2026, 3, 8)
    expect(spelled).to_have_text(format_date(day, "kk", "long"))  # as the server writes it
    switch_language(page, "ru")
    expect(spelled).to_have_text(format_date(day, "ru", "long"))
