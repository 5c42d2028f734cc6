"""The organisation tree: regions, districts, schools, commissions, special organisations."""

import enum

from sqlmodel import Field, SQLModel

from juvenile.models.base import Named, enum_column
from juvenile.rules.placements import PlacementKind


class RegionKind(enum.StrEnum):
    OBLAST = "oblast"
    CITY = "city"  # city of republican significance


class Region(Named, SQLModel, table=True):
    """One of the 17 oblasts or 3 cities of republican significance.

    Codes are ISO 3166-2:KZ ("KZ-75" is Almaty city); the migration seeds them.
    """

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=8, unique=True)
    kind: RegionKind = enum_column(RegionKind)
    name_kk: str = Field(max_length=200)
    name_ru: str = Field(max_length=200)


class District(Named, SQLModel, table=True):
    """A district (or city district) of a region."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    region_id: int = Field(foreign_key="region.id", index=True)
    name_kk: str = Field(max_length=200)
    name_ru: str = Field(max_length=200)


class School(Named, SQLModel, table=True):
    """An education organisation with its prevention council (Art. 23, Art. 78)."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    district_id: int = Field(foreign_key="district.id", index=True)
    name_kk: str = Field(max_length=300)
    name_ru: str = Field(max_length=300)


class CommissionLevel(enum.StrEnum):
    DISTRICT = "district"
    CITY = "city"
    REGIONAL = "regional"


class Commission(Named, SQLModel, table=True):
    """A Commission on Juvenile Affairs and Protection of their Rights (Art. 79).

    A district or city commission serves one district; a regional one has none.
    """

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    level: CommissionLevel = enum_column(CommissionLevel)
    region_id: int = Field(foreign_key="region.id", index=True)
    district_id: int | None = Field(default=None, foreign_key="district.id", index=True)
    name_kk: str = Field(max_length=300)
    name_ru: str = Field(max_length=300)


# The kind of a special organisation is the kind of placement it takes (Art. 80, 81).
SpecialOrganisationKind = PlacementKind


class SpecialOrganisation(Named, SQLModel, table=True):
    """A special education organisation or one with a special regime of detention."""

    __tablename__ = "special_organisation"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    kind: SpecialOrganisationKind = enum_column(SpecialOrganisationKind)
    region_id: int = Field(foreign_key="region.id", index=True)
    name_kk: str = Field(max_length=300)
    name_ru: str = Field(max_length=300)
