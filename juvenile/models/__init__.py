"""SQLModel tables. Importing this package registers every table's metadata."""

from sqlmodel import SQLModel

from juvenile.models.absences import AbsenceProposal, ProposalStatus
from juvenile.models.attendance import AttendanceMark
from juvenile.models.calendar import CalendarDay, CalendarDayKind
from juvenile.models.case_events import CaseEvent, CaseEventKind
from juvenile.models.cases import Referral, ReferralStatus, SupportCase
from juvenile.models.commission import (
    AgendaItem,
    AgendaItemKind,
    AgendaItemStatus,
    CommissionDecision,
    CommissionMeeting,
    CommissionMeetingStatus,
    CommissionMember,
    DecisionType,
    MeetingAttendance,
    MemberPosition,
    MinutesDocument,
    MinutesVersion,
)
from juvenile.models.council import CouncilMeeting, CouncilReview, MeetingStatus
from juvenile.models.flags import CriterionFlag, PlanMeasure
from juvenile.models.identity import (
    AuditAction,
    AuditEntry,
    Role,
    SignInAttempt,
    User,
    UserSession,
)
from juvenile.models.organisations import (
    Commission,
    CommissionLevel,
    District,
    Region,
    RegionKind,
    School,
    SpecialOrganisation,
    SpecialOrganisationKind,
)
from juvenile.models.placements import (
    Placement,
    PlacementChange,
    PlacementChangeKind,
    PlacementStatus,
)
from juvenile.models.students import LegalRepresentative, SchoolTransfer, Student

metadata = SQLModel.metadata

__all__ = [
    "AbsenceProposal",
    "AttendanceMark",
    "CaseEvent",
    "CaseEventKind",
    "CouncilMeeting",
    "CouncilReview",
    "MeetingStatus",
    "ProposalStatus",
    "AuditAction",
    "AuditEntry",
    "CriterionFlag",
    "LegalRepresentative",
    "PlanMeasure",
    "Referral",
    "ReferralStatus",
    "Role",
    "SchoolTransfer",
    "SignInAttempt",
    "Student",
    "SupportCase",
    "User",
    "UserSession",
    "Commission",
    "CommissionLevel",
    "District",
    "Region",
    "RegionKind",
    "School",
    "SpecialOrganisation",
    "SpecialOrganisationKind",
    "AgendaItem",
    "AgendaItemKind",
    "AgendaItemStatus",
    "CalendarDay",
    "CalendarDayKind",
    "CommissionDecision",
    "CommissionMeeting",
    "CommissionMeetingStatus",
    "CommissionMember",
    "DecisionType",
    "MeetingAttendance",
    "MemberPosition",
    "MinutesDocument",
    "MinutesVersion",
    "Placement",
    "PlacementChange",
    "PlacementChangeKind",
    "PlacementStatus",
    "metadata",
]
