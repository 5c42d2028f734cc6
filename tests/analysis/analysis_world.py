"""A hand-built district whose every quarterly figure is known in advance.

Quarter under test: 2026 Q2 (1 April – 30 June). Events sit on its first and
last day (in), and on 31 March and 1 July (out). District TST-D1 has schools
TST-A and TST-B; student a10 moves from A to B on 15 May. District TST-D2
(school TST-C) is in the same region and must never leak into TST-D1.
Nothing happens in 2025 Q4, so the analysis of 2026 Q1 has an empty previous
quarter. Rows are inserted with the models directly, as the school and
commission services would leave them.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import select

from juvenile.analysis.periods import KAZAKHSTAN_TIME
from juvenile.db import transaction
from juvenile.models import (
    AgendaItem,
    AgendaItemKind,
    AttendanceMark,
    Commission,
    CommissionDecision,
    CommissionLevel,
    CommissionMeeting,
    CouncilMeeting,
    CouncilReview,
    CriterionFlag,
    DecisionType,
    District,
    MeetingStatus,
    Placement,
    PlacementStatus,
    Referral,
    Region,
    Role,
    School,
    SchoolTransfer,
    SpecialOrganisation,
    Student,
    SupportCase,
)
from juvenile.rules.attendance import AttendanceStatus
from juvenile.rules.cases import CaseState, CloseOutcome, CouncilDecision
from juvenile.rules.iin import Sex, make_iin
from juvenile.rules.placements import DecidingBody, PlacementKind, notice_due, planned_end
from juvenile.security.actor import Actor

REGION = "KZ-10"


@dataclass
class World:
    region_id: int = 0
    districts: dict[str, int] = field(default_factory=dict)
    schools: dict[str, int] = field(default_factory=dict)
    students: dict[str, int] = field(default_factory=dict)


def _d(text: str) -> date:
    return date.fromisoformat(text)


def _t(text: str) -> datetime:
    """A moment written in Kazakhstan time (the quarter's edges are local midnights)."""
    return datetime.fromisoformat(text).replace(tzinfo=KAZAKHSTAN_TIME)


def build_world() -> World:
    world = World()
    with transaction() as s:
        region = s.exec(select(Region).where(Region.code == REGION)).one()
        world.region_id = region.id
        for code in ("TST-D1", "TST-D2"):
            district = District(code=code, region_id=region.id, name_kk=f"{code} ауданы",
                                name_ru=f"район {code}")
            s.add(district)
            s.flush()
            world.districts[code] = district.id
        for code, district in (("TST-A", "TST-D1"), ("TST-B", "TST-D1"), ("TST-C", "TST-D2")):
            school = School(code=code, district_id=world.districts[district],
                            name_kk=f"{code} мектебі", name_ru=f"Школа {code}")
            s.add(school)
            s.flush()
            world.schools[code] = school.id
        commissions = {}
        for district in ("TST-D1", "TST-D2"):
            commission = Commission(code=f"KDN-{district}", level=CommissionLevel.DISTRICT,
                                    region_id=region.id, district_id=world.districts[district],
                                    name_kk="Комиссия", name_ru="Комиссия")
            s.add(commission)
            s.flush()
            commissions[district] = commission.id
        organisation = SpecialOrganisation(code="TST-SPO", kind=PlacementKind.SPECIAL_EDUCATION,
                                           region_id=region.id, name_kk="Ұйым", name_ru="Орг")
        s.add(organisation)
        s.flush()

        # The roll: A has a1..a9 (a10 moved to B), B has b1..b4 and a10, C has c1..c3.
        serial = 100
        first_school = {**{f"a{n}": "TST-A" for n in range(1, 11)},
                        **{f"b{n}": "TST-B" for n in range(1, 5)},
                        **{f"c{n}": "TST-C" for n in range(1, 4)}}
        for name, school in first_school.items():
            serial += 1
            student = Student(iin=make_iin(date(2012, 5, 17), Sex.FEMALE, serial),
                              last_name="Тестова", first_name=name.upper(),
                              birth_date=date(2012, 5, 17), sex=Sex.FEMALE,
                              school_id=world.schools[school], grade=8)
            s.add(student)
            s.flush()
            world.students[name] = student.id
        st, sc = world.students, world.schools
        mover = s.get(Student, st["a10"])
        mover.school_id = sc["TST-B"]
        s.add(SchoolTransfer(student_id=st["a10"], from_school_id=sc["TST-A"],
                             to_school_id=sc["TST-B"], transferred_on=_d("2026-05-15")))

        # Flags: (student, school, criterion, noticed_on)
        for student, school, criterion, day in (
            ("a1", "TST-A", 1, "2026-04-01"),  # first day: in
            ("a2", "TST-A", 3, "2026-06-30"),  # last day: in
            ("a3", "TST-A", 1, "2026-03-31"),  # day before: Q1
            ("a4", "TST-A", 12, "2026-07-01"),  # day after: out
            ("a1", "TST-A", 9, "2026-05-10"),
            ("b1", "TST-B", 4, "2026-04-15"),
            ("c1", "TST-C", 1, "2026-05-05"),  # the other district
        ):
            s.add(CriterionFlag(student_id=st[student], school_id=sc[school],
                                criterion=criterion, noticed_on=_d(day)))

        cases = {}

        def case(name, student, school, opened, state, closed=None, outcome=None):
            record = SupportCase(student_id=st[student], school_id=sc[school], state=state,
                                 opened_on=_d(opened), closed_on=closed and _d(closed),
                                 outcome=outcome)
            s.add(record)
            s.flush()
            cases[name] = record.id

        under, closed, referred = (CaseState.UNDER_SUPPORT, CaseState.CLOSED,
                                   CaseState.REFERRED_TO_COMMISSION)
        case("c1", "a1", "TST-A", "2026-03-20", closed, "2026-06-30", CloseOutcome.IMPROVED)
        case("c2", "a10", "TST-A", "2026-02-10", under)
        case("c3", "a2", "TST-A", "2026-04-01", under)
        case("c4", "a3", "TST-A", "2026-03-31", referred)
        case("c5", "b1", "TST-B", "2026-06-30", CaseState.FLAGGED)
        case("c6", "b2", "TST-B", "2026-07-01", referred)
        case("c7", "a5", "TST-A", "2026-01-15", closed, "2026-03-31", CloseOutcome.IMPROVED)
        case("c8", "a6", "TST-A", "2026-04-10", closed, "2026-04-20",
             CloseOutcome.SUPPORT_NOT_NEEDED)
        case("c9", "b3", "TST-B", "2026-05-01", closed, "2026-07-01", CloseOutcome.MOVED_SCHOOL)
        case("c10", "c1", "TST-C", "2026-05-06", referred)
        case("c11", "b4", "TST-B", "2026-06-01", referred)
        case("c12", "a4", "TST-A", "2026-03-25", referred)

        # Council meetings: (school, day, status, [(case, decision, decided_at)])
        assigned, not_needed, refused = (CouncilDecision.SUPPORT_ASSIGNED,
                                         CouncilDecision.SUPPORT_NOT_NEEDED,
                                         CouncilDecision.REPRESENTATIVES_REFUSED)
        held, planned = MeetingStatus.HELD, MeetingStatus.PLANNED
        for number, (school, day, status, reviews) in enumerate((
            ("TST-A", "2026-01-25", held, [("c7", assigned, "2026-01-25 10:00")]),
            ("TST-A", "2026-02-20", held, [("c2", assigned, "2026-02-20 11:00")]),
            ("TST-A", "2026-03-31", held, [("c1", assigned, "2026-03-31 15:00"),
                                          ("c12", refused, "2026-03-31 23:59:59")]),
            ("TST-A", "2026-04-01", held, [("c3", assigned, "2026-04-01 10:00")]),
            ("TST-A", "2026-04-20", held, [("c4", refused, "2026-04-20 11:00"),
                                          ("c8", not_needed, "2026-04-20 11:30")]),
            ("TST-A", "2026-06-30", planned, []),
            ("TST-B", "2026-05-20", held, [("c9", assigned, "2026-05-20 12:00")]),
            ("TST-B", "2026-06-30", held, [("c11", refused, "2026-06-30 23:59:00")]),
            ("TST-B", "2026-07-01", held, [("c6", refused, "2026-07-01 00:00:00")]),
            ("TST-C", "2026-05-20", held, [("c10", refused, "2026-05-20 10:00")]),
        ), start=1):
            meeting = CouncilMeeting(school_id=sc[school], number=str(number),
                                     meeting_on=_d(day), status=status)
            s.add(meeting)
            s.flush()
            for case_name, decision, decided_at in reviews:
                s.add(CouncilReview(meeting_id=meeting.id, case_id=cases[case_name],
                                    minor_present=True, representatives_present=True,
                                    decision=decision, decided_at=_t(decided_at)))

        referrals = {}
        for case_name, district, at in (
            ("c12", "TST-D1", "2026-03-31 23:59:59"),
            ("c4", "TST-D1", "2026-04-20 11:00"),
            ("c11", "TST-D1", "2026-06-30 23:59:30"),
            ("c6", "TST-D1", "2026-07-01 00:00:00"),
            ("c10", "TST-D2", "2026-05-20 10:00"),
        ):
            referral = Referral(case_id=cases[case_name], commission_id=commissions[district],
                                referred_at=_t(at), packet="{}")
            s.add(referral)
            s.flush()
            referrals[case_name] = referral.id

        types = {t.code: t.id for t in s.exec(select(DecisionType))}
        # Commission decisions: (district, day, [(referral case or None, type)])
        for number, (district, day, items) in enumerate((
            ("TST-D1", "2026-04-01", [("c12", "representative_obligations")]),
            ("TST-D1", "2026-05-12", [("c4", "individual_prevention"),
                                      (None, "close_without_measures")]),
            ("TST-D1", "2026-07-01", [("c11", "family_support_centre")]),
            ("TST-D2", "2026-06-01", [("c10", "individual_prevention")]),
        ), start=1):
            meeting = CommissionMeeting(commission_id=commissions[district], number=number,
                                        meeting_date=_d(day))
            s.add(meeting)
            s.flush()
            for position, (case_name, type_code) in enumerate(items, start=1):
                item = AgendaItem(
                    meeting_id=meeting.id, position=position,
                    kind=AgendaItemKind.REFERRAL if case_name else AgendaItemKind.OTHER,
                    referral_id=referrals[case_name] if case_name else None)
                s.add(item)
                s.flush()
                s.add(CommissionDecision(agenda_item_id=item.id,
                                         decision_type_id=types[type_code],
                                         decided_on=_d(day)))

        # Placements: (student, start, status, ended_on, return_date, plan due, plan made)
        for student, start, status, ended, returned, due, made in (
            ("a7", "2026-04-01", PlacementStatus.ACTIVE, None, None, None, None),
            ("a8", "2025-07-01", PlacementStatus.RETURNED, None, "2026-06-30", "2026-07-03",
             None),
            ("a9", "2025-07-15", PlacementStatus.RETURNED, None, "2026-03-27", "2026-04-01",
             "2026-04-01"),
            ("b2", "2025-08-01", PlacementStatus.TERMINATED, "2026-05-20", None, None, None),
            ("b3", "2025-08-15", PlacementStatus.RETURNED, None, "2026-06-20", "2026-06-25",
             "2026-06-26"),
            ("a6", "2026-07-01", PlacementStatus.ACTIVE, None, None, None, None),
        ):
            begin = _d(start)
            end = planned_end(begin, 12)
            s.add(Placement(
                student_id=st[student], kind=PlacementKind.SPECIAL_EDUCATION,
                organisation_id=organisation.id, commission_id=commissions["TST-D1"],
                deciding_body=DecidingBody.COURT, decision_date=begin, start_date=begin,
                term_months=12, planned_end=end, notice_due=notice_due(end), status=status,
                ended_on=ended and _d(ended), return_date=returned and _d(returned),
                rehabilitation_plan_due=due and _d(due),
                rehabilitation_plan_made_on=made and _d(made)))

        # Absence marks: (student, recording school, status, days), on school days
        # (criterion 4 counts no other, Art. 78 (2) item 4)
        unexcused, excused = AttendanceStatus.UNEXCUSED, AttendanceStatus.EXCUSED
        for student, school, status, days in (
            ("a1", "TST-A", unexcused, ["2026-04-01", "2026-04-02", "2026-04-03",
                                        "2026-04-30"]),
            ("a2", "TST-A", unexcused, ["2026-06-25", "2026-06-26", "2026-06-29",
                                        "2026-06-30", "2026-07-01"]),
            ("a3", "TST-A", unexcused, ["2026-03-31", "2026-04-06", "2026-04-07",
                                        "2026-04-08"]),
            ("a10", "TST-A", unexcused, ["2026-05-12", "2026-05-13"]),
            ("a10", "TST-B", unexcused, ["2026-05-18", "2026-05-19"]),
            ("b1", "TST-B", unexcused, ["2026-04-10", "2026-05-08", "2026-06-10"]),
            ("b1", "TST-B", excused, ["2026-04-13", "2026-04-14"]),
            ("a4", "TST-A", unexcused, ["2026-04-20", "2026-04-21", "2026-04-22",
                                        "2026-05-04"]),
            ("a5", "TST-A", AttendanceStatus.PRESENT, ["2026-04-01"]),
            ("c1", "TST-C", unexcused, ["2026-04-06", "2026-04-07", "2026-04-08",
                                        "2026-04-09", "2026-04-10"]),
        ):
            for day in days:
                s.add(AttendanceMark(student_id=st[student], day=_d(day), status=status,
                                     school_id=sc[school]))
    return world


def analyst(district_id: int | None = None, region_id: int | None = None) -> Actor:
    """An education department analyst of a district or a region (Art. 21 item 10)."""
    return Actor(user_id=None, login="analyst", role=Role.EDUCATION_ANALYST,
                 district_id=district_id, region_id=region_id, organisation_code="edu")
