"""Signing in and out, and finding who is behind a session token.

The browser holds only an opaque random token; the server keeps its SHA-256,
so a copy of the database does not let anyone sign in. Every event handler
resolves its Actor from the token here, never from what the browser says.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, delete, select

from juvenile import settings
from juvenile.db import transaction
from juvenile.errors import Refusal
from juvenile.models import AuditAction, AuditEntry, SignInAttempt, User, UserSession
from juvenile.models.base import utcnow
from juvenile.security.actor import Actor
from juvenile.security.gate import audit_entry
from juvenile.security.lockout import LOOKBACK, is_locked
from juvenile.security.passwords import (
    hash_password,
    needs_rehash,
    verify_nothing,
    verify_password,
)
from juvenile.services.identity.accounts import normalise_login, organisation_of

# One message for every refusal, so it never tells whether the login exists.
SIGN_IN_REFUSED = "auth.error.sign_in_refused"
_USER_RECORD = "user"
# last_seen_at is written at most this often, not on every click.
_TOUCH_EVERY = timedelta(minutes=1)


class SignInRefused(Refusal):
    """Unknown login, wrong password, disabled account or locked login: all alike."""

    def __init__(self):
        super().__init__(SIGN_IN_REFUSED)


@dataclass(frozen=True)
class SignedInUser:
    """Who a session belongs to, for the page frame (no secrets)."""

    actor: Actor
    full_name: str
    must_change_password: bool


@dataclass(frozen=True)
class SignedIn:
    token: str  # goes to the browser's cookie, and nowhere else
    user: SignedInUser


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _idle_limit() -> timedelta:
    return timedelta(hours=settings.session_idle_hours())


def _lifetime() -> timedelta:
    """JUVENILE_SESSION_MAX_HOURS: however much it is used, a session ends this
    long after its sign-in."""
    return timedelta(hours=settings.session_max_hours())


def actor_of(session: Session, user: User) -> Actor:
    organisation = organisation_of(session, user)
    return Actor(
        user_id=user.id, login=user.login, role=user.role, school_id=user.school_id,
        commission_id=user.commission_id, district_id=user.district_id,
        region_id=user.region_id, organisation_code=organisation.code if organisation else "",
        language=user.language,
    )


def _signed_in_user(session: Session, user: User) -> SignedInUser:
    return SignedInUser(actor_of(session, user), user.full_name, user.must_change_password)


def sign_in(login: str, password: str, now: datetime | None = None,
            replacing: str = "") -> SignedIn:
    """Open a session, or raise SignInRefused.

    Five failures of one login within 15 minutes lock it for 15 minutes
    (security.lockout); attempts while locked are refused without checking
    the password. Success and failure are both audited. ``replacing`` is the
    browser's previous session token: a success ends that session in the same
    transaction. Not for a caller's unit of work: a refusal must keep its count.
    """
    now = now or utcnow()
    login = normalise_login(login)[:64]
    with transaction() as session:
        result = _attempt(session, login, password, now)
        if result is not None:
            sign_out(replacing, now)
    if result is None:
        raise SignInRefused()
    return result


def _attempt(session: Session, login: str, password: str, now: datetime) -> SignedIn | None:
    """Judge one attempt; its audit and counting are committed either way. The
    password is checked before the first write, so that on SQLite the write lock
    is not held for the length of a hash."""
    recent = session.exec(
        select(SignInAttempt.at, SignInAttempt.succeeded)
        .where(SignInAttempt.login == login, SignInAttempt.at >= now - LOOKBACK)
    ).all()
    user = session.exec(select(User).where(User.login == login)).first()
    if is_locked(recent, now):
        session.add(_sign_in_audit(session, login, user, now, "locked"))
        return None
    if user is None:
        verify_nothing(password)
        ok = False
    else:
        ok = verify_password(user.password_hash, password) and user.active
    # a hash of older parameters is replaced (made here, before the write lock)
    rehashed = hash_password(password) if ok and user and needs_rehash(user.password_hash) \
        else None
    session.exec(delete(SignInAttempt).where(col(SignInAttempt.at) < now - LOOKBACK))
    session.add(SignInAttempt(login=login, at=now, succeeded=ok))
    if not ok:
        reason = "unknown_login" if user is None else (
            "disabled" if not user.active else "wrong_password")
        session.add(_sign_in_audit(session, login, user, now, reason))
        return None
    assert user is not None and user.id is not None  # ok only for a stored user
    if rehashed is not None:
        user.password_hash = rehashed
    token = secrets.token_urlsafe(32)
    session.add(UserSession(token_sha256=token_digest(token), user_id=user.id, created_at=now,
                            last_seen_at=now))
    signed_in = _signed_in_user(session, user)
    session.add(_audit(signed_in.actor, AuditAction.SIGN_IN, now))
    return SignedIn(token, signed_in)


def _sign_in_audit(session: Session, login: str, user: User | None, now: datetime,
                   reason: str) -> AuditEntry:
    """A refused sign-in; ``reason`` is for the administrator, never for the visitor."""
    if user is not None:
        return _audit(actor_of(session, user), AuditAction.SIGN_IN_FAILED, now, "denied", reason)
    return AuditEntry(at=now, login=login, action=AuditAction.SIGN_IN_FAILED,
                      record_type=_USER_RECORD, outcome="denied", detail=reason)


def _audit(actor: Actor, action: AuditAction, now: datetime, outcome: str = "allowed",
           detail: str = "") -> AuditEntry:
    entry = audit_entry(actor, action, _USER_RECORD, actor.user_id, outcome, detail)
    entry.at = now
    return entry


def _open_session(session: Session, token: str) -> tuple[UserSession, User] | None:
    return session.exec(
        select(UserSession, User)
        .join(User, col(User.id) == UserSession.user_id)
        .where(UserSession.token_sha256 == token_digest(token), col(UserSession.ended_at).is_(None))
    ).first()


def resolve(token: str, now: datetime | None = None) -> SignedInUser | None:
    """The user behind ``token``, or None when it is unknown, ended, idle for
    longer than JUVENILE_SESSION_IDLE_HOURS, older than JUVENILE_SESSION_MAX_HOURS
    since its sign-in, or its account is disabled. Using a session keeps it
    alive, up to that absolute lifetime."""
    if not token:
        return None
    now = now or utcnow()
    with transaction() as session:
        row = _open_session(session, token)
        if row is None:
            return None
        user_session, user = row
        if not user.active:
            return None
        if (now - user_session.last_seen_at > _idle_limit()
                or now - user_session.created_at > _lifetime()):
            user_session.ended_at = now
            return None
        if now - user_session.last_seen_at > _TOUCH_EVERY:
            user_session.last_seen_at = now
        return _signed_in_user(session, user)


def sign_out(token: str, now: datetime | None = None) -> None:
    """End the session on the server; the token is worthless afterwards."""
    if not token:
        return
    now = now or utcnow()
    with transaction() as session:
        row = _open_session(session, token)
        if row is None:
            return
        user_session, user = row
        user_session.ended_at = now
        session.add(_audit(actor_of(session, user), AuditAction.SIGN_OUT, now))
