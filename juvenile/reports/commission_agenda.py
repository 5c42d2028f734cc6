"""The agenda of a commission meeting (Art. 79), PDF in Kazakh or Russian.

Also the parts the minutes and the case extract share with it: the document
frame (commission, district, number, date, place) and how a question reads.
"""

from juvenile.i18n import format_date, translate
from juvenile.reports.council_protocol import document_language
from juvenile.reports.meeting_data import ItemRecord, MeetingRecord
from juvenile.reports.pdf import Document, zone_label


def new_document(title: str, language: str) -> Document:
    """An A4 document with "page X / Y" in the footer."""
    return Document(title, translate("commission_doc.page", language),
                    zone_label(language))


def meeting_fields(record: MeetingRecord, language: str) -> list[tuple[str, str]]:
    """Commission, district, number, date and place."""
    return [
        (translate("commission_doc.commission", language), record.commission(language)),
        (translate("commission_doc.area", language), record.area(language)),
        (translate("commission_doc.number", language), str(record.number)),
        (translate("commission_doc.date", language),
         format_date(record.meeting_date, language, "long")),
        (translate("commission_doc.place", language), record.place or "—"),
    ]


def question(item: ItemRecord, language: str) -> str:
    """What the commission considers under the item, in one sentence."""
    subject = item.subject
    if subject is None:
        text = item.title
    else:
        params = {"name": subject.full_name, "birth": format_date(subject.birth_date, language),
                  "class": subject.class_name,
                  "school": subject.school_kk if language == "kk" else subject.school_ru}
        if item.placement_id is not None:
            text = translate(f"commission_doc.question.rehabilitation_review.{subject.sex}",
                             language,
                             organisation=subject.organisation_kk if language == "kk"
                             else subject.organisation_ru,
                             returned=format_date(subject.return_date, language), **params)
        else:
            text = translate(f"commission_doc.question.referral.{subject.sex}", language,
                             **params)
        if item.title:
            text += " " + item.title
    if item.carried_from is not None:
        text += " " + translate("commission_doc.question.carried", language,
                                number=item.carried_from.number,
                                date=format_date(item.carried_from.meeting_date, language))
    return text


def render(record: MeetingRecord, language: str) -> bytes:
    language = document_language(language)
    title = translate("commission_doc.agenda.title", language, number=record.number)
    document = new_document(title, language)
    document.title_block(record.commission(language), title,
                         format_date(record.meeting_date, language, "long"))
    document.fields(meeting_fields(record, language))
    document.heading(translate("commission_doc.agenda.questions", language))
    if record.items:
        document.data_table(
            [translate("commission_doc.agenda.column.number", language),
             translate("commission_doc.agenda.column.question", language),
             translate("commission_doc.agenda.column.kind", language)],
            [[str(item.position), question(item, language),
              translate(f"agenda.kind.{item.kind.value}", language)] for item in record.items],
            widths=(10, 120, 45),
        )
    else:
        document.paragraph(translate("commission_doc.agenda.empty", language))
    document.signatures([(translate("commission_doc.secretary", language),
                          signatory(record, "secretary"))])
    return document.to_bytes()


def signatory(record: MeetingRecord, position: str, present_only: bool = False) -> str:
    """The name of the member in ``position`` as signatures are captioned: initials,
    then the surname ("Ә. Б. Жұмабекова" for "Жұмабекова Әсел Болатқызы"); with
    ``present_only``, only a member the attendance records as present signs."""
    full_name = next((line.full_name for line in record.attendance
                      if line.position.value == position
                      and (line.present or not present_only)), "")
    if not full_name:
        return ""
    surname, *names = full_name.split()
    return " ".join([*(f"{name[0]}." for name in names), surname])


def filename(kind: str, record: MeetingRecord, language: str) -> str:
    """e.g. commission-minutes-12-2026-12-14-kk.pdf"""
    return (f"commission-{kind}-{record.number}-{record.meeting_date.isoformat()}-"
            f"{document_language(language)}.pdf")
