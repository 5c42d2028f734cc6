"""The one authorization gate: every service asks it before touching a record.

An allowed action on a child's record is written to the audit log in the
action's own transaction. A denial is written too, once, after the action's
transaction has been rolled back (see ``db.transaction``), so it survives; a
denial inside a larger unit of work that the caller catches is written with that
unit's commit, or after its rollback.
"""

from typing import Literal, overload

from sqlmodel import Session

from juvenile.models.identity import AuditAction, AuditEntry
from juvenile.security.actor import Actor
from juvenile.security.policy import (
    CHILD_RECORDS,
    Permission,
    RecordKind,
    RecordScope,
    is_allowed,
)

_AUDITED_AS = {
    Permission.VIEW: AuditAction.VIEW,
    Permission.CREATE: AuditAction.CREATE,
    Permission.UPDATE: AuditAction.UPDATE,
    Permission.APPROVE: AuditAction.UPDATE,
    Permission.DELETE: AuditAction.DELETE,
    Permission.EXPORT: AuditAction.EXPORT,
}


class NotFound(LookupError):
    """No such record. Pages show it exactly like a denial, so neither leaks."""

    def __init__(self, kind: RecordKind | str, record_id: object = None):
        self.kind, self.record_id = kind, record_id
        super().__init__(f"{kind} {record_id} not found")


class AccessDenied(PermissionError):
    """The gate refused. Carries the audit entry to keep once the transaction is undone."""

    def __init__(self, entry: AuditEntry):
        self.entry = entry
        super().__init__(f"{entry.login} may not {entry.detail} {entry.record_type} "
                         f"{entry.record_id}")

    def audit_after_rollback(self) -> AuditEntry:
        return self.entry


def audit_entry(
    actor: Actor,
    action: AuditAction,
    record_type: str,
    record_id: int | None,
    outcome: str = "allowed",
    detail: str = "",
) -> AuditEntry:
    """A log line about ``actor``; the caller adds it to a session."""
    return AuditEntry(
        user_id=actor.user_id, login=actor.login, action=action, record_type=str(record_type),
        record_id=record_id, organisation=actor.organisation_code, outcome=outcome,
        detail=detail[:500],
    )


@overload
def authorize(
    session: Session, actor: Actor,
    permission: Literal[Permission.CREATE, Permission.UPDATE, Permission.DELETE,
                        Permission.EXPORT, Permission.APPROVE],
    scope: RecordScope,
) -> AuditEntry: ...


@overload
def authorize(
    session: Session, actor: Actor, permission: Permission, scope: RecordScope
) -> AuditEntry | None: ...


def authorize(
    session: Session, actor: Actor, permission: Permission, scope: RecordScope
) -> AuditEntry | None:
    """Allow the action or raise AccessDenied.

    Returns the audit entry written for a child's record (set its ``record_id``
    after a create), or None for records that are not about a child.
    """
    if not is_allowed(actor, permission, scope):
        raise AccessDenied(audit_entry(actor, AuditAction.DENIED, scope.kind, scope.id,
                                       outcome="denied", detail=permission))
    if scope.kind not in CHILD_RECORDS and permission == Permission.VIEW:
        return None
    entry = audit_entry(actor, _AUDITED_AS[permission], scope.kind, scope.id, detail=permission)
    session.add(entry)
    return entry
