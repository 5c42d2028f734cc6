"""The agenda and the minutes as PDF in Kazakh and Russian (Art. 79): every part the
minutes must carry, the shipped font's Kazakh letters and "page X / Y" footers."""

import io
import re
from datetime import date

import pytest
from commission_sitting import (
    ABSENCE_REASON,
    DECISION_NOTES,
    DUE,
    EXECUTOR,
    MEETING_DAY,
    NOTES,
    Sitting,
)
from pypdf import PdfReader
from sqlmodel import select

from juvenile import db
from juvenile.i18n import format_date, translate
from juvenile.models import AuditAction, AuditEntry, CommissionMember, MemberPosition
from juvenile.reports.pdf import zone_label
from juvenile.services.commission.agenda import add_agenda_item
from juvenile.services.commission.decisions import record_decision
from juvenile.services.commission.documents import agenda_pdf, draft_minutes_pdf
from juvenile.services.commission.meetings import plan_meeting

PAGE = {"kk": "бет {page} / {pages}", "ru": "стр. {page} / {pages}"}
WORDS = {
    "kk": {"title": "Комиссия отырысының № 1 хаттамасы", "district": "Бірінші аудан",
           "commission": "Бірінші аудан комиссиясы", "present": "Қатысқандар",
           "absent": "Қатыспағандар", "heard": "Тыңдалды", "decided": "Шешілді",
           "decision": "Заңды өкілдерге міндеттер жүктеу", "executor": "Орындаушы",
           "due": "Орындау мерзімі", "chair": "Комиссия төрағасы",
           "secretary": "Комиссия хатшысы", "draft": "ЖОБА — бекітілмеген",
           "quorum": "Отырысқа комиссияның 7 мүшесінің 5 мүшесі қатысты. Кворум (мүшелердің 1/2 "
                     "бөлігінен астамы, Заңның 79-бабы) бар",
           "agenda": "Комиссия отырысының № 1 күн тәртібі"},
    "ru": {"title": "Протокол № 1 заседания комиссии", "district": "Первый район",
           "commission": "Комиссия первого района", "present": "Присутствовали",
           "absent": "Отсутствовали", "heard": "Слушали", "decided": "Решили",
           "decision": "Возложить обязанности на законных представителей",
           "executor": "Исполнитель", "due": "Срок исполнения",
           "chair": "Председатель комиссии", "secretary": "Секретарь комиссии",
           "draft": "ПРОЕКТ — не утверждён",
           "quorum": "Присутствуют 5 из 7 членов комиссии. Кворум (более 1/2 состава, "
                     "статья 79 Закона) имеется",
           "agenda": "Повестка дня заседания комиссии № 1"},
}


def pages_of(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def names(sitting: Sitting) -> dict[str, list[str]]:
    with db.transaction() as session:
        members = session.exec(select(CommissionMember).where(
            CommissionMember.id.in_(sitting.members))).all()
    by_id = {m.id: m for m in members}
    return {"present": [by_id[i].full_name for i in sitting.members[:5]],
            "absent": [by_id[i].full_name for i in sitting.members[5:]],
            "chair": [m.full_name for m in members if m.position == MemberPosition.CHAIR],
            "secretary": [m.full_name for m in members
                          if m.position == MemberPosition.SECRETARY]}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_minutes_carry_everything_the_meeting_recorded(sitting, language):
    words = WORDS[language]
    pages = pages_of(draft_minutes_pdf(sitting.secretary, sitting.meeting.id, language).data)
    text = " ".join(pages)
    for part in (words["title"], words["commission"], words["district"], words["draft"],
                 format_date(sitting.meeting.meeting_date, language, "long"),
                 "Әкімдік ғимараты, 2-қабат", words["present"], words["absent"],
                 ABSENCE_REASON, words["quorum"], words["heard"], NOTES, words["decided"],
                 words["decision"], DECISION_NOTES, words["executor"], EXECUTOR, words["due"],
                 format_date(DUE, language),
                 words["chair"], words["secretary"], "Әбенов Ғалым Құрманұлы"):
        assert " ".join(part.split()) in text, part
    people = names(sitting)
    for name in people["present"] + people["absent"] + people["chair"] + people["secretary"]:
        assert name in text
    absent_line = re.search(re.escape(people["absent"][0]) + r" — [^:]+: (\S+)", text)
    assert absent_line and absent_line.group(1) == ABSENCE_REASON
    for number, page in enumerate(pages, start=1):
        assert PAGE[language].format(page=number, pages=len(pages)) in page
    # the territory's label does not repeat its name ("Район | район Алматы", issue 14)
    area = translate("commission_doc.area", language)
    assert f"{area} {words['district']}" in text
    assert area.lower() not in words["district"].lower()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_long_agenda_runs_over_pages_numbered_x_of_y(world, language):
    secretary = world.secretary()
    world.members(n=7)
    meeting = plan_meeting(secretary, world.commissions["C1"], MEETING_DAY, "Әкімдік")
    for n in range(40):
        add_agenda_item(secretary, meeting.id, "other",
                        title=f"Мектеп № {n}: құқық бұзушылықтың алдын алу жұмысы туралы есеп")
    add_agenda_item(secretary, meeting.id, "referral",
                    referral_id=world.referral(world.student(last_name="Үсенов")).id)
    download = agenda_pdf(secretary, meeting.id, language)
    pages = pages_of(download.data)
    assert len(pages) >= 2
    assert download.filename == f"commission-agenda-1-2026-12-14-{language}.pdf"
    for number, page in enumerate(pages, start=1):
        # the footer: "page X / Y", then the zone the document's times are in
        assert page.endswith(PAGE[language].format(page=number, pages=len(pages)) + " "
                             + zone_label(language))
    text = " ".join(pages)
    assert WORDS[language]["agenda"] in text and "Үсенов Ғалым Құрманұлы" in text
    assert "78" in text  # the referral names the article it came under
    with db.transaction() as session:
        exported = session.exec(select(AuditEntry).where(
            AuditEntry.action == AuditAction.EXPORT,
            AuditEntry.record_type == "commission_meeting")).all()
    assert [e.record_id for e in exported] == [meeting.id]


def test_a_postponed_question_reads_in_both_meetings_minutes(sitting):
    s = sitting
    later = plan_meeting(s.secretary, s.world.commissions["C1"], date(2026, 12, 28), "Әкімдік")
    other = s.world.referral(s.world.student(last_name="Қалиев"))
    item = add_agenda_item(s.secretary, s.meeting.id, "referral", referral_id=other.id)
    record_decision(s.secretary, item.id, "postpone", notes="Ата-анасы келмеді",
                    postpone_to_meeting_id=later.id)
    here = " ".join(pages_of(draft_minutes_pdf(s.secretary, s.meeting.id, "ru").data))
    assert "Отложить рассмотрение до заседания № 2 от 28 дек. 2026 г." in here
    assert "Причина Ата-анасы келмеді" in here
    there = " ".join(pages_of(agenda_pdf(s.secretary, later.id, "kk").data))
    assert "Қалиев Ғалым Құрманұлы" in there
    assert "(№ 1 отырыстан (2026 ж. 14 жел.) ауыстырылған)" in there
