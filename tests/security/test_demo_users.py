"""Demo users: one of every role, safe to load twice, and listed on the sign-in
page only when the portal runs in demo mode."""

import json

from sqlmodel import select

from juvenile.db import transaction
from juvenile.demo import demo_sign_ins, load_demo
from juvenile.models import Role, User
from juvenile.services.identity.sessions import sign_in


def test_the_demo_has_every_role_and_loads_twice_without_duplicates(database):
    load_demo()
    load_demo()
    with transaction() as session:
        users = session.exec(select(User)).all()
    assert {user.role for user in users} == set(Role)
    assert len(users) == len(demo_sign_ins())
    psychologists = [u for u in users if u.role == Role.SCHOOL_PSYCHOLOGIST]
    assert len({u.school_id for u in psychologists}) == 2
    for login, password, role in demo_sign_ins():
        assert sign_in(login, password).user.actor.role == Role(role)


def _rendered() -> str:
    from juvenile.pages.auth import sign_in_page  # not at collection: it imports Reflex

    return json.dumps(sign_in_page().render(), default=str, ensure_ascii=False)


def test_the_sign_in_page_lists_demo_sign_ins_only_in_demo_mode(monkeypatch, app):
    login, password, _ = demo_sign_ins()[0]
    monkeypatch.setenv("JUVENILE_DEMO", "1")
    shown = _rendered()
    assert login in shown and password in shown and "demo-sign-ins" in shown
    monkeypatch.setenv("JUVENILE_DEMO", "0")
    hidden = _rendered()
    assert login not in hidden and password not in hidden and "demo-sign-ins" not in hidden
