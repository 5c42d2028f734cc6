"""SQLModel tables. Importing this package registers every table's metadata."""

from sqlmodel import SQLModel

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

metadata = SQLModel.metadata

__all__ = [
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
