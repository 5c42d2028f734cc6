"""The visitor's language survives a reload (issue 14, item 4): the browser keeps the
choice the moment it is made, not only when the server's answer comes back."""

import re

import portal_pages
import pytest
from playwright.sync_api import Page, WebSocketRoute, expect

from juvenile.i18n import translate

pytestmark = pytest.mark.browser


def test_russian_stays_after_a_reload_that_comes_before_the_servers_answer(
        portal: str, page: Page):
    # Right after sign-in the analysis page's on-load keeps the server busy, and the
    # switch's answer waits behind it. Here the answers are held back outright.
    holding = {"answers": False}

    def relay(browser_side: WebSocketRoute) -> None:
        server_side = browser_side.connect_to_server()
        server_side.on_message(
            lambda message: None if holding["answers"] else browser_side.send(message))
        browser_side.on_message(server_side.send)

    page.route_web_socket(re.compile(r"/_event"), relay)
    portal_pages.sign_in(page, portal, "analyst.alm", lands_on="/analysis")  # a kk profile
    expect(page.locator("[lang=kk]").first).to_be_attached()

    holding["answers"] = True
    page.locator("#language-switcher").click()
    page.get_by_role("option", name=portal_pages.LANGUAGE_LABELS["ru"]).click()
    holding["answers"] = False
    page.reload()

    expect(page.locator("[lang=ru]").first).to_be_attached()
    expect(page.locator("#footer-time-zone")).to_contain_text(
        translate("ui.footer.time_zone", "ru").split("{")[0].strip())
