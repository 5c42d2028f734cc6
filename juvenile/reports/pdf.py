"""A4 documents in Kazakh or Russian, with the shipped DejaVu font.

DejaVu carries the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І) that the PDF core fonts
lack. Every page has the document's title and "page X / Y" in its footer.
"""

from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from juvenile import clock
from juvenile.i18n import translate

FONTS_DIR = Path(__file__).parent / "fonts"
FAMILY = "DejaVu"
_HEADING_FILL = (232, 240, 240)


def zone_label(language: str) -> str:
    """The footer's note of the zone the document's times are in."""
    return translate("doc.time_zone", language, offset=clock.offset_label())


class Document(FPDF):
    """A portal document: title block, sections, tables, signature lines."""

    def __init__(self, title: str, page_label: str = "{page} / {pages}", zone_label: str = ""):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.add_font(FAMILY, "", FONTS_DIR / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", FONTS_DIR / "DejaVuSans-Bold.ttf")
        self.document_title = title
        self.page_label = page_label  # "{page}" and "{pages}" are filled in
        self.zone_label = zone_label  # the zone every time in the document is in
        self.set_title(title)
        self.set_creator("juvenile")
        self.set_margins(20, 18, 15)
        self.set_auto_page_break(auto=True, margin=18)
        self.alias_nb_pages("{nb}")
        self.add_page()

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
