"""Demo data of the commissions: members, a planned meeting, two placements.

Safe to run again: each part is added only where it is missing. Placements
need demo students (loaded before this); without them they are skipped.
"""

from datetime import date, timedelta

from sqlmodel import select

from juvenile import clock
from juvenile.db import transaction
from juvenile.models import (
    Commission,
    CommissionMeeting,
    CommissionMeetingStatus,
    CommissionMember,
    MemberPosition,
    Placement,
    School,
    SpecialOrganisation,
    Student,
)
from juvenile.rules.age import age_on
from juvenile.rules.placements import (
    PLACEMENT_MAX_AGE,
    PLACEMENT_MIN_AGE,
    DecidingBody,
    PlacementKind,
    add_months,
)
from juvenile.security.actor import Actor
from juvenile.services.commission.meetings import plan_meeting
from juvenile.services.commission.members import add_member
from juvenile.services.commission.placement_return import record_return
from juvenile.services.commission.placements import (
    PlacementTerms,
    record_notice,
    register_placement,
)

_P = MemberPosition
# Seven members each (Art. 79 (4), (5)): the chair is a deputy akim.
MEMBERS = {
    "KDN-AST-ALM": [
        ("Сәрсенбаев Ерлан Маратұлы", _P.CHAIR), ("Ахметова Динара Сәкенқызы", _P.DEPUTY_CHAIR),
        ("Жұмабекова Әсел Болатқызы", _P.SECRETARY), ("Ким Виктор Алексеевич", _P.MEMBER),
        ("Омарова Гүлнар Ерланқызы", _P.MEMBER), ("Тоқтаров Нұрлан Асқарұлы", _P.MEMBER),
        ("Иванова Елена Сергеевна", _P.MEMBER),
    ],
    "KDN-AST-ESL": [
        ("Қасымов Дәурен Серікұлы", _P.CHAIR), ("Бекова Айгүл Маратқызы", _P.DEPUTY_CHAIR),
        ("Нұрланова Жанар Бақытқызы", _P.SECRETARY), ("Петров Андрей Николаевич", _P.MEMBER),
        ("Смағұлов Арман Қайратұлы", _P.MEMBER), ("Есенова Мәдина Талғатқызы", _P.MEMBER),
        ("Ли Ольга Викторовна", _P.MEMBER),
    ],
    "KDN-ALA-ALM": [
        ("Әбдірахманов Талғат Нұрланұлы", _P.CHAIR), ("Сергеева Наталья Ивановна", _P.DEPUTY_CHAIR),
        ("Ермекова Сәуле Ғаниқызы", _P.SECRETARY), ("Байжанов Асхат Ерболұлы", _P.MEMBER),
        ("Құдайбергенова Ләззат Әбілқызы", _P.MEMBER), ("Пак Денис Игоревич", _P.MEMBER),
        ("Мұхамеджанов Бауыржан Сәбитұлы", _P.MEMBER),
    ],
    "KDN-ALA-BST": [
        ("Оспанов Ғалым Жомартұлы", _P.CHAIR), ("Тұрсынова Аида Рүстемқызы", _P.DEPUTY_CHAIR),
        ("Сейітқали Әйгерім Нұржанқызы", _P.SECRETARY), ("Кузнецов Игорь Павлович", _P.MEMBER),
        ("Жақыпов Ержан Төлегенұлы", _P.MEMBER), ("Әлиева Камила Рашидовна", _P.MEMBER),
        ("Досжанов Мұрат Әлібекұлы", _P.MEMBER),
    ],
}
GUARDIANSHIP_BODY = "Қорғаншылық және қамқоршылық органы / орган опеки и попечительства"
MEETING_PLACE = "Әкімдік ғимараты, мәжіліс залы / здание акимата, зал заседаний"
# A returned minor in Almaty and one placed now in Astana.
RETURNED = ("ALA-", "SPO-ALA-01", PlacementKind.SPECIAL_EDUCATION, DecidingBody.COURT)
ACTIVE = ("AST-", "SPO-AST-02", PlacementKind.SPECIAL_REGIME, DecidingBody.COURT)


def load_commission_demo(today: date | None = None) -> int:
    """Add what is missing; returns the number of records created."""
    today = today or clock.today()
    actor = Actor.system(login="demo")
    created = 0
    for code, members in MEMBERS.items():
        commission = _commission(code)
        if commission is None:
            continue
        created += _members(actor, commission, members)
        created += _planned_meeting(actor, commission, today)
    return created + _placements(actor, today)


def _commission(code: str) -> Commission | None:
    with transaction() as session:
        return session.exec(select(Commission).where(Commission.code == code)).first()


def _members(actor: Actor, commission: Commission, members: list) -> int:
    with transaction() as session:
        if session.exec(select(CommissionMember.id)
                        .where(CommissionMember.commission_id == commission.id)).first():
            return 0
    for full_name, position in members:
        add_member(actor, commission.id, full_name, position)
    return len(members)


def _planned_meeting(actor: Actor, commission: Commission, today: date) -> int:
    with transaction() as session:
        if session.exec(select(CommissionMeeting.id).where(
            CommissionMeeting.commission_id == commission.id,
            CommissionMeeting.status == CommissionMeetingStatus.PLANNED,
            CommissionMeeting.meeting_date >= today,
        )).first():
            return 0
    day = today + timedelta(days=14)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    plan_meeting(actor, commission.id, day, MEETING_PLACE)
    return 1


def _placements(actor: Actor, today: date) -> int:
    with transaction() as session:
        if session.exec(select(Placement.id)).first() is not None:
            return 0
    returned_decision = add_months(today, -9)
    active_decision = add_months(today, -2)
    returned = _place(actor, RETURNED, returned_decision, returned_decision + timedelta(days=10),
                      6)
    if returned is not None:
        record_notice(actor, returned.id, returned.notice_due - timedelta(days=3))
        record_return(actor, returned.id, returned.planned_end + timedelta(days=1))
    active = _place(actor, ACTIVE, active_decision, active_decision + timedelta(days=14), 12,
                    exclude={returned.student_id} if returned else set())
    return (returned is not None) + (active is not None)


def _place(actor: Actor, demo: tuple, decision: date, start: date, months: int,
           exclude: frozenset | set = frozenset()) -> Placement | None:
    school_prefix, organisation_code, kind, body = demo
    with transaction() as session:
        organisation = session.exec(select(SpecialOrganisation)
                                    .where(SpecialOrganisation.code == organisation_code)).first()
        candidates = session.exec(
            select(Student).join(School, School.id == Student.school_id)
            .where(School.code.startswith(school_prefix)).order_by(Student.id)
        ).all()
    student = next((s for s in candidates if s.id not in exclude and _eligible(s, decision)),
                   None)
    if organisation is None or student is None:
        return None
    return register_placement(actor, student.id, PlacementTerms(
        kind=kind, organisation_id=organisation.id, deciding_body=body, decision_date=decision,
        start_date=start, term_months=months,
        decision_number=f"2-{student.id}/{decision.year}",  # the court's file number
        prosecutor_participated=True,  # Art. 80 (7), Art. 81 (8)
        # a special-education placement is on the guardianship body's application (Art. 80 (2))
        guardianship_applicant=GUARDIANSHIP_BODY if kind is PlacementKind.SPECIAL_EDUCATION
        else "",
        guardianship_applied_on=decision - timedelta(days=7)
        if kind is PlacementKind.SPECIAL_EDUCATION else None,
    ))


def _eligible(student: Student, decision: date) -> bool:
    """Of placement age on the decision date, and a year short of 18 so that the
    demo return still meets criterion 11 (a minor)."""
    if student.birth_date >= decision:
        return False
    return PLACEMENT_MIN_AGE <= age_on(student.birth_date, decision) < PLACEMENT_MAX_AGE - 1
