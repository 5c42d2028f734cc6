"""What the browser tests do on every page: sign in, pick from a select, match an
address, keep a screenshot. (A module, not conftest: tests import it by name.)"""

import re

from PIL import Image
from playwright.sync_api import Page, expect

from juvenile.demo import demo_sign_ins
from juvenile.settings import PROJECT_ROOT

PASSWORDS = {login: password for login, password, _ in demo_sign_ins()}
LANGUAGE_LABELS = {"kk": "Қазақша", "ru": "Русский"}
SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"


def at(portal: str, path: str) -> re.Pattern:
    """The address of ``path`` (the static export may add a trailing slash)."""
    route, _, query = path.partition("?")
    return re.compile(re.escape(portal + route) + "/?" + (re.escape("?" + query) if query
                                                          else "") + "$")


def sign_in(page: Page, portal: str, login: str, password: str | None = None,
            lands_on: str | None = None) -> None:
    """Sign in (a demo password by default) and, if given, wait for the landing page."""
    page.goto(f"{portal}/sign-in")
    page.locator("#sign-in-login").fill(login)
    page.locator("#sign-in-password").fill(password or PASSWORDS[login])
    page.locator("#sign-in-submit").click()
    if lands_on:
        expect(page).to_have_url(at(portal, lands_on))


def choose(page: Page, trigger: str, option: str) -> None:
    """Pick ``option`` in the Radix select whose trigger is ``trigger``."""
    page.locator(trigger).click()
    page.get_by_role("option", name=option, exact=True).click()


def save_screenshot(page: Page, name: str, settle_ms: int = 400) -> None:
    """docs/screenshots/<name>.png: the visible 1366×768, in 256 colours."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.wait_for_timeout(settle_ms)  # let badges, fonts and chart animations settle
    page.screenshot(path=str(path))
    Image.open(path).convert("RGB").quantize(colors=256).save(path, optimize=True)
