"""Users, their sign-in sessions and attempts, and the append-only audit log."""

import enum
from datetime import datetime

from sqlmodel import Field, SQLModel

from juvenile.models import organisations  # noqa: F401  (its foreign keys point at their tables)
from juvenile.models.base import enum_column, utcnow
from juvenile.rules.roles import Role


class User(SQLModel, table=True):
    """A person who signs in. Exactly the organisation column of the role is set:
    a school for school roles, a commission for commission roles, a district or a
    region (its education department) for analysts, none for administrators."""

    __tablename__ = "app_user"  # "user" is reserved in PostgreSQL

    id: int | None = Field(default=None, primary_key=True)
    login: str = Field(max_length=64, unique=True)
    full_name: str = Field(max_length=200)
    language: str = Field(default="kk", max_length=2)
    role: Role = enum_column(Role)
    school_id: int | None = Field(default=None, foreign_key="school.id", index=True)
    commission_id: int | None = Field(default=None, foreign_key="commission.id", index=True)
    district_id: int | None = Field(default=None, foreign_key="district.id")
    region_id: int | None = Field(default=None, foreign_key="region.id")
    password_hash: str = Field(max_length=200)
    # Set by an administrator's reset: the temporary password must be replaced.
    must_change_password: bool = False
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class UserSession(SQLModel, table=True):
    """A signed-in browser. The browser holds the token; only its SHA-256 is stored."""

    __tablename__ = "user_session"

    id: int | None = Field(default=None, primary_key=True)
    token_sha256: str = Field(max_length=64, unique=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    ended_at: datetime | None = None


class SignInAttempt(SQLModel, table=True):
    """One try to sign in, kept for the lockout rule (5 failures in 15 minutes)."""

    __tablename__ = "sign_in_attempt"

    id: int | None = Field(default=None, primary_key=True)
    login: str = Field(max_length=64, index=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    succeeded: bool


class AuditAction(enum.StrEnum):
    VIEW = "view"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    DENIED = "denied"


class AuditEntry(SQLModel, table=True):
    """Who did what to which record, and whether it was allowed.

    Append-only: the application has no code path that updates or deletes it.
    """

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    user_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    login: str = Field(max_length=64, index=True)
    action: AuditAction = enum_column(AuditAction)
    record_type: str = Field(max_length=40)
    record_id: int | None = Field(default=None, index=True)
    organisation: str = Field(default="", max_length=64)
    outcome: str = Field(max_length=16)  # "allowed" or "denied"
    detail: str = Field(default="", max_length=500)
