"""The plain data the school's documents are made from (Art. 78 (3)): the
prevention council's protocol with the cases it heard, and the individual
prevention work plan with its measures. ``services.school.documents`` fills it.
"""

from dataclasses import dataclass, field
from datetime import date

from juvenile.rules.cases import CouncilDecision
from juvenile.rules.iin import Sex


@dataclass(frozen=True)
class Measure:
    description: str
    responsible: str
    due_on: date
    done_on: date | None


@dataclass(frozen=True)
class HeardCase:
    """One case as the council heard it."""

    case_id: int
    student_name: str
    birth_date: date
    class_name: str
    criteria: tuple[int, ...]
    minor_present: bool | None
    minor_absence_reason: str
    representatives: tuple[str, ...]
    representatives_present: bool | None
    representatives_absence_reason: str
    decision: CouncilDecision | None
    commission_kk: str = ""
    commission_ru: str = ""
    measures: tuple[Measure, ...] = ()
    student_sex: Sex = Sex.MALE  # from the IIN, for the wording of the minor's part
    # the day they were invited, when their absence is a documented refusal (Art. 78 (3))
    representatives_invited_on: date | None = None


@dataclass(frozen=True)
class ProtocolData:
    school_kk: str
    school_ru: str
    number: str
    meeting_on: date
    held: bool
    members: tuple[str, ...]
    cases: tuple[HeardCase, ...]


@dataclass(frozen=True)
class PlanData:
    school_kk: str
    school_ru: str
    case_id: int
    student_name: str
    birth_date: date
    class_name: str
    criteria: tuple[int, ...]
    meeting_number: str
    meeting_on: date | None
    measures: tuple[Measure, ...] = field(default_factory=tuple)
