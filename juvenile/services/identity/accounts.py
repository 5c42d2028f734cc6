"""User accounts: create, edit, disable, reset and change passwords.

Each role belongs to one kind of organisation (see ``ROLE_ORGANISATION``);
the account keeps exactly that organisation's column, so the gate can scope
the user to it. Every change is authorized and audited through the gate.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, func, or_, select

from juvenile.db import transaction
from juvenile.errors import Refusal
from juvenile.i18n import LANGUAGES
from juvenile.models import Commission, District, Region, Role, School, User, UserSession
from juvenile.models.base import utcnow
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.passwords import (
    MIN_LENGTH,
    generate_password,
    hash_password,
    verify_password,
)
from juvenile.security.policy import Permission, RecordKind, RecordScope
from juvenile.services.common import Paged

# The kinds of organisation each role may belong to, in the order a code is looked up.
ROLE_ORGANISATION: dict[Role, tuple[type, ...]] = {
    Role.SCHOOL_PSYCHOLOGIST: (School,),
    Role.SCHOOL_ADMIN: (School,),
    Role.COMMISSION_SECRETARY: (Commission,),
    Role.COMMISSION_MEMBER: (Commission,),
    Role.EDUCATION_ANALYST: (District, Region),  # a district or a regional department
    Role.ADMIN: (),  # the deployment itself
}
_COLUMN = {School: "school_id", Commission: "commission_id", District: "district_id",
           Region: "region_id"}
_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
NAME_MAX_LENGTH = 200
PAGE_SIZE = 25


class AccountRefused(Refusal, ValueError):
    """The input cannot make a valid account; ``key`` names the message."""


@dataclass(frozen=True)
class Organisation:
    code: str
    name_kk: str
    name_ru: str

    def name(self, language: str) -> str:
        return self.name_kk if language == "kk" else self.name_ru


@dataclass(frozen=True)
class Account:
    """A user as the administration screens and the command line see it (no hash)."""

    id: int
    login: str
    full_name: str
    role: Role
    organisation: Organisation | None
    language: str
    active: bool
    must_change_password: bool
    created_at: datetime


@dataclass(frozen=True)
class AccountPage(Paged):
    accounts: list[Account]
    total: int
    page: int
    page_size: int


@dataclass(frozen=True)
class AccountForm:
    """What an administrator types for a new or edited account."""

    full_name: str
    role: Role | str
    organisation_code: str = ""
    language: str = "kk"


def normalise_login(login: str) -> str:
    """Logins compare without case or surrounding spaces."""
    return login.strip().lower()


def organisation_of(session: Session, user: User) -> Organisation | None:
    """The organisation the user's role belongs to (None for administrators)."""
    for table in ROLE_ORGANISATION[user.role]:
        record_id = getattr(user, _COLUMN[table])
        if record_id is not None:
            record = session.get(table, record_id)
            return Organisation(record.code, record.name_kk, record.name_ru)
    return None


def _account(session: Session, user: User) -> Account:
    return Account(
        id=user.id, login=user.login, full_name=user.full_name, role=user.role,
        organisation=organisation_of(session, user), language=user.language,
        active=user.active, must_change_password=user.must_change_password,
        created_at=user.created_at,
    )


def _user_scope(user_id: int | None, kind: RecordKind = RecordKind.USER) -> RecordScope:
    return RecordScope(kind=kind, id=user_id)


def _load(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(RecordKind.USER, user_id)
    return user


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError as error:
        raise AccountRefused("admin.error.role_unknown", role=value) from error


def _place(session: Session, user: User, form: AccountForm) -> None:
    """Check the form and write it onto ``user``: name, language, role and organisation."""
    full_name = form.full_name.strip()
    if not full_name:
        raise AccountRefused("admin.error.name_required")
    if len(full_name) > NAME_MAX_LENGTH:
        raise AccountRefused("admin.error.name_too_long", limit=NAME_MAX_LENGTH)
    if form.language not in LANGUAGES:
        raise AccountRefused("admin.error.language_unknown", language=form.language)
    role = _role(form.role)
    code = form.organisation_code.strip()
    tables = ROLE_ORGANISATION[role]
    for column in _COLUMN.values():
        setattr(user, column, None)
    if not tables:
        if code:
            raise AccountRefused("admin.error.admin_has_no_organisation")
    elif not code:
        raise AccountRefused("admin.error.organisation_required", role=role.value)
    else:
        record = _find_organisation(session, tables, code)
        if record is None:
            raise AccountRefused("admin.error.organisation_unknown", code=code,
                                 role=role.value)
        setattr(user, _COLUMN[type(record)], record.id)
    user.full_name, user.language, user.role = full_name, form.language, role


def _find_organisation(session: Session, tables: tuple[type, ...], code: str):
    for table in tables:
        record = session.exec(select(table).where(table.code == code)).first()
        if record is not None:
            return record
    return None


def check_new_password(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise AccountRefused("auth.error.password_too_short", length=MIN_LENGTH)


def _end_sessions(session: Session, user_id: int, keep_sha256: str = "") -> None:
    """Sign the user out everywhere (disabled, or their password was reset), or
    everywhere but the session ``keep_sha256`` (their password was changed there)."""
    now = utcnow()
    for open_session in session.exec(
        select(UserSession).where(UserSession.user_id == user_id,
                                  col(UserSession.ended_at).is_(None),
                                  col(UserSession.token_sha256) != keep_sha256)
    ):
        open_session.ended_at = now


@dataclass(frozen=True)
class CreatedAccount:
    account: Account
    # The generated password, to show once; None when the caller chose one.
    temporary_password: str | None


def create_user(actor: Actor, login: str, form: AccountForm,
                password: str | None = None) -> CreatedAccount:
    """A new account. Without ``password`` a temporary one is generated, shown
    once, and must be replaced at the first sign-in."""
    login = normalise_login(login)
    if not _LOGIN.match(login):
        raise AccountRefused("admin.error.login_invalid")
    if password is not None:
        check_new_password(password)
    temporary = generate_password() if password is None else None
    with transaction() as session:
        entry = authorize(session, actor, Permission.CREATE, _user_scope(None))
        if session.exec(select(User.id).where(User.login == login)).first() is not None:
            raise AccountRefused("admin.error.login_taken", login=login)
        user = User(login=login, full_name="", role=Role.ADMIN,
                    password_hash=hash_password(password or temporary),
                    must_change_password=temporary is not None)
        _place(session, user, form)
        session.add(user)
        session.flush()
        entry.record_id = user.id
        return CreatedAccount(_account(session, user), temporary)


def update_user(actor: Actor, user_id: int, form: AccountForm) -> Account:
    """Change the name, language, role and organisation of an account."""
    with transaction() as session:
        user = _load(session, user_id)
        authorize(session, actor, Permission.UPDATE, _user_scope(user.id))
        _place(session, user, form)
        return _account(session, user)


def set_active(actor: Actor, user_id: int, active: bool) -> Account:
    """Disable (or enable again) an account; disabling ends its sessions."""
    with transaction() as session:
        user = _load(session, user_id)
        entry = authorize(session, actor, Permission.UPDATE, _user_scope(user.id))
        if not active and user.id == actor.user_id:
            raise AccountRefused("admin.error.disable_self")
        entry.detail = "enable" if active else "disable"
        user.active = active
        if not active:
            _end_sessions(session, user.id)
        return _account(session, user)


def reset_password(actor: Actor, user_id: int) -> str:
    """A new temporary password for the account, returned to be shown once.
    The user's sessions end and the next sign-in asks for a new password."""
    temporary = generate_password()
    with transaction() as session:
        user = _load(session, user_id)
        entry = authorize(session, actor, Permission.UPDATE,
                          _user_scope(user.id, RecordKind.PASSWORD))
        entry.detail = "reset"
        user.password_hash = hash_password(temporary)
        user.must_change_password = True
        _end_sessions(session, user.id)
    return temporary


def change_own_password(actor: Actor, current_password: str, new_password: str,
                        session_token: str = "") -> None:
    """The signed-in user replaces their password, proving the current one. Every
    other session of theirs ends (one opened with the old password elsewhere is
    signed out); the session ``session_token``, where they changed it, goes on."""
    check_new_password(new_password)
    if new_password == current_password:
        raise AccountRefused("auth.error.password_unchanged")
    if actor.user_id is None:
        raise NotFound(RecordKind.USER, None)  # the command line has no password
    with transaction() as session:
        user = _load(session, actor.user_id)
        entry = authorize(session, actor, Permission.UPDATE,
                          _user_scope(user.id, RecordKind.PASSWORD))
        if not verify_password(user.password_hash, current_password):
            raise AccountRefused("auth.error.current_password_wrong")
        entry.detail = "change"
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        keep = hashlib.sha256(session_token.encode()).hexdigest() if session_token else ""
        _end_sessions(session, user.id, keep)


def get_user(actor: Actor, user_id: int) -> Account:
    with transaction() as session:
        user = _load(session, user_id)
        authorize(session, actor, Permission.VIEW, _user_scope(user.id))
        return _account(session, user)


def find_user(actor: Actor, login: str) -> Account:
    """The account with this login (the command line names users by login)."""
    login = normalise_login(login)
    with transaction() as session:
        user = session.exec(select(User).where(User.login == login)).first()
        if user is None:
            raise NotFound(RecordKind.USER, login)
        authorize(session, actor, Permission.VIEW, _user_scope(user.id))
        return _account(session, user)


def list_users(actor: Actor, page: int = 1, search: str = "",
               page_size: int = PAGE_SIZE) -> AccountPage:
    """One page of accounts, by login; ``search`` matches login or name."""
    page = max(1, page)
    with transaction() as session:
        authorize(session, actor, Permission.VIEW, _user_scope(None))
        query = select(User)
        if search.strip():
            pattern = f"%{search.strip().lower()}%"
            query = query.where(or_(col(User.login).like(pattern),
                                    func.lower(User.full_name).like(pattern)))
        total = session.exec(select(func.count()).select_from(query.subquery())).one()
        users = session.exec(
            query.order_by(User.login).offset((page - 1) * page_size).limit(page_size)
        ).all()
        return AccountPage([_account(session, user) for user in users], total, page, page_size)


def organisation_choices(actor: Actor, role: Role | str, search: str = "",
                         limit: int = 50) -> list[Organisation]:
    """Up to ``limit`` organisations an account of ``role`` may belong to, by code;
    ``search`` matches the start of the code or any part of a name."""
    tables = ROLE_ORGANISATION[_role(role)]
    text = search.strip()
    with transaction() as session:
        authorize(session, actor, Permission.VIEW, RecordScope(kind=RecordKind.ORGANISATION))
        found: list[Organisation] = []
        for table in tables:
            query = select(table)
            if text:
                query = query.where(or_(table.code.startswith(text.upper()),
                                        table.name_kk.contains(text),
                                        table.name_ru.contains(text)))
            records = session.exec(query.order_by(table.code).limit(limit - len(found)))
            found += [Organisation(r.code, r.name_kk, r.name_ru) for r in records]
            if len(found) >= limit:
                break
        return found
