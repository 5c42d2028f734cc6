"""The minutes of a commission meeting (Art. 79), PDF in Kazakh or Russian.

Commission and district, number, date and place; the members present, and
those absent with the reason; the quorum statement; the agenda; for each
question what was heard, what was decided, the executor and the due date (or
the postponement with its reason); signature lines for the chair and the
secretary; "page X / Y" in the footer. A draft says so on its first page; an
approved version names its number, approval date and, for an amendment, why
it was opened.
"""

from dataclasses import dataclass
from datetime import date

from juvenile.i18n import Counted, format_date, translate
from juvenile.models import AgendaItemStatus
from juvenile.reports.commission_agenda import meeting_fields, new_document, question, signatory
from juvenile.reports.council_protocol import document_language
from juvenile.reports.meeting_data import ItemRecord, MeetingRecord
from juvenile.reports.pdf import Document
from juvenile.rules.commission import presiding_position


@dataclass(frozen=True)
class Stamp:
    """Which version of the minutes a document is."""

    version: int  # 1: the minutes; 2, 3, …: amendments 1, 2, …
    approved_on: date | None  # None: a draft
    reason: str = ""  # why the amendment was opened


def _position(line, language: str) -> str:
    return translate(f"composition.position.{line.position.value}", language)


def _attendance(document: Document, record: MeetingRecord, language: str) -> None:
    present = [line for line in record.attendance_in(language) if line.present]
    absent = [line for line in record.attendance_in(language) if line.present is False]
    document.heading(translate("commission_doc.minutes.present", language))
    if not record.quorum.recorded:
        document.paragraph(translate("commission_doc.minutes.attendance_not_recorded",
                                     language))
        return
    for number, line in enumerate(present, start=1):
        document.paragraph(f"{number}. {line.full_name} — {_position(line, language)}")
    if absent:
        document.heading(translate("commission_doc.minutes.absent", language))
        for number, line in enumerate(absent, start=1):
            reason = line.absence_reason or translate("commission_doc.minutes.no_reason",
                                                      language)
            document.paragraph(f"{number}. {line.full_name} — {_position(line, language)}: "
                               f"{reason}")


def quorum_statement(record: MeetingRecord, language: str) -> str:
    quorum = record.quorum
    key = "reached" if quorum.reached else "not_reached"
    return translate(f"commission_doc.minutes.quorum_{key}", language, count=quorum.present,
                     members=Counted("quorum.of_commission_members", quorum.members),
                     share=str(record.quorum_share))


def outcome_fields(item: ItemRecord, language: str) -> list[tuple[str, str]]:
    """Decided, executor and due date, or the postponement, or "not considered"."""
    decided = translate("commission_doc.minutes.decided", language)
    decision = item.decision
    if item.status == AgendaItemStatus.POSTPONED and item.postponed_to is not None:
        text = translate("commission_doc.minutes.postponed", language,
                         number=item.postponed_to.number,
                         date=format_date(item.postponed_to.meeting_date, language))
        return [(decided, text),
                (translate("commission_doc.minutes.reason", language),
                 decision.notes if decision else "—")]
    if decision is None:
        return [(decided, translate("commission_doc.minutes.not_considered", language))]
    name = decision.name_kk if language == "kk" else decision.name_ru
    rows = [(decided, f"{name}. {decision.notes}" if decision.notes else name)]
    if decision.follow_up:
        rows += [(translate("commission_doc.executor", language), decision.executor),
                 (translate("commission_doc.due", language),
                  format_date(decision.due_on, language))]
    return rows


def _item(document: Document, item: ItemRecord, language: str) -> None:
    document.heading(f"{item.position}. {translate('commission_doc.minutes.heard', language)}:")
    document.paragraph(question(item, language))
    document.fields([(translate("commission_doc.minutes.hearing", language),
                      item.hearing_notes or "—"), *outcome_fields(item, language)],
                    label_width=40)


def _stamp(stamp: Stamp, language: str) -> str:
    if stamp.approved_on is None:
        text = translate("commission_doc.minutes.draft", language)
    else:
        text = translate("commission_doc.minutes.approved", language,
                         date=format_date(stamp.approved_on, language, "long"))
    if stamp.version > 1:
        text += " " + translate("commission_doc.minutes.amendment", language,
                                number=stamp.version - 1, reason=stamp.reason)
    return text


def render(record: MeetingRecord, language: str, stamp: Stamp) -> bytes:
    language = document_language(language)
    title = translate("commission_doc.minutes.title", language, number=record.number)
    document = new_document(title, language)
    document.title_block(record.commission(language), title, _stamp(stamp, language))
    document.fields(meeting_fields(record, language))
    _attendance(document, record, language)
    if record.quorum.recorded:
        document.paragraph(quorum_statement(record, language), bold=True)
    document.heading(translate("commission_doc.agenda.questions", language))
    if not record.items:
        document.paragraph(translate("commission_doc.agenda.empty", language))
    for item in record.items:
        document.paragraph(f"{item.position}. {question(item, language)}")
    for item in record.items:
        _item(document, item, language)
    document.signatures(_signatures(record, language))
    return document.to_bytes()


def _signatures(record: MeetingRecord, language: str) -> list[tuple[str, str]]:
    """The member who presided and the secretary, as the attendance records them: an
    absent member signs nothing (Art. 79 (4)). Before the attendance is recorded, the
    draft names the composition's chair and secretary."""
    if not record.quorum.recorded:
        return [(translate("commission_doc.chair", language), signatory(record, "chair")),
                (translate("commission_doc.secretary", language),
                 signatory(record, "secretary"))]
    present = {line.position.value for line in record.attendance if line.present}
    presiding = presiding_position(present) or "chair"
    return [(translate(f"commission_doc.{presiding}", language),
             signatory(record, presiding, present_only=True)),
            (translate("commission_doc.secretary", language),
             signatory(record, "secretary", present_only=True))]
