"""SQLModel tables, one module per area of the record.

``from juvenile.models import School`` imports only the module that defines the
name, and with it the modules its foreign keys point at (each model module
imports those itself), so a command that touches two tables does not pay for
thirty. ``load_all()`` registers every table; reading ``metadata`` calls it, so
Alembic and the schema tests always see the whole schema.
"""

from importlib import import_module
from typing import TYPE_CHECKING

from sqlmodel import SQLModel

# name -> the module of this package that defines it
_MODULE_OF = {
    "AbsenceProposal": "absences",
    "ProposalStatus": "absences",
    "AttendanceMark": "attendance",
    "CalendarDay": "calendar",
    "CalendarDayKind": "calendar",
    "CaseEvent": "case_events",
    "CaseEventKind": "case_events",
    "Referral": "cases",
    "ReferralStatus": "cases",
    "SupportCase": "cases",
    "AgendaItem": "commission",
    "AgendaItemKind": "commission",
    "AgendaItemStatus": "commission",
    "CommissionDecision": "commission",
    "CommissionMeeting": "commission",
    "CommissionMeetingStatus": "commission",
    "CommissionMember": "commission",
    "DecisionType": "commission",
    "MeetingAttendance": "commission",
    "MemberPosition": "commission",
    "MinutesDocument": "commission",
    "MinutesVersion": "commission",
    "CouncilMeeting": "council",
    "CouncilReview": "council",
    "MeetingStatus": "council",
    "CriterionFlag": "flags",
    "PlanMeasure": "flags",
    "AuditAction": "identity",
    "AuditEntry": "identity",
    "Role": "identity",
    "SignInAttempt": "identity",
    "User": "identity",
    "UserSession": "identity",
    "Commission": "organisations",
    "CommissionLevel": "organisations",
    "District": "organisations",
    "Region": "organisations",
    "RegionKind": "organisations",
    "School": "organisations",
    "SpecialOrganisation": "organisations",
    "SpecialOrganisationKind": "organisations",
    "Placement": "placements",
    "PlacementChange": "placements",
    "PlacementChangeKind": "placements",
    "PlacementStatus": "placements",
    "InternalAffairsSubmission": "submissions",
    "LegalRepresentative": "students",
    "SchoolTransfer": "students",
    "Student": "students",
}


if TYPE_CHECKING:  # what a type checker sees; at run time __getattr__ loads on demand
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
    from juvenile.models.submissions import InternalAffairsSubmission

__all__ = [*sorted(_MODULE_OF), "load_all", "metadata"]


def load_all() -> None:
    """Import every model module, registering every table in ``SQLModel.metadata``."""
    for module in sorted(set(_MODULE_OF.values())):
        import_module(f"juvenile.models.{module}")


def __getattr__(name: str):
    if name == "metadata":
        load_all()
        return SQLModel.metadata
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'juvenile.models' has no attribute {name!r}")
    value = getattr(import_module(f"juvenile.models.{module}"), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value
