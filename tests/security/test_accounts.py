"""User accounts: each role sits in the organisation its scope needs; only an
administrator manages accounts; everyone changes their own password."""

import pytest
from identity_setup import PASSWORD, add_user
from sqlmodel import select

from juvenile.db import transaction
from juvenile.models import AuditAction, AuditEntry, Role, User
from juvenile.security.actor import Actor
from juvenile.security.gate import AccessDenied
from juvenile.security.passwords import verify_password
from juvenile.services.identity import accounts
from juvenile.services.identity.accounts import AccountForm, AccountRefused
from juvenile.services.identity.sessions import SignInRefused, sign_in

SYSTEM = Actor.system()


def _refusal(call) -> str:
    with pytest.raises(AccountRefused) as refused:
        call()
    return refused.value.key


def test_each_role_takes_the_organisation_it_needs(organisations):
    cases = [
        (Role.SCHOOL_PSYCHOLOGIST, "AST-SCH-012", "school_id", organisations.school),
        (Role.COMMISSION_MEMBER, "KDN-AST-ALM", "commission_id", organisations.commission),
        (Role.EDUCATION_ANALYST, "AST-ALM", "district_id", organisations.district),
        (Role.EDUCATION_ANALYST, "KZ-75", "region_id", organisations.region),
    ]
    for number, (role, code, column, ids) in enumerate(cases):
        created = accounts.create_user(SYSTEM, f"user{number}", AccountForm("A B", role, code))
        assert created.account.organisation.code == code
        with transaction() as session:
            user = session.get(User, created.account.id)
        set_columns = {c for c in ("school_id", "commission_id", "district_id", "region_id")
                       if getattr(user, c) is not None}
        assert set_columns == {column} and getattr(user, column) == ids[code]


def test_an_organisation_of_the_wrong_kind_or_none_is_refused(organisations):
    def create(role, code, login="someone"):
        return lambda: accounts.create_user(SYSTEM, login, AccountForm("A B", role, code))

    assert _refusal(create(Role.SCHOOL_ADMIN, "KDN-AST-ALM")) == (
        "admin.error.organisation_unknown")
    assert _refusal(create(Role.COMMISSION_SECRETARY, "")) == (
        "admin.error.organisation_required")
    assert _refusal(create(Role.ADMIN, "AST-SCH-012")) == (
        "admin.error.admin_has_no_organisation")
    assert _refusal(create("chair", "AST-SCH-012")) == "admin.error.role_unknown"
    assert _refusal(create(Role.ADMIN, "", login="x")) == "admin.error.login_invalid"
    accounts.create_user(SYSTEM, "taken", AccountForm("A B", Role.ADMIN, ""))
    assert _refusal(create(Role.ADMIN, "", login="TAKEN")) == "admin.error.login_taken"
    with transaction() as session:
        assert session.exec(select(User.login)).all() == ["taken"]


def test_without_a_password_a_temporary_one_is_generated_and_must_be_replaced(organisations):
    created = accounts.create_user(SYSTEM, "new.user",
                                   AccountForm("A B", Role.SCHOOL_ADMIN, "AST-SCH-012"))
    assert created.account.must_change_password and len(created.temporary_password) >= 12
    assert sign_in("new.user", created.temporary_password).user.must_change_password


def test_only_an_administrator_manages_accounts(home_users):
    director = home_users["director.home"]
    target = home_users["psy.home"].user_id
    form = AccountForm("A B", Role.SCHOOL_ADMIN, "AST-SCH-012")
    for call in (
        lambda: accounts.create_user(director, "mine", form),
        lambda: accounts.update_user(director, target, form),
        lambda: accounts.set_active(director, target, False),
        lambda: accounts.reset_password(director, target),
        lambda: accounts.list_users(director),
    ):
        with pytest.raises(AccessDenied):
            call()
    with transaction() as session:
        denied = session.exec(select(AuditEntry.record_type, AuditEntry.detail).where(
            AuditEntry.action == AuditAction.DENIED)).all()
    assert sorted(denied) == sorted([("user", "create"), ("user", "update"), ("user", "update"),
                                     ("password", "update"), ("user", "view")])


def test_an_administrator_edits_disables_and_resets(home_users):
    admin = home_users["admin.home"]
    target = home_users["psy.home"].user_id
    edited = accounts.update_user(admin, target, AccountForm(
        "Жаңа Аты", Role.COMMISSION_SECRETARY, "KDN-AST-ALM", "ru"))
    assert (edited.role, edited.organisation.code, edited.language) == (
        Role.COMMISSION_SECRETARY, "KDN-AST-ALM", "ru")
    with transaction() as session:
        assert session.get(User, target).school_id is None  # the old school is gone
    assert not accounts.set_active(admin, target, False).active
    with pytest.raises(SignInRefused):
        sign_in("psy.home", PASSWORD)
    assert accounts.set_active(admin, target, True).active
    temporary = accounts.reset_password(admin, target)
    with pytest.raises(SignInRefused):
        sign_in("psy.home", PASSWORD)
    assert sign_in("psy.home", temporary).user.must_change_password
    assert _refusal(lambda: accounts.set_active(admin, admin.user_id, False)) == (
        "admin.error.disable_self")
    with transaction() as session:
        details = session.exec(select(AuditEntry.detail).where(
            AuditEntry.login == "admin.home").order_by(AuditEntry.id)).all()
    assert details == ["update", "disable", "enable", "reset"]


def test_users_change_their_own_password(home_users):
    member = home_users["member.home"]
    assert _refusal(lambda: accounts.change_own_password(
        member, "not my password", "a brand new secret")) == (
        "auth.error.current_password_wrong")
    assert _refusal(lambda: accounts.change_own_password(member, PASSWORD, "short")) == (
        "auth.error.password_too_short")
    accounts.change_own_password(member, PASSWORD, "a brand new secret")
    with transaction() as session:
        user = session.get(User, member.user_id)
    assert verify_password(user.password_hash, "a brand new secret")
    assert not user.must_change_password
    assert sign_in("member.home", "a brand new secret").token


def test_the_list_is_paged_on_the_server(home_users):
    admin = home_users["admin.home"]
    first = accounts.list_users(admin, page=1, page_size=3)
    third = accounts.list_users(admin, page=3, page_size=3)
    assert (first.total, first.pages) == (7, 3)
    assert [a.login for a in first.accounts] == ["admin.home", "analyst.district",
                                                 "analyst.region"]
    assert [a.login for a in third.accounts] == ["secretary.home"]
    assert [a.login for a in accounts.list_users(admin, search="ANALYST").accounts] == [
        "analyst.district", "analyst.region"]


def test_organisation_choices_follow_the_role(home_users):
    admin = home_users["admin.home"]
    schools = accounts.organisation_choices(admin, Role.SCHOOL_PSYCHOLOGIST)
    assert len(schools) == 12 and all("SCH" in o.code for o in schools)
    departments = {o.code for o in accounts.organisation_choices(admin,
                                                                 Role.EDUCATION_ANALYST)}
    assert {"AST-ALM", "KZ-71"} <= departments and "AST-SCH-012" not in departments
    assert [o.code for o in accounts.organisation_choices(admin, Role.COMMISSION_SECRETARY,
                                                          "KDN-ALA")] == [
        "KDN-ALA-ALM", "KDN-ALA-BST"]
    assert accounts.organisation_choices(admin, Role.ADMIN) == []


def test_passwords_are_stored_as_argon2_hashes(home_users):
    with transaction() as session:
        hashes = session.exec(select(User.password_hash)).all()
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)
    assert add_user("another", Role.ADMIN, "")  # each hash has its own salt
    with transaction() as session:
        assert len(set(session.exec(select(User.password_hash)).all())) == 8
