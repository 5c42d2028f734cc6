"""The landing page loads in the built portal and follows the language switcher."""

import pytest
from playwright.sync_api import Page, expect

from juvenile.i18n import translate

pytestmark = pytest.mark.browser

def test_landing_page_switches_from_kazakh_to_russian(portal: str, page: Page):
    page.goto(portal)
    title = page.locator("#landing-title")
    expect(title).to_have_text(translate("ui.landing.title", "kk"))

    page.locator("#language-switcher").click()
    page.get_by_role("option", name="Русский").click()

    expect(title).to_have_text(translate("ui.landing.title", "ru"))
    commission_link = page.get_by_role("link", name=translate("ui.nav.commission", "ru"))
    expect(commission_link.first).to_be_visible()
    page.screenshot(path="test-artifacts/landing-ru.png")

def test_the_browser_remembers_the_language(portal: str, page: Page):
    page.goto(portal)
    page.locator("#language-switcher").click()
    page.get_by_role("option", name="Русский").click()
    expect(page.locator("#landing-title")).to_have_text(translate("ui.landing.title", "ru"))

    page.reload()
    expect(page.locator("#landing-title")).to_have_text(translate("ui.landing.title", "ru"))

def test_health_route_reports_the_database(portal: str, page: Page):
    response = page.request.get(f"{portal}/api/health")
    assert response.status == 200
    assert response.json() == {"status": "ok", "database": "ok"}
