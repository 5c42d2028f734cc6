"""What the student card shows beyond who the child is: flags with their history,
attendance month by month, cases with the council's decisions and referrals,
placements, and who opened the card.

Each kind of record passes the gate on its own (and is audited as read);
a section the gate does not open to the reader stays empty: a commission
responsible for a placement of the child (Art. 80 (10), Art. 81 (11)) reads
the placements and nothing more of the school file, a commission a case was
referred to (Art. 78 (4)) reads that case and its flags. Flags on the
sensitive criteria 8 and 9 only where the gate allows them, through the
referral of their own case (Art. 3 (2) item 4, Art. 83 (2)). The list of who
opened the card comes from the audit log: every "view" of this student.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from juvenile.db import transaction
from juvenile.models import (
    AttendanceMark,
    AuditAction,
    AuditEntry,
    Commission,
    CouncilMeeting,
    CouncilReview,
    CriterionFlag,
    Placement,
    Referral,
    SpecialOrganisation,
    Student,
    SupportCase,
    User,
)
from juvenile.rules.attendance import AttendanceStatus, month_key
from juvenile.rules.cases import CaseState, CloseOutcome, CouncilDecision
from juvenile.rules.criteria import SENSITIVE_CRITERIA
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission, RecordKind, is_allowed
from juvenile.security.scopes import student_scope
from juvenile.services.school.cases import case_scope
from juvenile.services.school.flags import flag_scope
from juvenile.services.school.students import load_student

MONTHS_SHOWN = 12
OPENERS_SHOWN = 30


@dataclass(frozen=True)
class FlagLine:
    flag_id: int
    criterion: int
    noticed_on: date
    evidence: str
    evidence_key: str
    evidence_params: str
    case_id: int | None
    resolved_on: date | None
    resolution_reason: str


@dataclass(frozen=True)
class AttendanceMonth:
    month: str  # YYYY-MM
    days: dict[int, AttendanceStatus]  # day of month -> mark
    unexcused_days: int


@dataclass(frozen=True)
class CouncilLine:
    meeting_id: int
    number: str
    meeting_on: date
    decision: CouncilDecision | None


@dataclass(frozen=True)
class CaseLine:
    case_id: int
    state: CaseState
    opened_on: date
    closed_on: date | None
    outcome: CloseOutcome | None
    council: tuple[CouncilLine, ...]
    commission_kk: str
    commission_ru: str


@dataclass(frozen=True)
class PlacementLine:
    placement_id: int
    kind: str
    organisation_kk: str
    organisation_ru: str
    start_date: date
    planned_end: date
    status: str
    return_date: date | None


@dataclass(frozen=True)
class Opener:
    at: datetime
    login: str
    full_name: str
    organisation: str


@dataclass(frozen=True)
class StudentFile:
    flags: list[FlagLine]
    attendance: list[AttendanceMonth]  # newest month first
    cases: list[CaseLine]
    placements: list[PlacementLine]
    openers: list[Opener]  # newest first
    may_change_flags: bool  # the page offers flagging and "no longer applies" only then


def _flags(session: Session, actor: Actor, student: Student) -> list[FlagLine]:
    scope = student_scope(session, student, kind=RecordKind.FLAG)
    if not is_allowed(actor, Permission.VIEW, scope):
        return []
    authorize(session, actor, Permission.VIEW, scope)
    lines = []
    for flag in session.exec(select(CriterionFlag).where(CriterionFlag.student_id == student.id)
                             .order_by(col(CriterionFlag.noticed_on).desc(),
                                       col(CriterionFlag.id))):
        if flag.criterion in SENSITIVE_CRITERIA:
            sensitive = flag_scope(session, student, flag)
            if not is_allowed(actor, Permission.VIEW, sensitive):
                continue
            authorize(session, actor, Permission.VIEW, sensitive)
        lines.append(FlagLine(flag.id, flag.criterion, flag.noticed_on, flag.evidence,
                              flag.evidence_key, flag.evidence_params,
                              flag.case_id, flag.resolved_on, flag.resolution_reason))
    return lines


def _attendance(session: Session, actor: Actor, student: Student) -> list[AttendanceMonth]:
    scope = student_scope(session, student, kind=RecordKind.ATTENDANCE)
    if not is_allowed(actor, Permission.VIEW, scope):
        return []
    authorize(session, actor, Permission.VIEW, scope)
    months: dict[str, dict[int, AttendanceStatus]] = defaultdict(dict)
    for day, status in session.exec(
        select(col(AttendanceMark.day), AttendanceMark.status)
        .where(AttendanceMark.student_id == student.id).order_by(col(AttendanceMark.day).desc())
    ):
        key = month_key(day)
        if key not in months and len(months) == MONTHS_SHOWN:
            break
        months[key][day.day] = AttendanceStatus(status)
    return [
        AttendanceMonth(key, dict(sorted(days.items())),
                        sum(1 for s in days.values() if s is AttendanceStatus.UNEXCUSED))
        for key, days in sorted(months.items(), reverse=True)
    ]


def _cases(session: Session, actor: Actor, student: Student) -> list[CaseLine]:
    scope = student_scope(session, student, kind=RecordKind.CASE)
    if not is_allowed(actor, Permission.VIEW, scope):
        return []
    authorize(session, actor, Permission.VIEW, scope)
    cases = [case for case in session.exec(
        select(SupportCase).where(SupportCase.student_id == student.id)
        .order_by(col(SupportCase.opened_on).desc(), col(SupportCase.id).desc()))
        if is_allowed(actor, Permission.VIEW, case_scope(session, case, student))]
    ids = [case.id for case in cases]
    council = defaultdict(list)
    for review, meeting in session.exec(
        select(CouncilReview, CouncilMeeting)
        .join(CouncilMeeting, col(CouncilMeeting.id) == CouncilReview.meeting_id)
        .where(col(CouncilReview.case_id).in_(ids)).order_by(col(CouncilMeeting.meeting_on))
    ):
        council[review.case_id].append(CouncilLine(meeting.id, meeting.number,
                                                   meeting.meeting_on, review.decision))
    referred = {case_id: commission for case_id, commission in session.exec(
        select(Referral.case_id, Commission)
        .join(Commission, col(Commission.id) == Referral.commission_id)
        .where(col(Referral.case_id).in_(ids)))}
    return [
        CaseLine(case.id, CaseState(case.state), case.opened_on, case.closed_on,
                 CloseOutcome(case.outcome) if case.outcome else None,
                 tuple(council[case.id]),
                 referred[case.id].name_kk if case.id in referred else "",
                 referred[case.id].name_ru if case.id in referred else "")
        for case in cases
    ]


def _placements(session: Session, actor: Actor, student: Student) -> list[PlacementLine]:
    scope = student_scope(session, student, kind=RecordKind.PLACEMENT)
    if not is_allowed(actor, Permission.VIEW, scope):
        return []
    rows = session.exec(
        select(Placement, SpecialOrganisation)
        .join(SpecialOrganisation, col(SpecialOrganisation.id) == Placement.organisation_id)
        .where(Placement.student_id == student.id).order_by(col(Placement.start_date).desc())
    ).all()
    if rows:
        authorize(session, actor, Permission.VIEW, scope)
    return [PlacementLine(p.id, str(p.kind), o.name_kk, o.name_ru, p.start_date, p.planned_end,
                          str(p.status), p.return_date) for p, o in rows]


def _openers(session: Session, student: Student) -> list[Opener]:
    rows = session.exec(
        select(AuditEntry.at, AuditEntry.login, User.full_name, AuditEntry.organisation)
        .outerjoin(User, col(User.id) == AuditEntry.user_id)
        .where(AuditEntry.record_type == RecordKind.STUDENT.value,
               AuditEntry.record_id == student.id, AuditEntry.action == AuditAction.VIEW,
               AuditEntry.outcome == "allowed")
        .order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc()).limit(OPENERS_SHOWN)
    ).all()
    return [Opener(at, login, name or "", organisation) for at, login, name, organisation in rows]


def student_file(actor: Actor, student_id: int) -> StudentFile:
    """The card's sections for ``student_id``; NotFound or AccessDenied as the card."""
    with transaction() as session:
        student = load_student(session, student_id)
        # The card itself is opened (and audited) by services.student_card; reading who
        # opened it needs the same right, checked here without a second "view" entry.
        if not is_allowed(actor, Permission.VIEW, student_scope(session, student)):
            authorize(session, actor, Permission.VIEW, student_scope(session, student))
        return StudentFile(
            flags=_flags(session, actor, student),
            attendance=_attendance(session, actor, student),
            cases=_cases(session, actor, student),
            placements=_placements(session, actor, student),
            openers=_openers(session, student),
            may_change_flags=is_allowed(actor, Permission.UPDATE,
                                        student_scope(session, student, kind=RecordKind.FLAG)),
        )
