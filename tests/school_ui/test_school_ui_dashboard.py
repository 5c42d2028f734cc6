"""The school's front page: counts by criterion, the next council, deadlines overdue
first, and this month's absence proposals waiting for review."""

# The ``world`` fixture is imported from school_world (no conftest here: the engine's
# tests import helpers from theirs by the module name ``conftest``).
# ruff: noqa: F811

import io
from datetime import timedelta

import pytest
from school_world import SYSTEM, TODAY, world  # noqa: F401 (fixture)

from juvenile.models import Role
from juvenile.security.actor import Actor
from juvenile.security.gate import AccessDenied
from juvenile.services.deadlines import DeadlineKind
from juvenile.services.school.absence_scan import scan_absences
from juvenile.services.school.attendance_import import import_attendance
from juvenile.services.school.council import plan_council_meeting
from juvenile.services.school.dashboard import school_dashboard
from juvenile.services.school.flags import resolve_flag
from juvenile.services.school.students import get_student


def test_counts_the_schools_own_students_by_unresolved_criterion(world):
    aliev, nurlanova, ivanova = (world.student("Әлиев"), world.student("Нұрланова"),
                                 world.student("Иванова"))
    world.flag(aliev, 3, 12)
    world.flag(nurlanova, 3, 9)
    [resolved] = world.flag(ivanova, 1)
    resolve_flag(SYSTEM, resolved, TODAY, "Үлгерімі түзелді.", today=TODAY)
    world.flag(world.student("Бөтен", school="SB"), 3)

    board = school_dashboard(world.staff("SA"), on=TODAY)
    assert board.students == 3
    assert board.by_criterion[3] == 2  # students, not flags; the other school's not counted
    assert (board.by_criterion[12], board.by_criterion[9], board.by_criterion[1]) == (1, 1, 0)
    assert set(board.by_criterion) == set(range(1, 13))


def test_next_meeting_and_open_deadlines_overdue_first(world):
    staff = world.staff("SA")
    late, on_time = world.case(world.student("Әлиев"), 3), world.case(world.student("Ким"), 5)
    world.council("SA", late, "support_assigned", number="1", measures=(
        ("Апта сайынғы әңгіме", "Психолог", TODAY + timedelta(days=20)),))
    world.council("SA", on_time, "support_assigned", number="2", measures=(
        ("Үй жағдайын тексеру", "Орынбасар", TODAY - timedelta(days=1)),))
    waiting = world.case(world.student("Сәрсенов"), 12)
    plan_council_meeting(SYSTEM, world.schools["SA"], "9", TODAY + timedelta(days=14))
    planned = plan_council_meeting(SYSTEM, world.schools["SA"], "4", TODAY + timedelta(days=3),
                                   [waiting])

    board = school_dashboard(staff, on=TODAY)
    assert board.next_meeting.meeting_id == planned.id and board.next_meeting.cases == 1
    assert [d.detail for d in board.deadlines] == ["Үй жағдайын тексеру", "Апта сайынғы әңгіме"]
    first = board.deadlines[0]
    assert (first.kind, first.overdue, first.days_left) == (DeadlineKind.PLAN_MEASURE, True, -1)
    assert (board.deadlines_total, board.overdue_total) == (2, 1)
    assert board.by_case_state == {"under_support": 2, "council_review": 1}
    assert school_dashboard(world.staff("SB"), on=TODAY).deadlines == []


def test_proposals_waiting_this_month(world):
    student = world.student("Ковалёв", "Артём", "Сергеевич")
    iin = get_student(SYSTEM, student).iin
    rows = "\n".join(f"{iin},2026-11-{day:02d},unexcused" for day in (2, 3, 4, 5))
    import_attendance(SYSTEM, io.BytesIO(f"iin,date,status\n{rows}\n".encode()),
                      filename="a.csv", today=TODAY)
    staff = world.staff("SA")
    assert school_dashboard(staff, on=TODAY).proposals_waiting == 0
    scan_absences(staff, "2026-11", today=TODAY)
    board = school_dashboard(staff, on=TODAY)
    assert (board.month, board.proposals_waiting) == ("2026-11", 1)
    assert school_dashboard(staff, on=TODAY + timedelta(days=10)).proposals_waiting == 0


def test_only_the_schools_staff_see_it(world):
    analyst = Actor(user_id=None, login="analyst", role=Role.EDUCATION_ANALYST, district_id=1)
    with pytest.raises(AccessDenied):
        school_dashboard(analyst, on=TODAY)


def test_the_school_is_told_of_a_placement_of_its_student(world):
    """Issue 16 item 1: a placement a commission registers (Art. 80 (2), (10); Art. 81
    (3), (11)) is announced on the dashboard of the student's school, with the
    decision's number and date; not at another school."""
    from datetime import date

    from sqlmodel import select

    from juvenile import db
    from juvenile.models import SpecialOrganisation
    from juvenile.rules.placements import DecidingBody, PlacementKind
    from juvenile.services.administration.organisations import import_organisations
    from juvenile.services.commission.placements import PlacementTerms, register_placement

    import_organisations(SYSTEM, io.BytesIO(
        "kind,code,name_kk,name_ru,parent_code,special_kind\n"
        "special_organisation,SE1,№ 1 арнаулы ұйым,Спецорганизация № 1,KZ-75,"
        "special_education\n".encode()), filename="orgs.csv")
    with db.transaction() as session:
        organisation = session.exec(select(SpecialOrganisation.id)).one()
    placed = world.student("Серіков")
    assert school_dashboard(world.staff("SA"), on=TODAY).placements == []
    register_placement(SYSTEM, placed, PlacementTerms(
        kind=PlacementKind.SPECIAL_EDUCATION, organisation_id=organisation,
        deciding_body=DecidingBody.COURT, decision_date=date(2026, 11, 10),
        start_date=date(2026, 11, 16), term_months=6, decision_number="2-501/2026",
        prosecutor_participated=True, guardianship_applicant="Қорғаншылық органы",
        guardianship_applied_on=date(2026, 11, 2)))

    [notice] = school_dashboard(world.staff("SA"), on=TODAY).placements
    assert (notice.student_id, notice.decision_number, notice.decision_date,
            notice.organisation_ru) == (placed, "2-501/2026", date(2026, 11, 10),
                                        "Спецорганизация № 1")
    assert school_dashboard(world.staff("SB"), on=TODAY).placements == []
    assert school_dashboard(world.staff("SA"), on=TODAY + timedelta(days=60)).placements == []


def test_the_dashboard_page_renders_the_placement_notice(world, app):
    """The notice as the page shows it, in Kazakh and Russian."""
    from datetime import date

    import reflex as rx

    from juvenile.services.school.dashboard import PlacementNotice, SchoolDashboard
    from juvenile.state.school.dashboard import DashboardState

    root = rx.State(_reflex_internal_init=True)
    state = root.get_substate(DashboardState.get_full_name().split(".")[1:])
    state._data = SchoolDashboard(
        on=TODAY, students=1, by_criterion={}, by_case_state={}, next_meeting=None,
        deadlines=[], deadlines_total=0, overdue_total=0, month="2026-11", proposals_waiting=0,
        placements=[PlacementNotice(7, "Серіков Ғалым", "№ 1 арнаулы ұйым",
                                    "Спецорганизация № 1", "2-501/2026", date(2026, 11, 10),
                                    date(2026, 11, 20))])
    for language, organisation in (("kk", "№ 1 арнаулы ұйым"), ("ru", "Спецорганизация № 1")):
        state._render(language)
        [line] = state.placements
        assert line["student_id"] == "7" and line["student"] == "Серіков Ғалым"
        assert organisation in line["text"] and "2-501/2026" in line["text"]
        assert "{" not in line["text"]
