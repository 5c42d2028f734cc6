"""Who is signed in, resolved on the server from the session cookie at every event.

The browser holds only an opaque session token; the server maps it to a
session row (services.sessions), which idle expiry, sign-out, disabling and
password resets end. The pages' states subclass ``AuthState`` through
``state.workspace.WorkspaceState`` and resolve the actor with ``self._actor()``
at every handler (or ``await actor_of(self)`` from another state): nothing the
browser sends is taken as the user's identity, role or organisation.
"""

import os
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
    the session cookie is then sent over HTTPS only. Read when the app is built."""
    return os.environ.get("JUVENILE_HTTPS", "0").lower() in {"1", "true", "yes"}


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
    """The session cookie and what the page frame shows about the user."""

    session_token: str = rx.Cookie(
        "", name=SESSION_COOKIE, same_site="strict", secure=True if _https() else None
    )
    # For display in the header only; handlers never read them to decide anything.
    user_name: str = ""
    user_role_key: str = ""
    user_areas: list[str] = PUBLIC_AREAS
    signed_in: bool = False

    sign_in_error: str = ""

    def _signed_in_user(self) -> sessions.SignedInUser | None:
        return sessions.resolve(self.session_token)

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
            # a previous session of this browser ends with the sign-in
            signed = sessions.sign_in(login, password, replacing=self.session_token)
        except sessions.SignInRefused as refused:
            self.sign_in_error = await self._text(refused.key)
            return None
        self.session_token = signed.token
        self.sign_in_error = ""
        self._show_user(signed.user)
        (await self.get_state(I18nState)).language = signed.user.actor.language
        if signed.user.must_change_password:
            return rx.redirect(PASSWORD_ROUTE)
        back = safe_next(self.router.url.query_parameters.get("next", ""))
        return rx.redirect(back or areas_of(signed.user.actor.role)[0])

    @rx.event
    def sign_out(self):
        """End the session on the server and forget the token in the browser."""
        sessions.sign_out(self.session_token)
        self.session_token = ""
        self._show_user(None)


async def actor_of(state: rx.State) -> Actor | None:
    """The signed-in Actor for any state's handler (see AuthState._actor)."""
    return (await state.get_state(AuthState))._actor()
