"""A workbook written straight as Office Open XML (ECMA-376): inline strings, numbers
with their formats, bold or filled headers, frozen panes and column widths, and
nothing else. openpyxl builds an object for every cell and resolves its style, which
made a region's quarterly workbook cost 8 times its CSV; here a cell is one string.
Reading a workbook stays openpyxl's (the tests read these back with it).
"""

import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
# XML 1.0 has no place for most control characters: they are dropped from texts.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FIRST_CUSTOM_FORMAT = 164  # ids below are the built-in number formats


@dataclass(frozen=True)
class Style:
    """What a cell may look like here."""

    bold: bool = False
    fill: str = ""  # an RGB colour, "E8F0F0"
    wrap: bool = False
    number_format: str = ""


PLAIN = Style()


def column_letter(number: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Sheet:
    name: str
    frozen: str = ""  # the top-left cell of the part that scrolls, "C3"
    widths: dict[int, float] = field(default_factory=dict)
    _rows: list[str] = field(default_factory=list)
    _styles: "_Styles | None" = None

    def append(self, values: list, styles: list[Style] | Style = PLAIN) -> None:
        """One row: texts, numbers or None (an empty cell), each with its style."""
        assert self._styles is not None
        number = len(self._rows) + 1
        each = styles if isinstance(styles, list) else [styles] * len(values)
        cells = []
        for column, (value, style) in enumerate(zip(values, each, strict=True), start=1):
            cell = _cell(f"{_LETTERS[column]}{number}", value, self._styles.index(style))
            if cell:
                cells.append(cell)
        self._rows.append(f'<row r="{number}">{"".join(cells)}</row>')

    def xml(self) -> str:
        view = '<sheetView workbookViewId="0"/>'
        if self.frozen:
            columns, rows = _split(self.frozen)
            pane = "bottomRight" if columns and rows else "bottomLeft" if rows else "topRight"
            view = ('<sheetView workbookViewId="0"><pane'
                    + (f' xSplit="{columns}"' if columns else "")
                    + (f' ySplit="{rows}"' if rows else "")
                    + f' topLeftCell="{self.frozen}" activePane="{pane}" state="frozen"/>'
                    f'<selection pane="{pane}"/></sheetView>')
        cols = "".join(f'<col min="{c}" max="{c}" width="{w}" customWidth="1"/>'
                       for c, w in sorted(self.widths.items()))
        return (f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
                f"<sheetViews>{view}</sheetViews>"
                + (f"<cols>{cols}</cols>" if cols else "")
                + f'<sheetData>{"".join(self._rows)}</sheetData></worksheet>')


class Workbook:
    def __init__(self) -> None:
        self._sheets: list[Sheet] = []
        self._styles = _Styles()

    def sheet(self, name: str) -> Sheet:
        sheet = Sheet(name, _styles=self._styles)
        self._sheets.append(sheet)
        return sheet

    def save(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr("[Content_Types].xml", self._content_types())
            package.writestr("_rels/.rels", _relationships([
                ("officeDocument", "xl/workbook.xml")], _REL + "/"))
            package.writestr("xl/workbook.xml", self._workbook())
            package.writestr("xl/_rels/workbook.xml.rels", _relationships(
                [("worksheet", f"worksheets/sheet{n}.xml")
                 for n in range(1, len(self._sheets) + 1)] + [("styles", "styles.xml")],
                _REL + "/"))
            package.writestr("xl/styles.xml", self._styles.xml())
            for number, sheet in enumerate(self._sheets, start=1):
                package.writestr(f"xl/worksheets/sheet{number}.xml", sheet.xml())
        return buffer.getvalue()

    def _content_types(self) -> str:
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
                         f'ContentType="{kind}.worksheet+xml"/>'
                         for n in range(1, len(self._sheets) + 1))
        return (f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                'content-types"><Default Extension="rels" ContentType="application/'
                'vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/xl/workbook.xml" ContentType="{kind}.sheet.main+xml"/>'
                f'<Override PartName="/xl/styles.xml" ContentType="{kind}.styles+xml"/>'
                f"{sheets}</Types>")

    def _workbook(self) -> str:
        sheets = "".join(f'<sheet name="{escape(s.name, {chr(34): "&quot;"})}" '
                         f'sheetId="{n}" r:id="rId{n}"/>'
                         for n, s in enumerate(self._sheets, start=1))
        return (f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
                f"<sheets>{sheets}</sheets></workbook>")


class _Styles:
    """The cell formats used, numbered as styles.xml lists them (0 is the plain one)."""

    def __init__(self) -> None:
        self._index: dict[Style, int] = {PLAIN: 0}

    def index(self, style: Style) -> int:
        if style not in self._index:
            self._index[style] = len(self._index)
        return self._index[style]

    def xml(self) -> str:
        styles = list(self._index)
        formats = sorted({s.number_format for s in styles if s.number_format})
        format_ids = {f: _FIRST_CUSTOM_FORMAT + n for n, f in enumerate(formats)}
        fills = sorted({s.fill for s in styles if s.fill})
        fill_ids = {f: 2 + n for n, f in enumerate(fills)}  # 0 and 1 are Excel's own
        xfs = []
        for s in styles:
            attributes = (f'numFmtId="{format_ids.get(s.number_format, 0)}" '
                          f'fontId="{int(s.bold)}" fillId="{fill_ids.get(s.fill, 0)}" '
                          'borderId="0" xfId="0"'
                          + (' applyNumberFormat="1"' if s.number_format else "")
                          + (' applyFont="1"' if s.bold else "")
                          + (' applyFill="1"' if s.fill else ""))
            xfs.append(f'<xf {attributes} applyAlignment="1"><alignment wrapText="1" '
                       'vertical="top"/></xf>' if s.wrap else f"<xf {attributes}/>")
        number_formats = "".join(
            f'<numFmt numFmtId="{format_ids[f]}" formatCode="{escape(f, {chr(34): "&quot;"})}"/>'
            for f in formats)
        fill_xml = "".join(f'<fill><patternFill patternType="solid"><fgColor rgb="FF{f}"/>'
                           "</patternFill></fill>" for f in fills)
        return (f'{_XML}<styleSheet xmlns="{_MAIN}">'
                + (f'<numFmts count="{len(formats)}">{number_formats}</numFmts>'
                   if formats else "")
                + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
                '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
                f'<fills count="{2 + len(fills)}"><fill><patternFill patternType="none"/>'
                '</fill><fill><patternFill patternType="gray125"/></fill>'
                f"{fill_xml}</fills>"
                '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/>'
                "</border></borders>"
                '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
                'borderId="0"/></cellStyleXfs>'
                f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
                '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
                "</cellStyles></styleSheet>")


_LETTERS = [""] + [column_letter(n) for n in range(1, 16385)]  # Excel's last column


def _cell(reference: str, value: object, style: int) -> str:
    s = f' s="{style}"' if style else ""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return f'<c r="{reference}"{s}/>' if style else ""
    if isinstance(value, bool):
        return f'<c r="{reference}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{reference}"{s}><v>{value!r}</v></c>'
    text = escape(_NOT_XML.sub("", str(value)))
    return f'<c r="{reference}"{s} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _split(reference: str) -> tuple[int, int]:
    """"C3" → (2, 2): the columns and rows frozen before it."""
    letters = reference.rstrip("0123456789")
    return _LETTERS.index(letters) - 1, int(reference[len(letters):]) - 1


def _relationships(targets: list[tuple[str, str]], base: str) -> str:
    rels = "".join(f'<Relationship Id="rId{n}" Type="{base}{kind}" Target="{target}"/>'
                   for n, (kind, target) in enumerate(targets, start=1))
    return f'{_XML}<Relationships xmlns="{_PKG_REL}">{rels}</Relationships>'
