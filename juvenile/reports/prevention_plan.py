"""The individual prevention work plan of a minor (Art. 78 (3)), PDF.

Who the plan is for, on which criteria of Art. 78 (2), which council meeting
assigned the support, and the measures: what, who is responsible, by when,
and when done. Signed by the one who drew it up; approved by the director.
"""

from juvenile.i18n import format_date, translate
from juvenile.reports.council_data import PlanData
from juvenile.reports.council_protocol import (
    document_language,
    labelled,
    measure_headers,
    measure_rows,
)
from juvenile.reports.pdf import Document, zone_label
from juvenile.rules.criteria import name as criterion_name


def render(data: PlanData, language: str) -> bytes:
    language = document_language(language)
    title = translate("school_doc.plan.title", language)
    document = Document(title, translate("school_doc.page", language),
                    zone_label(language))
    school = data.school_kk if language == "kk" else data.school_ru
    document.title_block(school, title, data.student_name)
    council = (translate("school_doc.plan.council", language, number=data.meeting_number,
                         date=format_date(data.meeting_on, language))
               if data.meeting_on else translate("school_doc.not_decided", language))
    labelled(document, [
        (translate("school_doc.student", language), data.student_name),
        (translate("school_doc.birth_date", language), format_date(data.birth_date, language)),
        (translate("school_doc.class", language), data.class_name),
        (translate("school_doc.plan.basis", language), council),
    ])
    document.heading(translate("school_doc.criteria", language))
    for number in data.criteria:
        document.paragraph(f"{number}) {criterion_name(number, language)}")
    document.heading(translate("school_doc.plan_heading", language))
    if data.measures:
        document.data_table(measure_headers(language), measure_rows(data.measures, language),
                            widths=(8, 72, 40, 25, 25))
    else:
        document.paragraph(translate("school_doc.plan.no_measures", language))
    document.signatures([
        (translate("school_doc.plan.drawn_up", language), ""),
        (translate("school_doc.plan.approved", language), ""),
    ])
    return document.to_bytes()


def filename(data: PlanData, language: str) -> str:
    return f"prevention-plan-case-{data.case_id}-{document_language(language)}.pdf"
