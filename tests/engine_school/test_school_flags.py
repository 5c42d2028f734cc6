"""Flags on the criteria of Art. 78 (2): minors only, several at once, sensitive 8 and 9."""

from datetime import date

import pytest
from school_helpers import SYSTEM, card_flags, count
from sqlmodel import select

from juvenile import db
from juvenile.errors import Refusal
from juvenile.models import AuditEntry, CriterionFlag, Role
from juvenile.rules.age import eighteenth_birthday
from juvenile.rules.errors import RuleViolation
from juvenile.security.gate import AccessDenied
from juvenile.services.school.case_file import open_case_file
from juvenile.services.school.cases import open_case
from juvenile.services.school.flags import NewFlag, add_flags, resolve_flag
from juvenile.services.school.student_file import student_file

BIRTH = date(2008, 12, 1)
EIGHTEEN = eighteenth_birthday(BIRTH)  # 2026-12-01


def test_several_criteria_at_once_with_evidence_and_author(world):
    """Art. 78 (2): a student may meet several criteria at once."""
    student_id = world.student()
    psychologist = world.staff("SA")
    flags = add_flags(psychologist, student_id, [
        NewFlag(1, date(2026, 10, 5), "two failing marks in algebra"),
        NewFlag(6, date(2026, 10, 6), "vape found in the bag"),
    ])
    assert [(f.criterion, f.author_id, f.school_id) for f in flags] == [
        (1, psychologist.user_id, world.schools["SA"]),
        (6, psychologist.user_id, world.schools["SA"]),
    ]
    assert flags[1].evidence == "vape found in the bag"


def test_a_flag_on_the_day_before_the_18th_birthday_is_allowed(world):
    """Art. 78 (2) covers minors: aged 17 on the day before the 18th birthday."""
    student_id = world.student(birth=BIRTH)
    [flag] = add_flags(SYSTEM, student_id, [NewFlag(12, date(2026, 11, 30), "truancy")],
                       today=date(2026, 11, 30))
    assert flag.noticed_on == date(2026, 11, 30)


def test_no_flag_on_the_18th_birthday(world):
    """Art. 78 (2), Art. 59 (8) item 4: a person of 18 is no longer a minor."""
    student_id = world.student(birth=BIRTH)
    with pytest.raises(RuleViolation) as refused:
        add_flags(SYSTEM, student_id, [NewFlag(12, EIGHTEEN, "truancy")], today=EIGHTEEN)
    assert refused.value.key == "age.adult_cannot_be_flagged"
    assert refused.value.params == {"count": 18}
    assert count(CriterionFlag) == 0


@pytest.mark.parametrize(
    ("flags", "key"),
    [
        ([], "flag.error.none_given"),
        ([NewFlag(13, date(2026, 10, 1), "x")], "criterion.unknown"),
        ([NewFlag(3, date(2026, 10, 1), "  ")], "flag.error.evidence_required"),
        ([NewFlag(3, date(2026, 10, 1), "a"), NewFlag(3, date(2026, 10, 2), "b")],
         "flag.error.criterion_repeated"),
        ([NewFlag(3, date(2026, 11, 26), "tomorrow")], "flag.error.date_in_future"),
        ([NewFlag(1, date(2026, 10, 1), "ok"), NewFlag(0, date(2026, 10, 1), "bad")],
         "criterion.unknown"),
    ],
)
def test_bad_flags_are_refused_and_none_kept(world, flags, key):
    student_id = world.student()
    with pytest.raises(Refusal) as refused:  # the law, or a blank or too long note
        add_flags(SYSTEM, student_id, flags, today=date(2026, 11, 25))
    assert refused.value.key == key
    assert count(CriterionFlag) == 0


def test_resolving_needs_a_date_not_before_noticed_and_a_reason(world):
    student_id = world.student()
    [flag] = add_flags(SYSTEM, student_id, [NewFlag(1, date(2026, 10, 5), "failing maths")])
    for day, reason, key in [
        (date(2026, 10, 4), "passed", "flag.error.resolved_before_noticed"),
        (date(2026, 11, 1), "", "flag.error.reason_required"),
    ]:
        with pytest.raises(Refusal) as refused:
            resolve_flag(SYSTEM, flag.id, day, reason)
        assert refused.value.key == key
    resolved = resolve_flag(SYSTEM, flag.id, date(2026, 11, 1), "passed the retake")
    assert (resolved.resolved_on, resolved.resolution_reason) == (date(2026, 11, 1),
                                                                  "passed the retake")
    with pytest.raises(RuleViolation) as refused:
        resolve_flag(SYSTEM, flag.id, date(2026, 11, 2), "again")
    assert refused.value.key == "flag.error.already_resolved"
    [shown] = card_flags(SYSTEM, student_id)
    assert (shown.resolved_on, shown.resolution_reason) == (date(2026, 11, 1),
                                                            "passed the retake")


def test_sensitive_flags_are_hidden_from_those_the_gate_refuses(world):
    """Criteria 8 and 9 (Art. 3 (2) item 4, Art. 83 (2)): an administrator may read a
    student's ordinary flags but not the sensitive ones; the school sees all, and
    each sensitive flag shown is audited by its own id."""
    student_id = world.student()
    flags = add_flags(SYSTEM, student_id, [
        NewFlag(3, date(2026, 10, 1), "breach of the school rules"),
        NewFlag(9, date(2026, 10, 2), "bruises, says an older boy beats him"),
    ])
    sensitive_id = flags[1].id
    assert [f.criterion for f in card_flags(world.staff("SA"), student_id)] == [9, 3]
    assert [f.criterion for f in card_flags(world.admin(), student_id)] == [3]
    with db.transaction() as session:
        audited = session.exec(select(AuditEntry.record_id).where(
            AuditEntry.record_type == "flag", AuditEntry.action == "view")).all()
    assert audited.count(sensitive_id) == 1  # only the school's view of it
    with pytest.raises(AccessDenied):
        card_flags(world.staff("SB"), student_id)
    with pytest.raises(AccessDenied):  # a commission sees nothing before a referral
        card_flags(world.commission_member(Role.COMMISSION_MEMBER), student_id)


def test_another_schools_psychologist_cannot_flag_or_resolve(world):
    student_id = world.student("SA")
    [flag] = add_flags(SYSTEM, student_id, [NewFlag(1, date(2026, 10, 5), "failing")])
    outsider = world.staff("SB")
    with pytest.raises(AccessDenied):
        add_flags(outsider, student_id, [NewFlag(2, date(2026, 10, 5), "homeless")])
    with pytest.raises(AccessDenied):
        resolve_flag(outsider, flag.id, date(2026, 11, 1), "fine now")
    assert count(CriterionFlag) == 1


def test_the_administrator_reads_the_flags_but_may_not_take_one_back(world):
    """The card offers the school's flag controls only where the policy allows them
    (``may_change_flags``), and the server refuses the administrator anyway."""
    student_id = world.student("SA")
    [flag] = add_flags(SYSTEM, student_id, [NewFlag(1, date(2026, 10, 5), "failing")])
    assert student_file(world.staff("SA"), student_id).may_change_flags
    admins_view = student_file(world.admin(), student_id)
    assert [line.flag_id for line in admins_view.flags] == [flag.id]
    assert not admins_view.may_change_flags
    with pytest.raises(AccessDenied):
        resolve_flag(world.admin(), flag.id, date(2026, 11, 1), "fine now")
    with db.transaction() as session:
        assert session.get(CriterionFlag, flag.id).resolved_on is None


def test_the_case_file_offers_its_controls_to_the_school_only(world):
    """The case page's controls follow the policy (issue 20, item 4): the school's
    staff may change the case, the administrator reads it."""
    student_id = world.student("SA")
    flags = add_flags(SYSTEM, student_id, [NewFlag(1, date(2026, 10, 5), "failing")])
    case = open_case(SYSTEM, student_id, [flag.id for flag in flags])
    assert open_case_file(world.staff("SA"), case.id).may_change
    assert not open_case_file(world.admin(), case.id).may_change
