"""The session token stays out of the browser's state, a session has an absolute
lifetime beside the idle limit, and a password change ends the user's other
sessions (issue 16 item 3). The data is about children and confidential by law
(Art. 3 (2) item 4, Art. 83 (2)): a token a page script could read would open it.

The app's states are imported in the tests (after the ``app`` fixture).
"""

import asyncio
from datetime import timedelta

from identity_setup import PASSWORD
from sqlmodel import select

from juvenile.db import transaction
from juvenile.models import UserSession
from juvenile.models.base import utcnow
from juvenile.services.identity import accounts, sessions

NEW_PASSWORD = "a different secret 42"  # noqa: S105


def _root(cookie: str = ""):
    import reflex as rx
    from reflex.istate.data import RouterData

    root = rx.State(_reflex_internal_init=True)
    headers = {"origin": "http://portal", **({"cookie": cookie} if cookie else {})}
    root.router = RouterData.from_router_data(
        {"pathname": "/school", "asPath": "/school", "headers": headers})
    return root


def _auth(root):
    from juvenile.state.auth import AuthState

    return root.get_substate(AuthState.get_full_name().split(".")[1:])


def _client_state(root) -> str:
    """What Reflex sends to the browser, serialised as Reflex does: the whole state
    (at hydration) and an event's update with its delta."""
    from reflex.state import StateUpdate
    from reflex.utils.format import json_dumps

    return json_dumps([root.dict(), StateUpdate(delta=root.get_delta())])


def test_the_token_reaches_no_state_var_the_browser_receives(home_users, app):
    import reflex as rx

    from juvenile.state.auth import SESSION_COOKIE, AuthState

    def every(state) -> list:
        return [state, *[s for sub in state.get_substates() for s in every(sub)]]

    client_vars = [f"{state.__name__}.{name}" for state in every(rx.State)
                   for name in state.base_vars if "token" in name and not name.startswith("_")]
    assert client_vars == []

    root = _root()
    auth = _auth(root)
    events = asyncio.run(AuthState.sign_in.fn(auth, {"login": "psy.home",
                                                     "password": PASSWORD}))
    token = auth._session_token
    assert auth.signed_in and len(token) > 30
    assert token not in _client_state(root)
    assert "session_token" not in _client_state(root)
    # the cookie is written once, by a script, not kept in a var
    assert any(f"{SESSION_COOKIE}={token}" in str(event) for event in events)

    # a reload: a new connection whose cookie header carries the token
    reloaded = _root(cookie=f"theme=dark; {SESSION_COOKIE}={token}")
    assert AuthState.check_access.fn(_auth(reloaded)) is None
    assert _auth(reloaded).signed_in
    assert token not in _client_state(reloaded)


def test_a_bad_or_missing_cookie_is_no_session(database, app):
    from juvenile.state.auth import AuthState, cookie_token

    assert cookie_token("") == "" and cookie_token('juvenile_session="unclosed') == ""
    assert cookie_token("juvenile_session=abc; other=1") == "abc"
    root = _root(cookie="juvenile_session=forged-token")
    assert "/sign-in" in str(AuthState.check_access.fn(_auth(root)))


def test_signing_out_ends_the_session_and_removes_the_cookie(home_users, app):
    from juvenile.state.auth import SESSION_COOKIE, AuthState

    signed = sessions.sign_in("psy.home", PASSWORD)
    root = _root(cookie=f"{SESSION_COOKIE}={signed.token}")
    event = AuthState.sign_out.fn(_auth(root))
    assert "_remove_cookie" in str(event) and SESSION_COOKIE in str(event)
    assert sessions.resolve(signed.token) is None


def test_a_session_ends_after_its_absolute_lifetime_however_used(home_users, monkeypatch):
    monkeypatch.delenv("JUVENILE_SESSION_MAX_HOURS", raising=False)
    start = utcnow()
    signed = sessions.sign_in("psy.home", PASSWORD, now=start)
    for hours in (7, 14, 21, 24):  # used within the 8 idle hours every time
        assert sessions.resolve(signed.token, now=start + timedelta(hours=hours)) is not None
    assert sessions.resolve(signed.token, now=start + timedelta(hours=24, minutes=1)) is None
    with transaction() as session:
        ended = session.exec(select(UserSession.ended_at)).one()
    assert ended == start + timedelta(hours=24, minutes=1)
    # the lifetime is a setting
    monkeypatch.setenv("JUVENILE_SESSION_MAX_HOURS", "2")
    again = sessions.sign_in("psy.home", PASSWORD, now=start)
    assert sessions.resolve(again.token, now=start + timedelta(hours=1)) is not None
    assert sessions.resolve(again.token, now=start + timedelta(hours=2, minutes=1)) is None


def test_a_password_change_ends_the_users_other_sessions(home_users):
    here = sessions.sign_in("psy.home", PASSWORD)
    elsewhere = sessions.sign_in("psy.home", PASSWORD)
    someone_else = sessions.sign_in("director.home", PASSWORD)
    accounts.change_own_password(here.user.actor, PASSWORD, NEW_PASSWORD,
                                 session_token=here.token)
    assert sessions.resolve(here.token) is not None
    assert sessions.resolve(elsewhere.token) is None
    assert sessions.resolve(someone_else.token) is not None


def test_the_password_page_keeps_its_own_session_and_ends_the_others(home_users, app):
    from juvenile.state.account import PasswordState
    from juvenile.state.auth import SESSION_COOKIE

    here = sessions.sign_in("psy.home", PASSWORD)
    elsewhere = sessions.sign_in("psy.home", PASSWORD)
    root = _root(cookie=f"{SESSION_COOKIE}={here.token}")
    page = root.get_substate(PasswordState.get_full_name().split(".")[1:])
    asyncio.run(PasswordState.change_password.fn(page, {
        "current_password": PASSWORD, "new_password": NEW_PASSWORD,
        "repeat_password": NEW_PASSWORD}))
    assert page.password_error == ""
    assert sessions.resolve(here.token) is not None
    assert sessions.resolve(elsewhere.token) is None


def test_the_cookie_is_strict_and_secure_over_https(monkeypatch, app):
    from juvenile.state.auth import set_cookie_script

    monkeypatch.delenv("JUVENILE_HTTPS", raising=False)
    plain = set_cookie_script("tok")
    assert "juvenile_session=tok; path=/; SameSite=Strict'" in plain and "Secure" not in plain
    monkeypatch.setenv("JUVENILE_HTTPS", "1")
    assert set_cookie_script("tok").endswith("SameSite=Strict; Secure'")
