"""Two users at once on one record (issue 16 item 2), on SQLite and PostgreSQL: each
read-check-write action locks the row it checks, so the second user reads what the
first left and is refused with the law's or the input's message; nothing doubles,
nothing a user was told is saved vanishes."""

from datetime import date

import pytest
from race_helpers import race
from school_helpers import SYSTEM
from sqlmodel import func, select

from juvenile import db
from juvenile.models import AbsenceProposal, CriterionFlag, ProposalStatus, SupportCase
from juvenile.rules.cases import CaseState, CloseOutcome
from juvenile.services.school import absence_scan, cases, council
from juvenile.services.school.absence_scan import (
    confirm_absence_proposals,
    dismiss_absence_proposals,
)
from juvenile.services.school.cases import close_case, open_case
from juvenile.services.school.council import (
    hold_council_meeting,
    plan_council_meeting,
    record_council_decision,
    record_participation,
)
from juvenile.services.school.flags import NewFlag, add_flags

pytestmark = pytest.mark.real_commits


def _proposal(world) -> int:
    student_id = world.student()
    with db.transaction() as session:
        proposal = AbsenceProposal(student_id=student_id, school_id=world.schools["SA"],
                                   month="2026-10", unexcused_days=5)
        session.add(proposal)
        session.flush()
        return proposal.id


def _flags_of_criterion_4() -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(CriterionFlag)
                            .where(CriterionFlag.criterion == 4)).one()


def test_a_proposal_confirmed_twice_at_once_is_one_flag(world, monkeypatch):
    proposal_id = _proposal(world)
    one, other = world.staff("SA"), world.staff("SA")
    outcomes = race(monkeypatch, [(absence_scan, "create_flags", 0)],
                    lambda: confirm_absence_proposals(one, [proposal_id], date(2026, 11, 2)),
                    lambda: confirm_absence_proposals(other, [proposal_id], date(2026, 11, 2)))
    assert sorted(o.ok for o in outcomes) == [False, True]
    [refused] = [o.refusal for o in outcomes if o.refusal is not None]
    assert refused.key == "absence.error.already_decided"
    assert _flags_of_criterion_4() == 1


def test_a_dismissal_racing_a_confirmation_is_not_lost(world, monkeypatch):
    proposal_id = _proposal(world)
    one, other = world.staff("SA"), world.staff("SA")
    confirmed, dismissed = race(
        monkeypatch, [(absence_scan, "create_flags", 0), (absence_scan, "check_text", 0)],
        lambda: confirm_absence_proposals(one, [proposal_id], date(2026, 11, 2)),
        lambda: dismiss_absence_proposals(other, [proposal_id], "marks in error",
                                          date(2026, 11, 2)))
    assert confirmed.ok != dismissed.ok  # one of them, told so; the other refused
    with db.transaction() as session:
        status = session.get(AbsenceProposal, proposal_id).status
    assert status == (ProposalStatus.CONFIRMED if confirmed.ok else ProposalStatus.DISMISSED)
    assert _flags_of_criterion_4() == (1 if confirmed.ok else 0)


def test_two_cases_opened_at_once_for_one_student_are_one(world, monkeypatch):
    student_id = world.student()
    first, second = add_flags(SYSTEM, student_id, [NewFlag(3, date(2026, 10, 1), "fights"),
                                                   NewFlag(5, date(2026, 10, 1), "smoking")])
    one, other = world.staff("SA"), world.staff("SA")
    outcomes = race(monkeypatch, [(cases, "_free_flags", 0)],
                    lambda: open_case(one, student_id, [first.id], on=date(2026, 10, 2)),
                    lambda: open_case(other, student_id, [second.id], on=date(2026, 10, 2)))
    assert sorted(o.ok for o in outcomes) == [False, True]
    [refused] = [o.refusal for o in outcomes if o.refusal is not None]
    assert refused.key == "case.error.open_case_exists"
    with db.transaction() as session:
        assert len(session.exec(select(SupportCase)
                                .where(SupportCase.student_id == student_id)).all()) == 1


def test_a_close_racing_a_refusal_does_not_vanish(world, monkeypatch):
    """The close writes first; the refusal, which read the case before, must not
    write its state over the closed case."""
    student_id = world.student()
    flags = add_flags(SYSTEM, student_id, [NewFlag(3, date(2026, 10, 1), "fights")])
    case_id = open_case(SYSTEM, student_id, [f.id for f in flags], on=date(2026, 10, 2)).id
    meeting = plan_council_meeting(SYSTEM, world.schools["SA"], "7", date(2026, 11, 20),
                                   [case_id])
    hold_council_meeting(SYSTEM, meeting.id, ["Директор Ахметова С."])
    record_participation(SYSTEM, meeting.id, case_id, minor_present=True,
                         representatives_present=False,
                         representatives_absence_reason="refused to come",
                         representatives_refused_to_attend=True,
                         representatives_invited_on=date(2026, 11, 13))
    one, other = world.staff("SA"), world.staff("SA")
    closed, refused = race(
        monkeypatch, [(cases, "close", 0), (council, "apply_council_decision", 0.5)],
        lambda: close_case(one, case_id, CloseOutcome.MOVED_SCHOOL, on=date(2026, 11, 24)),
        lambda: record_council_decision(other, meeting.id, case_id, "representatives_refused"))
    with db.transaction() as session:
        case = session.get(SupportCase, case_id)
    if closed.ok:
        assert case.state == CaseState.CLOSED and case.outcome == CloseOutcome.MOVED_SCHOOL
    else:
        assert closed.refusal is not None
    if refused.ok and not closed.ok:
        assert case.state == CaseState.REFERRED_TO_COMMISSION
    assert closed.ok or refused.ok


def test_the_database_keeps_one_open_case_per_student_and_refuses_in_words(world):
    """Whatever path writes a second open case, the partial unique index refuses it,
    and the unit of work turns the integrity error into the user's refusal."""
    student_id = world.student()

    def a_case(state: CaseState) -> SupportCase:
        return SupportCase(student_id=student_id, school_id=world.schools["SA"], state=state,
                           opened_on=date(2026, 10, 2))

    with db.transaction() as session:  # closed cases do not count
        session.add_all([a_case(CaseState.CLOSED), a_case(CaseState.CLOSED),
                         a_case(CaseState.FLAGGED)])
    with pytest.raises(db.WriteConflict) as refused, db.transaction() as session:
        session.add(a_case(CaseState.UNDER_SUPPORT))
    assert refused.value.key == "common.error.write_conflict"
    assert "Reload the page" in refused.value.message("en")
    assert "Обновите страницу" in refused.value.message("ru")


def test_a_driver_level_integrity_error_is_the_same_refusal(world):
    """Bulk writes on the raw connection raise the driver's own errors, unwrapped."""
    import sqlite3

    with pytest.raises(db.WriteConflict), db.transaction():
        raise sqlite3.IntegrityError("UNIQUE constraint failed")
    with pytest.raises(ValueError), db.transaction():
        raise ValueError("not a database error")


def test_a_locking_read_begins_the_write_transaction_on_sqlite(sqlite_database):
    """SQLite has no row locks: ``db.lock`` takes the database's write lock instead
    (BEGIN IMMEDIATE), which a plain read does not."""
    from juvenile.models import Region

    def began(session) -> bool:
        return session.connection().connection.dbapi_connection.in_transaction

    with db.transaction() as session:
        session.get(Region, 1)
        assert not began(session)
        assert db.lock(session, Region, 1) is not None
        assert began(session)


def test_a_close_racing_the_housekeeping_close_is_closed_once(world, monkeypatch):
    """The daily housekeeping closes the case of a student who turned 18 while a user
    closes it with another outcome: one of them closes it, the other leaves it."""
    from juvenile.services.school import housekeeping

    student_id = world.student(birth=date(2008, 12, 10))  # 18 on 10 December 2026
    flags = add_flags(SYSTEM, student_id, [NewFlag(3, date(2026, 10, 1), "fights")])
    case_id = open_case(SYSTEM, student_id, [f.id for f in flags], on=date(2026, 10, 2)).id
    user = world.staff("SA")
    by_user, by_housekeeping = race(
        monkeypatch, [(cases, "close", 0), (housekeeping, "close", 0)],
        lambda: close_case(user, case_id, CloseOutcome.MOVED_SCHOOL, on=date(2026, 12, 15)),
        lambda: housekeeping.close_cases_of_adults(SYSTEM, on=date(2026, 12, 15)))
    assert by_housekeeping.ok
    assert by_user.ok != (by_housekeeping.value == 1)
    with db.transaction() as session:
        case = session.get(SupportCase, case_id)
    assert case.outcome == (CloseOutcome.MOVED_SCHOOL if by_user.ok else CloseOutcome.TURNED_18)
