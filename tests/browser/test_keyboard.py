"""Keyboard-only walks through the two decisions the law asks for (issue 14, item 6):
the commission's decision on a referral (Art. 79) and the prevention council's
decision (Art. 78 (3)). Only Tab, Shift+Tab, Enter, Space, the arrows and typing are
used, and every control the walk stops at shows where the focus is.
"""

from datetime import date, timedelta

import portal_pages
import pytest
from playwright.sync_api import Page, expect
from referrals import held_council_with_a_case, refer
from sqlmodel import select

from juvenile import clock, db
from juvenile.i18n import format_date, translate
from juvenile.models import AgendaItemKind, Commission, CommissionMember, PlanMeasure
from juvenile.security.actor import Actor
from juvenile.services.commission.agenda import add_agenda_item
from juvenile.services.commission.meetings import plan_meeting, record_attendance

pytestmark = pytest.mark.browser

SYSTEM = Actor.system()
MOST_TABS = 200  # a walk that needs more has lost its way

# The element's own look and its two parents', with their ::before and ::after (Radix
# draws some focus rings there): what a focus ring changes.
_LOOK = """el => [el, el.parentElement, el.parentElement?.parentElement].filter(Boolean)
    .flatMap(e => [null, '::before', '::after'].map(part => {
        const s = getComputedStyle(e, part);
        return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow,
                s.borderColor, s.backgroundColor].join('|'); })).join('/')"""


def focus_is_visible(page: Page) -> bool:
    """Whether the focused control looks different from itself unfocused."""
    focused = page.evaluate_handle("document.activeElement")
    with_focus = focused.evaluate(_LOOK)
    focused.evaluate("el => el.blur()")
    without = focused.evaluate(_LOOK)
    focused.evaluate("el => el.focus()")
    return with_focus != without


def tab_to(page: Page, selector: str, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until ``selector`` has the focus, which must show."""
    target = page.locator(selector)
    expect(target.first).to_be_visible()
    for _ in range(MOST_TABS):
        if target.evaluate_all("els => els.some(el => el === document.activeElement"
                               " || el.contains(document.activeElement))"):
            assert focus_is_visible(page), f"{selector} has the focus but does not show it"
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    pytest.fail(f"{MOST_TABS} presses of Tab never reached {selector}")


def pick_with_keys(page: Page, trigger: str, option: str) -> None:
    """Open a select from the keyboard and move down to ``option``."""
    tab_to(page, trigger)
    page.keyboard.press("Space")
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    for _ in range(30):
        if page.evaluate("document.activeElement?.textContent") == option:
            page.keyboard.press("Enter")
            expect(page.locator(trigger)).to_contain_text(option)
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"{option!r} is not among the choices of {trigger}")


def type_date(page: Page, day: date) -> None:
    """Type a day into the focused date input, its parts in the browser's order."""
    order = page.evaluate("new Intl.DateTimeFormat(navigator.language).formatToParts("
                          "new Date(2027, 0, 15)).filter(p => p.type !== 'literal')"
                          ".map(p => p.type)")
    parts = {"day": f"{day.day:02d}", "month": f"{day.month:02d}", "year": f"{day.year}"}
    page.keyboard.type("".join(parts[part] for part in order))


@pytest.fixture()
def meeting_with_a_referral(portal: str, portal_database: str) -> int:
    """Today's meeting of the Almaty district commission, its quorum present, with a
    referral on the agenda: the decision is what is left to do."""
    db.configure(portal_database)
    referral = refer("AST-SCH-012", ("Омарова", "Аружан", "Нұрланқызы"), date(2012, 2, 3),
                     7490)
    with db.transaction() as session:
        commission = session.exec(select(Commission).where(
            Commission.code == "KDN-AST-ALM")).one()
        members = session.exec(select(CommissionMember.id).where(
            CommissionMember.commission_id == commission.id,
            CommissionMember.active)).all()  # another test may have taken one out
    meeting = plan_meeting(SYSTEM, commission.id, clock.today(), "Әкімдік, 210-кабинет")
    record_attendance(SYSTEM, meeting.id, members)
    add_agenda_item(SYSTEM, meeting.id, AgendaItemKind.REFERRAL, referral_id=referral.id)
    return meeting.id


def test_the_commission_decides_on_a_referral_with_the_keyboard_alone(
        portal: str, page: Page, meeting_with_a_referral: int):
    portal_pages.sign_in(page, portal, "secretary.alm", lands_on="/commission")
    page.goto(f"{portal}/commission/meetings/{meeting_with_a_referral}")
    expect(page.locator("#quorum-state")).to_be_visible()

    tab_to(page, ".item-record")
    page.keyboard.press("Enter")
    tab_to(page, "#item-notes")
    page.keyboard.type("Анасы қатысты; сынып жетекшісі баяндады.")
    decision = "Заңды өкілдерге міндеттер жүктеу"
    pick_with_keys(page, "#item-decision-type", decision)
    tab_to(page, "#item-executor")
    page.keyboard.type("Алматы ауданы ІІБ ювеналдық полиция бөлімі")
    due = clock.today() + timedelta(days=30)
    tab_to(page, "#item-due")
    type_date(page, due)
    tab_to(page, "#item-text")
    page.keyboard.type("Баланың сабаққа қатысуын қамтамасыз ету.")
    tab_to(page, "#item-save-decision")
    page.keyboard.press("Enter")

    item = page.locator(".agenda-item", has_text="Омарова")
    expect(item.locator(".item-decision")).to_contain_text(decision)
    expect(item.locator(".item-follow-up")).to_contain_text("ювеналдық полиция")
    expect(item.locator(".item-follow-up")).to_contain_text(format_date(due, "kk"))


def test_the_council_decides_with_the_keyboard_alone(portal: str, portal_database: str,
                                                      page: Page):
    """Art. 78 (3): the minor and the representatives take part, and the council
    assigns support with a plan of measures."""
    db.configure(portal_database)
    meeting_id, case_id = held_council_with_a_case(
        "AST-SCH-012", ("Жақсыбеков", "Ернар", "Талғатұлы"), date(2012, 11, 21), 7495)
    portal_pages.sign_in(page, portal, "psychologist12", lands_on="/school")
    page.goto(f"{portal}/school/council/{meeting_id}")
    item = page.locator(".agenda-item", has_text="Жақсыбеков")

    tab_to(page, ".agenda-record")
    page.keyboard.press("Enter")
    for group in ("#minor-present", "#representatives-present"):
        tab_to(page, f"{group} [role=radio]")  # the group is one stop; arrows move in it
        page.keyboard.press("Space")
        expect(page.locator(f"{group} [role=radio][value=yes]")).to_have_attribute(
            "data-state", "checked")
    tab_to(page, "#decision [role=radio]")
    for _ in range(3):
        if page.locator("#decision [role=radio][value=support_assigned]").evaluate(
                "el => el === document.activeElement"):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    tab_to(page, ".measure-description")
    page.keyboard.type("Психологпен апта сайын кеңес")
    tab_to(page, ".measure-responsible")
    page.keyboard.type("Нұрланова Ә. С.")
    tab_to(page, ".measure-due")
    type_date(page, clock.today() + timedelta(days=30))
    tab_to(page, "#decision-save")
    page.keyboard.press("Enter")

    expect(page.locator("#decision-save")).to_have_count(0)  # the form closed: saved
    expect(item).to_contain_text(translate("case.decision.support_assigned", "kk"))
    with db.transaction() as session:
        measures = session.exec(select(PlanMeasure).where(PlanMeasure.case_id == case_id)).all()
    assert [(m.description, m.due_on) for m in measures] == [
        ("Психологпен апта сайын кеңес", clock.today() + timedelta(days=30))]
