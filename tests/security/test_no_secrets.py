"""No password and no password hash ever reaches the browser's state or the logs.

The Reflex handlers run for real on a state tree (sign-in, own password change,
an administrator's reset and account creation); afterwards the serialized
state, the log records and the process output are searched for the secrets.
The app's states are imported in the tests (after the ``app`` fixture), not at
collection: importing the Reflex app takes seconds.
"""

import asyncio
import dataclasses
import json
import logging
import re

from identity_setup import PASSWORD
from sqlmodel import select

from juvenile.db import transaction
from juvenile.models import User
from juvenile.security.passwords import verify_password
from juvenile.services.identity import accounts, sessions

NEW_PASSWORD = "a different secret 42"  # noqa: S105
_SECRET_NAME = re.compile(r"password|passwd|hash|secret", re.IGNORECASE)


def _all_states(state) -> list:
    return [state, *[s for sub in state.get_substates() for s in _all_states(sub)]]


def test_no_state_of_the_app_has_a_var_for_a_secret(app):
    """Vars without a leading underscore are sent to the browser."""
    import reflex as rx

    exposed = [
        f"{state.__name__}.{name}"
        for state in _all_states(rx.State)
        for name in {**state.base_vars, **state.computed_vars}
        if not name.startswith("_") and _SECRET_NAME.search(name)
        and not name.endswith("_error")  # a message about a password, not one
    ]
    assert not exposed


def test_what_services_return_carries_no_hash():
    for result in (accounts.Account, accounts.CreatedAccount, sessions.SignedInUser,
                   sessions.SignedIn):
        assert not {f.name for f in dataclasses.fields(result)} & {"password_hash", "hash"}


def _substate(root, state):
    return root.get_substate(state.get_full_name().split(".")[1:])


def _stored_hashes() -> list[str]:
    with transaction() as session:
        return session.exec(select(User.password_hash)).all()


def _leaks(text: str, secrets: list[str]) -> list[str]:
    return [secret for secret in secrets if secret in text]


def test_handlers_keep_passwords_out_of_state_and_logs(home_users, caplog, capfd, app):
    import reflex as rx

    from juvenile.state.account import PasswordState
    from juvenile.state.admin_users import AdminUsersState
    from juvenile.state.auth import AuthState

    caplog.set_level(logging.DEBUG)
    root = rx.State(_reflex_internal_init=True)
    auth = _substate(root, AuthState)
    password_state = _substate(root, PasswordState)
    admin_state = _substate(root, AdminUsersState)

    async def journey() -> str:
        await AuthState.sign_in.fn(auth, {"login": "psy.home", "password": "wrong one"})
        await AuthState.sign_in.fn(auth, {"login": "psy.home", "password": PASSWORD})
        await PasswordState.change_password.fn(password_state, {
            "current_password": PASSWORD, "new_password": NEW_PASSWORD,
            "repeat_password": NEW_PASSWORD})
        AuthState.sign_out.fn(auth)
        await AuthState.sign_in.fn(auth, {"login": "admin.home", "password": PASSWORD})
        notice = await AdminUsersState.reset_password.fn(
            admin_state, str(home_users["director.home"].user_id))
        await AdminUsersState.new_account.fn(admin_state)
        admin_state.form_login, admin_state.form_name = "fresh.user", "Fresh User"
        admin_state.form_organisation = "AST-SCH-012"
        created = await AdminUsersState.save.fn(admin_state)
        return repr(notice) + repr(created)

    notices = asyncio.run(journey())
    assert auth.signed_in and auth.user_areas == ["/admin", "/admin/users", "/admin/audit"]
    with transaction() as session:
        user = session.exec(select(User).where(User.login == "psy.home")).one()
    assert verify_password(user.password_hash, NEW_PASSWORD)  # the journey really ran
    temporaries = re.findall(r"'description': '([A-Za-z0-9]{14})'", notices)
    assert len(temporaries) == 2, notices  # reset and creation: shown once, in a notice

    secrets = [PASSWORD, NEW_PASSWORD, *temporaries, *_stored_hashes()]
    client_state = json.dumps(root.dict(), default=str, ensure_ascii=False)
    output = capfd.readouterr()
    assert not _leaks(client_state, secrets)
    assert "$argon2" not in client_state
    assert not _leaks(caplog.text + output.out + output.err, secrets)
    assert "$argon2" not in caplog.text


def test_the_refusal_in_the_state_is_the_neutral_message(home_users, app):
    import reflex as rx

    from juvenile.state.auth import AuthState

    root = rx.State(_reflex_internal_init=True)
    auth = _substate(root, AuthState)
    messages = set()
    for login, password in (("psy.home", "wrong"), ("nobody", PASSWORD)):
        asyncio.run(AuthState.sign_in.fn(auth, {"login": login, "password": password}))
        messages.add(auth.sign_in_error)
        assert not auth.signed_in and auth._session_token == ""
    assert len(messages) == 1 and messages != {""}
