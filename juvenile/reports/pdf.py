"""A4 documents in Kazakh or Russian, with the shipped DejaVu font.

DejaVu carries the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І) that the PDF core fonts
lack. Every page has the document's title and "page X / Y" in its footer.

The two font files are parsed once per process (``_parsed``) and every
document gets its own copy of what is per document: the glyphs it uses and
the font program that fpdf2 cuts down to them when it writes the file.
"""

import copy
import io
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import FontFace, SubsetMap, TTFFont

from juvenile import clock
from juvenile.i18n import translate

FONTS_DIR = Path(__file__).parent / "fonts"
FAMILY = "DejaVu"
_HEADING_FILL = (232, 240, 240)
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}


class _MeasuredFont(TTFFont):
    """fpdf2's line breaking measures a line again, character by character, at
    every character it adds to it. The width of each text measured is kept (for
    one document), so the next text, one character longer, costs one character."""

    __slots__ = ("_units",)

    def get_text_width(self, text: str, font_size_pt: float,
                       text_shaping_params: dict[str, Any] | None) -> tuple[int, float]:
        if text_shaping_params or self.is_symbol:
            return super().get_text_width(text, font_size_pt, text_shaping_params)
        self.biggest_size_pt = max(self.biggest_size_pt, font_size_pt)
        units = self._units.get(text)
        if units is None:
            shorter = self._units.get(text[:-1]) if text else None
            units = (shorter + self.cw[ord(text[-1])] if shorter is not None
                     else sum(self.cw[ord(c)] for c in text))
            self._units[text] = units
        return len(text), units * font_size_pt * 0.001


_parsing = threading.Lock()
_parsed_fonts: dict[str, tuple[_MeasuredFont, bytes]] = {}


def _parsed(style: str) -> tuple[_MeasuredFont, bytes]:
    """The font of ``style`` as fpdf2 parses it (widths, glyph map), and its file."""
    with _parsing:
        if style not in _parsed_fonts:
            path = FONTS_DIR / _FONT_FILES[style]
            font = _MeasuredFont(FPDF(), path, f"{FAMILY.lower()}{style}", style)
            _parsed_fonts[style] = (font, path.read_bytes())
        return _parsed_fonts[style]


def zone_label(language: str) -> str:
    """The footer's note of the zone the document's times are in."""
    return translate("doc.time_zone", language, offset=clock.offset_label())


class Document(FPDF):
    """A portal document: title block, sections, tables, signature lines."""

    def __init__(self, title: str, page_label: str = "{page} / {pages}", zone_label: str = ""):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        for style in _FONT_FILES:
            self._add_parsed_font(style)
        self.document_title = title
        self.page_label = page_label  # "{page}" and "{pages}" are filled in
        self.zone_label = zone_label  # the zone every time in the document is in
        self.set_title(title)
        self.set_creator("juvenile")
        self.set_margins(20, 18, 15)
        self.set_auto_page_break(auto=True, margin=18)
        self.alias_nb_pages("{nb}")
        self.add_page()

    def _add_parsed_font(self, style: str) -> None:
        """What ``add_font`` does, from the font parsed once: the widths and glyph
        map are shared (read only); the subset of used glyphs and the font program
        it is cut from are this document's own."""
        parsed, data = _parsed(style)
        font = copy.copy(parsed)
        font.i = len(self.fonts) + 1
        font.ttfont = ttLib.TTFont(io.BytesIO(data), recalcTimestamp=False, lazy=True)
        font.subset = SubsetMap(font)
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        font._units = {}
        self.fonts[font.fontkey] = font

    def text_width(self, text: str) -> float:
        """The width of one line of plain ``text`` in the current font: what
        ``get_string_width`` gives for it, without its parsing for markup and
        right-to-left runs (a region's tables measure tens of thousands of cells)."""
        assert self.current_font is not None
        return self.current_font.get_text_width(text, self.font_size_pt, None)[1] / self.k

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(110)
        self.cell(0, 5, self.document_title, align="L")
        self.set_x(self.l_margin)
        label = self.page_label.format(page=self.page_no(), pages="{nb}")
        self.cell(0, 5, label, align="R")
        if self.zone_label:  # a line of its own: a long title would run into it
            self.set_xy(self.l_margin, -9)
            self.cell(0, 4, self.zone_label, align="L")
        self.set_text_color(0)

    def title_block(self, organisation: str, title: str, subtitle: str = "") -> None:
        """The organisation's name, then the document's title, centred."""
        self.set_font(FAMILY, "", 10)
        self.multi_cell(0, 5, organisation, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(3)
        self.set_font(FAMILY, "B", 14)
        self.multi_cell(0, 7, title, align="C", new_x="LMARGIN", new_y="NEXT")
        if subtitle:
            self.set_font(FAMILY, "", 10)
            self.multi_cell(0, 5, subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def heading(self, text: str) -> None:
        self.ln(2)
        self.set_font(FAMILY, "B", 11)
        self.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def paragraph(self, text: str, bold: bool = False) -> None:
        self.set_font(FAMILY, "B" if bold else "", 10)
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def fields(self, rows: Sequence[tuple[str, str]], label_width: float = 55) -> None:
        """Label: value lines, e.g. date, place, number."""
        for label, value in rows:
            self.set_font(FAMILY, "B", 10)
            self.cell(label_width, 5.5, label)
            self.set_font(FAMILY, "", 10)
            self.multi_cell(0, 5.5, value, new_x="LMARGIN", new_y="NEXT")

    def data_table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float] | None = None,
        font_size: float = 9,
    ) -> None:
        """A bordered table whose header repeats on every page."""
        self.set_font(FAMILY, "", font_size)
        heading_style = FontFace(emphasis="BOLD", fill_color=_HEADING_FILL)
        with self.table(
            col_widths=tuple(widths) if widths else None,
            headings_style=heading_style,
            line_height=font_size * 0.55,
            text_align="LEFT",
            repeat_headings=1,
        ) as table:
            table.row([str(cell) for cell in headers])
            for row in rows:
                table.row([str(cell) for cell in row])
        self.ln(2)

    def signatures(self, lines: Sequence[tuple[str, str]]) -> None:
        """(role, name) lines with space to sign, kept together on one page."""
        needed = 14 * len(lines) + 6
        if self.get_y() + needed > self.h - self.b_margin:
            self.add_page()
        self.ln(6)
        for role, name in lines:
            self.set_font(FAMILY, "", 10)
            self.cell(70, 10, role)
            self.cell(55, 10, "_" * 24)
            self.cell(0, 10, name, new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

    def to_bytes(self) -> bytes:
        return bytes(self.output())
