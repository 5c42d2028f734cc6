"""Simple charts drawn straight onto a PDF page with fpdf2's lines and rectangles.

Bars and lines with a value axis are all the analysis needs; drawing them
directly keeps the PDF vector-sharp and needs no plotting library.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from juvenile.reports.pdf import FAMILY, Document

CURRENT = (31, 119, 180)
PREVIOUS = (166, 189, 219)
GRID = (215, 215, 215)
AXIS = (90, 90, 90)
_LABEL_SIZE = 7


# (title, values, how to write a value, whether the values are whole numbers)
Panel = tuple[str, Sequence[float | None], Callable[[float], str], bool]


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]
    color: tuple[int, int, int]


def nice_step(largest: float, ticks: int = 5, whole: bool = False) -> float:
    """A round step (1, 2 or 5 × 10^n) giving about ``ticks`` grid lines up to
    ``largest``; at least 1 for ``whole`` numbers (counts have no half-steps)."""
    if largest <= 0:
        return 1.0
    raw = largest / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next((m * power for m in (1, 2, 5) if raw <= m * power), 10 * power)
    return max(step, 1.0) if whole else step


def _ensure_room(doc: Document, height: float) -> None:
    if doc.get_y() + height > doc.h - doc.b_margin:
        doc.add_page()


def _title(doc: Document, text: str) -> None:
    doc.set_font(FAMILY, "B", 10)
    doc.multi_cell(0, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")


def _label(doc: Document, x: float, y: float, width: float, text: str,
           align: str = "C", size: float = _LABEL_SIZE) -> None:
    doc.set_font(FAMILY, "", size)
    doc.set_xy(x, y)
    doc.cell(width, 3.5, text, align=align)


def _value_axis(doc: Document, x: float, y: float, width: float, height: float,
                top: float, fmt: Callable[[float], str], whole: bool) -> None:
    """Horizontal grid lines with their values, from 0 to ``top``."""
    step = nice_step(top, whole=whole)
    doc.set_line_width(0.1)
    value = 0.0
    while value <= top + step / 1000:
        level = y + height - height * value / top
        doc.set_draw_color(*GRID)
        doc.line(x, level, x + width, level)
        _label(doc, x - 14, level - 1.75, 13, fmt(value), align="R")
        value += step
    doc.set_draw_color(*AXIS)
    doc.line(x, y + height, x + width, y + height)


def _top(values: Sequence[float | None], whole: bool) -> float:
    largest = max((v for v in values if v is not None), default=0.0)
    step = nice_step(largest, whole=whole)
    return max(step, math.ceil(largest / step) * step)


def _done(doc: Document, y: float) -> None:
    """Leave the page as a chart found it: black lines, no fill, the cursor below."""
    doc.set_draw_color(0)
    doc.set_fill_color(255)
    doc.set_line_width(0.2)
    doc.set_xy(doc.l_margin, y)


def _legend(doc: Document, x: float, y: float, series: Sequence[Series]) -> None:
    for item in series:
        doc.set_fill_color(*item.color)
        doc.rect(x, y + 0.8, 3, 2.4, style="F")
        _label(doc, x + 4, y, 45, item.name, align="L")
        x += 50


def bar_chart(doc: Document, title: str, categories: Sequence[str], series: Sequence[Series],
              fmt: Callable[[float], str], whole: bool = True, height: float = 55) -> None:
    """Grouped vertical bars: one group per category, one bar per series."""
    _ensure_room(doc, height + 22)
    _title(doc, title)
    x, y = doc.l_margin + 15, doc.get_y() + 2
    width = doc.w - doc.r_margin - x
    top = _top([v for s in series for v in s.values], whole)
    _value_axis(doc, x, y, width, height, top, fmt, whole)
    slot = width / max(len(categories), 1)
    bar = slot * 0.8 / max(len(series), 1)
    for index, category in enumerate(categories):
        left = x + index * slot + slot * 0.1
        for number, item in enumerate(series):
            value = item.values[index] or 0
            tall = height * value / top
            doc.set_fill_color(*item.color)
            if tall > 0:
                doc.rect(left + number * bar, y + height - tall, bar, tall, style="F")
        _label(doc, x + index * slot, y + height + 0.5, slot, category)
    _legend(doc, x, y + height + 5, series)
    _done(doc, y + height + 11)


def horizontal_bars(doc: Document, title: str, labels: Sequence[str],
                    values: Sequence[float | None], fmt: Callable[[float], str],
                    whole: bool = True, color: tuple[int, int, int] = CURRENT) -> None:
    """One bar per label, longest first as given: schools compared on one indicator."""
    row = 5.0
    height = row * len(labels)
    _ensure_room(doc, height + 12)
    _title(doc, title)
    x, y = doc.l_margin + 32, doc.get_y() + 2
    width = doc.w - doc.r_margin - x - 16
    top = _top(values, whole)
    doc.set_draw_color(*AXIS)
    doc.line(x, y, x, y + height)
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        level = y + index * row
        _label(doc, doc.l_margin, level + 0.8, 31, label, align="R")
        length = width * (value or 0) / top
        doc.set_fill_color(*color)
        if length > 0:
            doc.rect(x, level + 0.8, length, row - 1.6, style="F")
        _label(doc, x + length + 1, level + 0.8, 15, "—" if value is None else fmt(value),
               align="L")
    _done(doc, y + height + 4)


def small_line_charts(doc: Document, title: str, periods: Sequence[str],
                      panels: Sequence[Panel], height: float = 38) -> None:
    """One small line chart per indicator, two to a row, each on its own scale:
    the trend of figures of very different sizes."""
    rows = math.ceil(len(panels) / 2)
    _ensure_room(doc, rows * (height + 17) + 6)
    _title(doc, title)
    full = doc.w - doc.l_margin - doc.r_margin
    panel_width = full / 2
    top_y = doc.get_y() + 1
    for index, (name, values, fmt, whole) in enumerate(panels):
        left = doc.l_margin + (index % 2) * panel_width
        y = top_y + (index // 2) * (height + 17)
        doc.set_font(FAMILY, "", 8)
        doc.set_xy(left, y)
        doc.multi_cell(panel_width - 4, 3.5, name, align="C", max_line_height=3.5)
        x, chart_y = left + 15, y + 9
        width = panel_width - 22
        top = _top(values, whole)
        _value_axis(doc, x, chart_y, width, height, top, fmt, whole)
        step = width / max(len(periods) - 1, 1)
        points = [(x + i * step, chart_y + height - height * v / top)
                  for i, v in enumerate(values) if v is not None]
        doc.set_draw_color(*CURRENT)
        doc.set_line_width(0.5)
        for start, end in zip(points, points[1:], strict=False):
            doc.line(*start, *end)
        doc.set_fill_color(*CURRENT)
        for px, py in points:
            doc.ellipse(px - 0.9, py - 0.9, 1.8, 1.8, style="F")
        for i, period in enumerate(periods):
            _label(doc, x + i * step - 10, chart_y + height + 0.5, 20, period)
        doc.set_line_width(0.2)
    _done(doc, top_y + rows * (height + 17))
