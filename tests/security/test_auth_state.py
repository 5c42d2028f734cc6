"""The page guard: working areas need a signed-in user, a temporary password is
replaced first, and the return address after signing in stays on this portal."""

import asyncio

import pytest
import reflex as rx
from reflex.istate.data import RouterData

import juvenile.juvenile  # noqa: F401 (registers every page and state of the app)
from juvenile.services.identity import accounts
from juvenile.state.auth import PASSWORD_ROUTE, AuthState, is_protected, safe_next


def _auth_at(path: str) -> AuthState:
    root = rx.State(_reflex_internal_init=True)
    root.router = RouterData.from_router_data({"pathname": path, "asPath": path,
                                               "headers": {"origin": "http://portal"}})
    return root.get_substate(AuthState.get_full_name().split(".")[1:])


@pytest.mark.parametrize(("path", "protected"), [
    ("/school", True), ("/school/students/5", True), ("/admin/audit", True),
    ("/account/password", True), ("/", False), ("/sign-in", False), ("/schoolbook", False),
])
def test_which_pages_need_a_signed_in_user(path, protected):
    assert is_protected(path) is protected


def test_the_return_address_stays_on_the_portal():
    assert safe_next("/school/students/5") == "/school/students/5"
    for outside in ("//evil.example/x", "https://evil.example", "javascript:alert(1)",
                    "/\\evil.example", ""):
        assert safe_next(outside) == ""


def test_a_visitor_is_sent_to_sign_in_from_an_area_but_not_from_the_landing_page(database):
    event = AuthState.check_access.fn(_auth_at("/school/students/5"))
    assert "/sign-in?next=/school/students/5" in str(event)
    assert AuthState.check_access.fn(_auth_at("/")) is None


def test_a_temporary_password_is_replaced_before_anything_else(home_users):
    temporary = accounts.reset_password(home_users["admin.home"],
                                        home_users["psy.home"].user_id)
    auth = _auth_at("/sign-in")
    asyncio.run(AuthState.sign_in.fn(auth, {"login": "psy.home", "password": temporary}))
    assert auth.signed_in
    auth.router = RouterData.from_router_data({"pathname": "/school", "asPath": "/school"})
    assert PASSWORD_ROUTE in str(AuthState.check_access.fn(auth))
    auth.router = RouterData.from_router_data({"pathname": PASSWORD_ROUTE,
                                               "asPath": PASSWORD_ROUTE})
    assert AuthState.check_access.fn(auth) is None
