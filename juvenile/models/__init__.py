"""SQLModel tables. Importing this package registers every table's metadata."""

from sqlmodel import SQLModel

from juvenile.models.cases import Referral, ReferralStatus, SupportCase
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
from juvenile.models.students import LegalRepresentative, SchoolTransfer, Student

metadata = SQLModel.metadata

__all__ = [
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
    "metadata",
]
