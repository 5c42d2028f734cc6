"""Signing in: the lockout (5 failures in 15 minutes lock the login for 15 minutes),
one neutral refusal for every reason, sessions that expire when idle or end at
sign-out, and the audit of it all. The clock is a parameter, never a sleep."""

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from identity_setup import PASSWORD, add_user
from sqlmodel import select

from juvenile.db import transaction
from juvenile.models import AuditAction, AuditEntry, Role, UserSession
from juvenile.models.base import utcnow
from juvenile.security.actor import Actor
from juvenile.security.lockout import is_locked, locked_until
from juvenile.services.identity import accounts, sessions
from juvenile.services.identity.sessions import (
    SignInRefused,
    resolve,
    sign_in,
    sign_out,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)
SYSTEM = Actor.system()


def _fail(login: str, at: datetime, password: str = "wrong password") -> SignInRefused:
    with pytest.raises(SignInRefused) as refused:
        sign_in(login, password, now=at)
    return refused.value


@pytest.fixture
def psychologist(organisations) -> int:
    return add_user("psy.home", Role.SCHOOL_PSYCHOLOGIST, "AST-SCH-012")


# ---- the rule itself ------------------------------------------------------------------

def test_lockout_rule_counts_failures_within_fifteen_minutes():
    four = [(T0 + i * MINUTE, False) for i in range(4)]
    assert locked_until(four) is None
    five = [*four, (T0 + 4 * MINUTE, False)]
    assert locked_until(five) == T0 + 19 * MINUTE
    assert is_locked(five, T0 + 19 * MINUTE - timedelta(seconds=1))
    assert not is_locked(five, T0 + 19 * MINUTE)
    spread = [(T0 + i * 4 * MINUTE, False) for i in range(5)]  # 16 minutes first to fifth
    assert locked_until(spread) is None
    exactly = [(T0 + i * 3.75 * MINUTE, False) for i in range(5)]  # 15 minutes exactly
    assert locked_until(exactly) == T0 + 30 * MINUTE
    success_between = [*four, (T0 + 4 * MINUTE, True), (T0 + 5 * MINUTE, False)]
    assert locked_until(success_between) is None


# ---- in the service -------------------------------------------------------------------

def test_four_failures_then_the_right_password_signs_in(psychologist):
    for i in range(4):
        _fail("psy.home", T0 + i * MINUTE)
    signed = sign_in("psy.home", PASSWORD, now=T0 + 4 * MINUTE)
    assert signed.user.actor.user_id == psychologist
    # the success started the count again: four more failures still do not lock
    for i in range(4):
        _fail("psy.home", T0 + (5 + i) * MINUTE)
    assert sign_in("psy.home", PASSWORD, now=T0 + 9 * MINUTE).token


def test_the_fifth_failure_locks_the_login_for_fifteen_minutes(psychologist):
    for i in range(5):
        _fail("psy.home", T0 + i * MINUTE)
    locked_at = T0 + 4 * MINUTE
    _fail("psy.home", locked_at + MINUTE, password=PASSWORD)  # even the right password
    _fail("psy.home", locked_at + 15 * MINUTE - timedelta(seconds=1), password=PASSWORD)
    assert sign_in("psy.home", PASSWORD, now=locked_at + 15 * MINUTE).token
    with transaction() as session:
        reasons = session.exec(select(AuditEntry.detail).where(
            AuditEntry.action == AuditAction.SIGN_IN_FAILED).order_by(AuditEntry.at)).all()
    assert reasons == ["wrong_password"] * 5 + ["locked"] * 2


def test_every_refusal_reads_the_same(psychologist, organisations):
    accounts.set_active(SYSTEM, add_user("gone", Role.SCHOOL_PSYCHOLOGIST, "AST-SCH-012"),
                        False)
    unknown = _fail("nobody", T0)
    wrong = _fail("psy.home", T0)
    disabled = _fail("gone", T0, password=PASSWORD)  # the right password of a disabled user
    for i in range(5):
        _fail("locked.out", T0 + i * MINUTE)  # unknown logins are counted and locked too
    locked = _fail("locked.out", T0 + 5 * MINUTE)
    assert {str(e) for e in (unknown, wrong, disabled, locked)} == {str(SignInRefused())}
    assert {e.key for e in (unknown, wrong, disabled, locked)} == {sessions.SIGN_IN_REFUSED}
    with transaction() as session:
        entries = session.exec(select(AuditEntry).where(
            AuditEntry.action == AuditAction.SIGN_IN_FAILED, AuditEntry.at == T0)).all()
    assert {(e.login, e.detail, e.outcome) for e in entries} == {
        ("nobody", "unknown_login", "denied"), ("psy.home", "wrong_password", "denied"),
        ("gone", "disabled", "denied"), ("locked.out", "unknown_login", "denied")}


def test_the_login_is_matched_without_case_or_spaces(psychologist):
    assert sign_in("  PSY.Home ", PASSWORD, now=T0).user.actor.login == "psy.home"


# ---- sessions -------------------------------------------------------------------------

def test_the_server_keeps_only_the_tokens_digest(psychologist):
    signed = sign_in("psy.home", PASSWORD, now=T0)
    with transaction() as session:
        row = session.exec(select(UserSession)).one()
    assert row.token_sha256 == hashlib.sha256(signed.token.encode()).hexdigest()
    assert signed.token not in {row.token_sha256, str(row.id)}
    assert len(signed.token) >= 40  # 32 random bytes


def test_the_session_resolves_to_the_actor_of_the_users_organisation(psychologist,
                                                                      organisations):
    signed = sign_in("psy.home", PASSWORD, now=T0)
    who = resolve(signed.token, now=T0 + MINUTE).actor
    assert (who.user_id, who.role, who.school_id, who.organisation_code) == (
        psychologist, Role.SCHOOL_PSYCHOLOGIST, organisations.school["AST-SCH-012"],
        "AST-SCH-012")
    assert resolve("forged-token", now=T0) is None
    assert resolve("", now=T0) is None


def test_an_idle_session_ends_after_eight_hours(psychologist):
    token = sign_in("psy.home", PASSWORD, now=T0).token
    used = T0 + 8 * timedelta(hours=1) - MINUTE
    assert resolve(token, now=used) is not None  # use keeps it alive
    assert resolve(token, now=used + 8 * timedelta(hours=1)) is not None
    idle_since = used + 8 * timedelta(hours=1)
    assert resolve(token, now=idle_since + 8 * timedelta(hours=1) + MINUTE) is None
    assert resolve(token, now=idle_since + MINUTE) is None  # ended for good
    with transaction() as session:
        assert session.exec(select(UserSession)).one().ended_at is not None


def test_the_idle_limit_is_configurable(psychologist, monkeypatch):
    monkeypatch.setenv("JUVENILE_SESSION_IDLE_HOURS", "1")
    token = sign_in("psy.home", PASSWORD, now=T0).token
    assert resolve(token, now=T0 + 59 * MINUTE) is not None
    assert resolve(token, now=T0 + 59 * MINUTE + 61 * MINUTE) is None


def test_sign_out_ends_the_session_on_the_server(psychologist):
    token = sign_in("psy.home", PASSWORD, now=T0).token
    other = sign_in("psy.home", PASSWORD, now=T0).token  # another browser
    sign_out(token, now=T0 + MINUTE)
    assert resolve(token, now=T0 + 2 * MINUTE) is None
    assert resolve(other, now=T0 + 2 * MINUTE) is not None
    with transaction() as session:
        actions = session.exec(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-3:] == [AuditAction.SIGN_IN, AuditAction.SIGN_IN, AuditAction.SIGN_OUT]


def test_disabling_and_resetting_end_the_users_sessions(psychologist, organisations):
    token = sign_in("psy.home", PASSWORD, now=T0).token
    temporary = accounts.reset_password(SYSTEM, psychologist)
    assert resolve(token) is None
    signed = sign_in("psy.home", temporary)
    assert signed.user.must_change_password
    accounts.set_active(SYSTEM, psychologist, False)
    assert resolve(signed.token) is None
    _fail("psy.home", utcnow(), password=temporary)


def test_the_production_hash_is_argon2id_of_the_chosen_parameters():
    from argon2 import Type, extract_parameters

    from juvenile.security import passwords

    stored = passwords.production_hasher().hash("a password")
    parameters = extract_parameters(stored)
    assert parameters.type is Type.ID
    assert (parameters.time_cost, parameters.memory_cost, parameters.parallelism) == (3, 32768, 1)


def test_a_hash_of_older_parameters_still_signs_in_and_is_replaced(psychologist, monkeypatch):
    from argon2 import PasswordHasher, extract_parameters

    from juvenile.models import User
    from juvenile.security import passwords

    older = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=2).hash(PASSWORD)
    with transaction() as session:
        user = session.get(User, psychologist)
        user.password_hash = older
    sign_in("psy.home", PASSWORD, now=T0)
    with transaction() as session:
        stored = session.get(User, psychologist).password_hash
    assert stored != older
    assert extract_parameters(stored) == extract_parameters(passwords._hasher.hash("x"))
    sign_in("psy.home", PASSWORD, now=T0 + MINUTE)  # the new hash verifies too
