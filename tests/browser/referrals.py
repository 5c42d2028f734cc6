"""A held prevention council with a case before it, and a referral to the district
commission, seeded through the school's own services for the browser tests."""

from datetime import date, timedelta

from sqlmodel import select
from student_records import Representative, register_student

from juvenile import clock, db
from juvenile.models import CriterionFlag, Referral, School
from juvenile.rules.iin import Sex, make_iin
from juvenile.security.actor import Actor
from juvenile.services.school.cases import open_case
from juvenile.services.school.council import (
    hold_council_meeting,
    plan_council_meeting,
    record_council_decision,
    record_participation,
)
from juvenile.services.school.flags import NewFlag, add_flags

SYSTEM = Actor.system()


def held_council_with_a_case(school_code: str, name: tuple[str, str, str], born: date,
                             serial: int) -> tuple[int, int]:
    """(meeting id, case id): a new student of ``school_code`` with two criteria and an
    open case, before today's prevention council, which has been held (Art. 78 (3));
    the decision on the case is left to the test."""
    with db.transaction() as session:
        school = session.exec(select(School).where(School.code == school_code)).one()
    student = register_student(school.id, make_iin(born, Sex.MALE, serial), *name, grade=8,
                               representative=Representative("Сәрсенова Гүлжан Әлібекқызы",
                                                             "mother", "+7 701 555 12 34"))
    today = clock.today()
    add_flags(SYSTEM, student.id, [
        NewFlag(4, today - timedelta(days=20), "Қазан айында 6 күн дәлелді себепсіз сабаққа "
                                               "келмеді."),
        NewFlag(9, today - timedelta(days=10), "Үлкен сынып оқушылары тарапынан қорқыту."),
    ])
    with db.transaction() as session:
        flag_ids = session.exec(select(CriterionFlag.id).where(
            CriterionFlag.student_id == student.id)).all()
    case = open_case(SYSTEM, student.id, flag_ids)
    meeting = plan_council_meeting(SYSTEM, school.id, f"К-{serial}", today, [case.id])
    hold_council_meeting(SYSTEM, meeting.id, ["Омаров Бауыржан Қайратұлы (төраға)",
                                              "Нұрланова Әлия Серікқызы (хатшы)"])
    return meeting.id, case.id


def refer(school_code: str, name: tuple[str, str, str], born: date, serial: int) -> Referral:
    """A student of ``school_code`` whose legal representatives refuse support at the
    prevention council: the refusal refers the case to the district commission
    (Art. 78 (4)), with the case packet, through the school's services."""
    meeting_id, case_id = held_council_with_a_case(school_code, name, born, serial)
    record_participation(SYSTEM, meeting_id, case_id, minor_present=True,
                         representatives_present=True)
    record_council_decision(SYSTEM, meeting_id, case_id, "representatives_refused")
    with db.transaction() as session:
        return session.exec(select(Referral).where(Referral.case_id == case_id)).one()
