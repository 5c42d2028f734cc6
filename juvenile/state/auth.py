"""Who is signed in, resolved on the server from the session cookie at every event.

The browser holds only an opaque session token, in the ``juvenile_session``
cookie and nowhere else: no state var the browser receives carries it. The
server reads it from the cookie header of the page's connection, or from the
backend var ``_session_token`` set at this tab's sign-in (backend vars never
leave the server); the cookie itself is written once by a script at the
sign-in. The server maps the token to a session row (services.sessions),
which idle expiry, the absolute lifetime, sign-out, disabling, password
resets and password changes end. The pages' states subclass ``AuthState`` through
``state.workspace.WorkspaceState`` and resolve the actor with ``self._actor()``
at every handler (or ``await actor_of(self)`` from another state): nothing the
browser sends is taken as the user's identity, role or organisation.
"""

import asyncio
import os
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import quote

import reflex as rx

from juvenile import settings
from juvenile.i18n import translate
from juvenile.models import Role
from juvenile.security.actor import Actor
from juvenile.services.identity import sessions
from juvenile.state.i18n import I18nState

SESSION_COOKIE = "juvenile_session"
SIGN_IN_ROUTE = "/sign-in"
SIGN_OUT_ROUTE = "/sign-out"
PASSWORD_ROUTE = "/account/password"  # noqa: S105 (a page address)
# Pages under these paths need a signed-in user; the others are public.
PROTECTED_PREFIXES = ("/school", "/commission", "/analysis", "/admin", "/account")

# Where each role works: its navigation and its first page after signing in.
# Display only: what a user may do is decided by the gate at every request.
ROLE_AREAS: dict[Role, list[str]] = {
    Role.SCHOOL_PSYCHOLOGIST: ["/school"],
    Role.SCHOOL_ADMIN: ["/school"],
    Role.COMMISSION_SECRETARY: ["/commission"],
    Role.COMMISSION_MEMBER: ["/commission"],
    Role.EDUCATION_ANALYST: ["/analysis"],
    Role.ADMIN: ["/admin", "/admin/users", "/admin/audit"],
}


def areas_of(role: Role | None) -> list[str]:
    """The working areas of a signed-in user's role (only the command line has none)."""
    assert role is not None
    return ROLE_AREAS[role]


PUBLIC_AREAS = ["/school", "/commission", "/analysis", "/admin"]


def _https() -> bool:
    """JUVENILE_HTTPS=1 when the portal is served over HTTPS (behind a TLS proxy):
    the session cookie is then sent over HTTPS only. Read at each sign-in."""
    return os.environ.get("JUVENILE_HTTPS", "0").lower() in {"1", "true", "yes"}


def cookie_token(cookie_header: str) -> str:
    """The session token in a Cookie header ("" when there is none)."""
    cookies = SimpleCookie()
    try:
        cookies.load(cookie_header or "")
    except CookieError:
        return ""
    morsel = cookies.get(SESSION_COOKIE)
    return morsel.value if morsel is not None else ""


def set_cookie_script(token: str) -> str:
    """The script that stores the token in the browser's cookie (SameSite=Strict,
    Secure over HTTPS). The token is URL-safe base64: nothing in it needs quoting."""
    secure = "; Secure" if _https() else ""
    return f"document.cookie = '{SESSION_COOKIE}={token}; path=/; SameSite=Strict{secure}'"


def is_protected(path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/") for prefix in PROTECTED_PREFIXES)


def safe_next(path: str) -> str:
    """A page of this portal to return to after signing in; anything else is dropped,
    so a crafted link cannot send the user to another site."""
    if path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return ""


def published_demo_sign_ins() -> list[tuple[str, str, str]]:
    """(login, password, role) of the demo users, listed on the sign-in page only
    when the portal runs with the demo (``JUVENILE_DEMO=1``); otherwise none."""
    if not settings.demo_mode():
        return []
    from juvenile.demo.users import demo_sign_ins

    return demo_sign_ins()


class AuthState(rx.State):
    """Who is signed in, and what the page frame shows about the user."""

    # Backend var (the leading "_"): this tab's token since its sign-in, never sent
    # to the browser. The cookie header of the connection covers a reload.
    _session_token: str = ""
    # For display in the header only; handlers never read them to decide anything.
    user_name: str = ""
    user_role_key: str = ""
    user_areas: list[str] = PUBLIC_AREAS
    signed_in: bool = False

    sign_in_error: str = ""

    def _cookie_token(self) -> str:
        """The token in the cookie the browser sent when the page connected."""
        return cookie_token(self.router.headers.cookie)

    def _token(self) -> str:
        """The token of this tab's session: its sign-in's, else the cookie's."""
        return self._session_token or self._cookie_token()

    def _signed_in_user(self) -> sessions.SignedInUser | None:
        signed_in = sessions.resolve(self._session_token) if self._session_token else None
        if signed_in is None:
            signed_in = sessions.resolve(self._cookie_token())
        return signed_in

    def _actor(self) -> Actor | None:
        """The signed-in user, resolved from the session token now; None if none."""
        signed_in = self._signed_in_user()
        return signed_in.actor if signed_in else None

    def _path(self) -> str:
        """The page's path, without the trailing slash the static export may add."""
        return self.router.url.path.rstrip("/") or "/"

    def _to_sign_in(self) -> rx.event.EventSpec:
        """Send the visitor to the sign-in page, to come back here afterwards."""
        self._show_user(None)
        here = safe_next(self._path())
        return rx.redirect(f"{SIGN_IN_ROUTE}?next={quote(here)}" if here else SIGN_IN_ROUTE)

    async def _text(self, key: str, **params: Any) -> str:
        """A message in the visitor's language."""
        language = (await self.get_state(I18nState)).language
        return translate(key, language, **params)

    def _show_user(self, signed_in: sessions.SignedInUser | None) -> None:
        if signed_in is None:
            self.user_name, self.user_role_key, self.signed_in = "", "", False
            self.user_areas = PUBLIC_AREAS
            return
        self.user_name = signed_in.full_name
        role = signed_in.actor.role
        assert role is not None  # only the command line acts without a role
        self.user_role_key = f"ui.role.{role.value}"
        self.user_areas = ROLE_AREAS[role]
        self.signed_in = True

    @rx.event
    def check_access(self):
        """On every page: refresh the header, and send a visitor who is not signed
        in away from the working areas (or a user with a temporary password to
        the page that replaces it)."""
        signed_in = self._signed_in_user()
        self._show_user(signed_in)
        path = self._path()
        if signed_in is None:
            return self._to_sign_in() if is_protected(path) else None
        if signed_in.must_change_password and path not in (PASSWORD_ROUTE, SIGN_OUT_ROUTE):
            return rx.redirect(PASSWORD_ROUTE)
        return None

    @rx.event
    async def sign_in(self, form: dict):
        """The sign-in form. The password is used once and kept nowhere."""
        login, password = str(form.get("login", "")), str(form.get("password", ""))
        try:
            # a previous session of this browser ends with the sign-in; the argon2
            # check runs in a worker thread, so the event loop serves other clicks
            signed = await asyncio.to_thread(sessions.sign_in, login, password,
                                             replacing=self._token())
        except sessions.SignInRefused as refused:
            self.sign_in_error = await self._text(refused.key)
            return None
        self._session_token = signed.token
        self.sign_in_error = ""
        self._show_user(signed.user)
        (await self.get_state(I18nState)).language = signed.user.actor.language
        store = rx.call_script(set_cookie_script(signed.token))
        if signed.user.must_change_password:
            return [store, rx.redirect(PASSWORD_ROUTE)]
        back = safe_next(self.router.url.query_parameters.get("next", ""))
        return [store, rx.redirect(back or areas_of(signed.user.actor.role)[0])]

    @rx.event
    def sign_out(self):
        """End the session on the server and forget the token in the browser."""
        for token in {self._session_token, self._cookie_token()}:
            sessions.sign_out(token)
        self._session_token = ""
        self._show_user(None)
        return rx.remove_cookie(SESSION_COOKIE)


async def actor_of(state: rx.State) -> Actor | None:
    """The signed-in Actor for any state's handler (see AuthState._actor)."""
    return (await state.get_state(AuthState))._actor()
