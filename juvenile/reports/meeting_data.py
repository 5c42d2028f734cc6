"""The plain data the commission's documents are made from (Art. 79): one meeting
with its attendance, quorum and agenda questions, each with its minor, hearing
notes, decision and postponements. Names come in both official languages, so a
document can be made in either. ``services.commission.meeting_record`` fills it.
"""

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from juvenile.models import AgendaItemKind, AgendaItemStatus, MemberPosition
from juvenile.rules.commission import composition_order
from juvenile.rules.iin import Sex
from juvenile.rules.quorum import QuorumState


@dataclass(frozen=True)
class AttendanceLine:
    member_id: int
    full_name: str
    position: MemberPosition
    present: bool | None  # None: attendance not recorded yet
    absence_reason: str


@dataclass(frozen=True)
class Subject:
    """The minor an agenda question is about (none for an "other" question)."""

    student_id: int
    full_name: str
    birth_date: date
    class_name: str
    school_kk: str
    school_ru: str
    organisation_kk: str = ""  # the special organisation of a returned minor
    organisation_ru: str = ""
    return_date: date | None = None
    sex: Sex = Sex.MALE  # from the IIN, for the sentence's grammar in Russian


@dataclass(frozen=True)
class Decided:
    """The commission's decision on an item, with its follow-up."""

    id: int
    code: str
    name_kk: str
    name_ru: str
    follow_up: bool
    executor: str
    due_on: date | None
    notes: str
    done_on: date | None


@dataclass(frozen=True)
class MeetingRef:
    id: int
    number: int
    meeting_date: date


@dataclass(frozen=True)
class ItemRecord:
    id: int
    position: int
    kind: AgendaItemKind
    status: AgendaItemStatus
    title: str
    referral_id: int | None
    placement_id: int | None
    subject: Subject | None
    hearing_notes: str
    decision: Decided | None
    carried_from: MeetingRef | None  # postponed here from that meeting
    postponed_to: MeetingRef | None  # postponed from here to that meeting


@dataclass(frozen=True)
class MeetingRecord:
    meeting_id: int
    commission_id: int
    commission_kk: str
    commission_ru: str
    area_kk: str  # the district (or the region of a regional commission)
    area_ru: str
    number: int
    meeting_date: date
    place: str
    held: bool
    attendance: tuple[AttendanceLine, ...]
    quorum: QuorumState
    quorum_share: Fraction
    items: tuple[ItemRecord, ...]

    def commission(self, language: str) -> str:
        return self.commission_kk if language == "kk" else self.commission_ru

    def attendance_in(self, language: str) -> list[AttendanceLine]:
        """The attendance as the composition lists it, names in the reader's alphabet."""
        return sorted(self.attendance, key=lambda line: composition_order(
            line.position.value, line.full_name, language))

    def area(self, language: str) -> str:
        return self.area_kk if language == "kk" else self.area_ru
