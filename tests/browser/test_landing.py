"""The landing page loads in the built portal and follows the language switcher."""

import socket

import pytest
from playwright.sync_api import Page, expect

from juvenile.i18n import translate
from juvenile.settings import PROJECT_ROOT, cli_language

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


def _non_loopback_address() -> str | None:
    """This machine's address on its network (a UDP "connect" sends nothing)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: only picks the outgoing interface
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def test_the_portal_listens_on_loopback_only_by_default(portal: str):
    """A demo on a laptop is not open to the local network unless JUVENILE_HOST says so."""
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no network address besides loopback")
    port = int(portal.rsplit(":", 1)[1])
    with socket.socket() as client:
        client.settimeout(3)
        assert client.connect_ex((address, port)) != 0, f"the portal answers on {address}"
    with socket.socket() as client:
        assert client.connect_ex(("127.0.0.1", port)) == 0


def test_the_first_start_explains_reflexs_own_hint(portal: str):
    """Reflex's "Run `uv run reflex run`" line, printed mid-start, is explained before it
    (issue 20, item 11): the serve command's own lines come first."""
    log = (PROJECT_ROOT / "test-artifacts" / "portal.log").read_text(encoding="utf-8")
    explained = log.find(translate("cli.serve.building", cli_language()))
    assert explained != -1, log[:2000]
    hint = log.find("reflex run`")
    assert hint == -1 or explained < hint
