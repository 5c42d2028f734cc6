"""Students, their legal representatives, and their moves between schools."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from juvenile.models import identity, organisations  # noqa: F401  (its foreign keys point at their tables)
from juvenile.models.base import enum_column, utcnow
from juvenile.rules.iin import Sex


class Student(SQLModel, table=True):
    """A minor on a school's roll. ``school_id`` is the current school: the
    student's history and open cases follow them when they move."""

    id: int | None = Field(default=None, primary_key=True)
    iin: str = Field(max_length=12, unique=True)
    last_name: str = Field(max_length=100, index=True)
    first_name: str = Field(max_length=100)
    middle_name: str = Field(default="", max_length=100)
    birth_date: date
    sex: Sex = enum_column(Sex)
    school_id: int = Field(foreign_key="school.id", index=True)
    grade: int
    class_letter: str = Field(default="", max_length=4)
    language_of_instruction: str = Field(default="kk", max_length=2)
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.last_name, self.first_name, self.middle_name)
                        if part)


class LegalRepresentative(SQLModel, table=True):
    """A parent or guardian of the student (Art. 78 (3): they take part in the council)."""

    __tablename__ = "legal_representative"

    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="student.id", index=True)
    full_name: str = Field(max_length=200)
    relation: str = Field(max_length=40)  # mother, father, guardian, ...
    phone: str = Field(default="", max_length=32)
    iin: str | None = Field(default=None, max_length=12)


class SchoolTransfer(SQLModel, table=True):
    """A student's move to another school; the new school sees the whole history."""

    __tablename__ = "school_transfer"

    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="student.id", index=True)
    from_school_id: int = Field(foreign_key="school.id")
    to_school_id: int = Field(foreign_key="school.id")
    transferred_on: date
    recorded_by: int | None = Field(default=None, foreign_key="app_user.id")
    recorded_at: datetime = Field(default_factory=utcnow)
