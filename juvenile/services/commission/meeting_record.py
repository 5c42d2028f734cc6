"""What happened at one commission meeting, read in one go (Art. 79).

The agenda, the minutes and the per-case extracts are made from this record,
and the meeting page shows it. Names come in both official languages, so a
document can be made in either. Read inside the caller's transaction, after
the caller's gate check.
"""

from datetime import date

from sqlmodel import Session, col, select

from juvenile.models import (
    AgendaItem,
    Commission,
    CommissionDecision,
    CommissionMeeting,
    CommissionMeetingStatus,
    CommissionMember,
    DecisionType,
    District,
    MeetingAttendance,
    Placement,
    Referral,
    Region,
    School,
    SpecialOrganisation,
    Student,
    SupportCase,
)
from juvenile.reports.meeting_data import (
    AttendanceLine,
    Decided,
    ItemRecord,
    MeetingRecord,
    MeetingRef,
    Subject,
)
from juvenile.rules.commission import COMPOSITION_ORDER
from juvenile.rules.iin import sex_of
from juvenile.services.commission.meetings import quorum_of, quorum_share
from juvenile.services.commission.members import active_members


def meeting_record(session: Session, meeting: CommissionMeeting) -> MeetingRecord:
    commission = session.get(Commission, meeting.commission_id)
    area = (session.get(District, commission.district_id) if commission.district_id
            else session.get(Region, commission.region_id))
    return MeetingRecord(
        meeting_id=meeting.id, commission_id=commission.id,
        commission_kk=commission.name_kk, commission_ru=commission.name_ru,
        area_kk=area.name_kk, area_ru=area.name_ru,
        number=meeting.number, meeting_date=meeting.meeting_date, place=meeting.place,
        held=meeting.status == CommissionMeetingStatus.HELD,
        attendance=_attendance(session, meeting), quorum=quorum_of(session, meeting),
        quorum_share=quorum_share(), items=tuple(_items(session, meeting)),
    )


def _attendance(session: Session, meeting: CommissionMeeting) -> tuple[AttendanceLine, ...]:
    """The recorded attendance (the composition at the meeting); before it is
    recorded, the active members with nothing marked."""
    rows = session.exec(
        select(MeetingAttendance, CommissionMember)
        .join(CommissionMember, col(CommissionMember.id) == MeetingAttendance.member_id)
        .where(MeetingAttendance.meeting_id == meeting.id)
    ).all()
    if not rows:
        return tuple(AttendanceLine(m.id, m.full_name, m.position, None, "")
                     for m in active_members(session, meeting.commission_id))
    rows = sorted(rows, key=lambda row: (COMPOSITION_ORDER.index(row[1].position.value),
                                         row[1].id))
    return tuple(AttendanceLine(member.id, member.full_name, member.position, mark.present,
                                mark.absence_reason) for mark, member in rows)


def _items(session: Session, meeting: CommissionMeeting) -> list[ItemRecord]:
    """The agenda in order, each question with its subject, decision and postponements;
    a few queries for the whole agenda, however long."""
    items = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                         .order_by(col(AgendaItem.position), col(AgendaItem.id))).all()
    ids = [item.id for item in items]
    decisions = {
        row.agenda_item_id: Decided(row.id, kind.code, kind.name_kk, kind.name_ru,
                                    kind.follow_up, row.executor, row.due_on, row.notes,
                                    row.done_on)
        for row, kind in session.exec(
            select(CommissionDecision, DecisionType)
            .join(DecisionType, col(DecisionType.id) == CommissionDecision.decision_type_id)
            .where(col(CommissionDecision.agenda_item_id).in_(ids)))
    }
    # the meeting each question came from, and the one it was postponed to
    came_from = _meetings_of(session, AgendaItem.id, [i.carried_from_id for i in items
                                                      if i.carried_from_id])
    went_to = _meetings_of(session, AgendaItem.carried_from_id, ids)
    subjects = _subjects(session, items)
    return [
        ItemRecord(
            id=item.id, position=item.position, kind=item.kind, status=item.status,
            title=item.title, referral_id=item.referral_id, placement_id=item.placement_id,
            subject=subjects.get(item.id), hearing_notes=item.hearing_notes,
            decision=decisions.get(item.id),
            carried_from=came_from.get(item.carried_from_id), postponed_to=went_to.get(item.id),
        )
        for item in items
    ]


def _meetings_of(session: Session, key, values: list[int]) -> dict[int, MeetingRef]:
    """``key`` (an AgendaItem column) -> the meeting of that agenda item."""
    if not values:
        return {}
    rows = session.exec(
        select(key, col(CommissionMeeting.id), CommissionMeeting.number,
               col(CommissionMeeting.meeting_date))
        .join(CommissionMeeting, col(CommissionMeeting.id) == AgendaItem.meeting_id)
        .where(key.in_(values)))
    return {value: MeetingRef(meeting_id, number, day) for value, meeting_id, number, day in rows}


def _subjects(session: Session, items: list[AgendaItem]) -> dict[int, Subject]:
    """Agenda item id -> the minor it is about (a referral's or a returned placement's)."""
    by_referral = {i.referral_id: i.id for i in items if i.referral_id is not None}
    by_placement = {i.placement_id: i.id for i in items
                    if i.referral_id is None and i.placement_id is not None}
    found: dict[int, Subject] = {}
    for referral_id, student, school in session.exec(
        select(Referral.id, Student, School)
        .join(SupportCase, col(SupportCase.id) == Referral.case_id)
        .join(Student, col(Student.id) == SupportCase.student_id)
        .join(School, col(School.id) == Student.school_id)
        .where(col(Referral.id).in_(list(by_referral)))
    ):
        found[by_referral[referral_id]] = _subject(student, school)
    for placement, student, school, organisation in session.exec(
        select(Placement, Student, School, SpecialOrganisation)
        .join(Student, col(Student.id) == Placement.student_id)
        .join(School, col(School.id) == Student.school_id)
        .join(SpecialOrganisation, col(SpecialOrganisation.id) == Placement.organisation_id)
        .where(col(Placement.id).in_(list(by_placement)))
    ):
        found[by_placement[placement.id]] = _subject(student, school, organisation,
                                                     placement.return_date)
    return found


def _subject(student: Student, school: School, organisation: SpecialOrganisation | None = None,
             return_date: date | None = None) -> Subject:
    return Subject(
        student_id=student.id, full_name=student.full_name, birth_date=student.birth_date,
        class_name=f"{student.grade}{student.class_letter}",
        school_kk=school.name_kk, school_ru=school.name_ru,
        organisation_kk=organisation.name_kk if organisation else "",
        organisation_ru=organisation.name_ru if organisation else "",
        return_date=return_date, sex=sex_of(student.iin),
    )
