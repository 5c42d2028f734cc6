"""The page guard: working areas need a signed-in user, a temporary password is
replaced first, and the return address after signing in stays on this portal.

The app's states are imported in the tests (after the ``app`` fixture), not at
collection: importing the Reflex app takes seconds.
"""

import asyncio

import pytest

from juvenile.services.identity import accounts


def _auth_at(path: str):
    import reflex as rx

    from juvenile.state.auth import AuthState

    root = rx.State(_reflex_internal_init=True)
    root.router = _router({"pathname": path, "asPath": path,
                           "headers": {"origin": "http://portal"}})
    return root.get_substate(AuthState.get_full_name().split(".")[1:])


def _router(data: dict):
    from reflex.istate.data import RouterData

    return RouterData.from_router_data(data)


@pytest.mark.parametrize(("path", "protected"), [
    ("/school", True), ("/school/students/5", True), ("/admin/audit", True),
    ("/account/password", True), ("/", False), ("/sign-in", False), ("/schoolbook", False),
])
def test_which_pages_need_a_signed_in_user(path, protected, app):
    from juvenile.state.auth import is_protected

    assert is_protected(path) is protected


def test_the_return_address_stays_on_the_portal(app):
    from juvenile.state.auth import safe_next

    assert safe_next("/school/students/5") == "/school/students/5"
    for outside in ("//evil.example/x", "https://evil.example", "javascript:alert(1)",
                    "/\\evil.example", ""):
        assert safe_next(outside) == ""


def test_a_visitor_is_sent_to_sign_in_from_an_area_but_not_from_the_landing_page(database, app):
    from juvenile.state.auth import AuthState

    event = AuthState.check_access.fn(_auth_at("/school/students/5"))
    assert "/sign-in?next=/school/students/5" in str(event)
    assert AuthState.check_access.fn(_auth_at("/")) is None


def test_a_temporary_password_is_replaced_before_anything_else(home_users, app):
    from juvenile.state.auth import PASSWORD_ROUTE, AuthState

    temporary = accounts.reset_password(home_users["admin.home"],
                                        home_users["psy.home"].user_id)
    auth = _auth_at("/sign-in")
    asyncio.run(AuthState.sign_in.fn(auth, {"login": "psy.home", "password": temporary}))
    assert auth.signed_in
    auth.router = _router({"pathname": "/school", "asPath": "/school"})
    assert PASSWORD_ROUTE in str(AuthState.check_access.fn(auth))
    auth.router = _router({"pathname": PASSWORD_ROUTE, "asPath": PASSWORD_ROUTE})
    assert AuthState.check_access.fn(auth) is None
