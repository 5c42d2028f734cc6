"""The protocol of a prevention council meeting (Art. 78 (3), Art. 23 item 14), PDF.

School, number and date, the council members present, then each case heard:
the minor, the criteria of Art. 78 (2), whether the minor and the legal
representatives took part (the reason where not) and the decision; a refusal
names the commission the case went to (Art. 78 (4)). Signatures of the chair
and the secretary close it.
"""

from collections.abc import Sequence
from datetime import date

from fpdf.fonts import FontFace

from juvenile.i18n import format_date, translate
from juvenile.reports.council_data import HeardCase, Measure, ProtocolData
from juvenile.reports.pdf import FAMILY, Document, zone_label
from juvenile.rules.criteria import name as criterion_name
from juvenile.rules.iin import Sex

DOCUMENT_LANGUAGES = ("kk", "ru")
_LABEL = FontFace(emphasis="BOLD")


def document_language(language: str) -> str:
    """Documents are official papers: Kazakh or Russian (English falls back to Russian)."""
    return language if language in DOCUMENT_LANGUAGES else "ru"


def labelled(document: Document, rows: Sequence[tuple[str, str]]) -> None:
    """Label: value lines where both may wrap (Kazakh labels run long)."""
    document.set_font(FAMILY, "", 10)
    with document.table(col_widths=(62, 113), borders_layout="NONE", line_height=5,
                        first_row_as_headings=False, text_align="LEFT",
                        padding=(0.6, 1, 0.6, 0)) as table:
        for label, value in rows:
            row = table.row()
            row.cell(label, style=_LABEL)
            row.cell(value)
    document.ln(1)


def minor_presence(present: bool | None, reason: str, language: str, sex: Sex) -> str:
    """Whether the minor took part in the council (Art. 78 (3)): "участвовал" or
    "участвовала", as the sex read from the IIN says."""
    return _presence(f"presence.minor.{{}}.{sex.value}", present, reason, language)


def representatives_presence(present: bool | None, reason: str, language: str,
                             invited_on: date | None = None) -> str:
    """Whether the legal representatives took part in the council (Art. 78 (3)); an
    absence that is their documented refusal to attend names the invitation's day."""
    text = _presence("presence.representatives.{}", present, reason, language)
    if present is False and invited_on is not None:
        text += "; " + translate("presence.representatives.refused_to_attend", language,
                                 date=invited_on)
    return text


def _presence(key: str, present: bool | None, reason: str, language: str) -> str:
    if present is None:
        return translate("presence.not_recorded", language)
    if present:
        return translate(key.format("took_part"), language)
    return translate(key.format("absent"), language, reason=reason)


def _decision(case: HeardCase, language: str) -> str:
    if case.decision is None:
        return translate("school_doc.not_decided", language)
    text = translate(f"case.decision.{case.decision}", language)
    commission = case.commission_kk if language == "kk" else case.commission_ru
    if commission:
        text += ". " + translate("school_doc.referred_to", language, commission=commission)
    return text


def measure_rows(measures: tuple[Measure, ...], language: str) -> list[list[str]]:
    return [[str(number), m.description, m.responsible, format_date(m.due_on, language),
             format_date(m.done_on, language) if m.done_on else ""]
            for number, m in enumerate(measures, start=1)]


def measure_headers(language: str) -> list[str]:
    return [translate(f"school_doc.measure.{column}", language)
            for column in ("number", "description", "responsible", "due", "done")]


def _case(document: Document, number: int, case: HeardCase, language: str) -> None:
    document.heading(f"{number}. {case.student_name}")
    criteria = "; ".join(f"{n}) {criterion_name(n, language)}" for n in case.criteria)
    representatives = ", ".join(case.representatives) or "—"
    labelled(document, [
        (translate("school_doc.birth_date", language), format_date(case.birth_date, language)),
        (translate("school_doc.class", language), case.class_name),
        (translate("school_doc.criteria", language), criteria or "—"),
        (translate("school_doc.minor", language),
         minor_presence(case.minor_present, case.minor_absence_reason, language,
                        case.student_sex)),
        (translate("school_doc.representatives", language), representatives),
        (translate("school_doc.representatives_participation", language),
         representatives_presence(case.representatives_present, case.representatives_absence_reason,
                                  language, case.representatives_invited_on)),
        (translate("school_doc.decision", language), _decision(case, language)),
    ])
    if case.measures:
        document.paragraph(translate("school_doc.plan_heading", language), bold=True)
        document.data_table(measure_headers(language), measure_rows(case.measures, language),
                            widths=(8, 72, 40, 25, 25))


def render(data: ProtocolData, language: str) -> bytes:
    language = document_language(language)
    title = translate("school_doc.protocol.title", language, number=data.number)
    document = Document(title, translate("school_doc.page", language),
                    zone_label(language))
    school = data.school_kk if language == "kk" else data.school_ru
    document.title_block(school, title, translate("school_doc.protocol.subtitle", language))
    labelled(document, [
        (translate("school_doc.date", language), format_date(data.meeting_on, language, "long")),
        (translate("school_doc.school", language), school),
    ])
    document.heading(translate("school_doc.members_present", language))
    if data.members:
        for number, member in enumerate(data.members, start=1):
            document.paragraph(f"{number}. {member}")
    else:
        document.paragraph(translate("school_doc.not_held", language))
    document.heading(translate("school_doc.heard", language))
    for number, case in enumerate(data.cases, start=1):
        _case(document, number, case, language)
    document.signatures([
        (translate("school_doc.chair", language), ""),
        (translate("school_doc.secretary", language), ""),
    ])
    return document.to_bytes()


def filename(data: ProtocolData, language: str) -> str:
    number = "".join(c if c.isalnum() else "-" for c in data.number)
    return f"council-protocol-{number}-{data.meeting_on.isoformat()}-{language}.pdf"
