"""Shared column helpers for the tables."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from juvenile import clock

# Named constraints, so migrations can drop and alter them on every backend.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Now in UTC, timezone-aware: SQLModel's UTCDateTime columns refuse naive values
    (SQLite keeps no zone; they store UTC and read it back as aware UTC). The one
    clock answers, so a test that freezes it freezes the timestamps too."""
    return clock.now()


def enum_column(enum_type: type[enum.Enum], **kwargs):
    """A Field storing an enum's values as a plain string (portable, readable in SQL)."""
    length = max(len(member.value) for member in enum_type)
    return Field(
        sa_type=sa.Enum(
            enum_type,
            native_enum=False,
            length=length,
            values_callable=lambda members: [member.value for member in members],
            validate_strings=True,
        ),
        **kwargs,
    )


class Named:
    """Mixin for records named in both official languages."""

    name_kk: str
    name_ru: str

    def name(self, language: str) -> str:
        """The name in ``language``; Russian stands in for English (development only)."""
        return self.name_kk if language == "kk" else self.name_ru
