"""An extract from the minutes about one minor, for the school and the family (Art. 79).

The commission, the meeting, the minor, what was heard and decided, the
executor and the due date, certified by the secretary as true to the approved
minutes. Nothing about the other questions of the meeting is in it.
"""

from juvenile.i18n import format_date, translate
from juvenile.reports.commission_agenda import meeting_fields, new_document, question, signatory
from juvenile.reports.commission_minutes import Stamp, outcome_fields
from juvenile.reports.council_protocol import document_language
from juvenile.reports.meeting_data import ItemRecord, MeetingRecord


def render(record: MeetingRecord, item: ItemRecord, language: str, stamp: Stamp) -> bytes:
    language = document_language(language)
    title = translate("commission_doc.extract.title", language, number=record.number,
                      date=format_date(record.meeting_date, language))
    document = new_document(title, language)
    document.title_block(record.commission(language), title,
                         translate("commission_doc.extract.subtitle", language))
    document.fields(meeting_fields(record, language))
    subject = item.subject
    if subject is not None:
        document.heading(translate("commission_doc.extract.minor", language))
        document.fields([
            (translate("commission_doc.extract.name", language), subject.full_name),
            (translate("commission_doc.extract.birth_date", language),
             format_date(subject.birth_date, language)),
            (translate("commission_doc.extract.school", language),
             subject.school_kk if language == "kk" else subject.school_ru),
            (translate("commission_doc.extract.class", language), subject.class_name),
        ])
    document.heading(f"{translate('commission_doc.minutes.heard', language)}:")
    document.paragraph(question(item, language))
    document.fields([(translate("commission_doc.minutes.hearing", language),
                      item.hearing_notes or "—"), *outcome_fields(item, language)],
                    label_width=40)
    document.ln(4)
    document.paragraph(translate("commission_doc.extract.true_copy", language,
                                 version=stamp.version,
                                 date=format_date(stamp.approved_on, language)))
    document.signatures([(translate("commission_doc.secretary", language),
                          signatory(record, "secretary"))])
    return document.to_bytes()


def filename(record: MeetingRecord, item: ItemRecord, language: str) -> str:
    return (f"commission-extract-{record.number}-{record.meeting_date.isoformat()}-"
            f"item-{item.position}-{document_language(language)}.pdf")
