"""Response times of the commission pages' services for a busy district commission.

Loads the demo data into a temporary SQLite file and gives KDN-AST-ALM a few
years of work: 1,300 referrals from its schools (75 still new), 60 held meetings of 20
decided questions each (attendance, hearing notes, decisions with follow-up),
and 300 placements of which 100 have returned. Today's meeting has 25
referrals on its agenda, and the 100 rehabilitation-plan reviews of the
returns join it (Art. 80 (11)): 125 questions.
Then times, as the commission's secretary:

- the inbox (first page, last page, the counts per status) and one case packet;
- the meetings calendar (a month and the first page of meetings);
- the meeting page of the 25-question meeting;
- the placements register (first page, a filter) and the navigation badge's count;
- the deadline board (every open deadline);
- the agenda and the draft minutes PDF of the big meeting, and approving its
  minutes once (both PDFs rendered, hashed and stored).

    .venv/bin/python bench/commission_pages_benchmark.py [--repeat N]
"""

import argparse
import itertools
import json
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import select

from juvenile import db
from juvenile.demo import load_demo
from juvenile.models import (
    AgendaItem,
    AgendaItemKind,
    AgendaItemStatus,
    Commission,
    CommissionDecision,
    CommissionMeeting,
    CommissionMeetingStatus,
    CommissionMember,
    DecisionType,
    MeetingAttendance,
    Referral,
    ReferralStatus,
    Role,
    School,
    SpecialOrganisation,
    Student,
    SupportCase,
    User,
)
from juvenile.rules.cases import CaseState
from juvenile.rules.iin import Sex, make_iin
from juvenile.rules.placements import DecidingBody, PlacementKind
from juvenile.security.actor import Actor
from juvenile.services.commission.agenda import add_agenda_item
from juvenile.services.commission.board import meeting_calendar, meeting_page
from juvenile.services.commission.decisions import record_decision
from juvenile.services.commission.documents import agenda_pdf, draft_minutes_pdf
from juvenile.services.commission.inbox import list_referrals, open_referral, referral_counts
from juvenile.services.commission.meetings import plan_meeting, record_attendance
from juvenile.services.commission.minutes import approve_minutes
from juvenile.services.commission.placement_register import placements_page
from juvenile.services.commission.placement_return import record_return
from juvenile.services.commission.placements import PlacementTerms, register_placement
from juvenile.services.common import upgrade_database
from juvenile.services.deadlines import deadline_counts, list_deadlines

COMMISSION = "KDN-AST-ALM"
REFERRALS, MEETINGS, ITEMS, BIG_MEETING_ITEMS, PLACEMENTS = 1300, 60, 20, 25, 300
TODAY = date(2026, 11, 25)
SYSTEM = Actor.system(login="bench")
_serials = itertools.count(1)


def _secretary(commission: Commission) -> Actor:
    with db.transaction() as session:
        user = User(login="bench.secretary", full_name="Бенч Хатшы",
                    role=Role.COMMISSION_SECRETARY, commission_id=commission.id,
                    password_hash="x")
        session.add(user)
        session.flush()
        user_id = user.id
    return Actor(user_id=user_id, login="bench.secretary", role=Role.COMMISSION_SECRETARY,
                 commission_id=commission.id, organisation_code=commission.code, language="kk")


def _students(schools: list[School], n: int, born: date) -> list[Student]:
    with db.transaction() as session:
        students = []
        for index in range(n):
            serial = next(_serials)
            students.append(Student(
                iin=make_iin(born + timedelta(days=index % 300), Sex.MALE, 5000 + serial),
                last_name=f"Бенчов{serial}", first_name="Әлібек", middle_name="Қайратұлы",
                birth_date=born + timedelta(days=index % 300), sex=Sex.MALE,
                school_id=schools[index % len(schools)].id, grade=8))
        session.add_all(students)
        session.flush()
        return students


def _referrals(commission: Commission, students: list[Student]) -> list[int]:
    packet = json.dumps({"student": {"full_name": "…"}, "criteria": [
        {"criterion": 4, "evidence": "Дәлелді себепсіз 6 күн", "sensitive": False}] * 3,
        "representatives": [{"full_name": "Ата-ана", "relation": "mother"}]},
        ensure_ascii=False)
    with db.transaction() as session:
        referrals = []
        for student in students:
            case = SupportCase(student_id=student.id, school_id=student.school_id,
                               state=CaseState.REFERRED_TO_COMMISSION,
                               opened_on=TODAY - timedelta(days=400))
            session.add(case)
            session.flush()
            referrals.append(Referral(case_id=case.id, commission_id=commission.id,
                                      packet=packet))
        session.add_all(referrals)
        session.flush()
        return [r.id for r in referrals]


def _history(commission: Commission, referral_ids: list[int]) -> None:
    """Held meetings with decided questions, written as rows (years of work)."""
    with db.transaction() as session:
        members = session.exec(select(CommissionMember.id).where(
            CommissionMember.commission_id == commission.id)).all()
        decision_type = session.exec(select(DecisionType).where(
            DecisionType.code == "representative_obligations")).one()
        referrals = iter(referral_ids)
        for n in range(MEETINGS):
            day = TODAY - timedelta(days=14 * (n + 1))
            meeting = CommissionMeeting(commission_id=commission.id, number=100 + n,
                                        meeting_date=day, place="Әкімдік",
                                        status=CommissionMeetingStatus.HELD)
            session.add(meeting)
            session.flush()
            session.add_all(MeetingAttendance(meeting_id=meeting.id, member_id=member,
                                              present=index < 5)
                            for index, member in enumerate(members))
            for position in range(1, ITEMS + 1):
                referral_id = next(referrals)
                item = AgendaItem(meeting_id=meeting.id, position=position,
                                  kind=AgendaItemKind.REFERRAL, referral_id=referral_id,
                                  hearing_notes="Сынып жетекшісі баяндады.",
                                  status=AgendaItemStatus.DECIDED)
                session.add(item)
                session.flush()
                session.add(CommissionDecision(
                    agenda_item_id=item.id, decision_type_id=decision_type.id,
                    decided_on=day, executor="ІІБ", due_on=day + timedelta(days=30),
                    done_on=day + timedelta(days=20) if position % 3 else None))
                session.get(Referral, referral_id).status = ReferralStatus.DECIDED


def _placements(secretary: Actor, schools: list[School]) -> None:
    with db.transaction() as session:
        organisation = session.exec(select(SpecialOrganisation).where(
            SpecialOrganisation.kind == PlacementKind.SPECIAL_EDUCATION)).first()
    for index, student in enumerate(_students(schools, PLACEMENTS, date(2011, 1, 1))):
        decision = date(2025, 1, 10) + timedelta(days=index)
        placement = register_placement(secretary, student.id, PlacementTerms(
            kind=PlacementKind.SPECIAL_EDUCATION, organisation_id=organisation.id,
            deciding_body=DecidingBody.COURT, decision_date=decision,
            start_date=decision + timedelta(days=5), term_months=6,
            decision_number=f"2-{index}/{decision.year}", prosecutor_participated=True,
            guardianship_applicant="Қорғаншылық органы",
            guardianship_applied_on=decision - timedelta(days=3)))
        if index % 3 == 0:
            record_return(secretary, placement.id, placement.planned_end)


def build() -> tuple[Actor, int, int]:
    """The data set; returns the secretary, the big meeting and one referral."""
    load_demo()
    with db.transaction() as session:
        commission = session.exec(select(Commission).where(Commission.code == COMMISSION)).one()
        schools = list(session.exec(select(School).where(
            School.district_id == commission.district_id)))
    secretary = _secretary(commission)
    referral_ids = _referrals(commission, _students(schools, REFERRALS, date(2011, 3, 1)))
    _history(commission, referral_ids[:MEETINGS * ITEMS])
    big = plan_meeting(secretary, commission.id, TODAY, "Әкімдік ғимараты")
    for referral_id in referral_ids[MEETINGS * ITEMS:MEETINGS * ITEMS + BIG_MEETING_ITEMS]:
        add_agenda_item(secretary, big.id, "referral", referral_id=referral_id)
    _placements(secretary, schools)
    return secretary, big.id, referral_ids[0]


def _time(label: str, call, repeat: int) -> None:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        runs.append((time.perf_counter() - start) * 1000)
    print(f"{label:<46} median {statistics.median(runs):7.1f} ms   "
          f"max {max(runs):7.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db.configure(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade_database()
        started = time.perf_counter()
        secretary, big, referral = build()
        print(f"data set built in {time.perf_counter() - started:.0f} s: {REFERRALS} referrals, "
              f"{MEETINGS} held meetings x {ITEMS} decided questions, {PLACEMENTS} placements")
        pages = -(-REFERRALS // 25)
        r = args.repeat
        _time("inbox: first page (all statuses)", lambda: list_referrals(secretary), r)
        _time("inbox: last page", lambda: list_referrals(secretary, page=pages), r)
        _time("inbox: counts per status", lambda: referral_counts(secretary), r)
        _time("case packet", lambda: open_referral(secretary, referral), r)
        _time("meetings calendar (month + first page)",
              lambda: meeting_calendar(secretary, 2026, 11, today=TODAY), r)
        with db.transaction() as session:
            questions = len(session.exec(select(AgendaItem.id)
                                         .where(AgendaItem.meeting_id == big)).all())
        _time(f"meeting page ({questions} questions)",
              lambda: meeting_page(secretary, big), r)
        _time("placements register: first page",
              lambda: placements_page(secretary, on=TODAY), r)
        _time("placements register: returned only",
              lambda: placements_page(secretary, status="returned", on=TODAY), r)
        _time("navigation badge (deadline counts)", lambda: deadline_counts(secretary, TODAY), r)
        _time("deadline board (every open deadline)",
              lambda: list_deadlines(secretary, TODAY), r)
        _time("agenda PDF (kk)", lambda: agenda_pdf(secretary, big, "kk"), max(3, r // 4))
        _time("draft minutes PDF (ru)", lambda: draft_minutes_pdf(secretary, big, "ru"),
              max(3, r // 4))
        # decide the big meeting's questions, then approve once (renders and stores 2 PDFs)
        with db.transaction() as session:
            members = session.exec(select(CommissionMember.id).join(
                CommissionMeeting, CommissionMeeting.commission_id ==
                CommissionMember.commission_id).where(CommissionMeeting.id == big)).all()
            items = session.exec(select(AgendaItem.id).where(AgendaItem.meeting_id == big)).all()
        record_attendance(secretary, big, members[:5])
        for item in items:
            record_decision(secretary, item, "close_without_measures")
        _time("approve the minutes (2 PDFs, hashed, stored)",
              lambda: approve_minutes(secretary, big), 1)
        db.engine().dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
