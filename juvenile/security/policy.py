"""Who may do what: the roles × records table as one pure function.

Confidentiality is a principle of the law (Art. 3 (2) item 4; Art. 59 (6);
Art. 83 (2)): each role sees the records of its own organisation only, and
flags on the sensitive criteria (8 and 9) only their school and the
commission the case was referred to.
"""

import enum
from dataclasses import dataclass, field

from juvenile.models.identity import Role
from juvenile.security.actor import Actor


class Permission(enum.StrEnum):
    VIEW = "view"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    APPROVE = "approve"  # council protocols (school admin), commission minutes (secretary)


class RecordKind(enum.StrEnum):
    STUDENT = "student"
    FLAG = "flag"
    ATTENDANCE = "attendance"
    CASE = "case"
    COUNCIL_MEETING = "council_meeting"
    PLAN_MEASURE = "plan_measure"
    REFERRAL = "referral"
    COMMISSION_MEETING = "commission_meeting"
    COMMISSION_DECISION = "commission_decision"
    MINUTES = "minutes"
    PLACEMENT = "placement"
    ANALYSIS = "analysis"
    ORGANISATION = "organisation"
    USER = "user"
    PASSWORD = "password"  # noqa: S105 (a record kind: each user changes their own)
    CALENDAR = "calendar"
    AUDIT_LOG = "audit_log"
    DECISION_CATALOGUE = "decision_catalogue"


@dataclass(frozen=True)
class RecordScope:
    """Where a record belongs, as the gate needs to judge access to it.

    ``school_id`` is the student's current school (history follows the
    student); ``commission_ids`` are the commissions the child's case was
    referred to (Art. 78 (4)): they read the school file as the role allows;
    ``placement_commission_ids`` are those responsible for a placement of the
    child (Art. 80 (10), Art. 81 (11)): they read only the placement and who
    the child is (``PLACEMENT_OPENS``); ``district_id``/``region_id`` place
    aggregate records (analysis) and organisations.
    """

    kind: RecordKind
    id: int | None = None
    school_id: int | None = None
    commission_ids: frozenset[int] = field(default_factory=frozenset)
    placement_commission_ids: frozenset[int] = field(default_factory=frozenset)
    district_id: int | None = None
    region_id: int | None = None
    sensitive: bool = False


# Records about a named child, kept by the school.
SCHOOL_RECORDS = frozenset({
    RecordKind.STUDENT, RecordKind.FLAG, RecordKind.ATTENDANCE, RecordKind.CASE,
    RecordKind.COUNCIL_MEETING, RecordKind.PLAN_MEASURE,
})
# Records of the commission's own work.
COMMISSION_RECORDS = frozenset({
    RecordKind.REFERRAL, RecordKind.COMMISSION_MEETING, RecordKind.COMMISSION_DECISION,
    RecordKind.MINUTES, RecordKind.PLACEMENT,
})
CHILD_RECORDS = SCHOOL_RECORDS | COMMISSION_RECORDS
# What holding a placement opens to a commission without a referral: the
# placement and the child's identity, never flags, attendance or cases.
PLACEMENT_OPENS = frozenset({RecordKind.STUDENT, RecordKind.PLACEMENT})
ADMINISTRATION_RECORDS = frozenset({
    RecordKind.ORGANISATION, RecordKind.USER, RecordKind.PASSWORD, RecordKind.CALENDAR,
    RecordKind.AUDIT_LOG, RecordKind.DECISION_CATALOGUE,
})

_EDIT = frozenset({Permission.VIEW, Permission.CREATE, Permission.UPDATE, Permission.EXPORT})
_READ = frozenset({Permission.VIEW, Permission.EXPORT})

# What each role may do on the records of its own organisation.
ROLE_PERMISSIONS: dict[Role, dict[RecordKind, frozenset[Permission]]] = {
    Role.SCHOOL_PSYCHOLOGIST: {
        **dict.fromkeys(SCHOOL_RECORDS, _EDIT),
        RecordKind.REFERRAL: _READ,
        RecordKind.PLACEMENT: _READ,
    },
    Role.SCHOOL_ADMIN: {
        **dict.fromkeys(SCHOOL_RECORDS, _EDIT),
        RecordKind.COUNCIL_MEETING: _EDIT | {Permission.APPROVE},
        RecordKind.REFERRAL: _READ,
        RecordKind.PLACEMENT: _READ,
    },
    Role.COMMISSION_SECRETARY: {
        **dict.fromkeys(COMMISSION_RECORDS, _EDIT),
        RecordKind.MINUTES: _EDIT | {Permission.APPROVE},
        # the students in its referrals and placements, and their school files
        **dict.fromkeys(SCHOOL_RECORDS, _READ),
    },
    Role.COMMISSION_MEMBER: {
        RecordKind.REFERRAL: _READ,
        RecordKind.COMMISSION_MEETING: _READ,
        RecordKind.COMMISSION_DECISION: _READ,
        RecordKind.MINUTES: _READ,
        RecordKind.STUDENT: _READ,
        RecordKind.FLAG: _READ,
        RecordKind.CASE: _READ,
        RecordKind.COUNCIL_MEETING: _READ,
    },
    Role.EDUCATION_ANALYST: {RecordKind.ANALYSIS: _READ},
    Role.ADMIN: {
        **dict.fromkeys(ADMINISTRATION_RECORDS, _EDIT | {Permission.DELETE}),
        # reading a child's record is allowed, and audited like anyone's
        **dict.fromkeys(CHILD_RECORDS, frozenset({Permission.VIEW})),
        RecordKind.ANALYSIS: _READ,
    },
}

SCHOOL_ROLES = frozenset({Role.SCHOOL_PSYCHOLOGIST, Role.SCHOOL_ADMIN})
COMMISSION_ROLES = frozenset({Role.COMMISSION_SECRETARY, Role.COMMISSION_MEMBER})


def is_allowed(actor: Actor, permission: Permission, scope: RecordScope) -> bool:
    """May ``actor`` do ``permission`` on the record described by ``scope``?"""
    if actor.is_system:
        return True
    if scope.kind == RecordKind.ORGANISATION and permission == Permission.VIEW:
        return True  # names of organisations are public knowledge
    if _own_password(actor, permission, scope):
        return True
    if permission not in ROLE_PERMISSIONS[actor.role].get(scope.kind, frozenset()):
        return False
    if actor.role in SCHOOL_ROLES:
        return actor.school_id is not None and scope.school_id == actor.school_id
    if actor.role in COMMISSION_ROLES:
        return _commission_reads(actor, scope)
    if actor.role == Role.EDUCATION_ANALYST:
        return _within_department(actor, scope)
    # Administrators: the deployment's own records, and non-sensitive reads.
    return not scope.sensitive


def _commission_reads(actor: Actor, scope: RecordScope) -> bool:
    """A commission works on what was referred to it; a placement it is
    responsible for opens only the placement and the child's identity."""
    if actor.commission_id is None:
        return False
    if actor.commission_id in scope.commission_ids:
        return True
    return (scope.kind in PLACEMENT_OPENS and not scope.sensitive
            and actor.commission_id in scope.placement_commission_ids)


def _own_password(actor: Actor, permission: Permission, scope: RecordScope) -> bool:
    """Every user may change their own password, whatever their role."""
    return (scope.kind == RecordKind.PASSWORD and permission == Permission.UPDATE
            and actor.user_id is not None and scope.id == actor.user_id)


def _within_department(actor: Actor, scope: RecordScope) -> bool:
    """An analyst sees their own district, or every district of their region."""
    if actor.district_id is not None:
        return scope.district_id == actor.district_id
    return actor.region_id is not None and scope.region_id == actor.region_id
