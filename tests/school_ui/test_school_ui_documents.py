"""The council protocol and the individual prevention work plan (Art. 78 (3), (4)) as
PDF in Kazakh and Russian: what they say, that the export is audited, and that
another school cannot have them."""

# The ``world`` fixture is imported from school_world (no conftest here: the engine's
# tests import helpers from theirs by the module name ``conftest``).
# ruff: noqa: F811
import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from school_world import TODAY, world  # noqa: F401 (fixture)
from sqlmodel import select

from juvenile import db
from juvenile.i18n import translate
from juvenile.models import AuditAction, AuditEntry
from juvenile.reports import council_protocol, prevention_plan
from juvenile.reports.council_protocol import minor_presence, representatives_presence
from juvenile.rules.criteria import name as criterion_name
from juvenile.rules.iin import Sex, make_iin, sex_of
from juvenile.security.gate import AccessDenied
from juvenile.services.school.documents import plan_data, protocol_data

MEASURES = (("Педагог-психологпен апта сайынғы жеке әңгіме", "Нұрланова Ә. С.",
             TODAY + timedelta(days=30)),)


def text_of(pdf: bytes) -> str:
    """The PDF's text with its lines joined (long cells wrap)."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def heard(world):
    """A meeting that assigned support to one case and heard a refusal on another."""
    supported = world.case(world.student("Әлиев", "Ғалым", "Құрманұлы"), 3, 9)
    refused = world.case(world.student("Ковалёв", "Артём", "Сергеевич"), 4)
    meeting = world.council("SA", supported, "support_assigned", number="7/2026",
                            measures=MEASURES)
    # the refusal at another meeting: one protocol shows a plan, the other a referral
    later = world.council("SA", refused, "representatives_refused", number="8/2026")
    return {"meeting": meeting, "later": later, "supported": supported}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_protocol_names_the_school_members_minor_participation_and_decisions(
        world, heard, language):
    staff = world.staff("SA")
    data = protocol_data(staff, heard["meeting"])
    text = text_of(council_protocol.render(data, language))
    school = "№ 1 мектеп-гимназия" if language == "kk" else "Школа-гимназия № 1"
    for expected in (
        school, translate("school_doc.protocol.title", language, number="7/2026"),
        "Омаров Бауыржан Қайратұлы (төраға)", "Әлиев Ғалым Құрманұлы",
        " ".join(criterion_name(3, language).split()),
        " ".join(criterion_name(9, language).split()),  # the school sees its sensitive flags
        translate("presence.minor.took_part.male", language),  # Әлиев: a boy, by his IIN
        translate("case.decision.support_assigned", language),
        MEASURES[0][0], translate("school_doc.chair", language),
        translate("school_doc.secretary", language),
        translate("school_doc.page", language, page=1, pages=1),
    ):
        assert expected in text, expected
    assert council_protocol.filename(data, language).endswith(f"-{language}.pdf")

    refusal = text_of(council_protocol.render(protocol_data(staff, heard["later"]), language))
    commission = "Бірінші аудан комиссиясы" if language == "kk" else "Комиссия первого района"
    assert "Ковалёв Артём Сергеевич" in refusal
    assert translate("school_doc.referred_to", language, commission=commission) in refusal
    assert translate("presence.representatives.absent", language, reason="бас тартты") in refusal
    # their absence is a documented refusal to attend, with the invitation's day (Art. 78 (3))
    assert " ".join(translate("presence.representatives.refused_to_attend", language,
                              date=TODAY - timedelta(days=8)).split()) in refusal


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_plan_lists_the_measures_with_responsible_and_due_dates(world, heard, language):
    data = plan_data(world.staff("SA"), heard["supported"])
    text = text_of(prevention_plan.render(data, language))
    for expected in (translate("school_doc.plan.title", language), "Әлиев Ғалым Құрманұлы",
                     MEASURES[0][0], MEASURES[0][1], "7/2026",
                     translate("school_doc.plan.approved", language)):
        assert expected in text, expected


def test_exports_are_audited_and_refused_to_another_school(world, heard):
    staff, stranger = world.staff("SA"), world.staff("SB")
    protocol_data(staff, heard["meeting"])
    plan_data(staff, heard["supported"])
    with pytest.raises(AccessDenied):
        protocol_data(stranger, heard["meeting"])
    with pytest.raises(AccessDenied):
        plan_data(stranger, heard["supported"])
    with db.transaction() as session:
        entries = session.exec(select(AuditEntry).where(
            AuditEntry.login.in_([staff.login, stranger.login]))).all()
    exports = {(e.login, e.record_type, e.action) for e in entries}
    assert (staff.login, "council_meeting", AuditAction.EXPORT) in exports
    assert (staff.login, "plan_measure", AuditAction.EXPORT) in exports
    assert {e.action for e in entries if e.login == stranger.login} == {AuditAction.DENIED}


@pytest.mark.parametrize(("sex", "present", "expected"), [
    (Sex.MALE, True, "участвовал"), (Sex.FEMALE, True, "участвовала"),
    (Sex.FEMALE, False, "не участвовала: болела"), (Sex.MALE, None, "ещё не отмечено"),
])
def test_the_minors_part_is_worded_by_the_sex_the_iin_gives(sex, present, expected):
    """Issue 20, item 8: no "участвовал(и)" for one minor; the sex comes from the IIN."""
    iin = make_iin(date(2012, 4, 9), sex, 4100)
    assert sex_of(iin) == sex
    assert minor_presence(present, "болела", "ru", sex_of(iin)) == expected
    assert representatives_presence(True, "", "ru") == "участвовали"
