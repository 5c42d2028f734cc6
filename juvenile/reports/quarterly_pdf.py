"""The quarterly analysis as a PDF in Kazakh or Russian (Art. 21 item 10).

The scope's summary with the change against the previous quarter, three
charts (new flags by criterion, the trend over four quarters, the schools
compared), then each group of indicators per school. Numbered pages, the
shipped DejaVu font (Kazakh letters), counts only.
"""

from functools import cache

from babel.numbers import get_decimal_symbol, get_group_symbol

from juvenile.analysis import indicators as ind
from juvenile.analysis.result import QuarterlyAnalysis
from juvenile.analysis.tables import CellKind, Table, by_school, quarter_label, summary
from juvenile.i18n import translate
from juvenile.reports import charts
from juvenile.reports.pdf import FAMILY, Document, zone_label
from juvenile.rules.criteria import CRITERIA
from juvenile.rules.criteria import name as criterion_name

DOCUMENT_LANGUAGES = ("kk", "ru")
SCHOOLS_IN_CHART = 20
TREND_PANELS = ("support_end", ind.FLAGS_TOTAL, "cases_opened", ind.UNEXCUSED_PER_100)
_BABEL = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_GB"}
# Tables with this many figures or fewer also show the school's name.
_NAMED_UP_TO = 4
_CODE_WIDTH = 26.0
_HEADING_FILL = (232, 240, 240)
_NAME_WIDTH = 62.0


@cache
def _symbols(language: str) -> tuple[str, str]:
    locale = _BABEL.get(language, "kk_KZ")
    return get_group_symbol(locale), get_decimal_symbol(locale)


def number(value: float | int | None, kind: str, language: str, signed: bool = False) -> str:
    """A figure as the language writes it: 12 345; 4,50; 37,5 %; a dash when it is missing."""
    if value is None:
        return "—"
    group, decimal = _symbols(language)
    decimals = 0 if kind == CellKind.COUNT else 1 if kind in (
        CellKind.PERCENT, CellKind.CHANGE_PCT) else 2
    text = f"{value:{'+' if signed else ''},.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", decimal).replace("\x00", group)
    return f"{text}\u00a0%" if kind in (CellKind.PERCENT, CellKind.CHANGE_PCT) else text


def render(analysis: QuarterlyAnalysis, language: str) -> bytes:
    language = language if language in DOCUMENT_LANGUAGES else DOCUMENT_LANGUAGES[0]
    title = translate("analysis.title", language)
    doc = Document(title, translate("analysis.page", language),
                    zone_label(language))
    doc.title_block(
        analysis.scope.name(language), title,
        translate("analysis.subtitle", language,
                  quarter=quarter_label(analysis.quarter, language),
                  previous=quarter_label(analysis.previous, language)),
    )
    doc.paragraph(translate("analysis.note.legal_basis", language))
    doc.paragraph(translate("analysis.note.counts_only", language))
    doc.heading(translate("analysis.table.summary", language))
    headers, rows = _cells(summary(analysis, language), language)
    for previous, row in zip(rows[::-1][1:], rows[::-1], strict=False):
        if row[0] == previous[0]:  # the section is named on its first row only
            row[0] = ""
    doc.data_table(headers, rows, widths=(30, 65, 20, 20, 20, 20), font_size=7)
    _charts(doc, analysis, language)
    for group in ind.Group:
        size = sum(1 for i in analysis.indicators if i.group is group)
        table = by_school(analysis, group, language, with_changes=False,
                          with_names=size <= _NAMED_UP_TO)
        doc.add_page()
        doc.heading(table.title)
        headers, rows = _cells(table, language)
        _grid(doc, headers, rows, _widths(doc, table), bold_last=table.total is not None)
        if group is ind.Group.FLAGS:
            _criteria_legend(doc, language)
    return doc.to_bytes()


def _charts(doc: Document, analysis: QuarterlyAnalysis, language: str) -> None:
    doc.add_page()
    flags = analysis.flags_by_criterion()
    charts.bar_chart(
        doc, translate("analysis.chart.flags", language), [str(n) for n in flags.index],
        [charts.Series(quarter_label(analysis.quarter, language, short=True),
                       list(flags["value"]), charts.CURRENT),
         charts.Series(quarter_label(analysis.previous, language, short=True),
                       list(flags["previous"]), charts.PREVIOUS)],
        lambda v: number(v, CellKind.COUNT, language),
    )
    doc.ln(3)
    panels = []
    for code in TREND_PANELS:
        kind = analysis.indicator(code).kind.value
        values = [ind.as_optional(v) for v in analysis.trend.loc[code]]
        panels.append((analysis.label(code, language), values,
                       lambda v, kind=kind: number(v, kind, language),
                       kind == CellKind.COUNT))
    charts.small_line_charts(
        doc, translate("analysis.chart.trend", language),
        [translate("analysis.quarter.axis", language, year=q.year, roman=q.roman)
         for q in analysis.quarters], panels)
    doc.ln(3)
    key = analysis.rank_by[0]
    kind = analysis.indicator(key).kind.value
    top = analysis.ranking.head(SCHOOLS_IN_CHART)
    charts.horizontal_bars(
        doc, translate("analysis.chart.schools", language, count=len(top),
                       indicator=analysis.label(key, language)),
        list(top.index), [ind.as_optional(v) for v in top[key]],
        lambda v: number(v, kind, language), whole=kind == CellKind.COUNT)


def _criteria_legend(doc: Document, language: str) -> None:
    doc.heading(translate("analysis.criteria_legend", language))
    doc.set_font("DejaVu", "", 7.5)
    for criterion in CRITERIA:
        doc.multi_cell(0, 3.8, f"{criterion.number} — {criterion_name(criterion.number, language)}",
                       new_x="LMARGIN", new_y="NEXT")


def _widths(doc: Document, table: Table) -> tuple[float, ...]:
    full = doc.w - doc.l_margin - doc.r_margin
    labels = [_CODE_WIDTH] + ([_NAME_WIDTH] if table.frozen_columns == 2 else [])
    rest = (full - sum(labels)) / (len(table.columns) - len(labels))
    return (*labels, *([rest] * (len(table.columns) - len(labels))))


def _header(column, language: str) -> str:
    # Criterion columns are headed by the criterion's number; the legend names them.
    if column.indicator and column.indicator.startswith(ind.FLAG_PREFIX):
        return column.indicator.removeprefix(ind.FLAG_PREFIX)
    if column.indicator == ind.FLAGS_TOTAL:
        return translate("analysis.column.total", language)
    return column.header


def _cells(table: Table, language: str) -> tuple[list[str], list[list[str]]]:
    """The table's headers and rows as the text the PDF prints (total row last)."""
    rows = []
    for index, row in enumerate([*table.rows, *([table.total] if table.total else [])]):
        row_kind = table.row_kinds[index] if index < len(table.row_kinds) else None
        cells = []
        for column, value in zip(table.columns, row, strict=True):
            kind = row_kind if column.kind == CellKind.BY_ROW else column.kind
            if kind == CellKind.TEXT or isinstance(value, str):
                cells.append(str(value))
            else:
                cells.append(number(value, kind, language))
        rows.append(cells)
    return [_header(c, language) for c in table.columns], rows


def _grid(doc: Document, headers: list[str], rows: list[list[str]], widths, *,
          bold_last: bool, size: float = 7, row_height: float = 4.2) -> None:
    """A table of one-line rows, the header repeated on every page.

    A region's thousand schools make hundreds of rows per table, so this draws
    with fpdf2's low-level ``text`` and ``line`` (a general table that wraps
    every cell is many times slower). Values stay on one line: numbers and
    codes fit, names are cut to fit; only the headers wrap, laid out once.
    """
    line = size * 0.45
    lefts = [doc.l_margin + sum(widths[:i]) for i in range(len(widths))]
    right = lefts[-1] + widths[-1]
    doc.set_font(FAMILY, "B", size)
    header_lines = [doc.multi_cell(w - 1, line, h, dry_run=True, output="LINES")
                    for w, h in zip(widths, headers, strict=True)]
    header_height = max(len(lines) for lines in header_lines) * line + 1.5
    widths_of: dict[tuple[str, str], float] = {}

    def width_of(text: str, style: str) -> float:
        if (text, style) not in widths_of:
            widths_of[(text, style)] = doc.text_width(text)
        return widths_of[(text, style)]

    def columns(top: float, bottom: float) -> None:
        for x in [*lefts, right]:
            doc.line(x, top, x, bottom)

    def header() -> float:
        top = doc.get_y()
        doc.set_font(FAMILY, "B", size)
        doc.set_fill_color(*_HEADING_FILL)
        doc.rect(doc.l_margin, top, right - doc.l_margin, header_height, style="DF")
        # the fill back to the text's colour: else fpdf2 wraps every text in a
        # colour change of its own (the two share the PDF's fill colour)
        doc.set_fill_color(0)
        for left, width, lines in zip(lefts, widths, header_lines, strict=True):
            for number, text in enumerate(lines):
                x = left + (width - width_of(text, "B")) / 2
                doc.text(x, top + 0.75 + line * (number + 0.8), text)
        doc.set_font(FAMILY, "", size)
        return top

    doc.set_draw_color(0)
    doc.set_line_width(0.2)
    top = header()
    y = top + header_height
    bottom = doc.h - doc.b_margin
    for number, row in enumerate(rows):
        if y + row_height > bottom:
            columns(top, y)
            doc.add_page()
            top = header()
            y = top + header_height
        style = "B" if bold_last and number == len(rows) - 1 else ""
        doc.set_font(FAMILY, style, size)
        for index, (left, width, text) in enumerate(zip(lefts, widths, row, strict=True)):
            if index > 0 and _numeric(text):
                x = left + width - 0.75 - width_of(text, style)
            else:
                text = _fit(doc, text, width - 1.5)
                x = left + 0.75
            doc.text(x, y + row_height - 1.2, text)
        y += row_height
        doc.line(doc.l_margin, y, right, y)
    columns(top, y)
    doc.set_font(FAMILY, "", size)
    doc.set_xy(doc.l_margin, y + 2)


def _numeric(text: str) -> bool:
    return bool(text) and (text[0].isdigit() or text[0] in "+-—")


def _fit(doc: Document, text: str, width: float) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` on one line."""
    if doc.text_width(text) <= width:
        return text
    while text and doc.text_width(text + "…") > width:
        text = text[:-1]
    return text + "…"
