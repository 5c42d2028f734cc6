"""The roles × records matrix, against real rows: another organisation's record is
denied for every role, kind and action, and every denial survives the rollback
in the audit log. Confidentiality: Art. 3 (2) item 4, Art. 59 (6), Art. 83 (2)."""

import pytest
from identity_setup import FOREIGN, HOME, HOME_USERS, Role, add_student, add_user, refer
from sqlmodel import func, select

from juvenile.db import transaction
from juvenile.models import AuditAction, AuditEntry, LegalRepresentative
from juvenile.security.actor import Actor
from juvenile.security.gate import AccessDenied, authorize
from juvenile.security.policy import (
    CHILD_RECORDS,
    Permission,
    RecordKind,
    RecordScope,
    is_allowed,
)
from juvenile.security.scopes import student_scope

NON_ADMIN = [login for login, role, _ in HOME_USERS if role != Role.ADMIN]


def _foreign_scope(session, kind: RecordKind, foreign, ids) -> RecordScope:
    """A record of kind ``kind`` that belongs to the foreign organisations."""
    student, user_id = foreign
    if kind in CHILD_RECORDS:
        return student_scope(session, student, kind=kind, record_id=None
                             if kind == RecordKind.STUDENT else 7)
    record_id = user_id if kind in (RecordKind.USER, RecordKind.PASSWORD) else 7
    return RecordScope(kind=kind, id=record_id, school_id=student.school_id,
                       commission_ids=frozenset({ids.commission[FOREIGN["commission"]]}),
                       district_id=ids.district[FOREIGN["district"]],
                       region_id=ids.region[FOREIGN["region"]])


def _denials(login: str) -> set[tuple[str, str]]:
    with transaction() as session:
        rows = session.exec(select(AuditEntry.record_type, AuditEntry.detail).where(
            AuditEntry.login == login, AuditEntry.action == AuditAction.DENIED,
            AuditEntry.outcome == "denied")).all()
    return {(record_type, detail) for record_type, detail in rows}


@pytest.fixture
def foreign(organisations):
    """A student of the foreign school, referred to the foreign commission, and a
    psychologist of that school (for the user and password records)."""
    student = add_student(organisations.school[FOREIGN["school"]], last_name="Қасымов")
    refer(student, organisations.commission[FOREIGN["commission"]])
    return student, add_user("psy.foreign", Role.SCHOOL_PSYCHOLOGIST, FOREIGN["school"])


@pytest.mark.parametrize("login", NON_ADMIN)
def test_every_record_of_another_organisation_is_denied_and_audited(
        home_users, organisations, foreign, login):
    who = home_users[login]
    expected = set()
    for kind in RecordKind:
        for permission in Permission:
            if kind == RecordKind.ORGANISATION and permission == Permission.VIEW:
                continue  # organisations' names are public (policy.is_allowed)
            with pytest.raises(AccessDenied), transaction() as session:
                scope = _foreign_scope(session, kind, foreign, organisations)
                authorize(session, who, permission, scope)
            expected.add((kind.value, permission.value))
    assert _denials(login) == expected


def test_a_denial_is_audited_although_its_transaction_rolled_back(home_users, foreign):
    foreign_student, _ = foreign
    psychologist = home_users["psy.home"]
    with pytest.raises(AccessDenied), transaction() as session:
        # the action's own writes come first and must vanish with the refusal
        session.add(LegalRepresentative(student_id=foreign_student.id, full_name="X",
                                        relation="father"))
        session.flush()
        authorize(session, psychologist, Permission.UPDATE, student_scope(session,
                                                                          foreign_student))
    with transaction() as session:
        fathers = session.exec(select(func.count()).select_from(LegalRepresentative).where(
            LegalRepresentative.relation == "father")).one()
        entry = session.exec(select(AuditEntry).where(AuditEntry.login == "psy.home")).one()
    assert fathers == 0
    assert (entry.action, entry.outcome, entry.record_type, entry.record_id) == (
        AuditAction.DENIED, "denied", "student", foreign_student.id)
    assert entry.organisation == HOME["school"] and entry.user_id == psychologist.user_id


def test_an_administrator_reads_a_childs_record_audited_but_changes_none(
        home_users, foreign):
    foreign_student, _ = foreign
    admin = home_users["admin.home"]
    with transaction() as session:
        authorize(session, admin, Permission.VIEW, student_scope(session, foreign_student))
    for kind in CHILD_RECORDS:
        for permission in set(Permission) - {Permission.VIEW}:
            with pytest.raises(AccessDenied), transaction() as session:
                authorize(session, admin, permission,
                          _foreign_scope(session, kind, foreign, None))
    with transaction() as session:
        views = session.exec(select(AuditEntry).where(
            AuditEntry.login == "admin.home", AuditEntry.action == AuditAction.VIEW)).all()
    assert [(v.record_type, v.record_id, v.outcome) for v in views] == [
        ("student", foreign_student.id, "allowed")]
    assert len(_denials("admin.home")) == len(CHILD_RECORDS) * (len(Permission) - 1)


def _allowed(who: Actor, permission: Permission, scope_of) -> bool:
    """Run the gate for real; True when it let the action through."""
    try:
        with transaction() as session:
            authorize(session, who, permission, scope_of(session))
    except AccessDenied:
        return False
    return True


def test_each_role_works_on_its_own_organisation(home_users, organisations):
    """The allowed side, spot-checked per role."""
    own = add_student(organisations.school[HOME["school"]])
    refer(own, organisations.commission[HOME["commission"]])
    neighbour = add_student(organisations.school[HOME["other_school"]], last_name="Ким")
    u = home_users

    def child(kind, student=own, **extra):
        return lambda session: student_scope(session, student, kind=kind, record_id=5, **extra)

    def district(code):
        return lambda _session: RecordScope(
            kind=RecordKind.ANALYSIS, district_id=organisations.district[code],
            region_id=organisations.region[HOME["region"]])

    assert _allowed(u["psy.home"], Permission.CREATE, child(RecordKind.FLAG))
    assert _allowed(u["psy.home"], Permission.VIEW, child(RecordKind.CASE))
    assert not _allowed(u["psy.home"], Permission.VIEW, child(RecordKind.CASE, neighbour))
    assert not _allowed(u["psy.home"], Permission.APPROVE, child(RecordKind.COUNCIL_MEETING))
    assert _allowed(u["director.home"], Permission.APPROVE, child(RecordKind.COUNCIL_MEETING))
    assert _allowed(u["secretary.home"], Permission.UPDATE, child(RecordKind.COMMISSION_MEETING))
    assert _allowed(u["secretary.home"], Permission.VIEW, child(RecordKind.STUDENT))
    assert not _allowed(u["secretary.home"], Permission.VIEW,
                        child(RecordKind.STUDENT, neighbour))  # never referred
    assert not _allowed(u["secretary.home"], Permission.UPDATE, child(RecordKind.FLAG))
    assert _allowed(u["member.home"], Permission.VIEW, child(RecordKind.MINUTES))
    assert not _allowed(u["member.home"], Permission.UPDATE, child(RecordKind.MINUTES))
    assert _allowed(u["analyst.district"], Permission.VIEW, district(HOME["district"]))
    assert not _allowed(u["analyst.district"], Permission.VIEW, district("AST-ESL"))
    assert _allowed(u["analyst.region"], Permission.VIEW, district("AST-ESL"))
    assert not _allowed(u["analyst.district"], Permission.VIEW, child(RecordKind.STUDENT))
    assert _allowed(u["admin.home"], Permission.UPDATE,
                    lambda _s: RecordScope(kind=RecordKind.USER, id=1))


def test_sensitive_flags_only_for_the_school_and_the_commission_it_was_referred_to(
        home_users, organisations):
    """Criteria 8 (pregnancy) and 9 (victim of violence) of Art. 78 (2)."""
    student = add_student(organisations.school[HOME["school"]])

    def sensitive_flag(session):
        return student_scope(session, student, kind=RecordKind.FLAG, record_id=3,
                             sensitive=True)

    u = home_users
    assert _allowed(u["psy.home"], Permission.VIEW, sensitive_flag)
    assert _allowed(u["director.home"], Permission.VIEW, sensitive_flag)
    assert not _allowed(u["admin.home"], Permission.VIEW, sensitive_flag)
    assert not _allowed(u["secretary.home"], Permission.VIEW, sensitive_flag)  # not referred
    assert not _allowed(u["member.home"], Permission.VIEW, sensitive_flag)

    refer(student, organisations.commission[HOME["commission"]])
    assert _allowed(u["secretary.home"], Permission.VIEW, sensitive_flag)
    assert _allowed(u["member.home"], Permission.VIEW, sensitive_flag)
    assert not _allowed(u["admin.home"], Permission.VIEW, sensitive_flag)
    # the same flag, not sensitive, is an ordinary read for the administrator
    assert _allowed(u["admin.home"], Permission.VIEW, lambda session: student_scope(
        session, student, kind=RecordKind.FLAG, record_id=3))


def test_everyone_changes_only_their_own_password(home_users):
    u = home_users
    for login, who in u.items():
        own = RecordScope(kind=RecordKind.PASSWORD, id=who.user_id)
        assert is_allowed(who, Permission.UPDATE, own), login
    other = RecordScope(kind=RecordKind.PASSWORD, id=u["director.home"].user_id)
    assert not is_allowed(u["psy.home"], Permission.UPDATE, other)
    assert is_allowed(u["admin.home"], Permission.UPDATE, other)  # the reset


# ---- register, then read: a placement opens the placement and who the child is --------------

def _child_with_a_file(organisations):
    """A home student with a school file: a case with a criterion-8 flag (pregnancy,
    sensitive) and a criterion-1 flag, and a day of attendance; never referred."""
    from datetime import date

    from juvenile.models import AttendanceMark, CriterionFlag, SupportCase
    from juvenile.rules.attendance import AttendanceStatus
    from juvenile.rules.cases import CaseState

    student = add_student(organisations.school[HOME["school"]], last_name="Омарова")
    with transaction() as session:
        case = SupportCase(student_id=student.id, school_id=student.school_id,
                           state=CaseState.UNDER_SUPPORT, opened_on=date(2026, 3, 2))
        session.add(case)
        session.flush()
        for criterion in (8, 1):
            session.add(CriterionFlag(student_id=student.id, school_id=student.school_id,
                                      criterion=criterion, noticed_on=date(2026, 3, 1),
                                      evidence=f"evidence {criterion}", case_id=case.id))
        session.add(AttendanceMark(student_id=student.id, school_id=student.school_id,
                                   day=date(2026, 3, 3), status=AttendanceStatus.UNEXCUSED))
        return student, case.id


def _register(secretary: Actor, student, organisations):
    from datetime import date

    from sqlmodel import select

    from juvenile.models import SpecialOrganisation
    from juvenile.rules.placements import DecidingBody, PlacementKind
    from juvenile.services.commission.placement_register import register_placement_by_iin
    from juvenile.services.commission.placements import PlacementTerms

    with transaction() as session:
        organisation = session.exec(select(SpecialOrganisation.id).where(
            SpecialOrganisation.code == "SPO-AST-02")).one()
    return register_placement_by_iin(secretary, student.iin, PlacementTerms(
        kind=PlacementKind.SPECIAL_REGIME, organisation_id=organisation,
        deciding_body=DecidingBody.COURT, decision_date=date(2026, 4, 1),
        start_date=date(2026, 4, 6), term_months=12, decision_number="2-310/2026",
        prosecutor_participated=True))


def _readable(who: Actor, student, case_id: int | None = None) -> set[str]:
    """The kinds of the student's records ``who`` may read, by the gate."""
    from juvenile.models import CriterionFlag

    kinds = set()
    with transaction() as session:
        for kind in (RecordKind.STUDENT, RecordKind.FLAG, RecordKind.ATTENDANCE,
                     RecordKind.CASE, RecordKind.COUNCIL_MEETING, RecordKind.PLAN_MEASURE):
            if is_allowed(who, Permission.VIEW, student_scope(session, student, kind=kind,
                                                              case_id=case_id)):
                kinds.add(kind.value)
        from juvenile.services.school.flags import flag_scope

        for flag in session.exec(select(CriterionFlag).where(
                CriterionFlag.student_id == student.id, CriterionFlag.criterion == 8)):
            if is_allowed(who, Permission.VIEW, flag_scope(session, student, flag)):
                kinds.add("sensitive_flag")
    return kinds


def test_registering_a_placement_then_reading_opens_only_the_placement_and_the_identity(
        home_users, organisations):
    """Issue 16 item 1. The commission of the minor's place of residence follows a
    placement (Art. 80 (10), (11); Art. 81 (11), (12)); the school file stays with
    the school, and flags on criteria 8 and 9 (Art. 78 (2)) with it, until the case
    is referred (Art. 78 (4)); confidentiality: Art. 3 (2) item 4, Art. 83 (2)."""
    from juvenile.services.school.student_card import open_student_card
    from juvenile.services.school.student_file import student_file

    student, case_id = _child_with_a_file(organisations)
    secretary, member = home_users["secretary.home"], home_users["member.home"]
    assert _readable(secretary, student) == set()  # before: nothing at all
    placement = _register(secretary, student, organisations)

    # register, then read: the identity and the placement, nothing more
    for who in (secretary, member):
        assert _readable(who, student) == {"student"}
        assert _readable(who, student, case_id) == {"student"}
    assert open_student_card(secretary, student.id).full_name == student.full_name
    read = student_file(secretary, student.id)
    assert (read.flags, read.attendance, read.cases) == ([], [], [])
    assert [p.placement_id for p in read.placements] == [placement.id]
    assert not read.may_change_flags
    assert student_file(member, student.id).placements == []  # members read no placements
    # the school still reads its whole file, the sensitive flag included
    school = student_file(home_users["psy.home"], student.id)
    assert sorted(f.criterion for f in school.flags) == [1, 8]
    assert len(school.cases) == 1 and len(school.placements) == 1


def test_sensitive_flags_need_the_referral_of_their_own_case(home_users, organisations):
    """A referral of another case of the child opens that case, not the criterion-8
    flag of a case never referred (Art. 78 (4), Art. 83 (2))."""
    from datetime import date

    from juvenile.models import Referral, SupportCase
    from juvenile.rules.cases import CaseState
    from juvenile.services.school.student_file import student_file

    student, case_id = _child_with_a_file(organisations)
    secretary = home_users["secretary.home"]
    _register(secretary, student, organisations)
    with transaction() as session:  # that case closed: one open case at a time (Art. 78 (3))
        first = session.get(SupportCase, case_id)
        first.state, first.closed_on = CaseState.CLOSED, date(2026, 3, 30)
    other = refer(student, organisations.commission[HOME["commission"]])
    assert "sensitive_flag" not in _readable(secretary, student)
    read = student_file(secretary, student.id)
    assert [c.case_id for c in read.cases] == [other.case_id]
    assert sorted(f.criterion for f in read.flags) == [1]
    with transaction() as session:
        session.add(Referral(case_id=case_id, commission_id=other.commission_id, packet="{}"))
    assert "sensitive_flag" in _readable(secretary, student)
    read = student_file(secretary, student.id)
    assert sorted(f.criterion for f in read.flags) == [1, 8]
    assert sorted(c.case_id for c in read.cases) == sorted([case_id, other.case_id])
