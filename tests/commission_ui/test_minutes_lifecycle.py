"""Minutes: draft, approved and locked with their PDFs and SHA-256, changed only through a
numbered amendment with its reason, every approved version kept (Art. 79)."""

import hashlib
import io
from datetime import date

import pytest
from commission_sitting import DECISION_NOTES, EXECUTOR, Sitting, hold_sitting
from pypdf import PdfReader
from sqlmodel import select

from juvenile import db
from juvenile.errors import Refusal
from juvenile.i18n import translate
from juvenile.models import AuditAction, AuditEntry, MinutesDocument
from juvenile.security.gate import AccessDenied
from juvenile.services.commission.agenda import (
    add_agenda_item,
    record_hearing_notes,
    remove_agenda_item,
    reorder_agenda,
)
from juvenile.services.commission.board import meeting_page
from juvenile.services.commission.decisions import mark_decision_done, record_decision
from juvenile.services.commission.documents import (
    approved_minutes_pdf,
    case_extract_pdf,
    draft_minutes_pdf,
)
from juvenile.services.commission.meetings import plan_meeting, record_attendance
from juvenile.services.commission.members import add_member
from juvenile.services.commission.minutes import approve_minutes, open_amendment


def text_of(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
                    .split())


def refused(key: str, call, *args, **kwargs) -> Refusal:
    with pytest.raises(Refusal) as caught:  # a RuleViolation, or InputRefused (blank)
        call(*args, **kwargs)
    assert caught.value.key == key
    return caught.value


def every_change_is_refused(s: Sitting) -> None:
    """Attendance, agenda, notes and decisions of the meeting: all refused as locked."""
    meeting_id, secretary = s.meeting.id, s.secretary
    refused("minutes.locked", record_attendance, secretary, meeting_id, s.members)
    refused("minutes.locked", add_agenda_item, secretary, meeting_id, "other", title="Өтініш")
    refused("minutes.locked", reorder_agenda, secretary, meeting_id, [s.item_id])
    refused("minutes.locked", remove_agenda_item, secretary, s.item_id)
    refused("minutes.locked", record_hearing_notes, secretary, s.item_id, "Түзетілген мәтін")
    refused("minutes.locked", record_decision, secretary, s.item_id, "close_without_measures")


def test_approval_needs_a_held_meeting_with_every_question_settled(world):
    secretary = world.secretary()
    members = world.members(n=7)
    meeting = plan_meeting(secretary, world.commissions["C1"], date(2026, 12, 21))
    refused("minutes.not_held", approve_minutes, secretary, meeting.id)
    item = add_agenda_item(secretary, meeting.id, "other", title="Мектептің есебі")
    record_attendance(secretary, meeting.id, members[:2])  # no quorum: nothing decided
    assert refused("minutes.open_items", approve_minutes, secretary, meeting.id).params == {
        "count": 1}
    remove_agenda_item(secretary, item.id)  # taken off undecided, the minutes say no quorum
    approved = approve_minutes(secretary, meeting.id)
    assert approved.number == 1
    text = text_of(approved_minutes_pdf(secretary, meeting.id, 1, "ru").data)
    assert "Кворума (более 1/2 состава, статья 79 Закона) нет" in text


def test_approved_minutes_are_locked_with_both_pdfs_and_their_hashes(sitting):
    s = sitting
    assert not meeting_page(s.secretary, s.meeting.id).minutes.locked
    approved = approve_minutes(s.secretary, s.meeting.id, today=date(2026, 12, 15))
    assert approved.number == 1 and approved.approved_at is not None
    with db.transaction() as session:
        stored = {d.language: d for d in session.exec(select(MinutesDocument))}
    assert set(stored) == {"kk", "ru"}
    for language, document in stored.items():
        assert document.sha256 == hashlib.sha256(document.pdf).hexdigest()
        assert approved.sha256[language] == document.sha256
        download = approved_minutes_pdf(s.secretary, s.meeting.id, 1, language)
        assert download.data == document.pdf
    kk = text_of(stored["kk"].pdf)
    assert "Заңды өкілдерге міндеттер жүктеу" in kk and EXECUTOR in kk
    assert DECISION_NOTES in kk and "бекітілді" in kk and "ЖОБА" not in kk

    assert meeting_page(s.secretary, s.meeting.id).minutes.locked
    every_change_is_refused(s)
    refused("minutes.already_approved", approve_minutes, s.secretary, s.meeting.id)
    refused("minutes.approved_use_version", draft_minutes_pdf, s.secretary, s.meeting.id, "kk")
    # carrying out a decision is follow-up, not a change of the minutes
    assert mark_decision_done(s.secretary, s.decision_id, date(2027, 1, 10)).done_on


def test_an_amendment_is_numbered_has_a_reason_and_keeps_the_earlier_version(sitting):
    s = sitting
    refused("minutes.not_approved_yet", open_amendment, s.secretary, s.meeting.id, "Қате")
    first = approve_minutes(s.secretary, s.meeting.id)
    first_pdf = approved_minutes_pdf(s.secretary, s.meeting.id, 1, "kk").data
    refused("minutes.amendment_reason_required", open_amendment, s.secretary, s.meeting.id,
            "   ")
    amendment = open_amendment(s.secretary, s.meeting.id, "Талқылау жазбасындағы қате түзетілді")
    assert amendment.number == 2 and amendment.approved_at is None
    refused("minutes.amendment_open", open_amendment, s.secretary, s.meeting.id, "Тағы")
    status = meeting_page(s.secretary, s.meeting.id).minutes
    assert not status.locked and status.open_amendment.number == 2

    record_hearing_notes(s.secretary, s.item_id, "Сынып жетекшісі мен психолог баяндады.")
    draft = text_of(draft_minutes_pdf(s.secretary, s.meeting.id, "kk").data)
    assert "ЖОБА" in draft and "№ 1 түзету: Талқылау жазбасындағы қате түзетілді" in draft
    second = approve_minutes(s.secretary, s.meeting.id)
    assert second.number == 2 and second.sha256["kk"] != first.sha256["kk"]
    every_change_is_refused(s)

    status = meeting_page(s.secretary, s.meeting.id).minutes
    assert [v.number for v in status.approved] == [1, 2]
    assert status.approved[0].sha256 == first.sha256  # version 1 is kept as approved
    assert approved_minutes_pdf(s.secretary, s.meeting.id, 1, "kk").data == first_pdf
    second_text = text_of(approved_minutes_pdf(s.secretary, s.meeting.id, 2, "kk").data)
    assert "психолог баяндады" in second_text and "№ 1 түзету" in second_text
    assert "психолог баяндады" not in text_of(first_pdf)


def test_a_stored_pdf_that_no_longer_matches_its_hash_is_not_issued(sitting):
    s = sitting
    approve_minutes(s.secretary, s.meeting.id)
    with db.transaction() as session:
        document = session.exec(select(MinutesDocument)
                                .where(MinutesDocument.language == "ru")).one()
        document.pdf = document.pdf.replace(b"%%EOF", b"%%EOF\n% tampered")
        session.add(document)
    refused("minutes.integrity", approved_minutes_pdf, s.secretary, s.meeting.id, 1, "ru")
    assert approved_minutes_pdf(s.secretary, s.meeting.id, 1, "kk").data


def test_members_read_approved_minutes_only_and_cannot_approve(sitting, member):
    s = sitting
    refused("minutes.draft_not_shared", draft_minutes_pdf, member, s.meeting.id, "ru")
    with pytest.raises(AccessDenied):
        approve_minutes(member, s.meeting.id)
    approve_minutes(s.secretary, s.meeting.id)
    with pytest.raises(AccessDenied):
        open_amendment(member, s.meeting.id, "Менің ойымша қате")
    assert approved_minutes_pdf(member, s.meeting.id, 1, "ru").data.startswith(b"%PDF")
    with db.transaction() as session:
        exports = session.exec(select(AuditEntry).where(
            AuditEntry.login == member.login, AuditEntry.action == AuditAction.EXPORT)).all()
    assert [(e.record_type, e.record_id) for e in exports] == [("minutes", s.meeting.id)]


def test_another_commission_reaches_none_of_it(sitting):
    s = sitting
    approve_minutes(s.secretary, s.meeting.id)
    stranger = s.world.secretary("C2")
    for call, args in ((approved_minutes_pdf, (s.meeting.id, 1, "kk")),
                       (draft_minutes_pdf, (s.meeting.id, "kk")),
                       (open_amendment, (s.meeting.id, "Бөгде")),
                       (meeting_page, (s.meeting.id,)),
                       (case_extract_pdf, (s.item_id, "kk"))):
        with pytest.raises(AccessDenied):
            call(stranger, *args)


def test_the_case_extract_comes_from_approved_minutes_and_names_one_minor(world):
    s = hold_sitting(world)
    other = world.referral(world.student(last_name="Серікбаев"))
    record_attendance(s.secretary, s.meeting.id, s.members[:5])
    item = add_agenda_item(s.secretary, s.meeting.id, "referral", referral_id=other.id)
    record_decision(s.secretary, item.id, "close_without_measures")
    refused("minutes.extract_needs_approval", case_extract_pdf, s.secretary, s.item_id, "kk")
    approve_minutes(s.secretary, s.meeting.id)
    for language, decided in (("kk", "Заңды өкілдерге міндеттер жүктеу"),
                              ("ru", "Возложить обязанности на законных представителей")):
        text = text_of(case_extract_pdf(s.secretary, s.item_id, language).data)
        assert "Әбенов" in text and decided in text and EXECUTOR in text
        assert "Серікбаев" not in text
    assert "15.01.2027" in text or "15 янв. 2027" in text


def test_the_minutes_are_signed_by_who_presided_and_only_a_secretary_present(world):
    """Art. 79 (4): the chair presides, or in the chair's absence a deputy chair; the
    minutes carry the signature lines of those the attendance records as present
    (issue 20, item 7), and are not approved when neither presided."""
    secretary, commission = world.secretary(), world.commissions["C1"]
    _chair, deputy, clerk, *members = [
        add_member(secretary, commission, name, position).id for name, position in (
            ("Сәрсенбаев Ерлан Маратұлы", "chair"), ("Ахметова Динара Сәкенқызы", "deputy_chair"),
            ("Жұмабекова Әсел Болатқызы", "secretary"), ("Ким Виктор Алексеевич", "member"),
            ("Омарова Гүлнар Ерланқызы", "member"), ("Тоқтаров Нұрлан Асқарұлы", "member"),
            ("Иванова Елена Сергеевна", "member"))]
    meeting = plan_meeting(secretary, commission, date(2026, 12, 21))
    record_attendance(secretary, meeting.id, [clerk, *members])  # a quorum, but no one presides
    refused("minutes.no_presiding_member", approve_minutes, secretary, meeting.id)

    record_attendance(secretary, meeting.id, [deputy, *members])  # the secretary is away
    draft = text_of(draft_minutes_pdf(secretary, meeting.id, "ru").data)
    assert translate("commission_doc.deputy_chair", "ru") in draft and "Д. С. Ахметова" in draft
    assert "Е. М. Сәрсенбаев" not in draft and "Ә. Б. Жұмабекова" not in draft
    approve_minutes(secretary, meeting.id)
    approved = text_of(approved_minutes_pdf(secretary, meeting.id, 1, "kk").data)
    assert translate("commission_doc.deputy_chair", "kk") in approved
    assert "Д. С. Ахметова" in approved and "Ә. Б. Жұмабекова" not in approved
